/**
 * The design's asset files joined to a file set that a model wrote: the model never writes binary files,
 * so the real images (and exact vector SVGs) its files mention by name are added, and a model file at one
 * of their paths is ignored with a problem. Model paths are compared after the same normalisation the
 * project pass applies.
 */
import { basename } from "../file-paths";
import type { Problem, SourceFile } from "../types";
import { normalisePath, pathKey } from "./paths";

export function withAssetFiles(
  files: readonly SourceFile[],
  assets: readonly SourceFile[],
): { files: SourceFile[]; problems: Problem[] } {
  if (assets.length === 0) return { files: [...files], problems: [] };
  const reserved = new Set(assets.map((a) => pathKey(a.path)));
  const problems: Problem[] = [];
  const kept = files.filter((file) => {
    const checked = typeof file.path === "string" ? normalisePath(file.path) : undefined;
    if (!checked?.ok || !reserved.has(pathKey(checked.path))) return true;
    problems.push({
      severity: "warning",
      code: "asset-path",
      message:
        `${checked.path} is one of the design's asset files; ` +
        `the model's version is ignored and the real file kept`,
      file: checked.path,
    });
    return false;
  });
  // An answer with no files of its own stays empty: assets alone are not a result.
  if (kept.length === 0) return { files: [], problems };
  // Imports, url() and src= all name the file; an asset no file names would only be clutter.
  const text = kept.map((f) => (typeof f.content === "string" ? f.content : "")).join("\n");
  const used = assets.filter((a) => text.includes(basename(a.path)));
  return { files: [...kept, ...used], problems };
}
