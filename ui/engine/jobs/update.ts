/**
 * Design changes and updates in the worker (issue 71): what changed in a frame's design since code was made from it
 * (`design-changes`, codegen/design/design-diff.ts), and "Download update" (`update-patch`): the patch from the zip of
 * the code the team took (rebuilt from what History kept) to the zip of the new result, records included
 * (codegen/project/patch.ts, recorded-project.ts). jsdiff and the diff stay out of ui.html.
 */
import { changeLine, changeSummary, diffDesigns, readDesignFacts } from "../../../codegen/design/design-diff.js";
import { projectPatch } from "../../../codegen/project/patch.js";
import { projectSlug } from "../../../codegen/scaffold/project-files.js";
import { keptGeneration, recordedProject, type PluginGeneration } from "../../../codegen/project/recorded-project.js";
import { array, boolean, number, object, oneOf, opaque, optional, string } from "../../../contract/fields.js";
import { designFactsField } from "../../../contract/design-facts.js";
import { isoTimeField } from "../../../contract/image.js";
import { STYLINGS, TARGETS } from "../../../contract/words.js";
import { exportFacts } from "./code.js";
import type { Jobs } from "./job.js";

const generationField = object(
  {
    figment: string({ nonEmpty: true, max: 100 }),
    createdAt: isoTimeField,
    frames: array(object({ id: string({ nonEmpty: true, max: 1000 }), name: string({ max: 1000 }) }), { max: 50 }),
    target: oneOf(TARGETS),
    styling: oneOf(STYLINGS),
    nodeIds: boolean(),
    design: optional(designFactsField),
    // What History keeps beside it (its binary files' sizes) is not the record's.
  },
  { extra: "drop" },
);

/** An earlier result as the panel sent it (ui/engine/protocol/code.ts EarlierResult); its record is read apart. */
const earlierField = object({
  record: opaque<PluginGeneration>("its record"),
  files: array(object({ path: string({ nonEmpty: true }), content: string() })),
  assets: array(object({ path: string({ nonEmpty: true }), bytes: number({ integer: true, min: 0 }) })),
});

/** A generation as the panel sent it, checked field by field (the protocol lets it through as an object). */
export function readGeneration(value: unknown, what: string): PluginGeneration {
  const checked = generationField.check(value, what);
  const { design, ...rest } = checked;
  return design ? { ...rest, design: readDesignFacts(design) } : rest;
}

/** "28 Nov 2026, 14:02 UTC": a record's time as the patch's preamble says it. */
function when(iso: string): string {
  const d = new Date(iso);
  const month = d.toLocaleString("en-GB", { month: "short", timeZone: "UTC" });
  const time = `${String(d.getUTCHours()).padStart(2, "0")}:${String(d.getUTCMinutes()).padStart(2, "0")}`;
  return `${d.getUTCDate()} ${month} ${d.getUTCFullYear()}, ${time} UTC`;
}

/** The patch's first lines: what it updates, from when to when, how to apply it, and what changed in the design. */
function patchTitle(before: PluginGeneration, after: PluginGeneration, name: string): string[] {
  const changes = before.design && after.design ? diffDesigns(before.design, after.design) : [];
  const frame = after.frames[0]?.name ?? "design";
  return [
    `Figment update of “${frame}” (${after.target}, ${after.styling}): from the code of ${when(before.createdAt)}`,
    `to the code of ${when(after.createdAt)}, its record (.figment/) included.`,
    `In the project's folder, your edits committed: git apply --3way ${name}`,
    "(--3way merges your edits with the design's, marking conflicts; plain git apply refuses a file you edited",
    "where the design changed).",
    ...(changes.length > 0 ? [`Design changes: ${changeSummary(changes)}.`] : []),
  ];
}

export const updateJobs: Jobs<"design-changes" | "update-patch"> = {
  "design-changes": async ({ before, after, exports }) => {
    const now = after ?? (exports ? exportFacts(exports) : undefined);
    if (!now) throw new Error("the design could not be read for what changed");
    const changes = diffDesigns(readDesignFacts(before), readDesignFacts(now));
    return { summary: changeSummary(changes), lines: changes.map(changeLine) };
  },
  "update-patch": async (request) => {
    const kept = earlierField.check(request.before, "before");
    const before = readGeneration(kept.record, "before.record");
    const after = readGeneration(request.after, "after");
    const earlier = recordedProject(keptGeneration(kept.files, kept.assets, request.files), before);
    const now = recordedProject(request.files, after);
    // Named as the zip is (ui/code/results-view.tsx), after the frame.
    const slug = projectSlug(after.frames[0]?.name ?? "design");
    const name = `figment-update-${slug}.patch`;
    const patch = projectPatch(earlier, now, {
      title: patchTitle(before, after, name),
      binariesFrom: `${slug}-${after.target}.zip`,
    });
    return { patch: patch.text, name, files: patch.files.length };
  },
};
