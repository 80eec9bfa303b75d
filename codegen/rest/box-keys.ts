/**
 * Bounding boxes and sizes written with other keys than Figma's, as tools that re-save a REST reply write them: a C#
 * client's `{ "X", "Y", "Width", "Height" }` (and System.Drawing's `Left`, `Top`, `Right`, `Bottom` beside them),
 * `left`/`top`, `w`/`h`. Read once, where the design file is read (reply-text.ts), into Figma's `{ x, y, width,
 * height }` for `absoluteBoundingBox` and `absoluteRenderBounds` and `{ x, y }` for `size`, so every reader after it
 * (the design tree, the score, `figment frames`) sees one shape; the repair is said in one note. A box that names a
 * coordinate twice with different values, or lacks one among keys of its own, is refused with one line naming the
 * key expected: guessing would place every layer wrong without a word. A box whose values are not numbers is left
 * as it is: the readers take it as no box (codegen/design/normalize.ts groups those layers in one note).
 */
import { pluralGrouped } from "../../kernel/plural.js";
import { isRecord } from "./reply.js";
import { FigmentError } from "../../kernel/errors.js";

/** A box or size this file cannot read: `why` names the layer (after the file, when named) and the key expected. */
const unreadableBox = (why: string): FigmentError => new FigmentError("input", `not Figma JSON: ${why}`);

/** How a kind of box is read: each of Figma's keys with the keys (lower-cased) that stand for it, Figma's own first. */
interface Shape {
  aliases: Readonly<Record<string, readonly string[]>>;
  /** Figma's key → the far edge it is taken from when missing (width = right − x, height = bottom − y). */
  farEdges?: Readonly<Record<string, { edge: string; from: string }>>;
}

const BOX: Shape = {
  aliases: { x: ["x", "left"], y: ["y", "top"], width: ["width", "w"], height: ["height", "h"] },
  farEdges: { width: { edge: "right", from: "x" }, height: { edge: "bottom", from: "y" } },
};
/** A size is a vector in Figma's REST (`{ x, y }`); other tools write it as a width and a height. */
const SIZE: Shape = { aliases: { x: ["x", "width", "w"], y: ["y", "height", "h"] } };

const FIELDS: Readonly<Record<string, Shape>> = { absoluteBoundingBox: BOX, absoluteRenderBounds: BOX, size: SIZE };
const FIELD_NAMES = new Set(Object.keys(FIELDS));
/** The note names this many spellings at most (a file of one dialect has four). */
const MAX_KEYS_SAID = 8;

/** What was read with other keys: each key as the file spells it → Figma's, and in how many layers. */
interface Repairs {
  keys: Map<string, string>;
  layers: number;
}

/**
 * Rewrites, in place, the boxes and sizes of every node in `json` (a reply just parsed, which nobody else holds) that
 * use other keys than Figma's, and says so in one note. Throws an `input` FigmentError for a box it cannot read,
 * naming `file` when given.
 */
export function readBoxKeys(json: unknown, notes: string[], file?: string): void {
  const repairs: Repairs = { keys: new Map(), layers: 0 };
  const stack: unknown[] = [json];
  while (stack.length > 0) {
    const value = stack.pop();
    if (Array.isArray(value)) {
      for (const item of value) if (typeof item === "object" && item !== null) stack.push(item);
      continue;
    }
    if (!isRecord(value)) continue;
    const node = typeof value["id"] === "string" && typeof value["type"] === "string";
    let repaired = false;
    for (const [key, item] of Object.entries(value)) {
      if (node && FIELD_NAMES.has(key)) {
        if (isRecord(item) && repair(value, key, item, FIELDS[key]!, repairs.keys, file)) repaired = true;
      } else if (typeof item === "object" && item !== null) {
        stack.push(item);
      }
    }
    if (repaired) repairs.layers++;
  }
  if (repairs.layers > 0) {
    const keys = [...repairs.keys].map(([theirs, figmas]) => `${theirs} for "${figmas}"`);
    const shown = keys.length > MAX_KEYS_SAID ? [...keys.slice(0, MAX_KEYS_SAID), "…"] : keys;
    notes.push(
      `its bounding boxes and sizes use other keys than Figma's: ${shown.join(", ")} ` +
        `(read as Figma's, in ${pluralGrouped(repairs.layers, "layer")})`,
    );
  }
}

