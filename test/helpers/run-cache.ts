/**
 * Work several test files repeat, done once per run: a result stored under the hash of everything it is computed
 * from, in a directory test/global-setup.ts makes for the run (under node_modules/.cache/figment-test) and removes
 * after it. Test files run in separate workers, so the store is on disk; a key is content (the page's files, its
 * viewport, the fonts served), never a name, so a changed input can never be answered from an older result, and
 * the code that computes it (ours, Chromium) is the same for the whole run. Outside a vitest run (the bench) the
 * directory is unset and everything is computed.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { withPage } from "../../cli/browser.js";
import { generateCode, type CodeOptions } from "../../codegen/index.js";
import type { DesignDocument } from "../../codegen/design/types.js";
import type { FileSet, SourceFile } from "../../codegen/types.js";
import { designViewport, fidelityOnPage, type FrameFidelity, type RestNode } from "../../cli/fidelity.js";
import { serveGoogleFonts } from "./google-fonts.js";

/** The run's cache directory, set by test/global-setup.ts (test files inherit its environment). */
export const RUN_CACHE_ENV = "FIGMENT_TEST_RUN_CACHE";

/** JSON with bytes (Uint8Array) kept: as `{ "__bytes": base64 }`, so files with binary content key and store whole. */
const toJson = (value: unknown): string =>
  JSON.stringify(value, (_, v: unknown) => (v instanceof Uint8Array ? { __bytes: Buffer.from(v).toString("base64") } : v));
const fromJson = (text: string): unknown =>
  JSON.parse(text, (_, v: unknown) =>
    v !== null && typeof v === "object" && typeof (v as { __bytes?: unknown }).__bytes === "string" ? new Uint8Array(Buffer.from((v as { __bytes: string }).__bytes, "base64")) : v,
  );

/** `compute()`'s JSON result, stored once per run under the hash of `kind` and `key`. */
export async function runCached<T>(kind: string, key: unknown, compute: () => Promise<T>): Promise<T> {
  const dir = process.env[RUN_CACHE_ENV];
  if (!dir) return compute();
  const path = join(dir, `${kind}-${createHash("sha256").update(kind).update("\0").update(toJson(key)).digest("hex")}.json`);
  try {
    return fromJson(readFileSync(path, "utf8")) as T;
  } catch {
    // not computed yet in this run
  }
  const value = await compute();
  mkdirSync(dir, { recursive: true });
  // Written whole, then renamed: a worker reading at the same time sees the whole result or none.
  const part = `${path}.${process.pid}.part`;
  writeFileSync(part, toJson(value));
  renameSync(part, path);
  return value;
}

/**
 * measureFidelity (`figment fidelity` at the design width) of `files` for `frame`, with the Google Fonts the page
 * links answered from @fontsource (`fonts`) or refused; rendered once per run for the same files, frame and fonts.
 */
export function frameFidelity(browser: Browser, input: { frame: RestNode; files: SourceFile[]; entry?: string; fonts?: boolean }): Promise<FrameFidelity> {
  const { frame, files, entry = "index.html", fonts = false } = input;
  const viewport = designViewport(frame);
  return runCached("fidelity", { frame, files, entry, viewport, fonts }, () =>
    withPage(browser, files, entry, viewport, (page) => fidelityOnPage(page, frame), fonts ? { serve: serveGoogleFonts } : {}),
  );
}

/** generateCode (the whole pipeline: emit, project pass, prettier) once per run for the same design and options. */
export function cachedGenerateCode(document: DesignDocument, options: CodeOptions): Promise<FileSet> {
  return runCached("code", { document, options }, () => generateCode(document, options));
}
