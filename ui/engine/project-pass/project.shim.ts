/** codegen/project/index.ts as the engine bundle sees it: the calls go to the project pass part (pass.ts). */
import type { ProjectPass } from "./pass.js";
import { projectPass } from "./pass.js";

export type { ComponentUsageOptions, LibraryTypes, ProjectOptions } from "../../../codegen/project/index.js";
export const checkProject: ProjectPass["checkProject"] = (files, options) => projectPass().checkProject(files, options);
export const checkLibraryUsage: ProjectPass["checkLibraryUsage"] = (files, libraries) => projectPass().checkLibraryUsage(files, libraries);
export const checkComponentUsage: ProjectPass["checkComponentUsage"] = (files, map, options) => projectPass().checkComponentUsage(files, map, options);
