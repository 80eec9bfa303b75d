/**
 * A patch from one generation of a project to the next, in git's format, for `git apply` on the team's folder: the
 * Code panel's "Download update" (`figment-update-<frame>.patch`), from the files it recorded for the code the team
 * took to the files of the new generation, the record's own files (`.figment/`) included so the team's record
 * follows. Text files are diffed line by line (jsdiff); a file that did not change is left out; an added or deleted
 * file gets git's `new file mode` / `deleted file mode` headers, and every file the `index` line of its blobs (so
 * `git apply --3way` merges where the team edited the same lines). Binary files (images, fonts) cannot be patched
 * without their bytes on both sides: they are listed in the patch's preamble (text before the first `diff --git`,
 * which `git apply` skips) with what to do, so the patch still applies. Pure.
 */
import { structuredPatch } from "diff";
import type { SourceFile } from "../types.js";
import { gitBlobId, NO_BLOB } from "./git-blob.js";

/** What happens to one path from the old generation to the new. */
export type PatchChange = "added" | "modified" | "deleted";

export interface PatchedFile {
  path: string;
  change: PatchChange;
}

export interface ProjectPatch {
  /** The patch's text; "" when no text file changed and no binary needs a word. */
  text: string;
  /** The text files the patch changes, in its order. */
  files: PatchedFile[];
  /** The binary files that changed, which the patch only names (copy them from the new generation's zip). */
  binaries: PatchedFile[];
}

export interface PatchOptions {
  /** Lines of the preamble (`# ` is put before each): what the patch is, from what to what. */
  title?: readonly string[];
  /** Where the binary files can be had (`figment-home-react.zip`), for the preamble's note. */
  binariesFrom?: string;
  /** Lines of context around each change (git's default, 3). */
  context?: number;
}

/** git's C-style quoting of a name that needs it (core.quotePath): `"`, `\`, control bytes and non-ASCII. */
export function gitName(name: string): string {
  const bytes = new TextEncoder().encode(name);
  if (!bytes.some((b) => b < 0x20 || b === 0x22 || b === 0x5c || b >= 0x7f)) return name;
  const named: Record<number, string> = { 7: "\\a", 8: "\\b", 9: "\\t", 10: "\\n", 11: "\\v", 12: "\\f", 13: "\\r" };
  let out = '"';
  for (const b of bytes) {
    if (b === 0x22) out += '\\"';
    else if (b === 0x5c) out += "\\\\";
    else if (named[b] !== undefined) out += named[b];
    else if (b < 0x20 || b >= 0x7f) out += `\\${b.toString(8).padStart(3, "0")}`;
    else out += String.fromCharCode(b);
  }
  return `${out}"`;
}

/** A `---` / `+++` line's name: git ends it with a tab when the name holds a space. */
const fileLine = (mark: string, name: string, path: string): string =>
  `${mark} ${name}${path.includes(" ") ? "\t" : ""}`;

/** The hunks of one text file's change, as git writes them (a side with no lines starts at 0). */
function hunks(path: string, before: string, after: string, context: number): string[] {
  const patch = structuredPatch(path, path, before, after, "", "", { context });
  const lines: string[] = [];
  for (const hunk of patch.hunks) {
    const oldStart = hunk.oldLines === 0 ? hunk.oldStart - 1 : hunk.oldStart;
    const newStart = hunk.newLines === 0 ? hunk.newStart - 1 : hunk.newStart;
    lines.push(`@@ -${oldStart},${hunk.oldLines} +${newStart},${hunk.newLines} @@`, ...hunk.lines);
  }
  return lines;
}

/** One text file's part of the patch: git's header, the `---`/`+++` lines and the hunks. */
function filePatch(path: string, before: string | undefined, after: string | undefined, context: number): string[] {
  const a = gitName(`a/${path}`);
  const b = gitName(`b/${path}`);
  const head = [`diff --git ${a} ${b}`];
  if (before === undefined) head.push("new file mode 100644");
  if (after === undefined) head.push("deleted file mode 100644");
  // The blobs it goes from and to: `git apply --3way` merges with the one the team's repository holds.
  const blob = (content: string | undefined): string => (content === undefined ? NO_BLOB : gitBlobId(content));
  const ids = `index ${blob(before)}..${blob(after)}`;
  head.push(before !== undefined && after !== undefined ? `${ids} 100644` : ids);
  const body = hunks(path, before ?? "", after ?? "", context);
  // An empty file added or deleted is its header alone (as git writes it).
  if (body.length === 0) return head;
  return [
    ...head,
    before === undefined ? "--- /dev/null" : fileLine("---", a, path),
    after === undefined ? "+++ /dev/null" : fileLine("+++", b, path),
    ...body,
  ];
}

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

/** Whether a file changed from `before` to `after` (both present). */
function changed(before: SourceFile, after: SourceFile): boolean {
  if (before.bytes || after.bytes)
    return !(before.bytes && after.bytes && sameBytes(before.bytes, after.bytes)) || before.content !== after.content;
  return before.content !== after.content;
}

const VERBS: Record<PatchChange, string> = { added: "add", modified: "replace", deleted: "delete" };

/**
 * The patch from the files `before` to the files `after` (paths relative to the project's folder). Paths keep the new
 * generation's order, deleted ones after in the old order. Nothing changed: the text is "".
 */
export function projectPatch(
  before: readonly SourceFile[],
  after: readonly SourceFile[],
  options: PatchOptions = {},
): ProjectPatch {
  const context = options.context ?? 3;
  const old = new Map(before.map((f) => [f.path, f]));
  const now = new Set(after.map((f) => f.path));
  const files: PatchedFile[] = [];
  const binaries: PatchedFile[] = [];
  const parts: string[] = [];
  const take = (path: string, was: SourceFile | undefined, is: SourceFile | undefined): void => {
    const change: PatchChange = was === undefined ? "added" : is === undefined ? "deleted" : "modified";
    if (was && is && !changed(was, is)) return;
    if (was?.bytes || is?.bytes) {
      binaries.push({ path, change });
      return;
    }
    files.push({ path, change });
    parts.push(...filePatch(path, was?.content, is?.content, context));
  };
  for (const file of after) take(file.path, old.get(file.path), file);
  for (const file of before) if (!now.has(file.path)) take(file.path, file, undefined);
  if (files.length === 0 && binaries.length === 0) return { text: "", files, binaries };
  const preamble = [...(options.title ?? [])];
  if (binaries.length > 0) {
    preamble.push(
      "",
      `Binary files are not in this patch (git apply cannot make them without their bytes)${
        options.binariesFrom ? `; take them from ${options.binariesFrom}` : ""
      }:`,
      ...binaries.map((f) => `  ${VERBS[f.change]} ${f.path}`),
    );
  }
  const head = preamble.map((line) => (line === "" ? "#" : `# ${line}`));
  const text = [...head, ...(head.length > 0 ? [""] : []), ...parts].join("\n");
  return { text: parts.length > 0 || head.length > 0 ? `${text}\n` : "", files, binaries };
}
