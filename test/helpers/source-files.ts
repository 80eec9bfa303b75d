/**
 * The repository's TypeScript sources, as the house-rule tests (test/import-rules.test.ts,
 * test/function-size.test.ts) read them: every .ts and .tsx file below the given top-level folders, declaration
 * files aside, never under node_modules, dist, fixtures or test-artifacts.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { REPO_ROOT as ROOT } from "./fixtures.js";

const SKIP = new Set(["node_modules", "dist", "fixtures", "test-artifacts"]);

function walk(dir: string, keep: (name: string) => boolean, out: string[]): string[] {
  for (const name of readdirSync(dir)) {
    if (SKIP.has(name)) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, keep, out);
    else if (/\.tsx?$/.test(name) && !name.endsWith(".d.ts") && keep(name)) out.push(path);
  }
  return out;
}

/**
 * Repository paths (`ui/app.tsx`, forward slashes) below `dirs` (missing ones skipped); `tests: false` leaves out
 * `*.test.ts(x)`.
 */
export function sourceFiles(dirs: readonly string[], { tests = true }: { tests?: boolean } = {}): string[] {
  const keep = tests ? () => true : (name: string) => !/\.test\.tsx?$/.test(name);
  return dirs
    .filter((dir) => existsSync(join(ROOT, dir)))
    .flatMap((dir) => walk(join(ROOT, dir), keep, []))
    .map((path) => relative(ROOT, path).split("\\").join("/"));
}
