/**
 * codegen/format/index.ts as the engine bundle sees it: the calls go to the `code-format` part (parts.ts), which an
 * offline code job may be answered before (a file to format waits until it has run).
 */
import { loadedPart, type FormatPart } from "./parts.js";

export const formatFiles: FormatPart["formatFiles"] = async (files, author) =>
  (await loadedPart("code-format")).formatFiles(files, author);
export const isFormatted: FormatPart["isFormatted"] = async (file, author) =>
  (await loadedPart("code-format")).isFormatted(file, author);
