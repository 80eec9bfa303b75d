/**
 * One `figment batch` step at a time per folder: two collects (or a collect and a status) each hold the record
 * in memory and save it, so the later save could undo the earlier one's progress. The lock is a file made
 * with O_EXCL holding the owner's pid; a lock whose process is gone (killed mid-step) is taken over.
 */
import { mkdir, open, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { KEPT_DIR } from "../batch-api/store.js";
import { FigmentError } from "../../kernel/errors.js";

export const LOCK_FILE = "lock";

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but is another user's.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function owner(path: string): Promise<{ pid: number; step: string } | undefined> {
  try {
    const value = JSON.parse(await readFile(path, "utf8")) as { pid?: unknown; step?: unknown };
    return typeof value.pid === "number" ? { pid: value.pid, step: String(value.step ?? "a step") } : undefined;
  } catch {
    return undefined; // unreadable or half-written: treated as stale
  }
}

/** Takes the folder's lock for `step`; throws an input error naming the other step and its pid when held. */
export async function lockFolder(dir: string, step: string): Promise<() => Promise<void>> {
  const path = join(dir, KEPT_DIR, LOCK_FILE);
  await mkdir(join(dir, KEPT_DIR), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, "wx");
      await handle.writeFile(JSON.stringify({ pid: process.pid, step, since: new Date().toISOString() }));
      await handle.close();
      return () => rm(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const held = await owner(path);
      if (held && held.pid !== process.pid && alive(held.pid))
        throw new FigmentError(
          "input",
          `another figment batch ${held.step} (pid ${held.pid}) is working on ${dir}; wait for it to end`,
        );
      await rm(path, { force: true }); // its process is gone: take the lock over
    }
  }
  throw new FigmentError(
    "input",
    `could not take the lock of ${dir} (${path}); remove it if no figment batch step is running`,
  );
}
