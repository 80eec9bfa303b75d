/**
 * Vectors, boolean operations and icon-like groups to SVG markup. Uses the reply's geometry
 * (`geometry=paths`) when present; otherwise approximates each shape with its box (or ellipse) and fill,
 * so an icon without geometry still shows its colours and every layer keeps its place.
 */
import { escapeAttr } from "../escape.js";
import type { RestNode } from "../rest/reply.js";
import { isRecord } from "../rest/reply.js";
import { round } from "./color.js";
import { cssRotation, readBox, unrotatedSize, type Box } from "./geometry.js";
import { readPaints, readStroke, type PaintContext } from "./paint.js";

/** Shape types that can be drawn inside one SVG. */
export const SHAPE_TYPES = new Set(["VECTOR", "BOOLEAN_OPERATION", "STAR", "REGULAR_POLYGON", "LINE", "ELLIPSE", "RECTANGLE"]);
const PATH_TYPES = new Set(["VECTOR", "BOOLEAN_OPERATION", "STAR", "REGULAR_POLYGON", "LINE"]);

function paths(raw: unknown): { d: string; rule: string }[] {
  if (!Array.isArray(raw)) return [];
  const out: { d: string; rule: string }[] = [];
  for (const entry of raw) {
    if (!isRecord(entry) || typeof entry["path"] !== "string" || entry["path"].trim() === "") continue;
    out.push({ d: entry["path"], rule: entry["windingRule"] === "EVENODD" ? "evenodd" : "nonzero" });
  }
  return out;
}

const noImages: PaintContext["imageAsset"] = () => ({ key: "" });

/** Draws one shape (in its own coordinates, size w×h) as SVG elements; returns [markup, usedGeometry]. */
function drawShape(node: RestNode, w: number, h: number): { markup: string; exact: boolean } {
  const ctx: PaintContext = { w, h, imageAsset: noImages };
  const fills = readPaints(node["fills"], ctx);
  const fill = fills.find((p) => p.kind === "solid");
  const fillColor = fill && fill.kind === "solid" ? fill.color : undefined;
  const stroke = readStroke(node, ctx);
  const id = ` data-node-id="${escapeAttr(node.id)}"`;
  const opacity = typeof node["opacity"] === "number" && node["opacity"] < 1 ? ` opacity="${round(node["opacity"], 3)}"` : "";
  const fillPaths = paths(node["fillGeometry"]);
  const strokePaths = paths(node["strokeGeometry"]);
  if (fillPaths.length > 0 || strokePaths.length > 0) {
    const parts: string[] = [];
    if (fillColor) for (const p of fillPaths) parts.push(`<path d="${escapeAttr(p.d)}" fill="${fillColor}" fill-rule="${p.rule}"/>`);
    // strokeGeometry is the outline of the stroke, so it is filled with the stroke colour.
    if (stroke) for (const p of strokePaths) parts.push(`<path d="${escapeAttr(p.d)}" fill="${stroke.color}" fill-rule="${p.rule}"/>`);
    if (parts.length === 1) return { markup: parts[0]!.replace("<path ", `<path${id}${opacity} `), exact: true };
    return { markup: `<g${id}${opacity}>${parts.join("")}</g>`, exact: true };
  }
  const paint = fillColor ? ` fill="${fillColor}"` : ' fill="none"';
  const strokeWeight = stroke && typeof stroke.weight === "number" ? stroke.weight : 1;
  const strokeAttr = stroke ? ` stroke="${stroke.color}" stroke-width="${strokeWeight}"` : "";
  if (node.type === "LINE") {
    // A thin filled box rather than <line>: it has a real bounding box, so it stays measurable.
    // Drawn from the line's edge like a CSS border, along its longer side.
    const color = stroke?.color ?? fillColor ?? "#000000";
    const size = w >= h ? `width="${round(w)}" height="${round(strokeWeight)}"` : `width="${round(strokeWeight)}" height="${round(h)}"`;
    return { markup: `<rect${id}${opacity} ${size} fill="${color}"/>`, exact: true };
  }
  if (node.type === "ELLIPSE") {
    return { markup: `<ellipse${id}${opacity} cx="${round(w / 2)}" cy="${round(h / 2)}" rx="${round(w / 2)}" ry="${round(h / 2)}"${paint}${strokeAttr}/>`, exact: true };
  }
  const radius = typeof node["cornerRadius"] === "number" ? ` rx="${round(node["cornerRadius"])}"` : "";
  // A box for a path without geometry: right place and colour, not the right outline.
  return { markup: `<rect${id}${opacity} width="${round(w)}" height="${round(h)}"${radius}${paint}${strokeAttr}/>`, exact: !PATH_TYPES.has(node.type) };
}

