/**
 * `--images DIR`: image fill bytes read from `DIR/<imageRef>.png|jpg|jpeg|gif|webp` for the imageRefs the
 * design uses. The extension only finds the file; the format is sniffed from the bytes downstream. A missing
 * file is a problem (the fill keeps a placeholder), an unreadable folder a usage error.
 */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { DesignDocument } from "../../codegen/design/types.js";
import { imageRefsIn } from "../../codegen/rest/image-refs.js";
import type { Problem } from "../../codegen/types.js";
import { FigmentError } from "../../kernel/errors.js";

export const IMAGE_FILE_EXTENSIONS = ["png", "jpg", "jpeg", "gif", "webp"] as const;

/** The bytes of every image the design references that DIR holds, by imageRef. */
export async function readImagesDir(dir: string, json: unknown): Promise<Record<string, Uint8Array>> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === "ENOENT"
        ? "it does not exist"
        : code === "ENOTDIR"
          ? "it is not a folder"
          : code === "EACCES"
            ? "permission denied"
            : (error as Error).message;
    throw new FigmentError("input", `cannot read --images ${dir}: ${why}`);
  }
  const present = new Set(names);
  const images: Record<string, Uint8Array> = {};
  for (const ref of imageRefsIn(json)) {
    const name = IMAGE_FILE_EXTENSIONS.map((ext) => `${ref}.${ext}`).find((n) => present.has(n));
    if (name === undefined) continue;
    try {
      images[ref] = new Uint8Array(await readFile(join(dir, name)));
    } catch (error) {
      throw new FigmentError("input", `cannot read --images ${join(dir, name)}: ${(error as Error).message}`);
    }
  }
  return images;
}

/** One problem per image fill of the converted frames that `--images DIR` had no file for. */
export function missingImageFiles(
  document: DesignDocument,
  images: Record<string, Uint8Array>,
  dir: string,
): Problem[] {
  const problems: Problem[] = [];
  for (const asset of Object.values(document.assets)) {
    if (asset.kind !== "image" || asset.imageRef in images || asset.imageRef === "" || asset.imageRef === "missing")
      continue;
    problems.push({
      severity: "warning",
      code: "missing-image-file",
      message:
        `no file for image fill ${asset.imageRef} in ${dir} (looked for ` +
        `${asset.imageRef}.${IMAGE_FILE_EXTENSIONS.join("|")}); ${asset.name} is a grey placeholder`,
    });
  }
  return problems;
}
