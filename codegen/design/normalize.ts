/** REST node JSON → design tree. Pure; collects problems instead of throwing. */
import { asciiLetters } from "./ascii-letters.js";
import type { RestContext, RestNode } from "../rest/reply.js";
import { isRecord } from "../rest/reply.js";
import { finite, nonNegative } from "../rest/values.js";
import type { Problem } from "../types.js";
import { escapeAttr } from "../escape.js";
import { agree, plural } from "../../kernel/plural.js";
import { cssBlend, cssColor, readColor, round } from "./color.js";
import {
  cssRotation,
  readBox,
  readConstraints,
  readFlexLayout,
  readMinMax,
  readSizing,
  unrotatedSize,
  type Box,
} from "./geometry.js";
import { readGridLayout } from "./grid.js";
import { readPaints, readStroke, type PaintContext } from "./paint.js";
import { DesignAssets } from "./asset-registry.js";
import type { DesignExtras } from "./extras.js";
import { drawnTextScale, readText, scaledText } from "./text.js";
import { paintedRule } from "./rule.js";
import { instanceFacts } from "./instance-facts.js";
import { designNode } from "./node.js";
import type {
  Corners,
  DesignDocument,
  DesignNode,
  Effects,
  GridCell,
  InstanceFacts,
  Layout,
  NodeKind,
  Shadow,
} from "./types.js";
import { containerParts, containerSvg, shapeSvg, svgDrawing } from "./vector.js";

const KIND: Record<string, NodeKind> = {
  FRAME: "frame",
  COMPONENT_SET: "frame",
  GROUP: "group",
  SECTION: "section",
  COMPONENT: "component",
  INSTANCE: "instance",
  RECTANGLE: "rect",
  ELLIPSE: "ellipse",
  LINE: "line",
  TEXT: "text",
  VECTOR: "vector",
  STAR: "vector",
  REGULAR_POLYGON: "vector",
  BOOLEAN_OPERATION: "boolean",
};

/** Node types with no visual of their own here (slices, stickies, widgets …) are skipped. */
const SKIPPED = new Set([
  "SLICE",
  "STICKY",
  "CONNECTOR",
  "WIDGET",
  "EMBED",
  "LINK_UNFURL",
  "SHAPE_WITH_TEXT",
  "CODE_BLOCK",
  "STAMP",
  "TABLE",
  "TABLE_CELL",
  "WASHI_TAPE",
  "HIGHLIGHT",
]);

/** A name as a file name's stem: Cyrillic and Greek transliterated, accents off (ascii-letters.ts). */
export function slug(text: string): string {
  const s = asciiLetters(text)
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/g, "");
  return s || "asset";
}

/** The file name an SVG asset gets: the layer's name, or its kind for unnamed layers. */
export function assetBase(node: Pick<DesignNode, "name" | "kind">): string {
  return slug(node.name || (node.kind === "boolean" ? "shape" : "vector"));
}

interface Walk {
  /** `componentId|innerId` of layers that are visible in at least one instance (see shownInSomeInstance). */
  shownLayers: Set<string>;
  /**
   * Figma's inferred auto layouts, by node id (extras.inferredLayouts). Undefined without them: a REST file has
   * none, and a look-up of every layer's id in an empty object costs a string-table probe each.
   */
  suggestions: Record<string, unknown> | undefined;
  context: RestContext;
  assets: DesignAssets;
  problems: Problem[];
  /** Facts of the instances converted, by node id (DesignDocument.instances). */
  instances: Record<string, InstanceFacts>;
  /** The layers skipped for want of a box (missing, or not numbers): one note names them all. */
  unbounded: RestNode[];
  /** Figma's names of the layers whose generated name was dropped (DesignDocument.layerNames). */
  layerNames: Record<string, string>;
}

