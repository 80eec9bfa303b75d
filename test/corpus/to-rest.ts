/**
 * Measured page (measured.ts) → Figma REST nodes, the shape of a `GET /v1/files/:key/nodes` reply, as a designer
 * would draw the page without auto layout: one frame the page's width, and at its root, in paint order, a
 * rectangle for every element that paints (background colour, gradient, image, border, shadow), an image
 * rectangle for every `<img>`, and a text layer for every run of text. No wrappers (they paint nothing), no
 * `layoutMode` anywhere. Pure: the caller supplies the image refs (content hashes of the bytes it stored).
 */
import type {
  MeasuredBox,
  MeasuredFill,
  MeasuredImage,
  MeasuredItem,
  MeasuredPage,
  MeasuredShadow,
  MeasuredText,
  Rect,
  Rgba,
  TextRunStyle,
} from "./measured.js";

/** The REST node fields this corpus writes (a subset of @figma/rest-api-spec's node types). */
export interface CorpusNode {
  id: string;
  name: string;
  type: "FRAME" | "GROUP" | "RECTANGLE" | "ELLIPSE" | "TEXT" | "VECTOR" | "INSTANCE" | "COMPONENT";
  [field: string]: unknown;
  children?: CorpusNode[];
}

export interface ImageRef {
  ref: string;
}

export interface ConvertInput {
  page: MeasuredPage;
  /** Page number: node ids are `<page>:<n>`. */
  pageNumber: number;
  name: string;
  /** Image refs by source URL; a fill whose source has none is left out (its bytes could not be read). */
  images: ReadonlyMap<string, ImageRef>;
}

/** Two decimals, and never −0. */
const r2 = (v: number): number => Math.round(v * 100) / 100 + 0;

export const color = (c: Rgba): Rgba => ({
  r: r2(c.r * 1000) / 1000,
  g: r2(c.g * 1000) / 1000,
  b: r2(c.b * 1000) / 1000,
  a: r2(c.a * 100) / 100,
});

export function solid(c: Rgba): Record<string, unknown> {
  return { blendMode: "NORMAL", type: "SOLID", color: color(c) };
}

/** Common fields of a REST node at `box` (absolute, in the frame's coordinates: the frame sits at 0,0). */
export function placed(
  id: string,
  name: string,
  type: CorpusNode["type"],
  box: Rect,
  parent: Rect = { x: 0, y: 0, w: 0, h: 0 },
): CorpusNode {
  // Designers draw on the pixel grid: whole pixels, a line at least 1 px.
  const b = {
    x: Math.round(box.x),
    y: Math.round(box.y),
    width: Math.max(1, Math.round(box.w)),
    height: Math.max(1, Math.round(box.h)),
  };
  return {
    id,
    name,
    type,
    blendMode: "PASS_THROUGH",
    absoluteBoundingBox: b,
    absoluteRenderBounds: b,
    constraints: { vertical: "TOP", horizontal: "LEFT" },
    relativeTransform: [
      [1, 0, b.x - Math.round(parent.x)],
      [0, 1, b.y - Math.round(parent.y)],
    ],
    size: { x: b.width, y: b.height },
  };
}

interface Stop {
  color: Rgba;
  position: number;
}

/** Parses a computed `linear-gradient(…)` into Figma's handles and stops for a w×h box; undefined if unreadable. */
export function gradientPaint(css: string, w: number, h: number): Record<string, unknown> | undefined {
  const inner = /^linear-gradient\((.*)\)$/s.exec(css.trim())?.[1];
  if (!inner) return undefined;
  const args = splitTop(inner);
  let degrees = 180;
  const first = args[0] ?? "";
  if (/^-?[\d.]+deg$/.test(first)) {
    degrees = parseFloat(first);
    args.shift();
  } else if (first.startsWith("to ")) {
    const sides: Record<string, number> = {
      "to top": 0,
      "to right": 90,
      "to bottom": 180,
      "to left": 270,
      "to top right": 45,
      "to right top": 45,
      "to bottom right": 135,
      "to right bottom": 135,
      "to bottom left": 225,
      "to left bottom": 225,
      "to top left": 315,
      "to left top": 315,
    };
    const d = sides[first];
    if (d === undefined) return undefined;
    degrees = d;
    args.shift();
  }
  const stops: { color: Rgba; position: number | undefined }[] = [];
  for (const arg of args) {
    const c = /rgba?\([^)]*\)/.exec(arg)?.[0];
    const rgba = c ? parseRgb(c) : undefined;
    if (!rgba) return undefined;
    const pos = /(-?[\d.]+)%\s*$/.exec(arg.replace(/rgba?\([^)]*\)/, ""))?.[1];
    stops.push({ color: rgba, position: pos === undefined ? undefined : parseFloat(pos) / 100 });
  }
  if (stops.length < 2) return undefined;
  stops.forEach((s, i) => {
    if (s.position === undefined) s.position = i / (stops.length - 1);
  });
  const t = (degrees * Math.PI) / 180;
  const length = Math.abs(w * Math.sin(t)) + Math.abs(h * Math.cos(t)) || 1;
  const sx = (Math.sin(t) * length) / (2 * Math.max(w, 1));
  const sy = (Math.cos(t) * length) / (2 * Math.max(h, 1));
  const start = { x: r2((0.5 - sx) * 1e4) / 1e4 + 0, y: r2((0.5 + sy) * 1e4) / 1e4 + 0 };
  const end = { x: r2((0.5 + sx) * 1e4) / 1e4 + 0, y: r2((0.5 - sy) * 1e4) / 1e4 + 0 };
  return {
    blendMode: "NORMAL",
    type: "GRADIENT_LINEAR",
    gradientHandlePositions: [
      start,
      end,
      { x: r2((start.x + (end.y - start.y)) * 1e4) / 1e4, y: r2((start.y - (end.x - start.x)) * 1e4) / 1e4 },
    ],
    gradientStops: stops.map((s): Stop => ({ color: color(s.color), position: r2((s.position ?? 0) * 1e4) / 1e4 })),
  };
}

