/**
 * The order test files start in: the longest first, so that the run's two workers end together instead of one of
 * them running a long file alone at the end (issue 72: on a clean clone, vitest's own order put the three axe files,
 * small files of 165, 123 and 46 s, last, and the run's last 100 s used 1.3 to 1.6 of the 2 cores).
 *
 * A file's length is vitest's record of its last run where there is one (a developer's machine), else the seconds a
 * clean-clone CI run took (test/file-seconds.json, refreshed by `node test/file-seconds.mjs`), else unknown: those
 * start after the known ones, in vitest's order. Files that failed last time still start first. The order changes
 * nothing but when a file starts.
 */
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

/** Seconds per test file (paths from the repository root), as a clean-clone CI run took them. */
const CI_SECONDS: Readonly<Record<string, number>> = JSON.parse(
  readFileSync(new URL("./file-seconds.json", import.meta.url), "utf8"),
) as Record<string, number>;

/** Where each of `files` starts: failed last time first, then the longest, then vitest's own order. */
export function longestFirst<T>(
  files: readonly T[],
  known: (file: T) => { failed: boolean; ms: number | undefined },
): T[] {
  const keyed = files.map((file, rank) => ({ file, rank, ...known(file) }));
  keyed.sort((a, b) => Number(b.failed) - Number(a.failed) || (b.ms ?? -1) - (a.ms ?? -1) || a.rank - b.rank);
  return keyed.map((k) => k.file);
}

export class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    return longestFirst(await super.sort(files), (spec) => {
      const path = relative(root, spec.moduleId).split("\\").join("/");
      const last = this.ctx.cache.getFileTestResults(`${spec.project.name}:${path}`);
      const fromCi = CI_SECONDS[path];
      return {
        failed: last?.failed ?? false,
        ms: last?.duration ?? (fromCi === undefined ? undefined : fromCi * 1000),
      };
    });
  }
}