function readEffects(raw: unknown): Effects | undefined {
  if (!Array.isArray(raw)) return undefined;
  const shadows: Shadow[] = [];
  const out: Effects = {};
  for (const effect of raw) {
    if (!isRecord(effect) || effect["visible"] === false) continue;
    const type = effect["type"];
    const radius = round(nonNegative(effect["radius"]) ?? 0);
    if (type === "DROP_SHADOW" || type === "INNER_SHADOW") {
      const color = readColor(effect["color"]) ?? { r: 0, g: 0, b: 0, a: 0.25 };
      const offset = isRecord(effect["offset"]) ? effect["offset"] : {};
      shadows.push({
        kind: type === "DROP_SHADOW" ? "drop" : "inner",
        x: round(finite(offset["x"]) ?? 0),
        y: round(finite(offset["y"]) ?? 0),
        blur: radius,
        spread: round(finite(effect["spread"]) ?? 0),
        color: cssColor(color),
      });
    } else if (type === "LAYER_BLUR" && radius > 0) {
      out.blur = radius;
    } else if (type === "BACKGROUND_BLUR" && radius > 0) {
      out.backdropBlur = radius;
    }
  }
  if (shadows.length) out.shadows = shadows;
  return Object.keys(out).length ? out : undefined;
}

function readRadius(node: Record<string, unknown>): number | Corners | undefined {
  const corners = node["rectangleCornerRadii"];
  if (Array.isArray(corners) && corners.length === 4 && corners.every((c) => nonNegative(c) !== undefined)) {
    const c = corners.map((v: number) => round(v)) as Corners;
    if (c.every((v) => v === c[0])) return c[0] > 0 ? c[0] : undefined;
    return c;
  }
  const radius = nonNegative(node["cornerRadius"]);
  return radius !== undefined && radius > 0 ? round(radius) : undefined;
}

/** Fallback box for old replies without absoluteBoundingBox: relativeTransform + size. */
function fallbackBox(node: RestNode, parent: Box | undefined): Box | undefined {
  const size = isRecord(node["size"]) ? node["size"] : undefined;
  const t = node["relativeTransform"];
  const width = nonNegative(size?.["x"]);
  const height = nonNegative(size?.["y"]);
  if (width === undefined || height === undefined) return undefined;
  const row0 = Array.isArray(t) ? t[0] : undefined;
  const row1 = Array.isArray(t) ? t[1] : undefined;
  const tx = (Array.isArray(row0) ? finite(row0[2]) : undefined) ?? 0;
  const ty = (Array.isArray(row1) ? finite(row1[2]) : undefined) ?? 0;
  return { x: (parent?.x ?? 0) + tx, y: (parent?.y ?? 0) + ty, width, height };
}

/** A layer's box: its absoluteBoundingBox, else its size placed by its relativeTransform; undefined without either. */
export function layerBounds(node: RestNode, parent?: Box): Box | undefined {
  return readBox(node["absoluteBoundingBox"]) ?? fallbackBox(node, parent);
}

/** The one note for the layers skipped without a box: how many, the first few names. */
function unboundedNote(layers: readonly RestNode[]): Problem {
  const shown = layers.slice(0, 3).map((l) => JSON.stringify(l.name.length > 30 ? `${l.name.slice(0, 29)}…` : l.name));
  const more = layers.length > shown.length ? ` and ${layers.length - shown.length} more` : "";
  return {
    severity: "warning",
    code: "missing-bounds",
    message:
      `${plural(layers.length, "layer")} ${agree(layers.length, "has", "have")} ` +
      `no bounds (${shown.join(", ")}${more}): skipped`,
    nodeId: layers[0]!.id,
  };
}

/** Layer names Figma generates ("Rectangle 12", "Group", "Oval 1 copy 2") say nothing; they become "". */
const AUTO_NAME = new RegExp(
  "^(Rectangle|Frame|Group|Vector|Ellipse|Line|Polygon|Star|Union|Subtract|" +
    String.raw`Intersect|Exclude|Path|Shape|Oval|Text|Image)( \d+)?( copy( \d+)?)?$`,
);

export function meaningfulName(name: string): string {
  return AUTO_NAME.test(name.trim()) ? "" : name;
}

