/** codegen/format/index.ts as the engine bundle sees it: the calls go to the project pass part (pass.ts). */
import type { ProjectPass } from "./pass.js";
import { projectPass } from "./pass.js";

export const formatFiles: ProjectPass["formatFiles"] = (files, author) => projectPass().formatFiles(files, author);
export const isFormatted: ProjectPass["isFormatted"] = (file, author) => projectPass().isFormatted(file, author);
