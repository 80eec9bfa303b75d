/**
 * The engine worker's code parts: what formats, checks and previews code, shipped apart from the worker (which
 * starts light for model requests, images, analysis, search) and loaded into it by the host before the jobs
 * that need them (Engine.call, by the kinds the protocol lists in `codeParts`), or at the Code panel's warm-up.
 * - `code-preview` (preview.entry.ts): the React preview (sucrase, Tailwind's compiler and stylesheets, ~0.7 MB):
 *   what an offline Code job needs before it answers, so the Code panel is ready when this one is.
 * - `code-format` (format.entry.ts): codegen/format's formatters (prettier, the wasm formatters: ~6.4 MB). The
 *   emitters print their own files in the formatter's form, so an offline job does not wait for it: the host sends
 *   it once the job is posted or in idle time (the protocol's `laterCodeParts`), and a file that still needs
 *   formatting waits here until it has run (`loadedPart`). Model jobs wait for it before they start.
 * - `code-check` (check.entry.ts): the project pass and the checks built on ts-morph with TypeScript (~7 MB):
 *   for model-written files and Code Connect only.
 * Modules importing the real codegen/format, codegen/project or codegen/preview/react-preview get the shims
 * beside this file in the engine bundle (esbuild.config.mjs), which call into the parts through the globals
 * they set.
 */
import type { CodePart } from "../../../contract/messages.js";
import type { formatFiles, isFormatted } from "../../../codegen/format/index.js";
import type {
  checkComponentUsage,
  checkLibraryUsage,
  checkProject,
  checkReactNative,
} from "../../../codegen/project/index.js";
import type {
  buildReactPreview,
  compileTailwind,
  reactPreview,
  ReactPreview,
} from "../../../codegen/preview/react-preview.js";
import type { FallbackFace } from "../../../codegen/fonts/plan.js";
import type { SourceFile } from "../../../codegen/types.js";
import type { parseCodeConnectText } from "../../../codegen/components-map/code-connect.js";

export interface PreviewPart {
  /** The React preview, its Tailwind compiled first (Tailwind's compiler and stylesheets are in this part too). */
  reactPreview: typeof reactPreview;
  /** Tailwind's compiler alone: a designed page's stylesheet (ai/code/page.ts). */
  compileTailwind: typeof compileTailwind;
  /** The document builder alone: the Vue and Svelte parts give it their compiled modules. */
  buildReactPreview: typeof buildReactPreview;
}

/**
 * A target's preview part (`code-vue`, `code-svelte`, `code-angular`, `code-react-native`): its files compiled by the
 * target's own compiler (Angular's by ngtsc; React Native's by the React preview's TSX transform) and shown with its
 * runtime (which the part carries) by the React preview's document builder (`runtime`: the preview runtime).
 */
export interface TargetPreviewPart {
  /** `measured`: the design's fallback faces of fonts no catalog knows (React Native's preview needs them). */
  preview(files: SourceFile[], runtime: string, measured?: readonly FallbackFace[]): Promise<ReactPreview>;
}

export interface FormatPart {
  formatFiles: typeof formatFiles;
  isFormatted: typeof isFormatted;
  /** Compiles the formatters (their wasm), started in idle time once the part is loaded (warmParts). */
  ready?: () => Promise<unknown>;
}

export interface CheckPart {
  checkProject: typeof checkProject;
  checkLibraryUsage: typeof checkLibraryUsage;
  /** The model's files against the document's mapping (the plugin has no library types). */
  checkComponentUsage: typeof checkComponentUsage;
  /**
   * A React Native answer: React Native's components only, and its types against the declarations of react-native,
   * react-native-svg and React this part carries (esbuild.react-native-types.mjs), unless others are given.
   */
  checkReactNative: typeof checkReactNative;
  /** Code Connect files are TypeScript: read with ts-morph, so only here (issue 26). */
  parseCodeConnectText: typeof parseCodeConnectText;
}

interface PartApis {
  "code-preview": PreviewPart;
  "code-format": FormatPart;
  "code-check": CheckPart;
  "code-vue": TargetPreviewPart;
  "code-svelte": TargetPreviewPart;
  "code-react-native": TargetPreviewPart;
  "code-angular": TargetPreviewPart;
}

/**
 * Where each part puts itself once its script has run (bench/plugin-util.ts finds the parts in dist/code.js by them).
 */
export const CODE_PREVIEW_GLOBAL = "__figmentCodePreview";
export const CODE_FORMAT_GLOBAL = "__figmentCodeFormat";
export const CODE_CHECK_GLOBAL = "__figmentCodeCheck";
export const CODE_VUE_GLOBAL = "__figmentCodeVue";
export const CODE_SVELTE_GLOBAL = "__figmentCodeSvelte";
export const CODE_REACT_NATIVE_GLOBAL = "__figmentCodeReactNative";
export const CODE_ANGULAR_GLOBAL = "__figmentCodeAngular";
const GLOBALS: { readonly [P in CodePart]: string } = {
  "code-preview": CODE_PREVIEW_GLOBAL,
  "code-format": CODE_FORMAT_GLOBAL,
  "code-check": CODE_CHECK_GLOBAL,
  "code-vue": CODE_VUE_GLOBAL,
  "code-svelte": CODE_SVELTE_GLOBAL,
  "code-react-native": CODE_REACT_NATIVE_GLOBAL,
  "code-angular": CODE_ANGULAR_GLOBAL,
};

