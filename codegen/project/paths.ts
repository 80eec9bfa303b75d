import type { Problem, SourceFile } from "../types";
import { problem } from "./problems";
import { insidePath } from "../file-paths";
import { utf8Length } from "../../kernel/utf8";

export type PathCheck = { ok: true; path: string } | { ok: false; reason: string };

/** Folders a generated file must never be written into (compared case-insensitively). */
const FORBIDDEN_SEGMENTS = new Set(["node_modules", ".git"]);

const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;
/**
 * Characters that make a name show as another (`src/\u202Egnp.tsx` reads "src/xst.png") or hide in it: each kind
 * with what it does, for the refusal to say. NEL (U+0085) before the other C1 controls: it is a line break.
 */
const UNSEEN: readonly (readonly [RegExp, string])[] = [
  [/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/, "a bidirectional control (the name would show in another order)"],
  [/[\u200b-\u200d\u2060\ufeff]/, "a zero-width character (invisible in the name)"],
  [/[\u2028\u2029\u0085]/, "a line or paragraph separator"],
  [/[\u0080-\u009f]/, "a C1 control character"],
];

/** Why the path shows as other than it is, naming the character (`U+202E, a bidirectional control …`). */
function unseenCharacter(raw: string): string | undefined {
  for (const [pattern, what] of UNSEEN) {
    const found = pattern.exec(raw);
    if (found)
      return `the path contains U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}, ${what}`;
  }
  return undefined;
}
/** A UTF-16 surrogate without its pair: no file system stores it as written. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Characters Windows refuses in a name. */
const WINDOWS_RESERVED_CHARS = /[<>"|?*]/;
/** Windows device names, with or without an extension (`nul.txt` is the device too). */
const DEVICE_NAME = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\.[^.]*)?$/i;
/** An 8.3 short name (`GIT~1` is `.git` on Windows). */
const SHORT_NAME = /~\d+(\.[^.]*)?$/;
/** The longest name most file systems hold, in UTF-8 bytes. */
const MAX_NAME_BYTES = 255;
/** A whole path longer than this is refused before the file system does it mid-write. */
const MAX_PATH_BYTES = 1024;

/** A name or path as a message quotes it: at most 80 characters of it, so a huge one stays one readable line. */
function quoted(text: string): string {
  return JSON.stringify(text.length > 80 ? `${text.slice(0, 79)}…` : text);
}

/** Why no file system of the user's can hold this folder or file name as written, or undefined when it can. */
function unholdableName(segment: string): string | undefined {
  if (segment.trim() === "") return "a folder or file name in the path is blank";
  if (/[. ]$/.test(segment)) return `the name ${quoted(segment)} ends in a dot or a space (Windows drops them)`;
  if (DEVICE_NAME.test(segment)) return `the name ${quoted(segment)} is a Windows device name`;
  if (SHORT_NAME.test(segment)) return `the name ${quoted(segment)} looks like a Windows short name (GIT~1 is .git)`;
  if (utf8Length(segment) > MAX_NAME_BYTES) return `a name in the path is longer than ${MAX_NAME_BYTES} bytes`;
  return undefined;
}

/**
 * Turns a path from an emitter or a model into a safe, relative, POSIX path, or says why it is unsafe.
 * Backslashes become `/`, `./` and repeated slashes disappear; what leaves the folder (insidePath: `..`, absolute
 * and drive paths), `:`,
 * control characters, characters that make a name show as another (bidi controls, zero-width characters, line
 * separators) and paths into `node_modules` or `.git` are refused.
 */
export function normalisePath(raw: string): PathCheck {
  if (raw.trim() === "") return { ok: false, reason: "the path is empty" };
  if (CONTROL_CHARS.test(raw)) return { ok: false, reason: "the path contains control characters" };
  const unseen = unseenCharacter(raw);
  if (unseen) return { ok: false, reason: unseen };
  if (LONE_SURROGATE.test(raw)) return { ok: false, reason: "the path is not valid Unicode (a lone surrogate)" };
  // Whether it stays inside the output folder: the same rule the CLI's writer keeps.
  const inside = insidePath(raw);
  if (!inside.ok) return inside;
  if (raw.includes(":")) return { ok: false, reason: "the path contains ':'" };
  if (WINDOWS_RESERVED_CHARS.test(raw))
    return { ok: false, reason: 'the path contains a character Windows refuses (< > " | ? *)' };
  for (const segment of inside.segments) {
    const unholdable = unholdableName(segment);
    if (unholdable) return { ok: false, reason: unholdable };
    if (FORBIDDEN_SEGMENTS.has(segment.toLowerCase())) return { ok: false, reason: `the path goes into ${segment}` };
  }
  const path = inside.segments.join("/");
  if (utf8Length(path) > MAX_PATH_BYTES)
    return { ok: false, reason: `the path is longer than ${MAX_PATH_BYTES} bytes` };
  return { ok: true, path };
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
  /** Folders the kept files are in (keys), each with the first file that made it one. */
  const folders = new Map<string, string>();
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
        problem("error", "unsafe-path", `${quoted(path)}: ${checked.reason}; dropped`, {
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
    // One name cannot be a file and a folder: `src/App.tsx` beside `src/App.tsx/inner.ts` (the first kept wins).
    const clash = folderClash(key, seen, folders);
    if (clash !== undefined) {
      problems.push(problem("error", "duplicate-path", `${checked.path}: ${clash}; dropped`, { file: checked.path }));
      return;
    }
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
    for (let slash = key.indexOf("/"); slash >= 0; slash = key.indexOf("/", slash + 1))
      folders.set(key.slice(0, slash), checked.path);
    kept.push(
      bytes !== undefined ? { path: checked.path, content: "", bytes } : { path: checked.path, content: content! },
    );
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

/**
 * Why a file at `key` cannot sit beside the files kept so far (a kept file where its folder would be, or a folder at
 * its name).
 */
function folderClash(
  key: string,
  files: ReadonlyMap<string, string>,
  folders: ReadonlyMap<string, string>,
): string | undefined {
  const folderFile = folders.get(key);
  if (folderFile !== undefined) return `a folder of that name holds ${folderFile}`;
  for (let slash = key.indexOf("/"); slash >= 0; slash = key.indexOf("/", slash + 1)) {
    const file = files.get(key.slice(0, slash));
    if (file !== undefined) return `${file} is a file, so it cannot be a folder`;
  }
  return undefined;
}
