/**
 * POSIX-style path helpers for generated file sets, and assets as data: URLs (pure). Shared by the panel's
 * HTML preview and zip (ui/lib) and the worker's React preview (codegen/preview).
 */
import { bytesToBase64 } from "../kernel/base64.js";
import type { SourceFile } from "./types.js";

export function dirname(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash < 0 ? "" : path.slice(0, slash);
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

export function extension(path: string): string {
  const base = basename(path);
  const dot = base.lastIndexOf(".");
  return dot < 0 ? "" : base.slice(dot + 1).toLowerCase();
}

/** A file's path inside the folder it belongs to, as its names, or why it would not stay inside. */
export type InsidePath = { ok: true; segments: string[] } | { ok: false; reason: string };

/**
 * The one rule for whether a generated file's path stays inside its folder, kept by the project pass
 * (codegen/project/paths.ts) and the CLI's writer (cli/common/io.ts) alike. `/` and `\` both separate; empty and
 * `.` names drop out; NUL, absolute paths (`/x`, `\\server\x`), a drive letter and a `..` name are refused, and so
 * is a path that names a folder or nothing. Only a whole `..` name leaves the folder: `..foo` is a name like any other.
 */
export function insidePath(path: string): InsidePath {
  if (path.includes("\0")) return { ok: false, reason: "the path contains a NUL character" };
  const slashed = path.replace(/\\/g, "/");
  if (slashed.startsWith("/")) return { ok: false, reason: "the path is absolute" };
  if (/^[A-Za-z]:/.test(slashed)) return { ok: false, reason: "the path starts with a drive letter" };
  const segments = slashed.split("/").filter((segment) => segment !== "" && segment !== ".");
  if (segments.includes("..")) return { ok: false, reason: "the path contains a '..' segment" };
  if (slashed.endsWith("/")) return { ok: false, reason: "the path names a folder, not a file" };
  if (segments.length === 0) return { ok: false, reason: "the path is empty" };
  return { ok: true, segments };
}

/** Joins `ref` onto `dir` and resolves `.` and `..` (never above the root). */
export function resolvePath(dir: string, ref: string): string {
  const parts = ref.startsWith("/") ? [] : dir.split("/").filter(Boolean);
  for (const part of ref.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") parts.pop();
    else parts.push(part);
  }
  return parts.join("/");
}

/** The path from directory `from` to the file `to` (both from the set's root), `./x` or `../x`. */
export function relativePath(from: string, to: string): string {
  const a = from.split("/").filter(Boolean);
  const b = to.split("/").filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  const up = a.length - i;
  return (up === 0 ? "./" : "../".repeat(up)) + b.slice(i).join("/");
}

/** A reference that points at another file of the set (not a URL with a scheme, not a fragment). */
export function isLocalReference(ref: string): boolean {
  const trimmed = ref.trim();
  return (
    trimmed !== "" && !trimmed.startsWith("#") && !trimmed.startsWith("//") && !/^[a-z][a-z0-9+.-]*:/i.test(trimmed)
  );
}

/** Image and font types an asset may be embedded as. */
export const ASSET_MIME: Readonly<Record<string, string>> = {
  svg: "image/svg+xml",
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  gif: "image/gif",
  webp: "image/webp",
  avif: "image/avif",
  ico: "image/x-icon",
  bmp: "image/bmp",
  woff: "font/woff",
  woff2: "font/woff2",
  ttf: "font/ttf",
  otf: "font/otf",
};

/**
 * An image or font as a data: URL: a binary file from its bytes; SVG text URL-encoded; other text must
 * already be a data: URL or base64.
 */
export function assetDataUrl(file: SourceFile): string | undefined {
  const ext = extension(file.path);
  const mime = ASSET_MIME[ext];
  if (!mime) return undefined;
  if (file.bytes) return `data:${mime};base64,${bytesToBase64(file.bytes)}`;
  if (file.content.startsWith("data:")) return file.content;
  if (ext === "svg") return `data:${mime};charset=utf-8,${encodeURIComponent(file.content)}`;
  const compact = file.content.replace(/\s+/g, "");
  return /^[A-Za-z0-9+/]+={0,2}$/.test(compact) ? `data:${mime};base64,${compact}` : undefined;
}
