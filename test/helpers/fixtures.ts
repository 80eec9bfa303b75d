/** Helpers shared by the evaluation tests: the real Figma files and a capturing CLI output. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const FIGMA_DIR = join(REPO_ROOT, "test", "fixtures", "figma");

/** Every real Figma REST reply in test/fixtures/figma (see SOURCES.md there), sorted by name. */
export const EVAL_FILES: readonly string[] = readdirSync(FIGMA_DIR)
  .filter((name) => name.endsWith(".json"))
  .sort();

export function fixturePath(name: string): string {
  return join(FIGMA_DIR, name);
}

export function readFixture(name: string): unknown {
  return JSON.parse(readFileSync(fixturePath(name), "utf8")) as unknown;
}

/** An `Output` for `run(argv, io)` that keeps what was written. */
export interface CapturedIo {
  out(text: string): void;
  err(text: string): void;
  stdout(): string;
  stderr(): string;
}

export function captureIo(): CapturedIo {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out: (text) => void out.push(text),
    err: (text) => void err.push(text),
    stdout: () => out.join("\n"),
    stderr: () => err.join("\n"),
  };
}

/** Every file under `dir` as POSIX paths relative to it, sorted ([] when none); `record`: its `.figment/` too. */
export function listFiles(dir: string, { record = false } = {}): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const full = join(d, entry.name);
      // A generated folder's record (.figment/: what the code was made from) is not code; record: true lists it.
      if (entry.isDirectory() && entry.name === ".figment" && !record) continue;
      if (entry.isDirectory()) walk(full);
      else out.push(relative(dir, full).split("\\").join("/"));
    }
  };
  walk(dir);
  return out.sort();
}
