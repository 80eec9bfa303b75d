/**
 * Writing an update into a folder all or nothing. Before the first change, every file the update replaces or removes
 * is copied to `.figment/.update/backup/` and a journal lists them; then the changes are made; then the journal goes.
 * A failure half-way (a file where a folder is needed, a full disk) puts back what was there and removes what was
 * new. An update killed half-way leaves its journal, and the next update (or `figment code --update` again) puts
 * the folder back first: an interrupted update leaves the folder as it was.
 */
import { mkdir, readFile, rename, rm, unlink, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { RECORD_DIR } from "../../codegen/project/record.js";
import type { SourceFile } from "../../codegen/types.js";
import { FigmentError } from "../../kernel/errors.js";
import { safeTarget } from "../common/io.js";
import { makeFolders } from "../common/out-folder.js";

const JOURNAL_DIR = `${RECORD_DIR}/.update`;
const JOURNAL = `${JOURNAL_DIR}/journal.json`;

interface JournalEntry {
  path: string;
  /** Whether the file was there before (its copy is in backup/); else the update made it and undoing removes it. */
  existed: boolean;
}

type Errno = NodeJS.ErrnoException;

function inside(dir: string, path: string): string {
  const target = safeTarget(dir, path);
  if (!target) throw new FigmentError("input", `refused to write outside ${dir}: ${path}`);
  return target;
}

async function exists(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as Errno).code === "ENOENT" || (error as Errno).code === "ENOTDIR") return undefined;
    throw error;
  }
}

/** Puts the folder back as the journal found it: backups restored, files the update made removed. */
async function undo(dir: string, entries: readonly JournalEntry[]): Promise<void> {
  for (const entry of entries) {
    const target = inside(dir, entry.path);
    if (entry.existed) {
      const saved = await readFile(join(dir, JOURNAL_DIR, "backup", entry.path));
      await makeFolders(dirname(target));
      await writeFile(target, saved);
    } else {
      await unlink(target).catch(() => undefined);
    }
  }
}

/**
 * An update left half-done by a killed run: undone, so the folder is as it was before it. Returns whether there was
 * one (the caller says so).
 */
export async function recoverInterrupted(dir: string): Promise<boolean> {
  const journal = await exists(join(dir, JOURNAL));
  if (journal === undefined) {
    // A journal never written means nothing was changed yet: only the backups' folder is left to clear.
    await rm(join(dir, JOURNAL_DIR), { recursive: true, force: true });
    return false;
  }
  const entries = JSON.parse(journal.toString("utf8")) as JournalEntry[];
  await undo(dir, entries);
  await rm(join(dir, JOURNAL_DIR), { recursive: true, force: true });
  return true;
}

/**
 * Writes `writes` and removes `removes` under `dir`, all or nothing (see the module's note). A path outside `dir` is
 * refused before anything is written.
 */
export async function commitUpdate(
  dir: string,
  writes: readonly SourceFile[],
  removes: readonly string[],
): Promise<void> {
  const paths = [...new Set([...writes.map((f) => f.path), ...removes])];
  for (const path of paths) inside(dir, path);
  const entries: JournalEntry[] = [];
  for (const path of paths) {
    const before = await exists(inside(dir, path));
    if (before !== undefined) {
      const backup = join(dir, JOURNAL_DIR, "backup", path);
      await makeFolders(dirname(backup), "--update");
      await writeFile(backup, before);
    }
    entries.push({ path, existed: before !== undefined });
  }
  await mkdir(join(dir, JOURNAL_DIR), { recursive: true });
  // The journal is the point of no return for undo: written whole (to a temporary name, then renamed) or not at all.
  await writeFile(join(dir, `${JOURNAL}.tmp`), JSON.stringify(entries));
  await rename(join(dir, `${JOURNAL}.tmp`), join(dir, JOURNAL));
  try {
    for (const file of writes) {
      const target = inside(dir, file.path);
      await makeFolders(dirname(target), "--update");
      await writeFile(target, file.bytes ?? file.content);
    }
    for (const path of removes) await unlink(inside(dir, path)).catch(ignoreMissing);
  } catch (error) {
    await undo(dir, entries);
    await rm(join(dir, JOURNAL_DIR), { recursive: true, force: true });
    throw new FigmentError(
      "input",
      `the update could not be written (${error instanceof Error ? error.message : String(error)}); ` +
        `${dir} is as it was before`,
    );
  }
  await rm(join(dir, JOURNAL_DIR), { recursive: true, force: true });
}

function ignoreMissing(error: unknown): void {
  if ((error as Errno).code !== "ENOENT") throw error;
}
