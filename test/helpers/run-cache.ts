/**
 * Work several test files repeat, done once per run: a result stored under the hash of everything it is computed
 * from, in a directory test/global-setup.ts makes for the run (under node_modules/.cache/figment-test) and removes
 * after it. Test files run in separate workers, so the store is on disk; a key is content (the page's files, its
 * viewport, the fonts served), never a name, so a changed input can never be answered from an older result, and
 * the code that computes it (ours, Chromium) is the same for the whole run. Outside a vitest run (the bench) the
 * directory is unset and everything is computed.
 */
import { createHash } from "node:crypto";
import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { withPage, type PageHost } from "../../cli/measure/browser.js";
import { generateCode, type CodeOptions } from "../../codegen/index.js";
import type { DesignDocument } from "../../codegen/design/types.js";
import type { FileSet, SourceFile } from "../../codegen/types.js";
import { designViewport, fidelityOnPage, type FrameFidelity, type RestNode } from "../../cli/measure/fidelity.js";
import { serveGoogleFonts } from "./google-fonts.js";

/** The run's cache directory, set by test/global-setup.ts (test files inherit its environment). */
export const RUN_CACHE_ENV = "FIGMENT_TEST_RUN_CACHE";

/** JSON with bytes (Uint8Array) kept: as `{ "__bytes": base64 }`, so files with binary content key and store whole. */
const toJson = (value: unknown): string =>
  JSON.stringify(value, (_, v: unknown) =>
    v instanceof Uint8Array ? { __bytes: Buffer.from(v).toString("base64") } : v,
  );
const fromJson = (text: string): unknown =>
  JSON.parse(text, (_, v: unknown) =>
    v !== null && typeof v === "object" && typeof (v as { __bytes?: unknown }).__bytes === "string"
      ? new Uint8Array(Buffer.from((v as { __bytes: string }).__bytes, "base64"))
      : v,
  );

/** `compute()`'s JSON result, stored once per run under the hash of `kind` and `key`. */
export async function runCached<T>(kind: string, key: unknown, compute: () => Promise<T>): Promise<T> {
  const dir = process.env[RUN_CACHE_ENV];
  if (!dir) return compute();
  mkdirSync(dir, { recursive: true });
  const path = join(
    dir,
    `${kind}-${createHash("sha256").update(kind).update("\0").update(toJson(key)).digest("hex")}.json`,
  );
  const started = performance.now();
  const note = (outcome: "hit" | "computed") =>
    appendFileSync(join(dir, LOG), `${kind} ${outcome} ${Math.round(performance.now() - started)}\n`);
  // Two workers asking for the same result at once: the first computes it, the other waits for it (a lock
  // directory naming its process; a lock whose process is gone is taken over).
  const lock = `${path}.lock`;
  for (;;) {
    const stored = readStored<T>(path);
    if (stored.found) {
      note("hit");
      return stored.value;
    }
    if (takeLock(lock)) break;
    await until(() => existsSync(path) || !lockHeld(lock));
  }
  try {
    const value = await compute();
    // Written whole, then renamed: a worker reading at the same time sees the whole result or none.
    const part = `${path}.${process.pid}.part`;
    writeFileSync(part, toJson(value));
    renameSync(part, path);
    note("computed");
    return value;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Each runCached call's kind, outcome and ms, one line each, in the run's directory (summed by runCacheSummary). */
const LOG = "calls.log";

function readStored<T>(path: string): { found: true; value: T } | { found: false } {
  try {
    return { found: true, value: fromJson(readFileSync(path, "utf8")) as T };
  } catch {
    return { found: false }; // not computed yet in this run
  }
}

function takeLock(lock: string): boolean {
  try {
    mkdirSync(lock);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  writeFileSync(join(lock, "pid"), String(process.pid));
  return true;
}

/** The lock exists and its process is alive (a lock just made, its pid not written yet, counts as held). */
function lockHeld(lock: string): boolean {
  if (!existsSync(lock)) return false;
  let pid: number;
  try {
    pid = Number(readFileSync(join(lock, "pid"), "utf8"));
  } catch {
    return true;
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    rmSync(lock, { recursive: true, force: true });
    return false;
  }
}

/** Resolves once `ready()` holds, looking every 20 ms (the other worker's render takes a second or more). */
async function until(ready: () => boolean): Promise<void> {
  while (!ready()) await new Promise((resolve) => setTimeout(resolve, 20));
}

/** What the run's cache did, by kind: "fidelity: 120 computed (310 s), 45 hits" (test/global-setup.ts prints it). */
export function runCacheSummary(dir: string): string[] {
  let text: string;
  try {
    text = readFileSync(join(dir, LOG), "utf8");
  } catch {
    return [];
  }
  const byKind = new Map<string, { computed: number; ms: number; hits: number }>();
  for (const line of text.split("\n")) {
    const [kind, outcome, ms] = line.split(" ");
    if (!kind || !outcome) continue;
    const entry = byKind.get(kind) ?? { computed: 0, ms: 0, hits: 0 };
    if (outcome === "hit") entry.hits++;
    else entry.computed++, (entry.ms += Number(ms));
    byKind.set(kind, entry);
  }
  return [...byKind].map(
    ([kind, e]) => `${kind}: ${e.computed} computed (${Math.round(e.ms / 1000)} s), ${e.hits} hits`,
  );
}

/**
 * measureFidelity (`figment fidelity` at the design width) of `files` for `frame`, with the Google Fonts the page
 * links answered from @fontsource (`fonts`) or refused; rendered once per run for the same files, frame and fonts.
 */
export function frameFidelity(
  browser: PageHost,
  input: { frame: RestNode; files: SourceFile[]; entry?: string; fonts?: boolean },
): Promise<FrameFidelity> {
  const { frame, files, entry = "index.html", fonts = false } = input;
  const viewport = designViewport(frame);
  return runCached("fidelity", { frame, files, entry, viewport, fonts }, () =>
    withPage(
      browser,
      files,
      entry,
      viewport,
      (page) => fidelityOnPage(page, frame),
      fonts ? { serve: serveGoogleFonts } : {},
    ),
  );
}

/** generateCode (the whole pipeline: emit, project pass, prettier) once per run for the same design and options. */
export function cachedGenerateCode(document: DesignDocument, options: CodeOptions): Promise<FileSet> {
  return runCached("code", { document, options }, () => generateCode(document, options));
}
