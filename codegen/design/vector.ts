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
import { paintedRule } from "./rule.js";
import { alignedStroke, canDrawEffects, canDrawGradient, svgGradient, svgId, svgShadowFilter } from "./svg-paint.js";
import type { DesignNode, ShapePart, Stroke } from "./types.js";

/** Shape types that can be drawn inside one SVG. */
export const SHAPE_TYPES = new Set([
  "VECTOR",
  "BOOLEAN_OPERATION",
  "STAR",
  "REGULAR_POLYGON",
  "LINE",
  "ELLIPSE",
  "RECTANGLE",
]);
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

/**
 * Draws one shape (in its own coordinates, size w×h) as SVG elements; returns [markup, usedGeometry]. `own`: the SVG
 * draws the layer's gradient, shadows and inside or outside stroke too (a picture's layers, whose nodes are not
 * emitted); an icon's or a vector's stay on its node, whose CSS draws its shadow (drawn twice otherwise).
 */
function drawShape(node: RestNode, w: number, h: number, own = false): { markup: string; exact: boolean } {
  const ctx: PaintContext = { w, h, imageAsset: noImages };
  const fills = readPaints(node["fills"], ctx);
  const fill = fills.find((p) => p.kind === "solid");
  // A linear or radial gradient (no solid fill) is drawn from Figma's handles, as a definition beside the shape.
  const defs: string[] = [];
  const gradient =
    fill || !own ? undefined : svgGradient(firstGradient(node["fills"]) ?? {}, w, h, svgId("fill", node.id));
  if (gradient) defs.push(gradient);
  const fillColor =
    fill && fill.kind === "solid" ? fill.color : gradient ? `url(#${svgId("fill", node.id)})` : undefined;
  const stroke = readStroke(node, ctx);
  const shadows = own ? svgShadowFilter(node["effects"], w, h, svgId("fx", node.id)) : undefined;
  if (shadows) defs.push(shadows);
  const opacity =
    typeof node["opacity"] === "number" && node["opacity"] < 1 ? ` opacity="${round(node["opacity"], 3)}"` : "";
  const filter = shadows ? ` filter="url(#${svgId("fx", node.id)})"` : "";
  const id = ` data-node-id="${escapeAttr(node.id)}"${opacity}${filter}`;
  const drawn = drawOutline(node, { w, h, own }, id, fillColor, stroke);
  return { markup: (defs.length ? `<defs>${defs.join("")}</defs>` : "") + drawn.markup, exact: drawn.exact };
}

/** The first visible gradient fill, if any. */
const firstGradient = (raw: unknown): Record<string, unknown> | undefined =>
  visiblePaints(raw).find((p) => String(p["type"]).startsWith("GRADIENT_"));

