/** Zips a file set with fflate (stored in memory; the UI turns it into a download). */
import { strToU8, zipSync, type Zippable } from "fflate";
import type { SourceFile } from "../../codegen/types.js";
import { base64ToBytes } from "../../kernel/base64.js";
import { assetDataUrl, extension } from "../../codegen/file-paths.js";

const BINARY = new Set(["png", "jpg", "jpeg", "gif", "webp", "avif", "woff", "woff2", "ttf", "otf"]);

/** A binary file's own bytes; text as UTF-8; a binary asset written as text (base64 or a data: URL) decoded. */
function fileBytes(file: SourceFile): Uint8Array {
  if (file.bytes) return file.bytes;
  if (BINARY.has(extension(file.path))) {
    const url = assetDataUrl(file);
    const base64 = url?.match(/^data:[^,]*;base64,(.*)$/)?.[1];
    if (base64) return base64ToBytes(base64);
  }
  return strToU8(file.content);
}

export function zipFiles(files: SourceFile[]): Uint8Array {
  const tree: Zippable = {};
  for (const file of files) tree[file.path] = fileBytes(file);
  return zipSync(tree, { level: 6 });
}
