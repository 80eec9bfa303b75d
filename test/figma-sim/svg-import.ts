/**
 * The simulator's SVG import (createNodeFromSvg): what Figma makes of markup, as data. The `<svg>`'s size (its
 * width and height, else its viewBox), and one VECTOR per drawn shape (path, rect, circle, ellipse, line, polyline,
 * polygon; groups flattened, their transforms, paints and opacity passed down; defs, masks, clip paths, patterns,
 * markers and symbols not drawn), each with its fill and stroke from the markup's attributes and inline style, its
 * outline as `fillGeometry` in its own box, placed in the viewBox's mapping to that size (preserveAspectRatio's
 * default: uniform, centred). Pure; no CSS stylesheet is read (Figma reads none either).
 */
import { type Matrix, pathReaders } from "../../contract/layers-read-svg.js";
import { flattenPath } from "../../contract/stroke-outline.js";

type Json = Record<string, unknown>;
type Rgba = { r: number; g: number; b: number; a: number };

export interface SvgShape {
  /** REST JSON of the VECTOR, its box relative to the frame. */
  rest: Json;
}
export interface ImportedSvg {
  width: number;
  height: number;
  shapes: SvgShape[];
}

const IDENTITY: Matrix = { a: 1, b: 0, c: 0, d: 1, e: 0, f: 0 };
const times = (m: Matrix, n: Matrix): Matrix => ({
  a: m.a * n.a + m.c * n.b,
  b: m.b * n.a + m.d * n.b,
  c: m.a * n.c + m.c * n.d,
  d: m.b * n.c + m.d * n.d,
  e: m.a * n.e + m.c * n.f + m.e,
  f: m.b * n.e + m.d * n.f + m.f,
});
const r3 = (n: number): number => Math.round(n * 1000) / 1000 || 0;
const { mapPath } = pathReaders();

/** An SVG transform list as one matrix. */
export function readTransform(list: string | undefined): Matrix {
  let m = IDENTITY;
  for (const [, name, args] of (list ?? "").matchAll(/(\w+)\s*\(([^)]*)\)/g)) {
    const v = (args ?? "")
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number);
    const [p = 0, q, r = 0] = v;
    const rad = (deg: number): number => (deg * Math.PI) / 180;
    let n: Matrix | undefined;
    if (name === "matrix" && v.length === 6) n = { a: v[0]!, b: v[1]!, c: v[2]!, d: v[3]!, e: v[4]!, f: v[5]! };
    else if (name === "translate") n = { ...IDENTITY, e: p, f: q ?? 0 };
    else if (name === "scale") n = { ...IDENTITY, a: p, d: q ?? p };
    else if (name === "rotate") {
      const [cos, sin] = [Math.cos(rad(p)), Math.sin(rad(p))];
      const turn = { a: cos, b: sin, c: -sin, d: cos, e: 0, f: 0 };
      n = times(times({ ...IDENTITY, e: q ?? 0, f: r }, turn), { ...IDENTITY, e: -(q ?? 0), f: -r });
    } else if (name === "skewX") n = { ...IDENTITY, c: Math.tan(rad(p)) };
    else if (name === "skewY") n = { ...IDENTITY, b: Math.tan(rad(p)) };
    if (n && Object.values(n).every(Number.isFinite)) m = times(m, n);
  }
  return m;
}

const NAMED: Readonly<Record<string, string>> = {
  black: "#000000",
  white: "#ffffff",
  red: "#ff0000",
  green: "#008000",
  blue: "#0000ff",
  gray: "#808080",
  grey: "#808080",
  currentcolor: "#000000",
};

/** A paint attribute's colour (hex, rgb[a](), a few names); undefined for none, a url() or what is not read. */
export function readColor(raw: string | undefined): Rgba | undefined {
  const css = (raw ?? "").trim().toLowerCase();
  const hex = /^#([0-9a-f]{3,8})$/.exec(NAMED[css] ?? css)?.[1];
  if (hex && [3, 4, 6, 8].includes(hex.length)) {
    const long = hex.length <= 4 ? [...hex].map((c) => c + c).join("") : hex;
    const byte = (i: number): number => Number.parseInt(long.slice(i, i + 2), 16) / 255;
    return { r: byte(0), g: byte(2), b: byte(4), a: long.length === 8 ? byte(6) : 1 };
  }
  const rgb = /^rgba?\(([^)]*)\)$/
    .exec(css)?.[1]
    ?.split(/[\s,/]+/)
    .filter(Boolean);
  if (!rgb || rgb.length < 3) return undefined;
  const channel = (s: string): number =>
    Math.min(1, Math.max(0, s.endsWith("%") ? parseFloat(s) / 100 : parseFloat(s) / 255));
  const alpha = rgb[3] === undefined ? 1 : rgb[3].endsWith("%") ? parseFloat(rgb[3]) / 100 : parseFloat(rgb[3]);
  const out = { r: channel(rgb[0]!), g: channel(rgb[1]!), b: channel(rgb[2]!), a: Math.min(1, Math.max(0, alpha)) };
  return Object.values(out).every(Number.isFinite) ? out : undefined;
}

