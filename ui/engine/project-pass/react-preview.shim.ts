/** codegen/preview/react-preview.ts as the engine bundle sees it: the calls go to the project pass part (pass.ts). */
import type { ProjectPass } from "./pass.js";
import { projectPass } from "./pass.js";

export const buildReactPreview: ProjectPass["buildReactPreview"] = (files, runtime) => projectPass().buildReactPreview(files, runtime);
