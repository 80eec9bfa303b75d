/** codegen/project/index.ts as the engine bundle sees it: the calls go to the `code-check` part (parts.ts). */
import { codePart, type CheckPart } from "./parts.js";

export type { ComponentUsageOptions, LibraryTypes, ProjectOptions } from "../../../codegen/project/index.js";
export const checkProject: CheckPart["checkProject"] = (files, options) =>
  codePart("code-check").checkProject(files, options);
export const checkLibraryUsage: CheckPart["checkLibraryUsage"] = (files, libraries) =>
  codePart("code-check").checkLibraryUsage(files, libraries);
export const checkComponentUsage: CheckPart["checkComponentUsage"] = (files, map, options) =>
  codePart("code-check").checkComponentUsage(files, map, options);
export const checkReactNative: CheckPart["checkReactNative"] = (files, declarations) =>
  codePart("code-check").checkReactNative(files, declarations);