/** An element's attributes, its inline style's declarations over them (as CSS wins over presentation attributes). */
function attributes(source: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [, name, a, b] of source.matchAll(/([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
    out.set(name!.toLowerCase(), a ?? b ?? "");
  for (const declaration of (out.get("style") ?? "").split(";")) {
    const colon = declaration.indexOf(":");
    if (colon > 0) out.set(declaration.slice(0, colon).trim().toLowerCase(), declaration.slice(colon + 1).trim());
  }
  return out;
}

/** What a shape inherits from its groups. */
interface Inherited {
  matrix: Matrix;
  opacity: number;
  paint: Map<string, string>;
  hidden: boolean;
}
const INHERITED = [
  "fill",
  "stroke",
  "stroke-width",
  "fill-opacity",
  "stroke-opacity",
  "fill-rule",
  "stroke-linecap",
  "stroke-linejoin",
];
const HIDDEN = new Set(["defs", "mask", "clippath", "pattern", "marker", "symbol", "lineargradient", "radialgradient"]);
const SHAPES = new Set(["path", "rect", "circle", "ellipse", "line", "polyline", "polygon"]);

const number = (v: string | undefined, fallback = 0): number => {
  const n = Number.parseFloat(v ?? "");
  return Number.isFinite(n) ? n : fallback;
};

/** A shape's outline in its user units. */
function userPath(tag: string, a: Map<string, string>): string {
  const n = (name: string): number => number(a.get(name));
  if (tag === "path") return a.get("d") ?? "";
  if (tag === "line") return `M${n("x1")} ${n("y1")}L${n("x2")} ${n("y2")}`;
  if (tag === "polyline" || tag === "polygon") {
    const v = (a.get("points") ?? "")
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number);
    const pairs: string[] = [];
    for (let k = 0; k + 1 < v.length; k += 2) pairs.push(`${v[k]} ${v[k + 1]}`);
    return pairs.length === 0 ? "" : `M${pairs.join("L")}${tag === "polygon" ? "Z" : ""}`;
  }
  if (tag === "circle" || tag === "ellipse") {
    const [cx, cy] = [n("cx"), n("cy")];
    const rx = tag === "circle" ? n("r") : n("rx");
    const ry = tag === "circle" ? n("r") : n("ry");
    if (!(rx > 0 && ry > 0)) return "";
    return `M${cx - rx} ${cy}A${rx} ${ry} 0 1 0 ${cx + rx} ${cy}A${rx} ${ry} 0 1 0 ${cx - rx} ${cy}Z`;
  }
  const [x, y, w, h] = [n("x"), n("y"), n("width"), n("height")];
  if (!(w > 0 && h > 0)) return "";
  let rx = a.has("rx") ? n("rx") : n("ry");
  let ry = a.has("ry") ? n("ry") : rx;
  [rx, ry] = [Math.min(Math.max(0, rx), w / 2), Math.min(Math.max(0, ry), h / 2)];
  if (rx === 0 || ry === 0) return `M${x} ${y}L${x + w} ${y}L${x + w} ${y + h}L${x} ${y + h}Z`;
  const arc = (ex: number, ey: number): string => `A${rx} ${ry} 0 0 1 ${ex} ${ey}`;
  return (
    `M${x + rx} ${y}L${x + w - rx} ${y}${arc(x + w, y + ry)}L${x + w} ${y + h - ry}${arc(x + w - rx, y + h)}` +
    `L${x + rx} ${y + h}${arc(x, y + h - ry)}L${x} ${y + ry}${arc(x + rx, y)}Z`
  );
}

/** The viewBox's mapping to the svg's size (preserveAspectRatio xMidYMid meet; "none" stretches). */
function viewMatrix(root: Map<string, string>, width: number, height: number): Matrix {
  const view = root
    .get("viewbox")
    ?.trim()
    .split(/[\s,]+/)
    .map(Number);
  if (view?.length !== 4 || !view.every(Number.isFinite) || !(view[2]! > 0 && view[3]! > 0)) return IDENTITY;
  const [vx, vy, vw, vh] = view as [number, number, number, number];
  let [sx, sy] = [width / vw, height / vh];
  let [tx, ty] = [0, 0];
  if (!/^\s*none/.test(root.get("preserveaspectratio") ?? "")) {
    const s = Math.min(sx, sy);
    [tx, ty] = [(width - vw * s) / 2, (height - vh * s) / 2];
    [sx, sy] = [s, s];
  }
  return { a: sx, b: 0, c: 0, d: sy, e: tx - vx * sx, f: ty - vy * sy };
}

/** One drawn shape as a VECTOR's REST JSON, or undefined when it draws nothing. */
function vectorOf(tag: string, own: Map<string, string>, state: Inherited): Json | undefined {
  const path = userPath(tag, own);
  if (path === "") return undefined;
  const m = state.matrix;
  const mapped = mapPath(path, m, 0, 0);
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const sub of flattenPath(mapped))
    for (const [x, y] of sub.points)
      [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
  if (!Number.isFinite(x0)) return undefined;
  const paint = state.paint;
  const solid = (css: string | undefined, opacity: string | undefined): Json[] => {
    const c = readColor(css);
    const a = c ? c.a * Math.min(1, Math.max(0, number(opacity, 1))) : 0;
    return c && a > 0 ? [{ type: "SOLID", color: { r: c.r, g: c.g, b: c.b, a } }] : [];
  };
  // Lines and polylines are open: Figma fills neither.
  const fills = tag === "line" ? [] : solid(paint.get("fill") ?? "#000000", paint.get("fill-opacity"));
  const strokes = solid(paint.get("stroke"), paint.get("stroke-opacity"));
  if (fills.length === 0 && strokes.length === 0) return undefined;
  const scale = Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
  const cap = paint.get("stroke-linecap");
  const join = paint.get("stroke-linejoin");
  const rest: Json = {
    name: "Vector",
    type: "VECTOR",
    absoluteBoundingBox: { x: r3(x0), y: r3(y0), width: r3(x1 - x0), height: r3(y1 - y0) },
    fills,
    strokes,
    strokeWeight: r3(number(paint.get("stroke-width"), 1) * scale),
    strokeAlign: "CENTER",
    strokeCap: cap === "round" ? "ROUND" : cap === "square" ? "SQUARE" : "NONE",
    strokeJoin: join === "round" ? "ROUND" : join === "bevel" ? "BEVEL" : "MITER",
    fillGeometry: [
      {
        path: mapPath(mapped, IDENTITY, x0, y0),
        windingRule: paint.get("fill-rule") === "evenodd" ? "EVENODD" : "NONZERO",
      },
    ],
  };
  if (state.opacity < 1) rest["opacity"] = r3(state.opacity);
  return rest;
}

/** The markup's size and drawn shapes, or undefined for markup without an `<svg>` root. */
export function importSvg(svg: string): ImportedSvg | undefined {
  const tags = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g;
  const first = /<svg([\s>](?:[^>"']|"[^"]*"|'[^']*')*)>/i.exec(svg);
  if (!first) return undefined;
  const root = attributes(first[1] ?? "");
  const view = root
    .get("viewbox")
    ?.trim()
    .split(/[\s,]+/)
    .map(Number);
  const width = number(root.get("width"), NaN) || view?.[2] || 100;
  const height = number(root.get("height"), NaN) || view?.[3] || 100;
  const shapes: SvgShape[] = [];
  const stack: Inherited[] = [];
  let state: Inherited = { matrix: viewMatrix(root, width, height), opacity: 1, paint: new Map(), hidden: false };
  let inRoot = false;
  for (const [tagText, close, rawName, attrs, selfClose] of svg.slice(first.index).matchAll(tags)) {
    if (rawName === undefined || tagText.startsWith("<!--")) continue;
    const name = rawName.toLowerCase();
    if (close) {
      if (stack.length > 0) state = stack.pop()!;
      continue;
    }
    const own = attributes(attrs ?? "");
    const next: Inherited = {
      matrix: inRoot ? times(state.matrix, readTransform(own.get("transform"))) : state.matrix,
      opacity: inRoot ? state.opacity * Math.min(1, Math.max(0, number(own.get("opacity"), 1))) : state.opacity,
      paint: new Map(state.paint),
      hidden: state.hidden || HIDDEN.has(name) || own.get("display") === "none",
    };
    for (const key of INHERITED) if (own.has(key) && own.get(key) !== "inherit") next.paint.set(key, own.get(key)!);
    inRoot = true;
    if (SHAPES.has(name) && !next.hidden && own.get("visibility") !== "hidden") {
      const rest = vectorOf(name, own, next);
      if (rest) shapes.push({ rest });
    }
    if (!selfClose) {
      stack.push(state);
      state = next;
    }
  }
  return { width, height, shapes };
}

/** Parsed markup by source, shared by every simulator (pure data: each import copies what it uses). */
const parsed = new Map<string, ImportedSvg | undefined>();

/** importSvg once per source: a page repeats its icons, and a bench builds the same page run after run. */
export function importSvgOnce(svg: string): ImportedSvg | undefined {
  if (parsed.has(svg)) return parsed.get(svg);
  if (parsed.size >= 500) parsed.clear();
  const out = importSvg(svg);
  parsed.set(svg, out);
  return out;
}