function transformFor(box: Box, origin: { x: number; y: number }, w: number, h: number, degrees: number | undefined): string {
  const cx = round(box.x + box.width / 2 - origin.x);
  const cy = round(box.y + box.height / 2 - origin.y);
  if (degrees === undefined) {
    const x = round(cx - w / 2);
    const y = round(cy - h / 2);
    return x === 0 && y === 0 ? "" : ` transform="translate(${x} ${y})"`;
  }
  return ` transform="translate(${cx} ${cy}) rotate(${degrees}) translate(${round(-w / 2)} ${round(-h / 2)})"`;
}

/** Visible shape leaves of a container (boolean operations count as one leaf). */
function leaves(node: RestNode, out: RestNode[]): void {
  for (const child of node.children ?? []) {
    if (child["visible"] === false) continue;
    if (child.type === "BOOLEAN_OPERATION" || !child.children || child.children.length === 0) out.push(child);
    else leaves(child, out);
  }
}

/** True for a container that is really an icon: shapes only (at least one path), no text, no image fills. */
export function isIconContainer(node: RestNode): boolean {
  if (!["GROUP", "FRAME", "INSTANCE", "COMPONENT"].includes(node.type)) return false;
  if (node["layoutMode"] === "HORIZONTAL" || node["layoutMode"] === "VERTICAL") return false;
  const found: RestNode[] = [];
  leaves(node, found);
  if (found.length === 0) return false;
  const hasImage = (n: RestNode): boolean => Array.isArray(n["fills"]) && n["fills"].some((f) => isRecord(f) && f["type"] === "IMAGE");
  if (hasImage(node)) return false;
  let hasPath = false;
  const check = (n: RestNode): boolean => {
    for (const child of n.children ?? []) {
      if (child["visible"] === false) continue;
      if (child.type === "BOOLEAN_OPERATION") {
        hasPath = true;
        continue;
      }
      if (child.children && child.children.length > 0) {
        if (!["GROUP", "FRAME"].includes(child.type) || hasImage(child) || !check(child)) return false;
      } else {
        if (!SHAPE_TYPES.has(child.type) || hasImage(child)) return false;
        if (PATH_TYPES.has(child.type)) hasPath = true;
      }
    }
    return true;
  };
  return check(node) && hasPath;
}

export interface SvgResult {
  svg: string;
  placeholder: boolean;
}

/** SVG for a single shape node (vector, boolean operation …) sized w×h. */
export function shapeSvg(node: RestNode, w: number, h: number): SvgResult {
  const drawn = drawShape(node, w, h);
  // The <svg> element itself carries the node's id; a second copy inside would duplicate it.
  const markup = drawn.markup.replace(` data-node-id="${escapeAttr(node.id)}"`, "");
  const exact = drawn.exact;
  return { svg: wrap(w, h, markup), placeholder: !exact };
}

/** SVG for an icon-like container: every visible shape leaf, placed in the container's coordinates. */
export function containerSvg(node: RestNode, bounds: Box, w: number, h: number): SvgResult {
  const found: RestNode[] = [];
  leaves(node, found);
  let exact = true;
  const parts: string[] = [];
  for (const leaf of found) {
    const box = readBox(leaf["absoluteBoundingBox"]);
    if (!box) continue;
    const degrees = cssRotation(leaf);
    const size = unrotatedSize(leaf, box, degrees);
    const drawn = drawShape(leaf, size.w, size.h);
    exact &&= drawn.exact;
    const transform = transformFor(box, bounds, size.w, size.h, degrees);
    parts.push(transform ? `<g${transform}>${drawn.markup}</g>` : drawn.markup);
  }
  return { svg: wrap(w, h, parts.join("")), placeholder: !exact };
}

function wrap(w: number, h: number, body: string): string {
  const width = round(Math.max(w, 0.01));
  const height = round(Math.max(h, 0.01));
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" fill="none" overflow="visible">${body}</svg>`;
}