/** What `\s` matches (and trim() removes): whitespace and line terminators. */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/**
 * A text's characters with its whitespace collapsed (`t.replace(/\s+/g, " ").trim()`), read one at a time in place:
 * a long text is compared with its layer's name without a collapsed copy of either.
 */
class Collapsed {
  private at = 0;
  constructor(private readonly text: string) {
    while (this.at < text.length && isSpace(text.charCodeAt(this.at))) this.at++;
  }
  /** The next character code of the collapsed text, or -1 at its end. */
  next(): number {
    const { text } = this;
    if (this.at >= text.length) return -1;
    const c = text.charCodeAt(this.at++);
    if (!isSpace(c)) return c;
    while (this.at < text.length && isSpace(text.charCodeAt(this.at))) this.at++;
    return this.at < text.length ? 32 : -1;
  }
}

/** Figma names text layers after their first characters; such a name says nothing beyond the text. */
export function textLayerName(name: string, characters: unknown): string {
  if (typeof characters !== "string") return name;
  // Figma names a text layer by its characters until it is renamed: most are the same string.
  if (name === characters) return characters;
  // The name collapsed equals the characters collapsed, or begins them and is 8 characters long at least.
  const a = new Collapsed(name);
  const b = new Collapsed(characters);
  for (let length = 0; ; length++) {
    const c = a.next();
    if (c === -1) return b.next() === -1 || length >= 8 ? characters : name;
    if (c !== b.next()) return name;
  }
}

/**
 * Where an unrotated box of w×h centred on `bounds` sits in `parent` (rotation turns a layer about its centre). In a
 * turned parent, in the parent's own unturned box, which the parent's transform turns back onto the page: a layer
 * right of the centre of a frame turned 180° is left of it in the frame (the microsite's Layer_1 drew its vectors
 * mirrored).
 */
function offsetIn(
  bounds: { x: number; y: number; width: number; height: number },
  parent: ParentFacts,
  w: number,
  h: number,
): { x: number; y: number } {
  const box = parent.box;
  if (parent.turn === undefined)
    return { x: bounds.x + bounds.width / 2 - box.x - w / 2, y: bounds.y + bounds.height / 2 - box.y - h / 2 };
  const own = parent.size ?? { w: box.width, h: box.height };
  const dx = bounds.x + bounds.width / 2 - (box.x + box.width / 2);
  const dy = bounds.y + bounds.height / 2 - (box.y + box.height / 2);
  const t = (-parent.turn * Math.PI) / 180;
  const cos = Math.cos(t);
  const sin = Math.sin(t);
  return { x: own.w / 2 + dx * cos - dy * sin - w / 2, y: own.h / 2 + dx * sin + dy * cos - h / 2 };
}

/** Two turns in CSS degrees, one turn in (-180, 180]; undefined when they cancel out. */
function sumTurns(a: number | undefined, b: number | undefined): number | undefined {
  if (a === undefined) return b;
  if (b === undefined) return a;
  let sum = ((((a + b + 180) % 360) + 360) % 360) - 180;
  if (sum === -180) sum = 180;
  return Math.abs(sum) < 0.05 ? undefined : sum;
}

/**
 * Geometry to tenths of a pixel: the design's own sub-pixel places and sizes kept, Figma's float noise dropped. Whole
 * pixels from 8 px up moved every layer by its ancestors' roundings, up to a pixel on a design laid on a finer grid
 * (fitma's Thumbnail, a page at 0.4 scale: its 8-px stars and 7-px texts 0.4-0.8 px off, the round trip 0.956).
 */
export function roundPx(value: number): number {
  return round(value, 1);
}

interface InstanceScope {
  id: string;
  componentId: string;
}

/** The part of an instance layer's id that names the layer in the main component. */
function innerId(nodeId: string, instance: InstanceScope): string | undefined {
  const base = instance.id.startsWith("I") ? instance.id.slice(1) : instance.id;
  const prefix = `I${base};`;
  return nodeId.startsWith(prefix) ? nodeId.slice(prefix.length) : undefined;
}

