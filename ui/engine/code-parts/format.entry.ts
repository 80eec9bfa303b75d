/** The `code-format` part (see parts.ts): run by importScripts in the engine worker, it registers itself. */
import { formatFiles, isFormatted } from "../../../codegen/format/index.js";
import { reactPreview } from "../../../codegen/preview/react-preview.js";
import { registerFormatPart } from "./parts.js";

registerFormatPart({ formatFiles, isFormatted, reactPreview });