/**
 * `node[field]` in Figma's keys, when it is spelled otherwise (a box with all of Figma's keys is Figma's: others beside
 * them are ignored, as any other member is).
 */
function repair(
  node: Record<string, unknown>,
  field: string,
  raw: Record<string, unknown>,
  shape: Shape,
  keys: Map<string, string>,
  file: string | undefined,
): boolean {
  const figmaKeys = Object.keys(shape.aliases);
  if (figmaKeys.every((k) => k in raw)) return false;
  const where = (): string => `${file === undefined ? "" : `${file}: `}${describe(node, field)}`;
  const read = readAliased(raw, shape, where);
  if (!read) return false;
  node[field] = read.value;
  for (const [theirs, figmas] of read.spelled) if (!keys.has(theirs)) keys.set(theirs, figmas);
  return true;
}

/**
 * `raw` in Figma's keys, with how each key was spelled (`"Width"` → `width`); undefined when a value is missing and
 * `raw` holds no key of another shape (a box missing a value is no box, which the readers say). Throws `input`
 * for two values of one key, or a shape of its own.
 */
function readAliased(
  raw: Record<string, unknown>,
  shape: Shape,
  where: () => string,
): { value: Record<string, unknown>; spelled: [string, string][] } | undefined {
  const byLower = new Map<string, { key: string; value: unknown }[]>();
  for (const [key, value] of Object.entries(raw)) {
    const lower = key.toLowerCase();
    byLower.set(lower, [...(byLower.get(lower) ?? []), { key, value }]);
  }
  const value: Record<string, unknown> = {};
  const spelled: [string, string][] = [];
  const missing: string[] = [];
  for (const [k, aliases] of Object.entries(shape.aliases)) {
    const found = aliases.flatMap((alias) => byLower.get(alias) ?? []);
    const first = found[0];
    const other = found.find((f) => !sameValue(f.value, first?.value));
    if (first && other)
      throw unreadableBox(
        `${where()} has ${JSON.stringify(first.key)}: ${show(first.value)} and ` +
          `${JSON.stringify(other.key)}: ${show(other.value)}, two values for Figma's ${JSON.stringify(k)}`,
      );
    if (!first) {
      missing.push(k);
      continue;
    }
    value[k] = first.value;
    if (first.key !== k) spelled.push([JSON.stringify(first.key), k]);
  }
  for (const k of [...missing]) {
    const far = shape.farEdges?.[k];
    const edge = far ? byLower.get(far.edge)?.[0] : undefined;
    const near = far ? value[far.from] : undefined;
    if (!far || !edge || typeof edge.value !== "number" || typeof near !== "number") continue;
    value[k] = edge.value - near;
    spelled.push([
      `${JSON.stringify(edge.key)} − ${spelled.find(([, f]) => f === far.from)?.[0] ?? JSON.stringify(far.from)}`,
      k,
    ]);
    missing.splice(missing.indexOf(k), 1);
  }
  if (missing.length === 0) return { value, spelled };
  const known = new Set([
    ...Object.values(shape.aliases).flat(),
    ...Object.values(shape.farEdges ?? {}).map((f) => f.edge),
  ]);
  const keys = Object.keys(raw);
  if (keys.every((key) => known.has(key.toLowerCase()))) return undefined;
  const shown = keys.slice(0, 6).map((key) => JSON.stringify(key));
  throw unreadableBox(
    `${where()} has no ${JSON.stringify(missing[0])} (its keys are ` +
      `${shown.join(", ")}${keys.length > 6 ? ", …" : ""}); expected Figma's ${Object.keys(shape.aliases)
        .map((k) => JSON.stringify(k))
        .join(", ")}`,
  );
}

function sameValue(a: unknown, b: unknown): boolean {
  return (
    a === b || (typeof a === "number" && typeof b === "number" && Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a)))
  );
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 20 ? `${text.slice(0, 19)}…` : text;
}

function describe(node: Record<string, unknown>, field: string): string {
  const name = typeof node["name"] === "string" ? node["name"] : String(node["type"]).toLowerCase();
  return `the ${field} of ${JSON.stringify(name.length > 40 ? `${name.slice(0, 39)}…` : name)} (${String(node["id"])})`;
}