/**
 * Records every instance layer that is visible, so that a layer hidden in one instance is kept (as a
 * visibility prop) only when another instance of the same component shows it; other hidden layers go.
 */
function collectShownLayers(node: RestNode, instance: InstanceScope | undefined, out: Set<string>): void {
  if (node["visible"] === false) return;
  if (instance) {
    const inner = innerId(node.id, instance);
    if (inner !== undefined) out.add(`${instance.componentId}|${inner}`);
  }
  const own =
    node.type === "INSTANCE" && typeof node["componentId"] === "string"
      ? { id: node.id, componentId: node["componentId"] }
      : instance;
  for (const child of node.children ?? []) collectShownLayers(child, own, out);
}

/** What a child needs of its parent: its box, how it lays out its children, and for a grid the child's area. */
interface ParentFacts {
  box: Box;
  dir: "row" | "column" | "grid" | undefined;
  cells?: Map<RestNode, GridCell>;
  /** How far the parent is turned on the page (CSS degrees, its own turn and its ancestors'). */
  turn?: number;
  /** Its unturned size, where it is turned. */
  size?: { w: number; h: number };
}

function convert(
  node: RestNode,
  parent: ParentFacts | undefined,
  instance: InstanceScope | undefined,
  walk: Walk,
): DesignNode | undefined {
  if (SKIPPED.has(node.type)) return undefined;
  const hidden = node["visible"] === false;
  if (hidden) {
    const inner = instance ? innerId(node.id, instance) : undefined;
    if (!instance || inner === undefined || !walk.shownLayers.has(`${instance.componentId}|${inner}`)) return undefined;
  }
  // A shape-only top-level frame is a picture (isShapePicture); within a frame, wider rules changed 100+ screens.
  const drawing = svgDrawing(node, parent === undefined);
  const picture = drawing === "picture";
  const icon = picture || drawing === "icon";
  const kind = icon ? "vector" : (KIND[node.type] ?? (node.children ? "frame" : "rect"));
  if (!KIND[node.type]) {
    walk.problems.push({
      severity: "info",
      code: "unknown-node-type",
      message: `node type ${node.type} is drawn as a ${kind}`,
      nodeId: node.id,
    });
  }

  // A layer without a box has no place and no size: skipped (with its children), never laid out as 0×0 or NaN.
  const bounds = layerBounds(node, parent?.box);
  if (!bounds) {
    walk.unbounded.push(node);
    return undefined;
  }
  const rotation = cssRotation(node);
  // The reply's bounds are the page's: inside a turned parent, the layer is turned by both.
  const turn = sumTurns(parent?.turn, rotation);
  const { w, h } = unrotatedSize(node, bounds, turn);
  const name = kind === "text" ? textLayerName(node.name, node["characters"]) : meaningfulName(node.name);
  const out = designNode(node.id, name, kind, roundPx(w), roundPx(h));
  if (name === "" && node.name.trim() !== "") walk.layerNames[node.id] = node.name;

  const absoluteChild = parent !== undefined && (parent.dir === undefined || node["layoutPositioning"] === "ABSOLUTE");
  if (parent && absoluteChild) {
    const offset = offsetIn(bounds, parent, w, h);
    out.x = roundPx(offset.x);
    out.y = roundPx(offset.y);
    if (parent.dir !== undefined) out.absolute = true;
    Object.assign(out, readConstraints(node));
  }
  const cell = parent && !absoluteChild ? parent.cells?.get(node) : undefined;
  if (cell) out.cell = cell;
  if (rotation !== undefined) out.rotation = rotation;
  // A line placed by hand is the band its stroke paints (rule.ts): its box, unturned, where Figma draws it.
  const band = kind === "line" && parent && absoluteChild && parent.turn === undefined ? paintedRule(node) : undefined;
  if (band && parent) {
    Object.assign(out, {
      x: roundPx(band.x - parent.box.x),
      y: roundPx(band.y - parent.box.y),
      w: roundPx(band.width),
      h: roundPx(band.height),
    });
    out.rotation = undefined;
  }
  if (hidden) out.hidden = true;

  const grid = kind === "text" || icon ? undefined : readGridLayout(node);
  const layout: Layout | undefined = grid?.layout ?? (kind === "text" || icon ? undefined : readFlexLayout(node));
  if (layout) out.layout = layout;
  const suggestion = !layout && kind !== "text" ? walk.suggestions?.[node.id] : undefined;
  const suggested = isRecord(suggestion) ? readFlexLayout(suggestion) : undefined;
  if (suggested) out.suggested = suggested;
  // Sizing only matters where auto layout is involved: as a flow child, or as an auto-layout frame.
  const flowDir = parent && !absoluteChild ? parent.dir : undefined;
  if (flowDir !== undefined || layout) {
    const sizing = readSizing(node, flowDir);
    if (sizing.h) out.sizeH = sizing.h;
    if (sizing.v) out.sizeV = sizing.v;
  }
  Object.assign(out, readMinMax(node));

  const paintCtx: PaintContext = { w, h, imageAsset: (ref) => walk.assets.image(ref, slug(name || "image"), node) };
  const rawFills = Array.isArray(node["fills"]) ? node["fills"] : node["background"];
  const fills = kind === "text" ? [] : readPaints(rawFills, paintCtx);
  if (fills.length) out.fills = fills;
  const stroke = readStroke(node, paintCtx);
  if (stroke) out.stroke = stroke;
  const radius = kind === "ellipse" || kind === "text" || kind === "line" ? undefined : readRadius(node);
  if (radius !== undefined) out.radius = radius;
  const effects = readEffects(node["effects"]);
  if (effects) out.effects = effects;
  const opacity = finite(node["opacity"]);
  if (opacity !== undefined && opacity < 1) out.opacity = round(Math.max(0, opacity), 3);
  const blend = cssBlend(node["blendMode"]);
  if (blend) out.blend = blend;
  if (node["clipsContent"] === true) out.clip = true;
  if (node["isMask"] === true) {
    out.mask = true;
    // isMaskOutline is maskType's deprecated predecessor (VECTOR), still in older replies.
    const type = node["maskType"] ?? (node["isMaskOutline"] === true ? "VECTOR" : undefined);
    if (type === "VECTOR") out.maskType = "vector";
    else if (type === "LUMINANCE") out.maskType = "luminance";
  }

  if (kind === "text") {
    const styles = isRecord(node["styles"]) ? node["styles"] : {};
    const styleId = typeof styles["text"] === "string" ? styles["text"] : undefined;
    out.text = readText(node, styleId ? walk.context.styles.get(styleId)?.name : undefined);
    // A text scaled with its instance is drawn at that scale: its type too (the reply keeps the component's).
    const scale = drawnTextScale(node, out.text, h);
    if (scale !== undefined) {
      const style = isRecord(node["style"]) ? node["style"] : {};
      out.text = scaledText(out.text, scale, finite(style["lineHeightPx"]));
    }
  }

  // An image in a shape (a photo in a blob or a star) is the image, drawn as its box: an SVG of the outline
  // has no way to carry the picture, and would draw nothing.
  const imageShape = (kind === "vector" || kind === "boolean") && !icon && fills.some((f) => f.kind === "image");
  if (imageShape) {
    walk.problems.push({
      severity: "info",
      code: "image-in-shape",
      message:
        `"${node.name}" is an image in a ${node.type.toLowerCase().replace(/_/g, " ")}: ` +
        `drawn as its box with the image; the outline is not kept`,
      nodeId: node.id,
    });
  }
  // svgDrawing is the rule the plugin's export plans its SVGs by: "shape" is a vector or boolean, not imageShape.
  if (drawing !== undefined) {
    const key = walk.assets.vector(node, assetBase(out), () =>
      icon ? containerSvg(node, bounds, w, h, picture) : shapeSvg(node, w, h),
    );
    // Fills and stroke stay on the node too: the SVG draws them, but a model (or an emitter without the
    // asset payload) still learns the icon's colours from the tree.
    out.asset = key;
    // Its box is the SVG's viewBox to the hundredth: a 24.5-px battery in a 25-px box would be stretched, its
    // parts off by up to a pixel.
    out.w = round(w);
    out.h = round(h);
    if (out.x !== undefined) out.x = round(offsetIn(bounds, parent!, w, h).x);
    if (out.y !== undefined) out.y = round(offsetIn(bounds, parent!, w, h).y);
    // A picture is one node to a reader, as Framelink sends it: its shapes' boxes would cost the hint more than
    // Framelink's whole node (issue 53), and code from the hint draws its box instead.
    if (icon && !picture) {
      // Only the shapes the SVG identifies (a supplied SVG, such as Figma's export, names none of them).
      const asset = walk.assets.all[key];
      const svg = asset?.kind === "svg" ? (asset.svg ?? "") : "";
      const parts = containerParts(node, bounds, w, h, { w: out.w, h: out.h }).filter((p) =>
        svg.includes(`data-node-id="${escapeAttr(p.id)}"`),
      );
      if (parts.length) out.parts = parts;
    }
  }

  const facts = instanceFacts(node, walk.context);
  if (facts) walk.instances[node.id] = facts;
  if (!icon && (kind === "instance" || kind === "component")) {
    const mainId = kind === "instance" && typeof node["componentId"] === "string" ? node["componentId"] : node.id;
    out.component = { id: mainId, name: walk.context.components.get(mainId)?.name ?? node.name };
  }

  // Boolean operands are geometry of their parent, not layers of their own.
  if (kind !== "boolean" && !icon && node.children && node.children.length > 0) {
    const childParent: ParentFacts = {
      box: bounds,
      dir: kind === "text" ? undefined : layout?.kind === "grid" ? "grid" : layout?.dir,
      ...(grid ? { cells: grid.cells } : {}),
      ...(turn === undefined ? {} : { turn, size: { w, h } }),
    };
    const children: DesignNode[] = [];
    const scope = kind === "instance" && out.component ? { id: node.id, componentId: out.component.id } : instance;
    for (const child of node.children) {
      const converted = convert(child, childParent, scope, walk);
      if (converted) children.push(converted);
    }
    if (children.length) out.children = children;
  }
  return out;
}