const WHAT: { readonly [P in CodePart]: string } = {
  "code-preview": "React preview",
  "code-format": "code formatter",
  "code-check": "code checker (ts-morph)",
  "code-vue": "Vue preview (Vue's compiler)",
  "code-svelte": "Svelte preview (Svelte's compiler)",
  "code-react-native": "React Native preview (react-native-web)",
  "code-angular": "Angular preview (Angular's compiler, ngtsc)",
};

// One function per part, so a part's script names only its own global.
/** In the code-preview part's script: registers its API in the worker. */
export function registerPreviewPart(api: PreviewPart): void {
  (globalThis as Record<string, unknown>)[CODE_PREVIEW_GLOBAL] = api;
}

/**
 * In the code-format part's script: registers its API in the worker. The jobs waiting for it are woken by the engine
 * once the script has run (`runPartScript`): this module's state here is the part bundle's own copy, not the engine's.
 */
export function registerFormatPart(api: FormatPart): void {
  (globalThis as Record<string, unknown>)[CODE_FORMAT_GLOBAL] = api;
}

/** In the code-vue part's script: registers its API in the worker. */
export function registerVuePart(api: TargetPreviewPart): void {
  (globalThis as Record<string, unknown>)[CODE_VUE_GLOBAL] = api;
}

/** In the code-svelte part's script: registers its API in the worker. */
export function registerSveltePart(api: TargetPreviewPart): void {
  (globalThis as Record<string, unknown>)[CODE_SVELTE_GLOBAL] = api;
}

/** In the code-react-native part's script: registers its API in the worker. */
export function registerReactNativePart(api: TargetPreviewPart): void {
  (globalThis as Record<string, unknown>)[CODE_REACT_NATIVE_GLOBAL] = api;
}

/** In the code-angular part's script: registers its API in the worker. */
export function registerAngularPart(api: TargetPreviewPart): void {
  (globalThis as Record<string, unknown>)[CODE_ANGULAR_GLOBAL] = api;
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

const registered = <P extends CodePart>(part: P): PartApis[P] | undefined =>
  (globalThis as Record<string, unknown>)[GLOBALS[part]] as PartApis[P] | undefined;

/**
 * The loaded part; a job that needs it before it came is a host bug (the protocol's `codeParts` misses it), said
 * plainly.
 */
export function codePart<P extends CodePart>(part: P): PartApis[P] {
  const api = registered(part);
  if (!api)
    throw new Error(
      `the ${WHAT[part]} is not loaded in this worker yet (the host loads ` +
        `the "${part}" part before the jobs the protocol lists for it)`,
    );
  return api;
}

type Settled = { api: unknown } | { error: Error };
/** Parts a posted job was promised (the protocol's `laterCodeParts`): the host is sending them. */
const expected = new Set<CodePart>();
/** Jobs waiting for a promised part, by part. */
const waiters = new Map<CodePart, ((settled: Settled) => void)[]>();

function settleWaiters(part: CodePart, settled: Settled): void {
  if ("api" in settled) expected.delete(part);
  const waiting = waiters.get(part) ?? [];
  waiters.delete(part);
  for (const wake of waiting) wake(settled);
}

/** Code jobs running that the host sends parts after (`generate`), and what waits for none to run. */
let codeJobs = 0;
let quietWaiters: (() => void)[] = [];

function wakeQuiet(): void {
  const waiting = quietWaiters;
  quietWaiters = [];
  for (const wake of waiting) wake();
}

/**
 * The worker, around such a job (`run` resolves when it is answered): a part's script and the formatters' compile wait
 * for it (`quiet`), so a Generate clicked as the formatters arrive is not answered after them.
 */
export async function asCodeJob<T>(run: () => Promise<T>): Promise<T> {
  codeJobs++;
  try {
    return await run();
  } finally {
    if (--codeJobs === 0) wakeQuiet();
  }
}

/** Settles once no such job runs, or at once when one waits for a part (whose script must then not wait). */
export function quiet(): Promise<void> {
  if (codeJobs === 0 || waiters.size > 0) return Promise.resolve();
  return new Promise((resolve) => quietWaiters.push(resolve));
}

/**
 * The engine worker, running a part's script (`run`: importScripts): then wakes the jobs waiting for a part it
 * registered. The wake is the engine's own: each part is a bundle of its own, whose copy of this module has other
 * waiters (none), so a part waking them itself left a job that asked for it first waiting for ever.
 */
export function runPartScript(run: () => void): void {
  run();
  for (const part of [...expected, ...waiters.keys()]) {
    const api = registered(part);
    if (api) settleWaiters(part, { api });
  }
}

/** The worker, on a request whose kind the host sends `parts` after (the protocol's `laterCodeParts`). */
export function expectParts(parts: readonly CodePart[]): void {
  for (const part of parts) if (!registered(part)) expected.add(part);
}

/**
 * The worker, when the host could not send a promised part: the jobs waiting for it fail with `message` (never a file
 * left unformatted), and a later request promising it waits again.
 */
export function partFailed(part: CodePart, message: string): void {
  expected.delete(part);
  settleWaiters(part, { error: new Error(`the ${WHAT[part]} could not be loaded: ${message}`) });
}

/**
 * The part once it has run: at once when it has; when a posted job was promised it (it comes after the job), when it
 * has run or failed; otherwise a host bug, said as codePart says it.
 */
export function loadedPart<P extends CodePart>(part: P): Promise<PartApis[P]> {
  const api = registered(part);
  if (api || !expected.has(part)) return Promise.resolve().then(() => codePart(part));
  return new Promise<PartApis[P]>((resolve, reject) => {
    const wake = (settled: Settled) => ("api" in settled ? resolve(settled.api as PartApis[P]) : reject(settled.error));
    waiters.set(part, [...(waiters.get(part) ?? []), wake]);
    wakeQuiet();
  });
}