/** The shape's outline, filled and stroked; `id` holds its node id, opacity and filter attributes. */
function drawOutline(
  node: RestNode,
  { w, h, own }: { w: number; h: number; own: boolean },
  id: string,
  fillColor: string | undefined,
  stroke: Stroke | undefined,
): { markup: string; exact: boolean } {
  const fillPaths = paths(node["fillGeometry"]);
  const strokePaths = paths(node["strokeGeometry"]);
  if (fillPaths.length > 0 || strokePaths.length > 0) {
    const parts: string[] = [];
    if (fillColor)
      for (const p of fillPaths) parts.push(`<path d="${escapeAttr(p.d)}" fill="${fillColor}" fill-rule="${p.rule}"/>`);
    // strokeGeometry is the outline of the stroke, so it is filled with the stroke colour.
    if (stroke)
      for (const p of strokePaths)
        parts.push(`<path d="${escapeAttr(p.d)}" fill="${stroke.color}" fill-rule="${p.rule}"/>`);
    if (parts.length === 1) return { markup: parts[0]!.replace("<path ", `<path${id} `), exact: true };
    return { markup: `<g${id}>${parts.join("")}</g>`, exact: true };
  }
  const paint = fillColor ? ` fill="${fillColor}"` : ' fill="none"';
  const strokeWeight = stroke && typeof stroke.weight === "number" ? stroke.weight : 1;
  const strokeAttr = stroke ? ` stroke="${stroke.color}" stroke-width="${strokeWeight}"` : "";
  if (node.type === "LINE") {
    // A thin filled box rather than <line>: it has a real bounding box, so it stays measurable.
    // Drawn from the line's edge like a CSS border, along its longer side.
    const color = stroke?.color ?? fillColor ?? "#000000";
    const size =
      w >= h
        ? `width="${round(w)}" height="${round(strokeWeight)}"`
        : `width="${round(strokeWeight)}" height="${round(h)}"`;
    return { markup: `<rect${id} ${size} fill="${color}"/>`, exact: true };
  }
  const cornerRadius = typeof node["cornerRadius"] === "number" ? node["cornerRadius"] : undefined;
  // A stroke inside or outside the outline: the fill as it is, the stroke on the outline moved by half its weight.
  const align = node["strokeAlign"] === "INSIDE" ? "inside" : node["strokeAlign"] === "OUTSIDE" ? "outside" : undefined;
  if (own && stroke && align && (node.type === "ELLIPSE" || node.type === "RECTANGLE")) {
    const type = node.type === "ELLIPSE" ? "ellipse" : "rect";
    const shape = outline(type, w, h, cornerRadius ?? 0, "");
    const a = alignedStroke(shape, w, h, strokeWeight, align, svgId("stroke", node.id));
    const line = ` fill="none" stroke="${stroke.color}" stroke-width="${round(strokeWeight * 2, 3)}"${a.attr}`;
    const under = fillColor ? outline(type, w, h, cornerRadius ?? 0, ` fill="${fillColor}"`) : "";
    const markup = `<g${id}><defs>${a.def}</defs>${under}${outline(type, w, h, cornerRadius ?? 0, line)}</g>`;
    return { markup, exact: true };
  }
  if (node.type === "ELLIPSE") return { markup: outline("ellipse", w, h, 0, `${paint}${strokeAttr}`, id), exact: true };
  const radius = cornerRadius !== undefined ? ` rx="${round(cornerRadius)}"` : "";
  // A box for a path without geometry: right place and colour, not the right outline.
  return {
    markup: `<rect${id} width="${round(w)}" height="${round(h)}"${radius}${paint}${strokeAttr}/>`,
    exact: !PATH_TYPES.has(node.type),
  };
}

/** A box or an ellipse of w×h at the origin. */
function outline(type: "rect" | "ellipse", w: number, h: number, r: number, attrs: string, id = ""): string {
  if (type === "ellipse")
    return (
      `<ellipse${id} cx="${round(w / 2)}" cy="${round(h / 2)}" ` + `rx="${round(w / 2)}" ry="${round(h / 2)}"${attrs}/>`
    );
  return `<rect${id} width="${round(w)}" height="${round(h)}"${r > 0 ? ` rx="${round(r)}"` : ""}${attrs}/>`;
}

