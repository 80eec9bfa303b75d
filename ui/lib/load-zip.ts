/**
 * zipFiles, loaded on first use. esbuild turns this dynamic import into a module of the same single-file
 * bundle that is initialised when first called: fflate's top level builds its Huffman and CRC tables (~5 ms),
 * which every panel open paid for when zip.ts was imported statically. Only the zip downloads need it.
 */
import type { SourceFile } from "../../codegen/types.js";

export async function zipFilesLater(files: SourceFile[]): Promise<Uint8Array> {
  const { zipFiles } = await import("./zip.js");
  return zipFiles(files);
}
