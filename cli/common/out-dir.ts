/**
 * Where `figment code` writes without --out: ./figment-out/<frame>/<target>/, one folder per frame, so React and
 * HTML, and one frame and another, never share a folder. And, for a folder the user named, the files already
 * there that look like the other target's output: said before the two mix.
 */
import { readdir } from "node:fs/promises";
import { join, relative } from "node:path";
import type { Target } from "../../codegen/index.js";

export const DEFAULT_OUT_ROOT = "figment-out";

/** A frame's name as a folder name: lower case, letters and digits of any script, runs of the rest as one "-". */
export function folderSlug(name: string): string {
  const slug = name
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+/, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return slug || "frame";
}

/** Folder names for the frames, in order: their names as slugs, a repeated one numbered ("home", "home-2"). */
export function frameFolders(names: readonly string[], slugOf: (name: string) => string = folderSlug): string[] {
  const used = new Set<string>();
  return names.map((name) => {
    const slug = slugOf(name);
    let folder = slug;
    for (let k = 2; used.has(folder); k++) folder = `${slug}-${k}`;
    used.add(folder);
    return folder;
  });
}

/** The default folder of one frame's (or one run's) code. */
export function defaultOutDir(name: string, target: Target): string {
  return join(DEFAULT_OUT_ROOT, frameFolders([name])[0]!, target);
}

/** Folders a project keeps that are not generated code. */
const SKIPPED = new Set(["node_modules", ".git", "dist", "build", ".vite", ".figment"]);

/**
 * What only the other target writes: React's components and CSS modules, or HTML's pages (a React project's own
 * index.html is among the files it writes).
 */
const OTHER_TARGET: Record<Target, RegExp> = {
  html: /\.(tsx|jsx|vue|svelte)$|\.module\.css$/,
  react: /\.html$|\.vue$|\.svelte$/,
  vue: /\.(tsx|jsx|html|svelte)$|\.module\.css$/,
  svelte: /\.(tsx|jsx|html|vue)$|\.module\.css$/,
  angular: /\.(tsx|jsx|vue|svelte)$|\.module\.css$/,
  "react-native": /\.(jsx|html|vue|svelte|css)$/,
};

/**
 * Files under `dir` that the other target writes and this run does not (a React run's leftovers where HTML is
 * written now, or the reverse); [] for a folder that does not exist. Looks at most `limit` entries deep.
 */
export async function otherTargetFiles(
  dir: string,
  target: Target,
  writing: readonly string[],
  limit = 2000,
): Promise<string[]> {
  const found: string[] = [];
  const mine = new Set(writing);
  const queue = [dir];
  let seen = 0;
  while (queue.length > 0 && seen < limit) {
    const current = queue.shift()!;
    const entries = await readdir(current, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      seen++;
      const path = join(current, entry.name);
      const rel = relative(dir, path).split("\\").join("/");
      if (entry.isDirectory()) {
        if (!SKIPPED.has(entry.name)) queue.push(path);
      } else if (OTHER_TARGET[target].test(entry.name) && !mine.has(rel)) {
        found.push(rel);
      }
    }
  }
  return found.sort();
}
