/** codegen/preview/react-preview.ts as the engine bundle sees it: the calls go to the project pass part (pass.ts). */
import type { ProjectPass } from "./pass.js";
import { projectPass } from "./pass.js";

export const reactPreview: ProjectPass["reactPreview"] = (files, runtime) => projectPass().reactPreview(files, runtime);