function parseRgb(text: string): Rgba | undefined {
  const parts = /rgba?\(([^)]+)\)/
    .exec(text)?.[1]
    ?.split(/[\s,/]+/)
    .filter((p) => p !== "")
    .map(Number);
  if (!parts || parts.length < 3 || parts.some((v) => Number.isNaN(v))) return undefined;
  return { r: parts[0]! / 255, g: parts[1]! / 255, b: parts[2]! / 255, a: parts[3] ?? 1 };
}

function splitTop(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "(") depth++;
    else if (ch === ")") depth--;
    else if (ch === "," && depth === 0) {
      out.push(text.slice(start, i).trim());
      start = i + 1;
    }
  }
  out.push(text.slice(start).trim());
  return out.filter((p) => p !== "");
}

function effectsOf(shadows: MeasuredShadow[]): Record<string, unknown>[] {
  return shadows.map((s) => ({
    type: s.inset ? "INNER_SHADOW" : "DROP_SHADOW",
    visible: true,
    color: color(s.color),
    blendMode: "NORMAL",
    offset: { x: r2(s.x), y: r2(s.y) },
    radius: r2(s.blur),
    spread: r2(s.spread),
    showShadowBehindNode: false,
  }));
}

function radiusFields(radius: [number, number, number, number]): Record<string, unknown> {
  const r = radius.map(r2);
  if (r.every((v) => v === 0)) return {};
  if (r.every((v) => v === r[0])) return { cornerRadius: r[0] };
  return { cornerRadius: Math.max(...r), rectangleCornerRadii: r };
}

const FIT_MODE = { cover: "FILL", contain: "FIT", fill: "STRETCH" } as const;

/** Layer names as Figma gives them to drawn layers ("Rectangle 12", "image 3"), counted per page. */
class Names {
  private readonly counts = new Map<string, number>();
  next(base: string): string {
    const n = (this.counts.get(base) ?? 0) + 1;
    this.counts.set(base, n);
    return `${base} ${n}`;
  }
}

