/**
 * `--assets DIR` beside a hint (issue 72): the data a hint names but does not carry. A hint names each vector's file
 * (`svg` → `<layer>.svg`) and each image fill's file, and prints a token's value, not the token; `figment hints
 * --assets DIR` writes those files (the vectors' SVG, the images' bytes given with --images) and an index holding the
 * design's tokens, and `figment code --from-hint H --assets DIR` reads them back, so that code from the hint and its
 * assets is the code of the design, file for file (test/hint-parity.test.ts). A file the folder lacks keeps the
 * hint's stand-in (an SVG of the vector's parts' boxes, a grey image) with a warning naming it.
 * The names come from the hint, a text a user (or a model) may have edited: only plain file names are read.
 */
import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { Asset, DesignDocument } from "../../codegen/design/types.js";
import type { TokenTable } from "../../codegen/design/token-table.js";
import { sniffImage } from "../../codegen/design/image-bytes.js";
import { parseHint } from "../../codegen/hint/parse.js";
import type { Problem } from "../../codegen/types.js";
import { FigmentError } from "../../kernel/errors.js";
import { readText } from "./io.js";

/**
 * The folder's index: the files written, which SVGs are the design's own stand-ins (a vector whose JSON had no
 * outline, drawn as its parts' boxes: the notes say so), and the design tokens.
 */
export const INDEX_FILE = "hint-assets.json";
/** Larger files are refused: a vector's SVG or a fill's picture, not anything a folder may hold. */
const MAX_ASSET_BYTES = 32 * 1024 * 1024;
interface AssetsIndex {
  files: string[];
  placeholders: string[];
  tokens?: TokenTable;
}
/** A file name the folder may hold: no folder part, no `.`/`..`, nothing a shell or Windows reads specially. */
export function plainFileName(name: string): boolean {
  return /^[^/\\:*?"<>|\0]+$/.test(name) && name !== "." && name !== ".." && name.length <= 255;
}

/**
 * The design `figment code --from-hint <hint.txt>` builds from: the hint read (its errors name the line), and with
 * `--assets DIR` the files it names in place of its stand-ins.
 */
export async function readHintDesign(
  hintPath: string,
  assetsDir: string | undefined,
): Promise<{ document: DesignDocument; problems: Problem[] }> {
  const { document } = parseHint(await readText(hintPath));
  if (document.frames.length === 0) throw new FigmentError("input", `${hintPath} holds no frames`);
  if (assetsDir === undefined) return { document, problems: [] };
  await requireFolder(assetsDir);
  return readHintAssets(document, assetsDir);
}

async function requireFolder(dir: string): Promise<void> {
  let folder: boolean;
  try {
    folder = (await stat(dir)).isDirectory();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new FigmentError(
      "input",
      `cannot read --assets ${dir}: ${code === "ENOENT" ? "it does not exist" : (error as Error).message}`,
    );
  }
  if (!folder) throw new FigmentError("input", `cannot read --assets ${dir}: it is not a folder`);
}

/** Writes the files `document`'s hint names into `dir`, and their index: how many of each kind were written. */
export async function writeHintAssets(
  document: DesignDocument,
  dir: string,
): Promise<{ svgs: number; images: number; tokens: boolean }> {
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw new FigmentError("input", `cannot make --assets ${dir}: ${(error as Error).message}`);
  }
  const index: AssetsIndex = { files: [], placeholders: [] };
  let svgs = 0;
  for (const asset of Object.values(document.assets)) {
    const bytes = asset.kind === "svg" ? asset.svg : asset.bytes;
    // An image without its bytes (no --images): the code draws a placeholder, from the hint as from the design.
    if (bytes === undefined || !plainFileName(asset.name) || asset.name === INDEX_FILE) continue;
    await writeFile(join(dir, asset.name), bytes);
    index.files.push(asset.name);
    if (asset.kind === "svg") svgs++;
    if (asset.kind === "svg" && asset.placeholder) index.placeholders.push(asset.name);
  }
  const tokens = document.tokens && document.tokens.tokens.length > 0 ? document.tokens : undefined;
  if (tokens) index.tokens = tokens;
  await writeFile(join(dir, INDEX_FILE), `${JSON.stringify(index)}\n`);
  return {
    svgs,
    images: index.files.length - svgs,
    tokens: tokens !== undefined,
  };
}

