/**
 * Shared bits of the plugin benchmark (bench/plugin.ts): the repository root, dist/ files, the worker
 * payload inside dist/code.js, statistics.
 */
import { gunzipSync } from "node:zlib";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { CODE_PARTS, PANEL_PARTS, type CodePart } from "../contract/messages.js";
import {
  CODE_CHECK_GLOBAL,
  CODE_FORMAT_GLOBAL,
  CODE_PREVIEW_GLOBAL,
  CODE_REACT_NATIVE_GLOBAL,
  CODE_ANGULAR_GLOBAL,
  CODE_SVELTE_GLOBAL,
  CODE_VUE_GLOBAL,
} from "../ui/engine/code-parts/parts.js";
import { fileURLToPath } from "node:url";

/**
 * The repository root: the first folder holding package.json and test/harness/host.ts, walking up from
 * this module (bench/ or the dist/bench.mjs bundle) or from the working directory.
 */
export function repoRoot(): string {
  for (const start of [dirname(fileURLToPath(import.meta.url)), process.cwd()]) {
    let dir = start;
    for (;;) {
      if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "test", "harness", "host.ts"))) return dir;
      const up = dirname(dir);
      if (up === dir) break;
      dir = up;
    }
  }
  throw new Error("bench/plugin: the repository root (package.json + test/harness/host.ts) was not found");
}

/** A built file, e.g. `dist/ui.html`; throws with a hint when the build is missing. */
export function readBuilt(root: string, path: string): string {
  const full = resolve(root, path);
  if (!existsSync(full)) throw new Error(`bench/plugin: ${path} is missing; run \`node esbuild.config.mjs\` first`);
  return readFileSync(full, "utf8");
}

/** Every gzip+base64 string literal in dist/code.js (gzip base64 always starts with "H4sI"), each with its script. */
function packedLiteralsIn(codeJs: string): { packed: string; script: string }[] {
  return [...codeJs.matchAll(/(["'`])(H4sI[A-Za-z0-9+/]{1000,}={0,2})\1/g)].map((m) => ({
    packed: m[2]!,
    script: gunzipSync(Buffer.from(m[2]!, "base64")).toString("utf8"),
  }));
}

/** A boundary request kind: the engine worker answers it, and the panel code that sends it names it too. */
const LOAD_PACKED = '"load-packed"';
/** The global each code part sets (ui/engine/code-parts/parts.ts); the engine worker names them too, to read them. */
const CODE_PART_MARKS: Record<CodePart, string> = {
  "code-preview": CODE_PREVIEW_GLOBAL,
  "code-format": CODE_FORMAT_GLOBAL,
  "code-check": CODE_CHECK_GLOBAL,
  "code-vue": CODE_VUE_GLOBAL,
  "code-svelte": CODE_SVELTE_GLOBAL,
  "code-react-native": CODE_REACT_NATIVE_GLOBAL,
  "code-angular": CODE_ANGULAR_GLOBAL,
};
/** Only the engine worker's script names the request and a code part's global. */
const isEngine = (script: string): boolean => script.includes(LOAD_PACKED) && script.includes(CODE_FORMAT_GLOBAL);

/**
 * The engine worker as it travels: the gzip+base64 string literal that esbuild.config.mjs defines into
 * dist/code.js (`__FIGMENT_ENGINE__`, read once in plugin/worker-payload.ts) and that the main thread posts
 * as `worker-source` { data } — found by what its script holds, beside the tokenizer, the code parts, the search
 * worker, the draft emitters and the panel parts.
 */
export function enginePayloadIn(codeJs: string): string {
  const engines = packedLiteralsIn(codeJs).filter((p) => isEngine(p.script));
  if (engines.length !== 1)
    throw new Error(
      `bench/plugin: dist/code.js holds ${engines.length} engine payloads (gzip+base64 ` +
        `literals answering load-packed), not one; rebuild with \`node esbuild.config.mjs\``,
    );
  return engines[0]!.packed;
}

/** The code parts' literals in dist/code.js (`__FIGMENT_CODE_PARTS__`, ui/engine/code-parts/), by part. */
export function codePartPayloadsIn(codeJs: string): Record<CodePart, string> {
  const literals = packedLiteralsIn(codeJs).filter((p) => !p.script.includes(LOAD_PACKED));
  const payload = (part: CodePart): string => {
    // A target preview part names the code-preview part's global too (it calls into it): the part's own literal is
    // the one naming the fewest globals.
    const marks = (script: string): number => Object.values(CODE_PART_MARKS).filter((m) => script.includes(m)).length;
    const found = literals
      .filter((p) => p.script.includes(CODE_PART_MARKS[part]))
      .sort((a, b) => marks(a.script) - marks(b.script))[0];
    if (!found)
      throw new Error(`bench/plugin: dist/code.js holds no ${part} payload; rebuild with \`node esbuild.config.mjs\``);
    return found.packed;
  };
  return Object.fromEntries(CODE_PARTS.map((part) => [part, payload(part)])) as Record<CodePart, string>;
}

/** The search worker's gzip+base64 literal in dist/code.js (ui/search-worker/, sent when Search first opens). */
export function searchWorkerPayloadIn(codeJs: string): string {
  const found = [...codeJs.matchAll(/(["'`])(H4sI[A-Za-z0-9+/]{1000,}={0,2})\1/g)].map((m) => m[2]!);
  const search = found.find((p) =>
    gunzipSync(Buffer.from(p, "base64"))
      .toString("utf8")
      .includes("the search worker got a request it does not understand"),
  );
  if (!search)
    throw new Error(
      "bench/plugin: dist/code.js holds no search worker payload; rebuild with `node esbuild.config.mjs`",
    );
  return search;
}

/** The Code panel's draft emitters' gzip+base64 literal in dist/code.js (ui/code/draft-part.ts, sent on first use). */
export function draftPayloadIn(codeJs: string): string {
  const found = [...codeJs.matchAll(/(["'`])(H4sI[A-Za-z0-9+/]{1000,}={0,2})\1/g)].map((m) => m[2]!);
  const draft = found.find((p) => gunzipSync(Buffer.from(p, "base64")).toString("utf8").includes("__figmentDraft"));
  if (!draft)
    throw new Error(
      "bench/plugin: dist/code.js holds no draft emitters payload; rebuild with `node esbuild.config.mjs`",
    );
  return draft;
}

/** The panel parts' gzip+base64 literals in dist/code.js, by panel (`__FIGMENT_PANEL_PARTS__`: `image: "H4sI…"`). */
export function panelPartPayloadsIn(codeJs: string): Record<string, string> {
  const found = Object.fromEntries(
    [...codeJs.matchAll(/\b([a-z]+): "(H4sI[A-Za-z0-9+/]{1000,}={0,2})"/g)].map((m) => [m[1]!, m[2]!]),
  );
  const missing = PANEL_PARTS.filter((part) => found[part] === undefined);
  if (missing.length > 0)
    throw new Error(
      `bench/plugin: dist/code.js holds no ${missing.join(", ")} panel part; rebuild with \`node esbuild.config.mjs\``,
    );
  return found;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** "12.3 ms (10.1–15.0)": the median and the range of the samples. */
export function msSummary(values: readonly number[], fmt: (ms: number) => string): string {
  if (values.length === 0) return "n/a";
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return values.length === 1 ? `${fmt(values[0]!)} ms` : `${fmt(median(values))} ms (${fmt(lo)}–${fmt(hi)})`;
}

/** Bytes as KB with one decimal (KB = 1,024 bytes). */
export function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
