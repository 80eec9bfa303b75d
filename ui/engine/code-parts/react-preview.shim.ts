/** codegen/preview/react-preview.ts as the engine bundle sees it: the calls go to the `code-format` part (parts.ts). */
import { codePart, type FormatPart } from "./parts.js";

export const compileTailwind: FormatPart["compileTailwind"] = (files) => codePart("code-format").compileTailwind(files);

export const reactPreview: FormatPart["reactPreview"] = (files, runtime) =>
  codePart("code-format").reactPreview(files, runtime);