/**
 * `document` (parsed from a hint) with the files `dir` holds in place of the hint's stand-ins, and a warning per
 * named file the folder lacks. A folder that cannot be read, or a file that is not what its name says, is a usage
 * error naming it.
 */
export async function readHintAssets(
  document: DesignDocument,
  dir: string,
): Promise<{ document: DesignDocument; problems: Problem[] }> {
  const indexBytes = await readIfThere(join(dir, INDEX_FILE));
  const index = indexBytes === undefined ? undefined : assetsIndex(indexBytes, join(dir, INDEX_FILE));
  const placeholders = new Set(index?.placeholders ?? []);
  const assets: Record<string, Asset> = { ...document.assets };
  const missing: string[] = [];
  for (const [name, asset] of Object.entries(document.assets)) {
    const bytes = plainFileName(name) ? await readIfThere(join(dir, name)) : undefined;
    if (bytes !== undefined) assets[name] = fromFile(asset, bytes, join(dir, name), placeholders.has(name));
    // A file the index never listed had no content in the design either (a picture without --images).
    else if (!index || index.files.includes(name)) missing.push(name);
  }
  const problems: Problem[] = missing.map((name) => ({
    severity: "warning",
    code: "missing-asset-file",
    message: `--assets ${dir} has no ${name}: the hint's stand-in is drawn in its place`,
  }));
  return {
    document: {
      ...document,
      assets,
      ...(index?.tokens ? { tokens: index.tokens } : {}),
    },
    problems,
  };
}

/** The file's bytes; undefined when there is no such file. The folder itself must be readable. */
async function readIfThere(path: string): Promise<Uint8Array | undefined> {
  try {
    const bytes = new Uint8Array(await readFile(path));
    if (bytes.length > MAX_ASSET_BYTES)
      throw new FigmentError("input", `--assets ${path} is over ${MAX_ASSET_BYTES / 1024 / 1024} MB`);
    return bytes;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return undefined;
    if (error instanceof FigmentError) throw error;
    throw new FigmentError("input", `cannot read --assets ${path}: ${(error as Error).message}`);
  }
}

/** The asset the hint named, with the file's content: an SVG's markup, an image's bytes and size. */
function fromFile(named: Asset, bytes: Uint8Array, path: string, placeholder: boolean): Asset {
  const info = sniffImage(bytes);
  if (named.kind === "svg") {
    if (info?.format !== "svg") throw new FigmentError("input", `--assets ${path} is not an SVG file`);
    return {
      kind: "svg",
      name: named.name,
      svg: new TextDecoder().decode(bytes),
      ...(placeholder ? { placeholder } : {}),
    };
  }
  if (info === undefined || info.format === "svg")
    throw new FigmentError("input", `--assets ${path} is not a PNG, JPEG, GIF or WebP picture`);
  return {
    ...named,
    bytes,
    ...(info.width !== undefined && info.height !== undefined ? { width: info.width, height: info.height } : {}),
  };
}

/** hint-assets.json as `figment hints --assets` wrote it, its shape checked. */
function assetsIndex(bytes: Uint8Array, path: string): AssetsIndex {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    throw new FigmentError("input", `--assets ${path} is not valid JSON (${(error as Error).message})`);
  }
  const isRecord = (v: unknown): v is Record<string, unknown> =>
    typeof v === "object" && v !== null && !Array.isArray(v);
  const names = (v: unknown): boolean => Array.isArray(v) && v.every((n) => typeof n === "string");
  const tokens = isRecord(json) ? json.tokens : undefined;
  const tokensOk =
    tokens === undefined ||
    (isRecord(tokens) &&
      Array.isArray(tokens.tokens) &&
      Array.isArray(tokens.modes) &&
      isRecord(tokens.nodes) &&
      isRecord(tokens.modeAttrs));
  if (!isRecord(json) || !names(json.files) || !names(json.placeholders) || !tokensOk)
    throw new FigmentError(
      "input",
      `--assets ${path} is not the index figment hints --assets writes ({ files, placeholders, tokens? })`,
    );
  return json as unknown as AssetsIndex;
}
