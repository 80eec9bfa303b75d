/** codegen/preview/react-preview.ts as the engine bundle sees it: the calls go to the `code-preview` part
 * (parts.ts). */
import { codePart, type PreviewPart } from "./parts.js";

export const compileTailwind: PreviewPart["compileTailwind"] = (files) =>
  codePart("code-preview").compileTailwind(files);

export const reactPreview: PreviewPart["reactPreview"] = (files, runtime) =>
  codePart("code-preview").reactPreview(files, runtime);

export const buildReactPreview: PreviewPart["buildReactPreview"] = (files, runtime, options) =>
  codePart("code-preview").buildReactPreview(files, runtime, options);
