/**
 * What changed in a design between two versions, by layer id: the facts of each layer the code is made from (name,
 * place in its parent, size, paints, text, visibility), kept small enough to sit in a generated project's record
 * (`.figment/design.json`) and in the plugin's history, and the differences between two sets of facts in words.
 * One module for the CLI (`figment diff`, `figment code --update`), the Code panel and MCP. Pure.
 */
import { readColor } from "./color.js";
import { readRestReply, type RestContext, type RestNode } from "../rest/reply.js";
import { convertedFrames } from "../rest/top-frames.js";
import { FigmentError } from "../../kernel/errors.js";

/** One layer as the code sees it. Boxes are relative to the parent's box (a frame's own place on the canvas is 0, 0). */
export interface LayerFacts {
  id: string;
  name: string;
  type: string;
  /** The parent's id; absent for a converted frame. */
  parent?: string;
  x: number;
  y: number;
  w: number;
  h: number;
  /** Visible fills and strokes in words (`#1f2937`, `#000 50%`, `linear-gradient`, `image:<ref>`), `;`-joined. */
  fills?: string;
  strokes?: string;
  /** A text layer's characters. */
  text?: string;
  hidden?: true;
  /** An instance's main component id. */
  component?: string;
}

/** What the code of a set of frames was made from: the frames' ids, their layers, and the components' names. */
export interface DesignFacts {
  /** Format of this object; a newer one is refused by readDesignFacts. */
  format: 1;
  frames: string[];
  layers: LayerFacts[];
  /** Main components' names by id (a renamed component renames its code). */
  components: Record<string, string>;
}

export const DESIGN_FACTS_FORMAT = 1;

export type ChangeKind =
  | "added"
  | "removed"
  | "moved"
  | "resized"
  | "recoloured"
  | "retexted"
  | "renamed"
  | "hidden"
  | "shown"
  | "component-renamed";

export interface DesignChange {
  kind: ChangeKind;
  id: string;
  /** The layer's name now (its old one for `removed`). */
  name: string;
  type: string;
  /** What it was and is, in words: `120×40 → 160×40`, `"Buy" → "Buy now"`, `#fff → #111`. */
  from?: string;
  to?: string;
}

/** Rounded to a tenth of a pixel: a file re-saved with float noise is not a change. */
function tenth(value: unknown): number {
  return typeof value === "number" && Number.isFinite(value) ? Math.round(value * 10) / 10 : 0;
}

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

function boxOf(node: RestNode): Box | undefined {
  const raw = node["absoluteBoundingBox"];
  if (typeof raw !== "object" || raw === null) return undefined;
  const b = raw as Record<string, unknown>;
  return { x: tenth(b["x"]), y: tenth(b["y"]), w: tenth(b["width"]), h: tenth(b["height"]) };
}

function hex(value: number): string {
  return Math.round(Math.min(1, Math.max(0, value)) * 255)
    .toString(16)
    .padStart(2, "0");
}

/** A list of paints in words; invisible paints and empty lists say nothing. */
export function paintWords(raw: unknown): string | undefined {
  if (!Array.isArray(raw)) return undefined;
  const words: string[] = [];
  for (const paint of raw as unknown[]) {
    if (typeof paint !== "object" || paint === null) continue;
    const p = paint as Record<string, unknown>;
    if (p["visible"] === false) continue;
    const opacity = typeof p["opacity"] === "number" ? p["opacity"] : 1;
    const type = String(p["type"] ?? "");
    if (type === "SOLID") {
      const color = readColor(p["color"]);
      if (!color) continue;
      const alpha = color.a * opacity;
      const word = `#${hex(color.r)}${hex(color.g)}${hex(color.b)}`;
      words.push(alpha < 0.995 ? `${word} ${Math.round(alpha * 100)}%` : word);
    } else if (type === "IMAGE") {
      words.push(`image:${String(p["imageRef"] ?? "")}`);
    } else if (type.startsWith("GRADIENT_")) {
      words.push(`${type.slice("GRADIENT_".length).toLowerCase()}-gradient`);
    } else if (type !== "") {
      words.push(type.toLowerCase());
    }
  }
  return words.length > 0 ? words.join("; ") : undefined;
}

