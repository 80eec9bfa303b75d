/**
 * A bulk job's folder: the record at DIR/batch.json, its kept files (input JSONL, downloaded outputs, code
 * assets) under DIR/.figment-batch/. Every write goes to a temp file that is then renamed over the target,
 * so a process killed mid-write leaves the previous version whole.
 */
import { randomBytes } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { readRecord, type BatchRecord } from "../../ai/batch/record.js";
import type { BatchStore } from "../../ai/batch/store.js";
import { FigmentError, isFigmentError } from "../../kernel/errors.js";

export const RECORD_FILE = "batch.json";
export const KEPT_DIR = ".figment-batch";

/** Writes `data` to `path` through a temp file and a rename. */
export async function writeAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`;
  try {
    await writeFile(temp, data);
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/** The store of the job in `dir`. load() throws an input error naming batch.json when it is not a record. */
export function folderStore(dir: string): BatchStore {
  const kept = (name: string): string => {
    if (name.split("/").some((part) => part === ".." || part === "")) throw new Error(`unsafe kept-file name ${name}`);
    return join(dir, KEPT_DIR, ...name.split("/"));
  };
  return {
    async load() {
      const text = await readOptional(join(dir, RECORD_FILE));
      if (text === undefined) return undefined;
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        throw new FigmentError("input", `${join(dir, RECORD_FILE)} is not valid JSON (${(error as Error).message})`);
      }
      try {
        return readRecord(value);
      } catch (error) {
        // What is wrong, said with the file it is wrong in.
        if (isFigmentError(error, "input")) throw new FigmentError("input", `${dir}/${RECORD_FILE}: ${error.message}`);
        throw error;
      }
    },
    async save(record: BatchRecord) {
      await writeAtomic(join(dir, RECORD_FILE), JSON.stringify(record, null, 2) + "\n");
    },
    readText: (name) => readOptional(kept(name)),
    writeText: (name, text) => writeAtomic(kept(name), text),
  };
}
