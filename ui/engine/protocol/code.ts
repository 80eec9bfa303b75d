/**
 * The code section: the offline code generator (`generate`), the design hint the model sees (`hint`) and the
 * React preview page of a file set (`react-preview`, run only in a sandboxed iframe, never here).
 */
import {
  array,
  boolean,
  bytes,
  json,
  number,
  object,
  oneOf,
  opaque,
  optional,
  record,
  string,
  type Infer,
} from "../../../contract/fields.js";
import type { InstanceFacts } from "../../../codegen/design/types.js";
import type { DesignFacts } from "../../../codegen/design/design-diff.js";
import type { KeptAsset, PluginGeneration } from "../../../codegen/project/recorded-project.js";
import { componentMapField } from "../../../contract/components.js";
import { exportExtrasField } from "../../../contract/messages.js";
import { STYLINGS, TARGETS, type Target } from "../../../contract/words.js";
import { needsCodeCheck } from "../../../codegen/needs-check.js";
import { targetPreviewParts as targetParts } from "../../../contract/targets.js";
import type { CodePartsOf, Section } from "./common.js";

/** One selected frame: what `exportAsync({ format: "JSON_REST_V1" })` returned, by node id. */
const exportEntry = object({ id: string({ nonEmpty: true }), json: json() });
export const exportsField = array(exportEntry, { max: 50 });
export type ExportEntry = Infer<typeof exportEntry>;

/**
 * `components`: the document's mapping (contract/components.ts), read again field by field in the worker before use.
 */
/** The layout check's verdict on one frame (codegen/layout/decide.ts FrameLayout), checked as it crosses. */
const frameLayoutField = object({
  kept: array(string({ max: 1000 }), { max: 5000 }),
  drawn: optional(boolean()),
  exact: optional(boolean()),
  check: oneOf(["chromium", "preview", "simulator"]),
});

export const codeOptionsField = object({
  target: oneOf(TARGETS),
  styling: oneOf(STYLINGS),
  nodeIds: boolean(),
  components: optional(componentMapField),
  /** The panel's layout check (ui/code/layout-check.ts): each inferred frame's sections kept as drawn. */
  layoutDecisions: optional(record(frameLayoutField, { max: 50 })),
});
/** What decides the parts a `generate` needs. */
type GenerateBody = { options: Infer<typeof codeOptionsField> };
const mappingNote = object({
  severity: oneOf(["error", "warning", "info"]),
  message: string(),
  file: optional(string()),
  line: optional(number()),
});
// `bytes`: a binary asset (an image), content "".
const sourceFile = object({ path: string(), content: string(), bytes: optional(bytes()) });
export const problemField = object({
  severity: oneOf(["error", "warning", "info"]),
  code: string(),
  message: string(),
  file: optional(string()),
  line: optional(number()),
  column: optional(number()),
  nodeId: optional(string()),
});
const fileSet = object({ files: array(sourceFile), problems: array(problemField) });
/**
 * A result as its zip's record says it (codegen/project/recorded-project.ts): read again in full by the job
 * (ui/engine/jobs/update.ts), so its fields' checks stay out of ui.html.
 */
const generation = opaque<PluginGeneration>("a generation's record");
/** An earlier result as History kept it: its record, text files, and binary files by size (read again by the job). */
export interface EarlierResult {
  record: PluginGeneration;
  files: { path: string; content: string }[];
  assets: KeptAsset[];
}
/** A design's facts (codegen/design/design-diff.ts), read again in full (readDesignFacts) where they are compared. */
const designFactsField = opaque<DesignFacts>("design facts");

/** Frames of the export drawing one page at several widths, by id (codegen/design/drawings.ts withDrawings). */
export const pagesField = array(array(string({ nonEmpty: true, max: 1000 }), { max: 50 }), { max: 50 });
/** One group codegen/design/page-groups.ts found: its frames widest first, and what says they are one page. */
const pageGroupField = object({
  frames: array(
    object({ id: string({ nonEmpty: true, max: 1000 }), name: string(), width: number(), label: string({ max: 200 }) }),
    { max: 50 },
  ),
  by: oneOf(["name", "content", "name and content"]),
});

