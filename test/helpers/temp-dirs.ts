/** Temporary folders for a test file, removed after its last test (so runs leave nothing in the system's temp). */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll } from "vitest";

/**
 * A function that makes a new temporary folder named `prefix…`; every one it made is removed after the file's tests.
 */
export function tempDirs(prefix: string): () => string {
  const made: string[] = [];
  afterAll(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    made.push(dir);
    return dir;
  };
}

/** One temporary folder for a test file's inputs and outputs, removed after its last test. */
export interface ScratchFolder {
  /** Writes `content` to a new file named `name` (numbered, so that names never collide) and returns its path. */
  file(name: string, content: string | Uint8Array): string;
  /** A path for a new output folder (not made: the command under test makes it). */
  outDir(): string;
}

export function scratchFolder(prefix: string): ScratchFolder {
  const dir = tempDirs(prefix);
  let root: string | undefined;
  let n = 0;
  const at = (name: string): string => join((root ??= dir()), `${++n}-${name}`);
  return {
    file: (name, content) => {
      const path = at(name);
      writeFileSync(path, content);
      return path;
    },
    outDir: () => at("out"),
  };
}