function transformFor(
  box: Box,
  origin: { x: number; y: number },
  w: number,
  h: number,
  degrees: number | undefined,
): string {
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
  const mode = node["layoutMode"];
  if (mode === "HORIZONTAL" || mode === "VERTICAL" || mode === "GRID") return false;
  // No leaf walk first: check() below fails at the first layer that is not a shape and needs a path, which a
  // container without visible leaves never has (a walk of every leaf made each frame's test cost its whole subtree).
  const hasImage = (n: RestNode): boolean =>
    Array.isArray(n["fills"]) && n["fills"].some((f) => isRecord(f) && f["type"] === "IMAGE");
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

/** Visible paints of a layer (a paint list, or none). */
const visiblePaints = (raw: unknown): Record<string, unknown>[] =>
  Array.isArray(raw) ? raw.filter((p): p is Record<string, unknown> => isRecord(p) && p["visible"] !== false) : [];

/** True where the SVG draws a layer as Figma does: solid paints only, no visible effect, corners alike. */
function drawnExactly(n: RestNode, leaf: boolean): boolean {
  const fills = visiblePaints(n["fills"]);
  const strokes = visiblePaints(n["strokes"]);
  // Solid paints, or one gradient alone (drawShape draws the first solid fill, else the first gradient).
  const gradient = fills.length === 1 && canDrawGradient(fills[0]!);
  if (!gradient && fills.some((p) => p["type"] !== "SOLID")) return false;
  if (strokes.some((p) => p["type"] !== "SOLID") || Array.isArray(n["rectangleCornerRadii"])) return false;
  // A layer's shadows are its filter; a group's or a frame's would need one on its layers together.
  const effects = visiblePaints(n["effects"]).length > 0;
  if (effects && (!leaf || !canDrawEffects(n["effects"]))) return false;
  // Without strokeGeometry a stroke is drawn on the outline (SVG's centre), moved in or out by half its weight on a
  // box or an ellipse of one weight; on another shape Figma's inside or outside stroke is not drawn.
  const stroked = strokes.length > 0 && !Array.isArray(n["strokeGeometry"]);
  const aligned = n["strokeAlign"] !== undefined && n["strokeAlign"] !== "CENTER";
  const box = (n.type === "RECTANGLE" || n.type === "ELLIPSE") && !isRecord(n["individualStrokeWeights"]);
  if (stroked && aligned && !box) return false;
  // A group or frame inside is drawn by its layers alone: its own paint would be lost.
  return leaf || (fills.length === 0 && strokes.length === 0);
}

/**
 * True for a container that is a picture: every visible layer a shape (no text, no image, no instance), as
 * Framelink's collapseSvgContainers sends it as one IMAGE-SVG. Unlike isIconContainer, at the top level too, in auto
 * layout or not, rectangles alone included; but only where the SVG draws every layer exactly (drawnExactly), with
 * the container's own solid fill, corner radius and clip (containerSvg).
 */
export function isShapePicture(node: RestNode): boolean {
  // Not a group: a top-level group of lines (figmagic's Screen divider) lost its place as one SVG (IoU 1 → 0).
  if (!["FRAME", "COMPONENT"].includes(node.type)) return false;
  if (!drawnExactly(node, true) || visiblePaints(node["strokes"]).length > 0) return false;
  // Its own fill is a solid ground (ownFill), and nothing draws its own shadows.
  const ground = visiblePaints(node["fills"]).every((p) => p["type"] === "SOLID");
  if (!ground || visiblePaints(node["effects"]).length > 0) return false;
  // A sheet: its own fill is the picture's ground (a frame without one lays out its shapes, as a screen does).
  if (visiblePaints(node["fills"]).length === 0) return false;
  // A frame without height (a rule: figmagic's HR) is its line, not a picture to scale.
  const box = readBox(node["absoluteBoundingBox"]);
  if (!box || box.width < 1 || box.height < 1) return false;
  let layers = 0;
  const check = (n: RestNode): boolean => {
    for (const child of n.children ?? []) {
      if (child["visible"] === false) continue;
      layers++;
      const leaf = child.type === "BOOLEAN_OPERATION" || !child.children || child.children.length === 0;
      if (!leaf && !["GROUP", "FRAME"].includes(child.type)) return false;
      if (leaf && !SHAPE_TYPES.has(child.type)) return false;
      if (child["isMask"] === true || !drawnExactly(child, leaf) || (!leaf && !check(child))) return false;
    }
    return true;
  };
  return check(node) && layers > 0;
}

/** Node types drawn as one SVG of their own (normalize.ts's KIND "vector" and "boolean"). */
const VECTOR_TYPES = new Set(["VECTOR", "STAR", "REGULAR_POLYGON", "BOOLEAN_OPERATION"]);

/** How a layer is drawn as one SVG: a top-level frame of shapes, an icon container, or a shape of its own. */
export type SvgDrawing = "picture" | "icon" | "shape";

/**
 * Whether (and how) codegen draws a layer as one SVG. The one rule: normalize.ts draws by it, and the plugin's
 * export plans its SVGs by it (so a picture's SVG is exported as codegen asks for it). `top`: the frame asked
 * for, which is never an icon but may be a picture. A shape with an image fill is drawn as its box (no SVG).
 */
export function svgDrawing(node: RestNode, top: boolean): SvgDrawing | undefined {
  if (top && isShapePicture(node)) return "picture";
  if (!top && isIconContainer(node)) return "icon";
  if (!VECTOR_TYPES.has(node.type)) return undefined;
  // Older replies put a frame's paints in `background`; codegen reads that too.
  const fills = Array.isArray(node["fills"]) ? node["fills"] : node["background"];
  return visiblePaints(fills).some((p) => p["type"] === "IMAGE") ? undefined : "shape";
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

/**
 * SVG for an icon-like container: every visible shape leaf, placed in the container's coordinates. A picture
 * (isShapePicture) also keeps the container's own fill, corner radius and clip; an icon's stay on its node.
 */
export function containerSvg(node: RestNode, bounds: Box, w: number, h: number, picture = false): SvgResult {
  const turn = cssRotation(node);
  const drawn = drawLayers(node, bounds, turn === undefined ? undefined : { turn, w, h }, picture);
  const body = (picture ? ownFill(node, w, h) : "") + drawn.markup;
  return { svg: wrap(w, h, body, picture && node["clipsContent"] === true), placeholder: !drawn.exact };
}

/** The container's own solid fill (a frame's background), with its corner radius, under its layers. */
function ownFill(node: RestNode, w: number, h: number): string {
  const ctx: PaintContext = { w, h, imageAsset: noImages };
  const fill = readPaints(node["fills"], ctx).find((p) => p.kind === "solid");
  if (fill?.kind !== "solid") return "";
  const r =
    typeof node["cornerRadius"] === "number" && node["cornerRadius"] > 0 ? ` rx="${round(node["cornerRadius"])}"` : "";
  return `<rect width="${round(Math.max(w, 0.01))}" height="${round(Math.max(h, 0.01))}"${r} fill="${fill.color}"/>`;
}

/** A leaf shape of a container, placed in the container's coordinates. */
function drawLeaf(
  leaf: RestNode,
  bounds: Box,
  turned: Turned | undefined,
  own: boolean,
): { markup: string; exact: boolean } | undefined {
  const box = readBox(leaf["absoluteBoundingBox"]);
  if (!box) return undefined;
  const band = turned ? undefined : paintedRule(leaf);
  if (band) return { markup: bandRect(leaf, band, bounds), exact: true };
  const degrees = cssRotation(leaf);
  const size = unrotatedSize(leaf, box, turned ? addTurns(turned.turn, degrees) : degrees);
  const drawn = drawShape(leaf, size.w, size.h, own);
  const transform = transformFor(unturnedBox(box, bounds, turned), bounds, size.w, size.h, degrees);
  return { markup: transform ? `<g${transform}>${drawn.markup}</g>` : drawn.markup, exact: drawn.exact };
}

/** A line along an axis as the band its stroke paints (rule.ts), in the container's coordinates. */
function bandRect(leaf: RestNode, band: Box, bounds: Box): string {
  const ctx: PaintContext = { w: band.width, h: band.height, imageAsset: noImages };
  const color = readStroke(leaf, ctx)?.color ?? "#000000";
  const opacity =
    typeof leaf["opacity"] === "number" && leaf["opacity"] < 1 ? ` opacity="${round(leaf["opacity"], 3)}"` : "";
  const x = round(band.x - bounds.x);
  const y = round(band.y - bounds.y);
  const at = `${x === 0 ? "" : ` x="${x}"`}${y === 0 ? "" : ` y="${y}"`}`;
  return (
    `<rect data-node-id="${escapeAttr(leaf.id)}"${opacity}${at} ` +
    `width="${round(band.width)}" height="${round(band.height)}" fill="${color}"/>`
  );
}

/**
 * The visible layers of a container, in drawing order (its groups' layers in place). A mask (Figma isMask) is not
 * painted: it becomes an SVG <mask> of the layers above it up to the next mask, by their alpha (or luminance).
 */
/**
 * A container turned on the page (the microsite's Layer_1, 180°): the SVG is drawn unturned in its own w×h and turned
 * by its CSS transform, so its layers, whose boxes are the page's, are placed where the turn brings them back.
 */
interface Turned {
  turn: number;
  w: number;
  h: number;
}

/** A layer's page box moved into the turned container's unturned SVG (the page's box when not turned). */
function unturnedBox(box: Box, bounds: Box, turned: Turned | undefined): Box {
  if (!turned) return box;
  const dx = box.x + box.width / 2 - (bounds.x + bounds.width / 2);
  const dy = box.y + box.height / 2 - (bounds.y + bounds.height / 2);
  const t = (-turned.turn * Math.PI) / 180;
  const cx = turned.w / 2 + dx * Math.cos(t) - dy * Math.sin(t);
  const cy = turned.h / 2 + dx * Math.sin(t) + dy * Math.cos(t);
  return { x: bounds.x + cx - box.width / 2, y: bounds.y + cy - box.height / 2, width: box.width, height: box.height };
}

const addTurns = (a: number, b: number | undefined): number | undefined => {
  const sum = ((((a + (b ?? 0) + 180) % 360) + 360) % 360) - 180;
  return Math.abs(sum) < 0.05 || Math.abs(Math.abs(sum) - 360) < 0.05 ? undefined : sum === -180 ? 180 : sum;
};

/** `own`: a picture's layers, drawn with their gradients, shadows and aligned strokes (drawShape). */
function drawLayers(
  node: RestNode,
  bounds: Box,
  turned: Turned | undefined,
  own = false,
): { markup: string; exact: boolean } {
  let exact = true;
  const out: string[] = [];
  let masked: { id: string; def: string; layers: string[] } | undefined;
  const close = (): void => {
    // A mask with nothing above it masks nothing.
    if (masked && masked.layers.length > 0)
      out.push(`<defs>${masked.def}</defs><g mask="url(#${masked.id})">${masked.layers.join("")}</g>`);
    masked = undefined;
  };
  for (const child of node.children ?? []) {
    if (child["visible"] === false) continue;
    const drawn =
      child.type === "BOOLEAN_OPERATION" || !child.children || child.children.length === 0
        ? drawLeaf(child, bounds, turned, own)
        : drawLayers(child, bounds, turned, own);
    if (!drawn) continue;
    exact &&= drawn.exact;
    if (child["isMask"] === true) {
      close();
      // The mask's shapes are no layers of the picture: without their ids, they are not listed as its parts.
      const shapes = drawn.markup.replace(/ data-node-id="[^"]*"/g, "");
      const id = `mask-${child.id.replace(/[^a-zA-Z0-9_-]/g, "-")}`;
      const type = child["maskType"] === "LUMINANCE" ? "luminance" : "alpha";
      masked = {
        id,
        def:
          `<mask id="${id}" style="mask-type:${type}" maskUnits="userSpaceOnUse" ` +
          `x="-100000" y="-100000" width="200000" height="200000">${shapes}</mask>`,
        layers: [],
      };
      continue;
    }
    if (masked) masked.layers.push(drawn.markup);
    else out.push(drawn.markup);
  }
  close();
  return { markup: out.join(""), exact };
}

/**
 * A part whose smaller side is under this many pixels is placed to a tenth of a pixel, else to a whole one: a tenth
 * moves a small shape's IoU (code from the hint alone draws the part boxes), and costs the hint 2 more tokens a number.
 */
const TENTHS_UNDER = 7;

/**
 * The shapes `containerSvg` draws for the same node, each with the axis-aligned box it renders at when
 * that SVG (viewBox w×h) is shown in the node's rounded box `shown` (CSS size; the viewBox is fitted and
 * centred, as `preserveAspectRatio` does by default). To a tenth of a pixel for small shapes (TENTHS_UNDER).
 */
export function containerParts(
  node: RestNode,
  bounds: Box,
  w: number,
  h: number,
  shown: { w: number; h: number },
): ShapePart[] {
  const found: RestNode[] = [];
  leaves(node, found);
  const vw = round(Math.max(w, 0.01));
  const vh = round(Math.max(h, 0.01));
  // A line's zero side does not take part in fitting: the other side alone sets the scale.
  const flatW = shown.w < 0.01 || vw <= 0.01;
  const flatH = shown.h < 0.01 || vh <= 0.01;
  const scale = flatW && flatH ? 1 : flatW ? shown.h / vh : flatH ? shown.w / vw : Math.min(shown.w / vw, shown.h / vh);
  const dx = flatW ? 0 : (shown.w - vw * scale) / 2;
  const dy = flatH ? 0 : (shown.h - vh * scale) / 2;
  const parts: ShapePart[] = [];
  for (const leaf of found) {
    // A line is the band its stroke paints, as drawLeaf draws it.
    const box = paintedRule(leaf) ?? readBox(leaf["absoluteBoundingBox"]);
    if (!box) continue;
    const digits = Math.min(box.width, box.height) * scale < TENTHS_UNDER ? 1 : 0;
    const part: ShapePart = {
      id: leaf.id,
      x: round(dx + (box.x - bounds.x) * scale, digits),
      y: round(dy + (box.y - bounds.y) * scale, digits),
      w: round(box.width * scale, digits),
      h: round(box.height * scale, digits),
    };
    const ctx: PaintContext = { w: box.width, h: box.height, imageAsset: noImages };
    const fill = readPaints(leaf["fills"], ctx).find((p) => p.kind === "solid");
    const color = fill && fill.kind === "solid" ? fill.color : readStroke(leaf, ctx)?.color;
    if (color) part.color = color;
    parts.push(part);
  }
  return parts;
}

/**
 * Boxes in the parts' colours, or one box for a single shape (no parts), where an SVG's payload is not at
 * hand (code from a hint alone): the same boxes as the real SVG, so the page lays out the same.
 */
export function standInSvg(node: Pick<DesignNode, "w" | "h" | "parts" | "fills" | "stroke">): string {
  const solid = node.fills?.find((p) => p.kind === "solid");
  const fill = solid?.kind === "solid" ? solid.color : undefined;
  const color = fill ?? node.stroke?.color ?? "currentColor";
  if (!node.parts) {
    // A stroke-only shape (a line, an outline) would vanish as a filled box of zero height: stroke it.
    const weight = typeof node.stroke?.weight === "number" ? node.stroke.weight : 1;
    const paint =
      fill || !node.stroke
        ? `fill="${escapeAttr(color)}"`
        : `fill="none" stroke="${escapeAttr(color)}" stroke-width="${weight}"`;
    return wrap(node.w, node.h, `<rect width="${round(node.w)}" height="${round(node.h)}" ${paint}/>`);
  }
  const body = node.parts.map((p) => {
    const at = p.x === 0 && p.y === 0 ? "" : ` x="${p.x}" y="${p.y}"`;
    return (
      `<rect data-node-id="${escapeAttr(p.id)}"${at} width="${p.w}" ` +
      `height="${p.h}" fill="${escapeAttr(p.color ?? color)}"/>`
    );
  });
  return wrap(node.w, node.h, body.join(""));
}

function wrap(w: number, h: number, body: string, clip = false): string {
  const width = round(Math.max(w, 0.01));
  const height = round(Math.max(h, 0.01));
  // A frame that clips its content: the SVG's own viewport clips (overflow hidden, the default).
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" ` +
    `viewBox="0 0 ${width} ${height}" fill="none"${clip ? "" : ' overflow="visible"'}>${body}</svg>`
  );
}
