/**
 * Whether an output folder can be written, found out before any work and said in one sentence: node's own errors
 * ("EPERM: operation not permitted, mkdir '/sys/x'") are not for users, and its recursive mkdir retries forever
 * where a folder's parent exists but refuses the name (ENOENT under /proc). Every step here is one system call,
 * tried once, so the answer comes at once.
 */
import { access, constants, mkdir, rmdir, stat } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { FigmentError } from "../../kernel/errors.js";

type Errno = NodeJS.ErrnoException;

/** Why a folder cannot be made (or written) in `parent`, in words, for an errno code. */
export function refusalReason(code: string | undefined, parent: string): string {
  switch (code) {
    case "EACCES":
    case "EPERM":
      return `permission denied in ${parent}`;
    case "EROFS":
      return `${parent} is on a read-only file system`;
    case "ENOENT":
      // The parent is there (it was just looked at), so the file system refuses new names: /proc does.
      return `${parent} does not take new folders`;
    case "ENOSPC":
      return `no space left on the device of ${parent}`;
    case "EDQUOT":
      return `the disk quota is used up in ${parent}`;
    case "ENAMETOOLONG":
      return "the path is too long";
    case "ELOOP":
      return "the path loops through symbolic links";
    case "EIO":
      return `the device of ${parent} fails to read or write`;
    default:
      return `the system refuses it (${code ?? "unknown error"})`;
  }
}

function refusal(dir: string, flag: string, what: string): FigmentError {
  return new FigmentError("input", `${flag} ${dir}: ${what}; name a folder you can write to (it is made if missing)`);
}

/** The path's nearest part that exists (itself if it does) and its stat; a file on the way is refused. */
async function nearestExisting(dir: string, flag: string): Promise<string> {
  const target = resolve(dir);
  for (let current = target; ; current = dirname(current)) {
    let info: Awaited<ReturnType<typeof stat>> | undefined;
    try {
      info = await stat(current);
    } catch (error) {
      const code = (error as Errno).code;
      if (code !== "ENOENT" && code !== "ENOTDIR") throw refusal(dir, flag, refusalReason(code, current));
    }
    if (info && !info.isDirectory()) {
      const what =
        current === target
          ? `${dir} is a file, not a folder`
          : `${dir} lies inside ${relative(process.cwd(), current) || current}, which is a file`;
      throw new FigmentError("input", `${flag} ${dir}: ${what}; name a folder (it is made if missing)`);
    }
    if (info || dirname(current) === current) return current;
  }
}

let probes = 0;

/**
 * Refuses an output folder that cannot be one before anything is written: a file or a path through one, or a
 * place where no folder can be made or written (a read-only file system, /proc, /sys, a folder without write
 * permission). `flag` names where the folder came from ("--out"). Nothing is left behind: the folder is tried
 * by making (and removing) an empty one of its own name in the nearest folder that exists.
 */
export async function checkOutDir(dir: string, flag = "--out"): Promise<void> {
  const existing = await nearestExisting(dir, flag);
  try {
    await access(existing, constants.W_OK);
  } catch (error) {
    throw refusal(dir, flag, refusalReason((error as Errno).code, existing));
  }
  // Root passes every access check, and /proc or /sys refuse a name all the same: only making one tells.
  const probe = join(existing, `.figment-write-check-${process.pid}-${probes++}`);
  try {
    await mkdir(probe);
  } catch (error) {
    throw refusal(dir, flag, refusalReason((error as Errno).code, existing));
  }
  await rmdir(probe).catch(() => undefined);
}

/**
 * `mkdir -p` in bounded steps: each missing folder from the top down, made once (node's recursive mkdir loops
 * where a parent exists and the name is refused with ENOENT). A refusal is said as checkOutDir says it.
 */
export async function makeFolders(dir: string, flag = "--out"): Promise<void> {
  const missing: string[] = [];
  const top = await nearestExisting(dir, flag);
  for (let current = resolve(dir); current !== top; current = dirname(current)) missing.unshift(current);
  for (const folder of missing) {
    try {
      await mkdir(folder);
    } catch (error) {
      const code = (error as Errno).code;
      if (code === "EEXIST" && (await stat(folder)).isDirectory()) continue;
      throw refusal(dir, flag, refusalReason(code, dirname(folder)));
    }
  }
}
