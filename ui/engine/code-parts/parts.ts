/**
 * The engine worker's code parts: what formats, checks and previews code, shipped apart from the worker (which
 * starts light for model requests, images, analysis, search) and loaded into it by the host before the jobs
 * that need them (Engine.call, by the kinds the protocol lists in `codeParts`), or at the Code panel's warm-up.
 * - `code-format` (format.entry.ts): codegen/format's formatter and the React preview (sucrase, Tailwind's
 *   compiler): what an offline Code job needs, so the Code panel is ready when this one is.
 * - `code-check` (check.entry.ts): the project pass and the checks built on ts-morph with TypeScript (~7 MB):
 *   for model-written files and Code Connect only.
 * Modules importing the real codegen/format, codegen/project or codegen/preview/react-preview get the shims
 * beside this file in the engine bundle (esbuild.config.mjs), which call into the parts through the globals
 * they set.
 */
import type { CodePart } from "../../../contract/messages.js";
import type { formatFiles, isFormatted } from "../../../codegen/format/index.js";
import type { checkComponentUsage, checkLibraryUsage, checkProject } from "../../../codegen/project/index.js";
import type { compileTailwind, reactPreview } from "../../../codegen/preview/react-preview.js";
import type { parseCodeConnectText } from "../../../codegen/components-map/code-connect.js";

export interface FormatPart {
  formatFiles: typeof formatFiles;
  isFormatted: typeof isFormatted;
  /** The React preview, its Tailwind compiled first (Tailwind's compiler and stylesheets are in this part too). */
  reactPreview: typeof reactPreview;
  /** Tailwind's compiler alone: a designed page's stylesheet (ai/code/page.ts). */
  compileTailwind: typeof compileTailwind;
  /** Compiles the formatters (their wasm), started in idle time once the part is loaded (warmParts). */
  ready?: () => Promise<unknown>;
}

export interface CheckPart {
  checkProject: typeof checkProject;
  checkLibraryUsage: typeof checkLibraryUsage;
  /** The model's files against the document's mapping (the plugin has no library types). */
  checkComponentUsage: typeof checkComponentUsage;
  /** Code Connect files are TypeScript: read with ts-morph, so only here (issue 26). */
  parseCodeConnectText: typeof parseCodeConnectText;
}

interface PartApis {
  "code-format": FormatPart;
  "code-check": CheckPart;
}

/**
 * Where each part puts itself once its script has run (bench/plugin-util.ts finds the parts in dist/code.js by them).
 */
export const CODE_FORMAT_GLOBAL = "__figmentCodeFormat";
export const CODE_CHECK_GLOBAL = "__figmentCodeCheck";
const GLOBALS: { readonly [P in CodePart]: string } = {
  "code-format": CODE_FORMAT_GLOBAL,
  "code-check": CODE_CHECK_GLOBAL,
};

const WHAT: { readonly [P in CodePart]: string } = {
  "code-format": "code formatter",
  "code-check": "code checker (ts-morph)",
};

// One function per part, so a part's script names only its own global.
/** In the code-format part's script: registers its API in the worker. */
export function registerFormatPart(api: FormatPart): void {
  (globalThis as Record<string, unknown>)[CODE_FORMAT_GLOBAL] = api;
}

/** In the code-check part's script: registers its API in the worker. */
export function registerCheckPart(api: CheckPart): void {
  (globalThis as Record<string, unknown>)[CODE_CHECK_GLOBAL] = api;
}

/**
 * Starts compiling the loaded parts' formatters (the code-format part's wasm) and settles when they are compiled. The
 * worker answers `load-packed` before it: the emitters print their own files in the formatter's form, so an offline
 * code job needs the part's script (preview, Tailwind) and not the formatters, which compile in idle time afterwards
 * (a file still to format waits on the same compile, codegen/format/web-fmt.ts). Never rejects: a failed compile
 * sends every file to prettier.
 */
export async function warmParts(): Promise<void> {
  const format = (globalThis as Record<string, unknown>)[CODE_FORMAT_GLOBAL] as FormatPart | undefined;
  await format?.ready?.().catch(() => undefined);
}

/**
 * The loaded part; a job that needs it before it came is a host bug (the protocol's `codeParts` misses it), said
 * plainly.
 */
export function codePart<P extends CodePart>(part: P): PartApis[P] {
  const api = (globalThis as Record<string, unknown>)[GLOBALS[part]] as PartApis[P] | undefined;
  if (!api)
    throw new Error(
      `the ${WHAT[part]} is not loaded in this worker yet (the host loads ` +
        `the "${part}" part before the jobs the protocol lists for it)`,
    );
  return api;
}
