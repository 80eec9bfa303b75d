/** The `code-format` part (see parts.ts): run by importScripts in the engine worker, it registers itself. */
import { formatFiles, isFormatted } from "../../../codegen/format/index.js";
import { prepareWebFmt } from "../../../codegen/format/web-fmt.js";
import { compileTailwind, reactPreview } from "../../../codegen/preview/react-preview.js";
import { registerFormatPart } from "./parts.js";

// `ready`: the wasm formatters compiled as the part loads (the panel's warm-up), not in the first code job.
registerFormatPart({ formatFiles, isFormatted, reactPreview, compileTailwind, ready: prepareWebFmt });
