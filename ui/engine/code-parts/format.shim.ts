/** codegen/format/index.ts as the engine bundle sees it: the calls go to the `code-format` part (parts.ts). */
import { codePart, type FormatPart } from "./parts.js";

export const formatFiles: FormatPart["formatFiles"] = (files, author) =>
  codePart("code-format").formatFiles(files, author);
export const isFormatted: FormatPart["isFormatted"] = (file, author) =>
  codePart("code-format").isFormatted(file, author);
