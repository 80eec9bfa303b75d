/** POSIX-style path helpers for generated file sets (pure). */

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

/** A reference that points at another file of the set (not a URL with a scheme, not a fragment). */
export function isLocalReference(ref: string): boolean {
  const trimmed = ref.trim();
  return trimmed !== "" && !trimmed.startsWith("#") && !trimmed.startsWith("//") && !/^[a-z][a-z0-9+.-]*:/i.test(trimmed);
}