function factsOf(node: RestNode, parent: RestNode | undefined, parentBox: Box | undefined): LayerFacts {
  const box = boxOf(node) ?? { x: 0, y: 0, w: 0, h: 0 };
  const at = parent && parentBox ? { x: tenth(box.x - parentBox.x), y: tenth(box.y - parentBox.y) } : { x: 0, y: 0 };
  const fills = paintWords(node["fills"]);
  const strokes = paintWords(node["strokes"]);
  const text = node.type === "TEXT" && typeof node["characters"] === "string" ? node["characters"] : undefined;
  const component = typeof node["componentId"] === "string" ? node["componentId"] : undefined;
  return {
    id: node.id,
    name: node.name,
    type: node.type,
    ...(parent ? { parent: parent.id } : {}),
    ...at,
    w: box.w,
    h: box.h,
    ...(fills !== undefined ? { fills } : {}),
    ...(strokes !== undefined ? { strokes } : {}),
    ...(text !== undefined ? { text } : {}),
    ...(node["visible"] === false ? { hidden: true as const } : {}),
    ...(component !== undefined ? { component } : {}),
  };
}

function componentNames(context: RestContext): Record<string, string> {
  const names: Record<string, string> = {};
  for (const [id, info] of [...context.components].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    names[id] = info.name;
  return names;
}

/** Node ids arrive as `12:34` (API) or `12-34` (URLs). */
function findRoot(roots: readonly RestNode[], id: string): RestNode | undefined {
  const stack = [...roots];
  const other = id.replace(/-/g, ":");
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.id === id || node.id === other) return node;
    if (node.children) stack.push(...node.children);
  }
  return undefined;
}

/**
 * The facts of the frames `nodeIds` names (every top-level frame without them) in a Figma REST reply. A node id the
 * reply does not hold is an input error naming it: the design no longer has that frame.
 */
export function designFacts(json: unknown, nodeIds: readonly string[] = []): DesignFacts {
  const reply = readRestReply(json);
  const roots =
    nodeIds.length > 0
      ? nodeIds.map((id) => {
          const node = findRoot(reply.roots, id);
          if (!node) throw new FigmentError("input", `the design has no layer ${id} (deleted, or another file?)`);
          return node;
        })
      : convertedFrames(json, reply);
  return factsOfRoots(roots, reply.context);
}

/** The facts of REST nodes already read (a plugin export's root, a loaded design's roots). */
export function factsOfRoots(roots: readonly RestNode[], context: RestContext): DesignFacts {
  const layers: LayerFacts[] = [];
  const walk = (node: RestNode, parent: RestNode | undefined): void => {
    layers.push(factsOf(node, parent, parent ? boxOf(parent) : undefined));
    for (const child of node.children ?? []) walk(child, node);
  };
  for (const root of roots) walk(root, undefined);
  return { format: DESIGN_FACTS_FORMAT, frames: roots.map((r) => r.id), layers, components: componentNames(context) };
}

/** A DesignFacts object read back (a record's design.json); anything else is refused with what is wrong. */
export function readDesignFacts(value: unknown): DesignFacts {
  if (typeof value !== "object" || value === null) throw new FigmentError("input", "design facts: not an object");
  const v = value as Record<string, unknown>;
  if (typeof v["format"] !== "number") throw new FigmentError("input", "design facts: no format number");
  if (v["format"] > DESIGN_FACTS_FORMAT)
    throw new FigmentError(
      "input",
      `design facts: format ${v["format"]} is newer than this Figment reads (${DESIGN_FACTS_FORMAT})`,
    );
  const layers = v["layers"];
  if (!Array.isArray(v["frames"]) || !Array.isArray(layers)) throw new FigmentError("input", "design facts: no layers");
  for (const layer of layers as unknown[]) {
    const l = layer as Record<string, unknown> | null;
    if (typeof l !== "object" || l === null || typeof l["id"] !== "string" || typeof l["type"] !== "string")
      throw new FigmentError("input", "design facts: a layer without id or type");
  }
  const components = typeof v["components"] === "object" && v["components"] !== null ? v["components"] : {};
  return {
    format: DESIGN_FACTS_FORMAT,
    frames: (v["frames"] as unknown[]).map(String),
    layers: layers as LayerFacts[],
    components: components as Record<string, string>,
  };
}

