/**
 * Where the tools may read and write: the server's working folder, the folders given with --root, and the roots the
 * client declares (file:// URIs). A path is checked after resolving symbolic links, so a link inside a root that
 * points outside it is outside. Anything else is a tool error, never a read.
 */
import { realpath } from "node:fs/promises";
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { FigmentError } from "../../kernel/errors.js";

/** The folders a call may use: the server's own, then the client's roots (asked for on each call). */
export interface Folders {
  /** The working folder and --root folders, absolute. */
  own: readonly string[];
  /** The client's declared roots (file:// URIs), [] when it declares none. */
  clientRoots(): Promise<readonly string[]>;
}

/** The local folders of the client's root URIs (other schemes are no folders here). */
export function rootFolders(uris: readonly string[]): string[] {
  return uris.flatMap((uri) => {
    if (!uri.startsWith("file://")) return [];
    try {
      return [fileURLToPath(uri)];
    } catch {
      return [];
    }
  });
}

/** The path with its links resolved; for a path not there yet, its nearest existing parent's, with the rest after. */
async function realPath(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    const parent = dirname(path);
    if (parent === path) return path;
    return resolve(await realPath(parent), relative(parent, path));
  }
}

const inside = (path: string, folder: string): boolean => {
  const rel = relative(folder, path);
  return rel === "" || (!rel.startsWith(`..${sep}`) && rel !== ".." && !isAbsolute(rel));
};

/**
 * `path` (relative to the working folder) as an absolute path inside one of the folders, or an input error naming
 * it and the folders (`what` says what the path is for: "the design", "the output folder").
 */
export async function allowedPath(folders: Folders, path: string, what: string): Promise<string> {
  const absolute = resolve(folders.own[0] ?? process.cwd(), path);
  const real = await realPath(absolute);
  const all = [...folders.own, ...rootFolders(await folders.clientRoots())];
  for (const folder of all) if (inside(real, await realPath(folder))) return absolute;
  throw new FigmentError(
    "input",
    `${what} ${path} is outside the folders this server may use (${all.join(", ")}): ` +
      `copy it into one, or start figment mcp with --root DIR`,
  );
}
