/**
 * Where `figment image` writes: each image under --out as served (the decoded bytes, nothing re-encoded),
 * partial images under --out/partials/ as they arrive. Names come from the prompt and never overwrite an
 * earlier run's files. Each file is written under a hidden temporary name beside it and renamed once all its
 * bytes are on disk, so no file under --out is ever half-written. If the run fails or is cancelled, every file it
 * wrote (and any folder it made) is removed again: a failed run leaves nothing behind.
 */
import { existsSync, readdirSync } from "node:fs";
import { mkdir, rename, rm, rmdir, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import type { ServedFormat } from "../../ai/image/options.js";

export const EXTENSIONS: Readonly<Record<ServedFormat, string>> = { png: "png", jpeg: "jpg", webp: "webp", gif: "gif" };

/** A file-name stem from the prompt: its first words, lower case, ASCII letters and digits. */
export function slugOf(prompt: string): string {
  const words = prompt
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter(Boolean);
  let slug = "";
  for (const word of words) {
    if (slug && slug.length + 1 + word.length > 40) break;
    slug = slug ? `${slug}-${word}` : word.slice(0, 40);
  }
  return slug || "image";
}

/** A stem no file in `dirs` starts with yet (`slug`, then `slug-2`, `slug-3`, …). */
export function freeStem(slug: string, dirs: string[]): string {
  const names = dirs.flatMap((dir) => (existsSync(dir) ? readdirSync(dir) : []));
  const taken = (stem: string): boolean =>
    names.some((name) => name.startsWith(`${stem}.`) || name.startsWith(`${stem}-`));
  let stem = slug;
  for (let k = 2; taken(stem); k++) stem = `${slug}-${k}`;
  return stem;
}

export interface Written {
  path: string;
  bytes: number;
}

/** The files of one run: written in order, all removable if the run does not succeed. */
export class RunFiles {
  private readonly written: string[] = [];
  private readonly madeDirs: string[] = [];
  private queue: Promise<void> = Promise.resolve();
  private failure: unknown;

  constructor(
    readonly out: string,
    readonly stem: string,
    private readonly count: number,
  ) {}

  /** `stem.png`, or `stem-2.png` for the second of several images. */
  imageName(image: number, format: ServedFormat): string {
    return `${this.stem}${this.count > 1 ? `-${image + 1}` : ""}.${EXTENSIONS[format]}`;
  }

  partialName(image: number, index: number, format: ServedFormat): string {
    return join(
      "partials",
      `${this.stem}${this.count > 1 ? `-${image + 1}` : ""}-partial-${index}.${EXTENSIONS[format]}`,
    );
  }

  /** Queues a write (partials arrive from a synchronous callback); returns the path it will have. */
  write(name: string, bytes: Uint8Array): string {
    const path = join(this.out, name);
    this.queue = this.queue.then(async () => {
      if (this.failure) return;
      try {
        await this.ensureDir(dirname(path));
        await writeAtomically(path, bytes);
        this.written.push(path);
      } catch (error) {
        this.failure = error;
      }
    });
    return path;
  }

  /** Waits for every queued write; throws the first write error. */
  async flush(): Promise<void> {
    await this.queue;
    if (this.failure) throw this.failure;
  }

  /** Removes what this run wrote, then the folders it made, if empty. */
  async removeAll(): Promise<void> {
    await this.queue;
    for (const path of this.written.splice(0)) await rm(path, { force: true });
    for (const dir of this.madeDirs.splice(0).reverse()) await rmdir(dir).catch(() => undefined);
  }

  private async ensureDir(dir: string): Promise<void> {
    const missing: string[] = [];
    for (let d = dir; !existsSync(d); d = join(d, "..")) missing.unshift(d);
    if (missing.length === 0) return;
    await mkdir(dir, { recursive: true });
    this.madeDirs.push(...missing);
  }
}

/** Writes `bytes` to a hidden temporary file beside `path`, then renames it: `path` appears whole or not at all. */
export async function writeAtomically(path: string, bytes: Uint8Array): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${process.pid}.partial`);
  try {
    await writeFile(temporary, bytes);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
