import type { Problem, SourceFile } from "../types";
import { problem } from "./problems";

export type PathCheck = { ok: true; path: string } | { ok: false; reason: string };

/** Folders a generated file must never be written into (compared case-insensitively). */
const FORBIDDEN_SEGMENTS = new Set(["node_modules", ".git"]);

const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;

/**
 * Turns a path from an emitter or a model into a safe, relative, POSIX path, or says why it is unsafe.
 * Backslashes become `/`, `./` and repeated slashes disappear; `..`, absolute and drive paths, `:`,
 * control characters and paths into `node_modules` or `.git` are refused.
 */
export function normalisePath(raw: string): PathCheck {
  if (raw.trim() === "") return { ok: false, reason: "the path is empty" };
  if (CONTROL_CHARS.test(raw)) return { ok: false, reason: "the path contains control characters" };
  const slashed = raw.replace(/\\/g, "/");
  if (slashed.startsWith("/")) return { ok: false, reason: "the path is absolute" };
  if (/^[A-Za-z]:/.test(slashed))
    return { ok: false, reason: "the path starts with a drive letter" };
  if (slashed.includes(":")) return { ok: false, reason: "the path contains ':'" };
  if (slashed.endsWith("/")) return { ok: false, reason: "the path names a folder, not a file" };
  const segments: string[] = [];
  for (const segment of slashed.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") return { ok: false, reason: "the path contains a '..' segment" };
    if (segment.trim() === "") return { ok: false, reason: "a folder or file name in the path is blank" };
    if (FORBIDDEN_SEGMENTS.has(segment.toLowerCase())) {
      return { ok: false, reason: `the path goes into ${segment}` };
    }
    segments.push(segment);
  }
  if (segments.length === 0) return { ok: false, reason: "the path is empty" };
  return { ok: true, path: segments.join("/") };
}

/** Key under which two paths count as the same file (case-insensitive file systems, Unicode forms). */
export function pathKey(path: string): string {
  return path.normalize("NFC").toLowerCase();
}

/**
 * Drops unsafe paths, non-string entries, whitespace-only files and duplicates (first one wins);
 * returns the remaining files with normalised paths, in input order. Binary files (`bytes`) keep their bytes.
 */
export function checkPaths(files: readonly unknown[]): {
  files: SourceFile[];
  problems: Problem[];
} {
  const kept: SourceFile[] = [];
  const problems: Problem[] = [];
  const seen = new Map<string, string>();
  files.forEach((entry, index) => {
    const path = readString(entry, "path");
    const content = readString(entry, "content");
    if (path === undefined) {
      problems.push(problem("error", "unsafe-path", `file #${index + 1} has no path; dropped`));
      return;
    }
    const checked = normalisePath(path);
    if (!checked.ok) {
      problems.push(
        problem("error", "unsafe-path", `${JSON.stringify(path)}: ${checked.reason}; dropped`, {
          file: path,
        }),
      );
      return;
    }
    // A binary asset keeps its bytes untouched (its content is "" by convention).
    const bytes = readBytes(entry);
    if (bytes === undefined && content === undefined) {
      problems.push(
        problem("error", "invalid-file", `${checked.path} has no text content; dropped`, {
          file: checked.path,
        }),
      );
      return;
    }
    if (bytes === undefined && content!.trim() === "") {
      problems.push(
        problem("warning", "empty-file", `${checked.path} is empty; dropped`, {
          file: checked.path,
        }),
      );
      return;
    }
    const key = pathKey(checked.path);
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push(
        problem("error", "duplicate-path", `${checked.path} duplicates ${first}; kept the first`, {
          file: checked.path,
        }),
      );
      return;
    }
    seen.set(key, checked.path);
    kept.push(bytes !== undefined ? { path: checked.path, content: "", bytes } : { path: checked.path, content: content! });
  });
  return { files: kept, problems };
}

function readBytes(entry: unknown): Uint8Array | undefined {
  if (typeof entry !== "object" || entry === null) return undefined;
  const value: unknown = (entry as Record<string, unknown>)["bytes"];
  return value instanceof Uint8Array ? value : undefined;
}

function readString(entry: unknown, key: "path" | "content"): string | undefined {
  if (typeof entry !== "object" || entry === null) return undefined;
  const value: unknown = (entry as Record<string, unknown>)[key];
  return typeof value === "string" ? value : undefined;
}
