/** The `code-format` part (see parts.ts): run by importScripts in the engine worker, it registers itself. */
import { formatFiles, isFormatted } from "../../../codegen/format/index.js";
import { prepareWebFmt } from "../../../codegen/format/web-fmt.js";
import { registerFormatPart } from "./parts.js";

// `ready`: the wasm formatters compiled in idle time once the part has run (warmParts), not in the first job needing
// them.
registerFormatPart({ formatFiles, isFormatted, ready: prepareWebFmt });