function fileName(src: string): string {
  const path = src.split(/[?#]/)[0] ?? src;
  return (path.slice(path.lastIndexOf("/") + 1).replace(/\.[a-z0-9]+$/i, "") || "image").slice(0, 40);
}

function boxNode(
  item: MeasuredBox,
  id: string,
  names: Names,
  images: ReadonlyMap<string, ImageRef>,
): CorpusNode | undefined {
  const fills: Record<string, unknown>[] = [];
  let imageName: string | undefined;
  for (const fill of item.fills) {
    const paint = fillPaint(fill, item.box, images);
    if (!paint) continue;
    fills.push(paint);
    if (fill.kind === "image") imageName = fileName(fill.src);
  }
  const border = item.border;
  const strokeSides = border?.sides.map(r2);
  if (fills.length === 0 && !strokeSides?.some((w) => w > 0) && item.shadows.length === 0) return undefined;
  const circle =
    item.radius.every((r) => r >= Math.min(item.box.w, item.box.h) / 2 - 0.5) && Math.abs(item.box.w - item.box.h) < 1;
  const type = circle ? "ELLIPSE" : "RECTANGLE";
  const node = placed(
    id,
    imageName ? names.next("image") : names.next(circle ? "Ellipse" : "Rectangle"),
    type,
    item.box,
  );
  node.fills = fills;
  node.strokes = border && strokeSides?.some((w) => w > 0) ? [solid(border.color)] : [];
  if (strokeSides?.some((w) => w > 0)) {
    const [top, right, bottom, left] = strokeSides as [number, number, number, number];
    node.strokeWeight = Math.max(top, right, bottom, left);
    if (!strokeSides.every((w) => w === top)) node.individualStrokeWeights = { top, right, bottom, left };
  } else {
    node.strokeWeight = 1;
  }
  node.strokeAlign = "INSIDE";
  node.effects = effectsOf(item.shadows);
  if (!circle) Object.assign(node, radiusFields(item.radius));
  if (item.opacity < 1) node.opacity = item.opacity;
  return node;
}

function fillPaint(
  fill: MeasuredFill,
  box: Rect,
  images: ReadonlyMap<string, ImageRef>,
): Record<string, unknown> | undefined {
  if (fill.kind === "solid") return solid(fill.color);
  if (fill.kind === "linear-gradient") return gradientPaint(fill.css, box.w, box.h);
  const image = images.get(fill.src);
  return image
    ? { blendMode: "NORMAL", type: "IMAGE", scaleMode: fill.fit === "contain" ? "FIT" : "FILL", imageRef: image.ref }
    : undefined;
}

function imageNode(
  item: MeasuredImage,
  id: string,
  names: Names,
  images: ReadonlyMap<string, ImageRef>,
): CorpusNode | undefined {
  const image = images.get(item.src);
  if (!image) return undefined;
  const node = placed(id, names.next("image"), "RECTANGLE", item.box);
  node.fills = [{ blendMode: "NORMAL", type: "IMAGE", scaleMode: FIT_MODE[item.fit], imageRef: image.ref }];
  node.strokes = [];
  node.strokeWeight = 1;
  node.strokeAlign = "INSIDE";
  node.effects = [];
  Object.assign(node, radiusFields(item.radius));
  if (item.opacity < 1) node.opacity = item.opacity;
  return node;
}

const CASE = { upper: "UPPER", lower: "LOWER", title: "TITLE" } as const;
const DECORATION = { underline: "UNDERLINE", "line-through": "STRIKETHROUGH" } as const;

/** A REST TypeStyle for a run style; `fills` beside it as a text node's fills. */
export function typeStyle(s: TextRunStyle): Record<string, unknown> {
  return {
    fontFamily: s.family,
    fontPostScriptName: null,
    fontWeight: s.weight,
    fontSize: r2(s.size),
    ...(s.italic ? { italic: true } : {}),
    ...(s.transform ? { textCase: CASE[s.transform] } : {}),
    ...(s.decoration ? { textDecoration: DECORATION[s.decoration] } : {}),
    letterSpacing: r2(s.letterSpacing ?? 0),
    ...(s.lineHeight !== undefined
      ? {
          lineHeightPx: r2(s.lineHeight),
          lineHeightPercentFontSize: r2((s.lineHeight / s.size) * 100),
          lineHeightUnit: "PIXELS",
        }
      : { lineHeightPx: r2(s.size * 1.2), lineHeightPercent: 100, lineHeightUnit: "INTRINSIC_%" }),
  };
}

const sameStyle = (a: TextRunStyle, b: TextRunStyle): boolean => JSON.stringify(a) === JSON.stringify(b);

/** The base style: the one covering the most characters. */
function baseStyle(item: MeasuredText): TextRunStyle {
  const weights = new Map<string, { style: TextRunStyle; n: number }>();
  for (const run of item.runs) {
    const key = JSON.stringify(run.style);
    const entry = weights.get(key) ?? { style: run.style, n: 0 };
    entry.n += run.end - run.start;
    weights.set(key, entry);
  }
  return [...weights.values()].sort((a, b) => b.n - a.n)[0]!.style;
}

/** The text layer's box: one line hugs its text (auto width); several lines wrap in the block's column. */
export function textBox(item: MeasuredText): { box: Rect; resize: "WIDTH_AND_HEIGHT" | "HEIGHT" } {
  const style = baseStyle(item);
  const lh = style.lineHeight;
  const lineBox = item.box.h / Math.max(1, item.lines);
  const y = lh !== undefined ? item.box.y + (lineBox - lh) / 2 : item.box.y;
  const h = lh !== undefined ? lh * item.lines : item.box.h;
  if (item.lines <= 1 && !item.chars.includes("\n")) {
    // Two px of slack: the same font in another page must not wrap the line over sub-pixel differences.
    return { box: { x: item.box.x, y, w: Math.ceil(item.box.w) + 2, h }, resize: "WIDTH_AND_HEIGHT" };
  }
  return { box: { x: item.column.x, y, w: item.column.w, h }, resize: "HEIGHT" };
}

function textNode(item: MeasuredText): CorpusNode {
  const base = baseStyle(item);
  const { box, resize } = textBox(item);
  const node = placed(item.id, item.chars.replace(/\s+/g, " ").slice(0, 60), "TEXT", box);
  // A text box is its lines' height exactly (2 lines of 43.2 px: 86.4), as Figma keeps it.
  const exact: Record<string, number> = {
    ...(node["absoluteBoundingBox"] as Record<string, number>),
    height: Math.round(box.h * 100) / 100,
  };
  node["absoluteBoundingBox"] = exact;
  node["absoluteRenderBounds"] = exact;
  node["size"] = { x: exact["width"], y: exact["height"] };
  node.fills = [solid(base.color)];
  node.strokes = [];
  node.strokeWeight = 1;
  node.strokeAlign = "OUTSIDE";
  node.effects = [];
  node.characters = item.chars;
  node.style = {
    ...typeStyle(base),
    textAutoResize: resize,
    textAlignHorizontal: { left: "LEFT", center: "CENTER", right: "RIGHT", justify: "JUSTIFIED" }[item.align],
    textAlignVertical: "TOP",
  };
  const table: Record<string, Record<string, unknown>> = {};
  // Offsets of the page's runs are UTF-16 units; Figma's overrides have one entry per code point (design/text.ts).
  const units = new Array<number>(item.chars.length).fill(0);
  const ids: TextRunStyle[] = [];
  for (const run of item.runs) {
    if (sameStyle(run.style, base)) continue;
    let index = ids.findIndex((s) => sameStyle(s, run.style));
    if (index < 0) {
      ids.push(run.style);
      index = ids.length - 1;
      const full = typeStyle(run.style);
      const base0 = typeStyle(base);
      const diff: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(full)) if (JSON.stringify(base0[k]) !== JSON.stringify(v)) diff[k] = v;
      if (!sameColor(run.style.color, base.color)) diff.fills = [solid(run.style.color)];
      table[String(index + 1)] = diff;
    }
    for (let i = run.start; i < run.end; i++) units[i] = index + 1;
  }
  const overrides: number[] = [];
  let unit = 0;
  for (const point of item.chars) {
    overrides.push(units[unit] ?? 0);
    unit += point.length;
  }
  let last = overrides.length;
  while (last > 0 && overrides[last - 1] === 0) last--;
  node.characterStyleOverrides = overrides.slice(0, last);
  node.styleOverrideTable = table;
  node.lineTypes = ["NONE"];
  node.lineIndentations = [0];
  if (item.opacity < 1) node.opacity = item.opacity;
  return node;
}

const sameColor = (a: Rgba, b: Rgba): boolean => JSON.stringify(color(a)) === JSON.stringify(color(b));

/** The id of a non-text layer: texts keep the ids the page was tagged with (1…N); the rest count from 10001. */
export const LAYER_ID_BASE = 10000;

export interface ConvertedFrame {
  frame: CorpusNode;
  /** The measured item each root layer was made from, by node id. */
  sources: Map<string, MeasuredItem>;
}

/** The page as one frame with every layer at its root, in paint order (stacking order, then document order). */
export function toRestFrame(input: ConvertInput): ConvertedFrame {
  const { page, pageNumber, images } = input;
  const names = new Names();
  const frame = placed(`${pageNumber}:0`, input.name, "FRAME", { x: 0, y: 0, w: page.width, h: page.height });
  frame.fills = [solid(page.background)];
  frame.background = [solid(page.background)];
  frame.strokes = [];
  frame.strokeWeight = 1;
  frame.strokeAlign = "INSIDE";
  frame.effects = [];
  frame.clipsContent = true;
  const ordered = [...page.items].sort((a, b) => a.z - b.z || a.order - b.order);
  let n = LAYER_ID_BASE;
  const children: CorpusNode[] = [];
  const sources = new Map<string, MeasuredItem>();
  for (const item of ordered) {
    const id = `${pageNumber}:${++n}`;
    const node =
      item.kind === "text"
        ? textNode(item)
        : item.kind === "box"
          ? boxNode(item, id, names, images)
          : imageNode(item, id, names, images);
    if (!node) continue;
    children.push(node);
    sources.set(node.id, item);
  }
  frame.children = children;
  return { frame, sources };
}

/** A `GET /v1/files/:key/nodes` reply holding one frame. */
export function nodesReply(
  fileName: string,
  frame: CorpusNode,
  components: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    name: fileName,
    lastModified: "2026-11-23T00:00:00Z",
    version: "1",
    role: "viewer",
    editorType: "figma",
    nodes: { [frame.id]: { document: frame, components, componentSets: {}, styles: {}, schemaVersion: 0 } },
  };
}
