/**
 * The project pass inside the engine worker: prettier and ts-morph with TypeScript (about 9 of the worker's 10 MB), and
 * the React preview's Tailwind compiler, shipped as a part of its own that the host loads into the worker before the first job that formats, checks or
 * transpiles code (Engine.call, by the kinds the protocol lists as `projectPass`), or at the Code panel's warm-up.
 * The rest of the worker (model requests, images, analysis, search) starts without it. Modules importing the real
 * codegen/format, codegen/project or codegen/preview/react-preview get the shims beside this file in the engine
 * bundle (esbuild.config.mjs), which call into the part through the global it sets.
 */
import type { formatFiles, isFormatted } from "../../../codegen/format/index.js";
import type { checkComponentUsage, checkLibraryUsage, checkProject } from "../../../codegen/project/index.js";
import type { reactPreview } from "../../../codegen/preview/react-preview.js";
import type { parseCodeConnectText } from "../../../codegen/components-map/code-connect.js";

export interface ProjectPass {
  formatFiles: typeof formatFiles;
  isFormatted: typeof isFormatted;
  checkProject: typeof checkProject;
  checkLibraryUsage: typeof checkLibraryUsage;
  /** The model's files against the document's mapping (the plugin has no library types). */
  checkComponentUsage: typeof checkComponentUsage;
  /** The React preview, its Tailwind compiled first (Tailwind's compiler and stylesheets are in this part too). */
  reactPreview: typeof reactPreview;
  /** Code Connect files are TypeScript: read with ts-morph, so only here (issue 26). */
  parseCodeConnectText: typeof parseCodeConnectText;
}

/** Where the part puts itself once its script has run. */
export const PROJECT_PASS_GLOBAL = "__figmentProjectPass";

/** The loaded part; a job that needs it before it came is a host bug, said plainly. */
export function projectPass(): ProjectPass {
  const pass = (globalThis as Record<string, unknown>)[PROJECT_PASS_GLOBAL] as ProjectPass | undefined;
  if (!pass) throw new Error("the code formatter and checker are not loaded in this worker yet (the host loads them before a code job)");
  return pass;
}
