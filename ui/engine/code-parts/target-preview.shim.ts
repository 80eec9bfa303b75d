/**
 * codegen/preview/react-preview.ts as a target's preview part (code-vue, code-svelte) sees it: the calls go to the
 * code-preview part, read by its global alone, so the part's script names no other part's global (bench/plugin-util.ts
 * tells the parts apart by them). The host loads code-preview before any job that needs a target's part.
 */
import { CODE_PREVIEW_GLOBAL, type PreviewPart } from "./parts.js";

function previewPart(): PreviewPart {
  const api = (globalThis as Record<string, unknown>)[CODE_PREVIEW_GLOBAL] as PreviewPart | undefined;
  if (!api) throw new Error("the React preview part is not loaded in this worker (a target's preview needs it)");
  return api;
}

export const compileTailwind: PreviewPart["compileTailwind"] = (files) => previewPart().compileTailwind(files);

export const reactPreview: PreviewPart["reactPreview"] = (files, runtime) => previewPart().reactPreview(files, runtime);

export const buildReactPreview: PreviewPart["buildReactPreview"] = (files, runtime, options) =>
  previewPart().buildReactPreview(files, runtime, options);
