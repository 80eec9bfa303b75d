/**
 * An icon's shapes in the hint, so that code from the hint alone draws each shape where the SVG would:
 *
 *   V :22 @81,3 12x9 svg pb:4x9/#000;4,2,4x7;8,4,4x5 pi::23+2
 *
 * `pb` lists the boxes (`[x,y,]wxh[/colour]`; `x,y` alone keeps the size of the part before; the colour
 * only where it changes) and, being a style-like group, goes to the `$n` table when icons repeat; `pi` lists
 * the layer ids in the same order, each shortened like a node id (`^` = inside this icon's own instance,
 * `~` = inside the enclosing instance, `:N` = same session as the id before), and `+k` closes a run of k
 * more consecutive ids.
 */
import type { DesignNode, ShapePart } from "../design/types.js";
import { expandColor, num, shortColor } from "./tokens.js";
import { FigmentError } from "../../kernel/errors.js";

/** The id shortening of print.ts (passed in, so the two files do not import each other). */
export interface IdCodec {
  print(id: string, instanceId: string | undefined): string;
  parse(token: string, instanceId: string | undefined): string;
}

export function printPartBoxes(parts: readonly ShapePart[]): string {
  let color: string | undefined;
  let size = "";
  return parts
    .map((p) => {
      const sameSize = size === (size = `${p.w}x${p.h}`);
      const box = sameSize ? `${p.x},${p.y}` : p.x === 0 && p.y === 0 ? size : `${p.x},${p.y},${size}`;
      if (p.color === color) return box;
      color = p.color;
      return `${box}/${p.color === undefined ? "-" : shortColor(p.color)}`;
    })
    .join(";");
}

/** The boxes of a `pb` value (ids come from `pi`). */
export function parsePartBoxes(value: string): Omit<ShapePart, "id">[] {
  let color: string | undefined;
  let size: { w: number; h: number } | undefined;
  return value.split(";").map((entry) => {
    const slash = entry.indexOf("/");
    const geometry = slash < 0 ? entry : entry.slice(0, slash);
    if (slash >= 0) {
      const c = entry.slice(slash + 1);
      color = c === "-" ? undefined : expandColor(c);
    }
    // `wxh`, `x,y,wxh`, or `x,y` (the size of the part before).
    const pieces = geometry.split(",");
    const sized = /^([\d.]+)x([\d.]+)$/.exec(pieces.length === 2 ? "" : (pieces[pieces.length - 1] ?? ""));
    if (sized) size = { w: num(sized[1]!), h: num(sized[2]!) };
    if ((pieces.length !== 2 && !sized) || pieces.length > 3 || !size)
      throw new FigmentError("input", `bad part box "${entry}"`);
    const [x, y] = pieces.length === 1 ? ["0", "0"] : pieces;
    return { x: num(x!), y: num(y!), ...size, ...(color !== undefined ? { color } : {}) };
  });
}

/** `I<base>;` — the prefix of layers inside the instance with this id. */
const scopePrefix = (instanceId: string): string =>
  `I${instanceId.startsWith("I") ? instanceId.slice(1) : instanceId};`;

/** `S:N` → [S, N]. */
function sessionNumber(id: string): [string, number] | undefined {
  const m = /^(.*?)(\d+)$/.exec(id);
  return m ? [m[1]!, Number(m[2])] : undefined;
}

export function printPartIds(node: DesignNode, ids: IdCodec, instanceId: string | undefined): string {
  const parts = node.parts ?? [];
  const items: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const id = parts[i]!.id;
    items.push(id.startsWith(scopePrefix(node.id)) ? `^${ids.print(id, node.id).slice(1)}` : ids.print(id, instanceId));
    // A run: the next ids differ from this one only by a last number one higher each time.
    const head = sessionNumber(id);
    let run = 0;
    while (head && i + 1 < parts.length) {
      const next = sessionNumber(parts[i + 1]!.id);
      if (!next || next[0] !== head[0] || next[1] !== head[1] + run + 1) break;
      run++;
      i++;
    }
    if (run > 0) items[items.length - 1] += `+${run}`;
  }
  return items.join(",");
}

/** The ids of a `pi` value, in order. */
export function parsePartIds(node: DesignNode, value: string, ids: IdCodec, instanceId: string | undefined): string[] {
  const out: string[] = [];
  for (const item of value.split(",")) {
    const m = /^(.+?)(?:\+(\d+))?$/.exec(item);
    if (!m) throw new FigmentError("input", `bad part id "${item}"`);
    const token = m[1]!;
    const id = token.startsWith("^") ? ids.parse(`~${token.slice(1)}`, node.id) : ids.parse(token, instanceId);
    out.push(id);
    const run = Number(m[2] ?? "0");
    const head = sessionNumber(id);
    if (run > 0 && !head) throw new FigmentError("input", `part id run after "${id}", which does not end in a number`);
    for (let k = 1; k <= run; k++) out.push(`${head![0]}${head![1] + k}`);
  }
  return out;
}

/** Joins `pb` boxes and `pi` ids, which must come together and in the same number. */
export function joinParts(
  boxes: Omit<ShapePart, "id">[] | undefined,
  ids: string[] | undefined,
): ShapePart[] | undefined {
  if (!boxes && !ids) return undefined;
  if (!boxes || !ids)
    throw new FigmentError(
      "input",
      boxes ? "part boxes (pb) without part ids (pi)" : "part ids (pi) without part boxes (pb)",
    );
  if (boxes.length !== ids.length)
    throw new FigmentError("input", `${boxes.length} part boxes (pb) but ${ids.length} part ids (pi)`);
  return boxes.map((box, i) => ({ id: ids[i]!, ...box }));
}
