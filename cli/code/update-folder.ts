/**
 * Reading a generated folder for an update: its record (`.figment/`, codegen/project/record.ts) and the files an
 * update compares. Every refusal says what to do: a folder without a record, a record of a newer Figment, a file
 * that cannot be read. Nothing here writes.
 */
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import {
  BASE_DIR,
  DESIGN_FILE,
  parseRecord,
  RECORD_FILE,
  readRecordFiles,
  type ReadRecord,
} from "../../codegen/project/record.js";
import type { SourceFile } from "../../codegen/types.js";
import { FigmentError } from "../../kernel/errors.js";
import { safeTarget } from "../common/io.js";

type Errno = NodeJS.ErrnoException;

/** Paths that are images or fonts: compared byte for byte, never merged as text. */
const BINARY = /\.(png|jpe?g|gif|webp|avif|ico|woff2?|ttf|otf|eot|mp4|webm)$/i;

function cannotRead(dir: string, path: string, error: unknown): FigmentError {
  const code = (error as Errno).code;
  const why =
    code === "EACCES" || code === "EPERM"
      ? "permission denied"
      : code === "EISDIR"
        ? "it is a folder where a file was generated"
        : (error as Error).message;
  return new FigmentError("input", `cannot read ${join(dir, path)}: ${why}; nothing was written`);
}

/** A file of the folder (undefined when it is not there); unreadable is an error naming it. */
export async function readFolderFile(
  dir: string,
  path: string,
  binary = BINARY.test(path),
): Promise<SourceFile | undefined> {
  const target = safeTarget(dir, path);
  if (!target) throw new FigmentError("input", `refused to read outside ${dir}: ${path}`);
  let bytes: Buffer;
  try {
    bytes = await readFile(target);
  } catch (error) {
    if ((error as Errno).code === "ENOENT" || (error as Errno).code === "ENOTDIR") return undefined;
    throw cannotRead(dir, path, error);
  }
  return binary ? { path, content: "", bytes: new Uint8Array(bytes) } : { path, content: bytes.toString("utf8") };
}

/** The record of `dir`, checked: a clear error for a missing folder, a folder without a record, a newer record. */
export async function readFolderRecord(dir: string): Promise<ReadRecord> {
  try {
    if (!(await stat(dir)).isDirectory())
      throw new FigmentError("input", `--update ${dir}: a file, not a folder; name the folder figment code wrote`);
  } catch (error) {
    if (error instanceof FigmentError) throw error;
    if ((error as Errno).code === "ENOENT")
      throw new FigmentError("input", `--update ${dir}: no such folder; name the folder figment code --out wrote`);
    throw cannotRead(dir, "", error);
  }
  const recordText = await readFolderFile(dir, RECORD_FILE, false);
  if (!recordText)
    throw new FigmentError(
      "input",
      `${dir} has no ${RECORD_FILE}: it was not written by figment code --out (or by a Figment before records); ` +
        `generate it once with figment code DESIGN.json --node ID --out ${dir} (your edits there are kept by the ` +
        "updates after that; commit them first)",
    );
  const files = new Map<string, SourceFile>([[RECORD_FILE, recordText]]);
  const design = await readFolderFile(dir, DESIGN_FILE, false);
  if (design) files.set(DESIGN_FILE, design);
  // The listed base files only: readRecordFiles names the first one missing.
  return readRecordFiles(new Map([...files, ...(await baseFiles(dir, recordText))]));
}

async function baseFiles(dir: string, recordText: SourceFile): Promise<Map<string, SourceFile>> {
  const record = parseRecord(recordText.content);
  const out = new Map<string, SourceFile>();
  for (const file of record.files) {
    const path = `${BASE_DIR}/${file.path}`;
    const read = await readFolderFile(dir, path, file.binary === true);
    if (read) out.set(path, read);
  }
  return out;
}

/** The folder's files at `paths` (absent ones left out), read as the generation has them (binary or text). */
export async function readFolderFiles(
  dir: string,
  paths: Iterable<string>,
  binary: ReadonlySet<string>,
): Promise<Map<string, SourceFile>> {
  const out = new Map<string, SourceFile>();
  for (const path of new Set(paths)) {
    const file = await readFolderFile(dir, path, binary.has(path) || BINARY.test(path));
    if (file) out.set(path, file);
  }
  return out;
}