export interface NormalizeResult {
  document: DesignDocument;
  problems: Problem[];
}

/**
 * Converts the given REST nodes (top-level frames or a selection) into one design document, with the image
 * bytes and SVGs `extras` supplies for them.
 */
export function normalize(nodes: RestNode[], context: RestContext, extras: DesignExtras = {}): NormalizeResult {
  const problems: Problem[] = [];
  const walk: Walk = {
    shownLayers: new Set(),
    suggestions: extras.inferredLayouts,
    context,
    assets: new DesignAssets(extras, problems),
    problems,
    instances: {},
    unbounded: [],
    layerNames: {},
  };
  for (const node of nodes) collectShownLayers(node, undefined, walk.shownLayers);
  const frames: DesignNode[] = [];
  for (const node of nodes) {
    try {
      const frame = convert(node, undefined, undefined, walk);
      if (frame) frames.push(frame);
      else if (!walk.unbounded.includes(node))
        walk.problems.push({
          severity: "warning",
          code: "skipped-node",
          message: `"${node.name}" (${node.type}) is hidden or not drawable`,
          nodeId: node.id,
        });
    } catch (error) {
      walk.problems.push({
        severity: "error",
        code: "internal",
        message: `could not convert "${node.name}": ${String(error)}`,
        nodeId: node.id,
      });
    }
  }
  if (walk.unbounded.length > 0) walk.problems.push(unboundedNote(walk.unbounded));
  const instances = Object.keys(walk.instances).length > 0 ? { instances: walk.instances } : {};
  const layerNames = Object.keys(walk.layerNames).length > 0 ? { layerNames: walk.layerNames } : {};
  return { document: { frames, assets: walk.assets.all, ...instances, ...layerNames }, problems: walk.problems };
}
