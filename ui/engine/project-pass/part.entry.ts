/** The project pass as a worker part (see pass.ts): run by importScripts in the engine worker, it registers itself. */
import { formatFiles, isFormatted } from "../../../codegen/format/index.js";
import { checkComponentUsage, checkLibraryUsage, checkProject } from "../../../codegen/project/index.js";
import { reactPreview } from "../../../codegen/preview/react-preview.js";
import { parseCodeConnectText } from "../../../codegen/components-map/code-connect.js";
import { PROJECT_PASS_GLOBAL, type ProjectPass } from "./pass.js";

const pass: ProjectPass = { formatFiles, isFormatted, checkProject, checkLibraryUsage, checkComponentUsage, reactPreview, parseCodeConnectText };
(globalThis as Record<string, unknown>)[PROJECT_PASS_GLOBAL] = pass;