const size = (l: LayerFacts): string => `${l.w}×${l.h}`;
const place = (l: LayerFacts): string => `${l.x},${l.y}`;
const quoted = (text: string): string => JSON.stringify(text.length > 60 ? `${text.slice(0, 59)}…` : text);

/**
 * The changes from `before` to `after`, in the new design's layer order (removed layers after, in the old order);
 * a layer changed in several ways has one change of each kind. Layers inside an added or removed layer are not
 * listed again.
 */
export function diffDesigns(before: DesignFacts, after: DesignFacts): DesignChange[] {
  const old = new Map(before.layers.map((l) => [l.id, l]));
  const now = new Map(after.layers.map((l) => [l.id, l]));
  const changes: DesignChange[] = [];
  const add = (kind: ChangeKind, l: LayerFacts, from?: string, to?: string): void => {
    changes.push({
      kind,
      id: l.id,
      name: l.name,
      type: l.type,
      ...(from !== undefined ? { from } : {}),
      ...(to !== undefined ? { to } : {}),
    });
  };
  for (const l of after.layers) {
    const was = old.get(l.id);
    if (!was) {
      if (l.parent === undefined || old.has(l.parent)) add("added", l);
      continue;
    }
    if (was.name !== l.name) add("renamed", l, quoted(was.name), quoted(l.name));
    if ((was.parent ?? "") !== (l.parent ?? "")) add("moved", l, `in ${was.parent ?? "the page"}`, `in ${l.parent}`);
    else if (was.x !== l.x || was.y !== l.y) add("moved", l, place(was), place(l));
    if (was.w !== l.w || was.h !== l.h) add("resized", l, size(was), size(l));
    if ((was.fills ?? "") !== (l.fills ?? "") || (was.strokes ?? "") !== (l.strokes ?? ""))
      add("recoloured", l, paints(was), paints(l));
    if ((was.text ?? "") !== (l.text ?? "")) add("retexted", l, quoted(was.text ?? ""), quoted(l.text ?? ""));
    if (!was.hidden && l.hidden) add("hidden", l);
    if (was.hidden && !l.hidden) add("shown", l);
  }
  for (const l of before.layers) if (!now.has(l.id) && (l.parent === undefined || now.has(l.parent))) add("removed", l);
  for (const [id, name] of Object.entries(after.components)) {
    const was = before.components[id];
    if (was !== undefined && was !== name)
      changes.push({ kind: "component-renamed", id, name, type: "COMPONENT", from: quoted(was), to: quoted(name) });
  }
  return changes;
}

function paints(l: LayerFacts): string {
  const fill = l.fills ?? "none";
  return l.strokes !== undefined ? `${fill} (stroke ${l.strokes})` : fill;
}

const VERBS: Record<ChangeKind, string> = {
  added: "added",
  removed: "removed",
  moved: "moved",
  resized: "resized",
  recoloured: "recoloured",
  retexted: "re-texted",
  renamed: "renamed",
  hidden: "hidden",
  shown: "shown",
  "component-renamed": "component renamed",
};

/** One change a line: `re-texted “Title” (TEXT 1:23): "Buy" → "Buy now"`. */
export function changeLine(change: DesignChange): string {
  const what = `${VERBS[change.kind]} “${change.name}” (${change.type} ${change.id})`;
  if (change.from === undefined && change.to === undefined) return what;
  return `${what}: ${change.from ?? ""} → ${change.to ?? ""}`;
}

/** The changes counted by kind, in words: "3 re-texted, 1 moved, 2 added"; "no changes" when there are none. */
export function changeSummary(changes: readonly DesignChange[]): string {
  if (changes.length === 0) return "no changes";
  const counts = new Map<ChangeKind, number>();
  for (const c of changes) counts.set(c.kind, (counts.get(c.kind) ?? 0) + 1);
  return [...counts].map(([kind, n]) => `${n} ${VERBS[kind]}`).join(", ");
}
