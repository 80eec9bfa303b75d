/**
 * The code section's jobs: the offline code generator, the model's design hint, the React preview page, Code Connect
 * text.
 */
import {
  emitFiles,
  generateCode,
  loadDesign,
  modelHint,
  type CodeOptions,
  type DesignDocument,
  type DesignNode,
} from "../../../codegen/index.js";
import { readMappingJson } from "../../../codegen/components-map/json.js";
import { designFacts, type DesignFacts } from "../../../codegen/design/design-diff.js";
import { withDrawings } from "../../../codegen/design/drawings.js";
import { findPageGroups, frameNames, labelFrames, pageGroupLine } from "../../../codegen/design/page-groups.js";
import { mappingNoteProblem } from "../../../codegen/components-map/problems.js";
import { previewInstance } from "../../../codegen/components-map/preview.js";
import { fontPlan } from "../../../codegen/fonts/plan.js";
import { reactPreview, type ReactPreview } from "../../../codegen/preview/react-preview.js";
import { previewRuntime } from "../../../codegen/preview/runtime-source.js";
import type { Problem, SourceFile } from "../../../codegen/types.js";
import { targetPreviewParts } from "../../../contract/targets.js";
import type { Target } from "../../../contract/words.js";
import { codePart } from "../code-parts/parts.js";
import { figmentVersion } from "../figment-version.js";
import { asNodesReply, type BodyOf } from "../protocol/index.js";
import type { Jobs } from "./job.js";

/**
 * The request's options as the emitters take them: the component mapping read again field by field (it crossed
 * from the panel), its notes as problems naming where they point; React only (HTML writes no imports).
 */
export function codeOptions(options: BodyOf<"generate">["options"]): { options: CodeOptions; problems: Problem[] } {
  const { components, ...rest } = options;
  if (!components || components.components.length === 0 || rest.target !== "react")
    return { options: rest, problems: [] };
  const { map, notes } = readMappingJson(components, "this file's mapping");
  return { options: { ...rest, components: map }, problems: notes.map(mappingNoteProblem) };
}

/**
 * The preview page of a target's files: React's run by the preview runtime; Vue's, Svelte's and Angular's compiled
 * first by their own compiler (Angular's: ngtsc), React Native's run through react-native-web, in the target's preview
 * part (contract/targets.ts).
 */
function targetPreview(
  files: SourceFile[],
  target: Target | undefined,
  runtime: string,
  document?: DesignDocument,
): Promise<ReactPreview> {
  const [part] = targetPreviewParts(target);
  // React Native's files do not carry React's measured stand-ins for fonts no catalog knows: the design does.
  const measured = target === "react-native" && document ? fontPlan(document.frames).fallbacks : undefined;
  return part ? codePart(part).preview(files, runtime, measured) : reactPreview(files, runtime);
}

/**
 * React, Vue and Svelte output as it ships, for the preview and the score: the emitters' files with the layers' ids
 * (the score finds layers by them; unformatted, the preview compiles them anyway), run by the preview runtime,
 * Tailwind compiled. Undefined when the preview cannot run all of it (an error: a mapped library's package it has no
 * stand-in for).
 */
async function shippedPreview(
  document: DesignDocument,
  options: CodeOptions,
): Promise<{ html: string; problems: Problem[] } | undefined> {
  const runtime = previewRuntime();
  if (!runtime) return undefined;
  const files = emitFiles(document, { ...options, nodeIds: true }).files;
  const preview = await targetPreview(files, options.target, runtime, document);
  return preview.problems.some((p) => p.severity === "error")
    ? undefined
    : { html: preview.html, problems: preview.problems };
}

/** The exported frames' design facts, for the result's record; undefined when the export cannot be read for them. */
export function exportFacts(exports: BodyOf<"generate">["exports"]): DesignFacts | undefined {
  try {
    return designFacts(
      asNodesReply(exports),
      exports.map((e) => e.id),
    );
  } catch {
    return undefined;
  }
}

/** The note of one page made of the frames `ids` (as the CLI's, cli/common/page-groups.ts). */
function pageNote(frames: readonly DesignNode[], ids: readonly string[]): Problem {
  const group = labelFrames(frames.filter((f) => ids.includes(f.id)));
  return {
    severity: "info",
    code: "breakpoints",
    message: `${frameNames(group)}: ${pageGroupLine({ frames: group })} ("Generate separately" keeps them apart)`,
    nodeId: group[0]?.id ?? ids[0]!,
  };
}

export const codeJobs: Jobs<
  "generate" | "hint" | "page-groups" | "react-preview" | "inspect-instance" | "read-code-connect"
> = {
  generate: async (request) => {
    const loaded = loadDesign(asNodesReply(request.exports), [], request.extras ?? {});
    // The panel's pages drawn at several widths, each made one page (its narrower frames its drawings).
    const pages = request.pages ?? [];
    const design = {
      ...loaded,
      document: withDrawings(loaded.document, pages),
      problems: [...loaded.problems, ...pages.map((ids) => pageNote(loaded.document.frames, ids))],
    };
    const started = performance.now();
    const { options, problems } = codeOptions(request.options);
    const result = await generateCode(design.document, options);
    const ms = performance.now() - started;
    const scripted = options.target === "react" || targetPreviewParts(options.target).length > 0;
    const preview = scripted ? await shippedPreview(design.document, options) : undefined;
    const facts = exportFacts(request.exports);
    return {
      result: { files: result.files, problems: [...design.problems, ...problems, ...result.problems] },
      ms,
      ...(preview ? { preview } : {}),
      ...(facts ? { design: facts } : {}),
      figment: figmentVersion(),
    };
  },
  hint: async (request) => ({
    hint: modelHint(loadDesign(asNodesReply(request.exports), [], request.extras ?? {}).document),
  }),
  "page-groups": async (request) => ({
    groups: findPageGroups(loadDesign(asNodesReply(request.exports)).document.frames),
  }),
  "react-preview": async (request) => {
    const runtime = previewRuntime();
    if (!runtime) throw new Error("this build has no preview runtime");
    const preview = await targetPreview(request.files, request.target, runtime);
    return { html: preview.html, problems: preview.problems };
  },
  "inspect-instance": async (request) => {
    const { document } = loadDesign(asNodesReply(request.exports), [request.nodeId]);
    const facts = document.instances?.[request.nodeId];
    const map = request.components ? readMappingJson(request.components, "the mapping").map : undefined;
    const preview = map ? previewInstance(document, request.nodeId, map) : { notes: [] };
    return { ...(facts ? { facts } : {}), ...preview };
  },
  "read-code-connect": async (request) => {
    const { map, notes } = codePart("code-check").parseCodeConnectText(request.name, request.text);
    return {
      map,
      notes: notes.map(({ severity, message, file, line }) => ({
        severity,
        message,
        ...(file !== undefined ? { file } : {}),
        ...(line !== undefined ? { line } : {}),
      })),
    };
  },
};
