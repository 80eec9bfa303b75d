/** File input and output for the CLI: reading designs, writing generated files only inside --out. */
import { readFile, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { readDesignBytes } from "./design-text.js";
import { insidePath } from "../../codegen/file-paths.js";
import type { Problem, SourceFile } from "../../codegen/types.js";
import { FigmentError } from "../../kernel/errors.js";
import { checkOutDir, makeFolders } from "./out-folder.js";

export { checkOutDir } from "./out-folder.js";

export async function readText(path: string): Promise<string> {
  return new TextDecoder().decode(await readBytes(path));
}

async function readBytes(path: string): Promise<Uint8Array> {
  try {
    return await readFile(path);
  } catch (error) {
    throw new FigmentError("input", unreadable(path, (error as NodeJS.ErrnoException).code, (error as Error).message));
  }
}

/** Why a file cannot be read, in words (node's "EISDIR: illegal operation on a directory, read" is not). */
function unreadable(path: string, code: string | undefined, message: string): string {
  if (code === "ENOENT") return `no such file: ${path}`;
  if (code === "EISDIR") return `${path} is a folder, not a file: name the .json file inside it`;
  if (code === "EACCES" || code === "EPERM") return `cannot read ${path}: permission denied`;
  return `cannot read ${path}: ${message}`;
}

/**
 * A design file (<design.json>), as every command reads it: a Figma REST reply, also with a byte-order mark, in
 * UTF-16, with text after the JSON, as a fragment without its outer braces or inside a wrapper, with its boxes' keys
 * spelled otherwise (cli/common/design-text.ts, codegen/rest/reply-text.ts). Each repair is said on `note` ("figment:
 * note: …" on stderr); text that holds no JSON, or boxes it cannot read, is a usage error naming the file and what was
 * expected.
 */
export async function readDesignJson(path: string, note?: (text: string) => void): Promise<unknown> {
  const bytes = await readBytes(path);
  const { json, notes } = readDesignBytes(bytes, path);
  for (const text of notes) note?.(`note: ${path}: ${text}`);
  return json;
}

/** A JSON file of the CLI's own (a cache); design files are read by readDesignJson. */
export async function readJson(path: string): Promise<unknown> {
  const text = await readText(path);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new FigmentError("input", `${path} is not valid JSON (${(error as Error).message})`);
  }
}

/**
 * Resolves `path` under `root`, or undefined when it would land outside it: the project pass's rule (insidePath),
 * so a folder named `..foo` is inside here as there.
 */
export function safeTarget(root: string, path: string): string | undefined {
  const inside = insidePath(path);
  return inside.ok ? join(resolve(root), ...inside.segments) : undefined;
}

/** Writes the files under `outDir`; a path that would escape it is refused and reported, never written. */
export async function writeFilesUnder(
  outDir: string,
  files: SourceFile[],
): Promise<{ written: string[]; problems: Problem[] }> {
  await checkOutDir(outDir);
  const root = resolve(outDir);
  const written: string[] = [];
  const problems: Problem[] = [];
  for (const file of files) {
    const target = safeTarget(root, file.path);
    if (!target) {
      problems.push({
        severity: "error",
        code: "unsafe-path",
        message: `refused to write outside ${outDir}: ${file.path}`,
        file: file.path,
      });
      continue;
    }
    await makeFolders(dirname(target));
    // Binary assets byte-exact; text as UTF-8.
    await writeFile(target, file.bytes ?? file.content);
    written.push(target);
  }
  return { written, problems };
}
