/** codegen/project/index.ts as the engine bundle sees it: the calls go to the project pass part (pass.ts). */
import type { ProjectPass } from "./pass.js";
import { projectPass } from "./pass.js";

export type { LibraryTypes, ProjectOptions } from "../../../codegen/project/index.js";
export const checkProject: ProjectPass["checkProject"] = (files, options) => projectPass().checkProject(files, options);
export const checkLibraryUsage: ProjectPass["checkLibraryUsage"] = (files, libraries) => projectPass().checkLibraryUsage(files, libraries);