export const codeSection = {
  requests: {
    /** `extras`: the export's image bytes and SVGs (contract/messages.ts), which loadDesign takes beside the JSON. */
    /** `pages`: frames made one page each (the panel's groups, unless "Generate separately"). */
    generate: {
      exports: exportsField,
      options: codeOptionsField,
      extras: optional(exportExtrasField),
      pages: optional(pagesField),
    },
    /** The selection's frames that draw one page at several widths (the panel shows them before Generate). */
    "page-groups": { exports: exportsField },
    hint: { exports: exportsField, extras: optional(exportExtrasField) },
    /**
     * The model's files as a scripted preview page: React's, or (`target`) Vue's or Svelte's compiled by their own
     * compiler (the target's preview part).
     */
    "react-preview": { files: array(sourceFile), target: optional(oneOf(TARGETS)) },
    /**
     * Settings → Components: one exported instance's component facts (ids, keys, properties) and the JSX `components`
     * writes for it (previewInstance), with its notes. Here, not in the panel: the design tree stays out of ui.html.
     */
    "inspect-instance": {
      exports: exportsField,
      nodeId: string({ nonEmpty: true, max: 1000 }),
      components: optional(componentMapField),
    },
    /**
     * A Code Connect file's text (`*.figma.tsx`, pasted) read into a component mapping; needs ts-morph, so the project
     * pass.
     */
    "read-code-connect": { name: string({ nonEmpty: true, max: 200 }), text: string({ max: 500_000 }) },
    /**
     * A file set packed as a zip for a download (ui/lib/zip.ts): fflate stays out of ui.html. With `project`, the
     * files are first made a runnable project (codegen/scaffold/project-files.ts, also kept out of ui.html).
     */
    /** A file's text as highlighted HTML lines (ui/lib/highlight.ts): the highlighter stays out of ui.html. */
    highlight: { path: string({ max: 1000 }), text: string({ max: 250_000 }) },
    "zip-files": {
      files: array(sourceFile),
      project: optional(object({ target: oneOf(TARGETS), styling: oneOf(STYLINGS), name: string({ max: 1000 }) })),
      /** The result's record: the zip is its starter project with `.figment/` (target and name the record's). */
      record: optional(generation),
    },
    /**
     * What changed in a design since code was made from it (codegen/design/design-diff.ts): the facts then, and the
     * facts now or the frames' exports to read them from.
     */
    "design-changes": { before: designFactsField, after: optional(designFactsField), exports: optional(exportsField) },
    /**
     * "Download update": the patch (codegen/project/patch.ts) from the zip of an earlier result (its text files as
     * History kept them, its binary files by size) to the zip of the new one (`after`, its `files`), both with their
     * record.
     */
    "update-patch": { before: opaque<EarlierResult>("an earlier result"), after: generation, files: array(sourceFile) },
  },
  replies: {
    /**
     * `preview`: for React output, the code itself (with the layers' ids) as the preview runtime runs it — what ships,
     * Tailwind compiled — when the preview can run all of it (absent when it cannot: a mapped library's package).
     */
    generate: {
      result: fileSet,
      ms: number(),
      preview: optional(object({ html: string(), problems: array(problemField) })),
      /** The frames' design facts (codegen/design/design-diff.ts) and the version that made the code: its record. */
      design: optional(designFactsField),
      figment: optional(string()),
    },
    hint: { hint: string() },
    "page-groups": { groups: array(pageGroupField, { max: 25 }) },
    "react-preview": { html: string(), problems: array(problemField) },
    /** `notes`: in designer words, each with the id of the layer it is about (shown as a detail to copy). */
    "inspect-instance": {
      facts: optional(opaque<InstanceFacts>("instance facts")),
      jsx: optional(string()),
      notes: array(object({ message: string(), nodeId: string() })),
    },
    "read-code-connect": { map: componentMapField, notes: array(mappingNote) },
    highlight: { lines: array(string()) },
    "zip-files": { zip: bytes(), count: number() },
    /** `lines`: each change in words (changeLine); none when nothing changed. */
    "design-changes": { summary: string(), lines: array(string()) },
    /** `name`: the patch's file name (`figment-update-<frame>.patch`); `files`: how many text files it changes. */
    "update-patch": { patch: string(), name: string(), files: number() },
  },
  events: {},
  streams: {},
  estimates: [],
  // `generate` needs ts-morph only where generateCode runs it (the team's components): else the Code panel is
  // ready once "code-preview" is. The emitters print their files in the formatter's form, so it is answered without
  // the formatters, which come after it (a file still to format waits for them in the worker).
  codeParts: {
    generate: ((body) => [
      "code-preview",
      ...targetParts(body?.options.target),
      ...(body && needsCodeCheck(body.options) ? (["code-check"] as const) : []),
    ]) satisfies CodePartsOf<GenerateBody>,
    "react-preview": ((body) => ["code-preview", ...targetParts(body?.target)]) satisfies CodePartsOf<{
      target?: Target | undefined;
    }>,
    "read-code-connect": ["code-check"],
  },
  laterCodeParts: { generate: ["code-format"] },
} as const satisfies Section;

/** A nodes-style reply holding every export, so one loadDesign call sees all frames and their components. */
export function asNodesReply(exports: ExportEntry[]): { nodes: Record<string, unknown> } {
  const nodes: Record<string, unknown> = {};
  for (const entry of exports) nodes[entry.id] = entry.json;
  return { nodes };
}
