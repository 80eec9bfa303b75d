/** The `code-preview` part (see parts.ts): run by importScripts in the engine worker, it registers itself. */
import { buildReactPreview, compileTailwind, reactPreview } from "../../../codegen/preview/react-preview.js";
import { registerPreviewPart } from "./parts.js";

registerPreviewPart({ reactPreview, compileTailwind, buildReactPreview });
