// `node test/file-seconds.mjs`: writes test/file-seconds.json, the seconds each test file of 3 s or more took in the
// last full `npm test` on this machine (vitest's own record of it, under node_modules/.vite/vitest), for the order
// test/longest-first.ts starts files in on a clean clone, which has no record. Run it after a full run when files
// were added or became much slower or faster; the order is all it changes.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const CACHE = join(ROOT, "node_modules", ".vite", "vitest");
const OUT = join(ROOT, "test", "file-seconds.json");
const AT_LEAST_S = 3;

/** vitest's record of the latest run: its results.json, newest of its cache folders. */
function latestResults() {
  const found = readdirSync(CACHE, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => join(CACHE, entry.name, "results.json"))
    .filter((path) => existsSync(path))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  if (found.length === 0) throw new Error(`no vitest results under ${CACHE}: run npm test first`);
  return JSON.parse(readFileSync(found[0], "utf8")).results;
}

const seconds = {};
for (const [key, { duration }] of latestResults()) {
  const file = key.slice(key.indexOf(":") + 1);
  if (duration >= AT_LEAST_S * 1000) seconds[file] = Math.round(duration / 100) / 10;
}
const sorted = Object.fromEntries(Object.entries(seconds).sort((a, b) => b[1] - a[1]));
writeFileSync(OUT, `${JSON.stringify(sorted, null, 2)}\n`);
console.log(`file-seconds: ${Object.keys(sorted).length} files of ${AT_LEAST_S} s or more → ${OUT}`);
