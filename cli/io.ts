/** File input and output for the CLI: reading designs, writing generated files only inside --out. */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, isAbsolute, relative, resolve } from "node:path";
import type { Problem, SourceFile } from "../codegen/types.js";

/** An error the user can fix (bad arguments or input): exit code 2, message without a stack. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** A failure outside the user's input (a server failing, a limit not clearing): exit code 1 (130 when cancelled), message without a stack. */
export class CommandFailure extends Error {
  override name = "CommandFailure";
  constructor(
    message: string,
    readonly exitCode: 1 | 130 = 1,
  ) {
    super(message);
  }
}

export async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(code === "ENOENT" ? `no such file: ${path}` : `cannot read ${path}: ${(error as Error).message}`);
  }
}

export async function readJson(path: string): Promise<unknown> {
  const text = await readText(path);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new UsageError(`not Figma JSON: ${path} is not valid JSON (${(error as Error).message})`);
  }
}

/** Resolves `path` under `root`, or undefined when it would land outside it. */
export function safeTarget(root: string, path: string): string | undefined {
  if (path === "" || isAbsolute(path) || /^[a-zA-Z]:/.test(path) || path.includes("\0")) return undefined;
  const target = resolve(root, path);
  const rel = relative(root, target);
  if (rel === "" || rel.startsWith("..") || isAbsolute(rel)) return undefined;
  return target;
}

/** Writes the files under `outDir`; a path that would escape it is refused and reported, never written. */
export async function writeFilesUnder(outDir: string, files: SourceFile[]): Promise<{ written: string[]; problems: Problem[] }> {
  const root = resolve(outDir);
  const written: string[] = [];
  const problems: Problem[] = [];
  for (const file of files) {
    const target = safeTarget(root, file.path);
    if (!target) {
      problems.push({ severity: "error", code: "unsafe-path", message: `refused to write outside ${outDir}: ${file.path}`, file: file.path });
      continue;
    }
    await mkdir(dirname(target), { recursive: true });
    // Binary assets byte-exact; text as UTF-8.
    await writeFile(target, file.bytes ?? file.content);
    written.push(target);
  }
  return { written, problems };
}
