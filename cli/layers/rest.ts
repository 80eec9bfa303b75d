/**
 * The layer description → a Figma REST file reply (`GET /v1/files/:key`'s shape: document → canvas → frames), the
 * format every command reads, so `figment score`, `code`, `frames` read what `figment layers` wrote. Each page
 * width is one top frame on the canvas, placed side by side; boxes become absoluteBoundingBox. Repeated React
 * components are a COMPONENT and INSTANCEs of it (contract/layer-components.ts, as the plugin builds them), listed
 * in the reply's `components`, an instance's layers numbered as Figma numbers them (`I<instance>;<main's layer>`).
 * Pure.
 */
import { type ComponentRole, componentRoles } from "../../contract/layer-components.js";
import type { VariableChooser } from "../../contract/layer-variables.js";
import { styleFor } from "../../contract/font-style.js";
import { strokeOutline } from "../../contract/stroke-outline.js";
import type { LayerDocument, LayerEffect, LayerNode, LayerPaint, LayerShape, TextRun } from "../../contract/layers.js";
import { flowOf } from "../../contract/layers-flow.js";
import { type GridCell, gridPlan, tracksCss } from "../../contract/layers-grid.js";
import { base64ToBytes } from "../../kernel/base64.js";
import { sha256 } from "../../kernel/sha256.js";
import { bindRestVariables, bindShapeVariables } from "./rest-variables.js";

type Json = Record<string, unknown>;

/** An inline image's bytes and file extension (what `--images DIR` reads as DIR/<imageRef>.<ext>). */
export interface RestImage {
  ref: string;
  ext: string;
  bytes: Uint8Array;
}

const EXT: Record<string, string> = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/gif": "gif",
  "image/webp": "webp",
};

function inlineImage(src: string): RestImage | undefined {
  const match = /^data:(image\/[a-z+]+);base64,(.*)$/s.exec(src);
  const ext = match ? EXT[match[1]!] : undefined;
  if (!match || !ext) return undefined;
  const bytes = base64ToBytes(match[2]!);
  // A content hash, 40 hex digits as Figma's imageRef: the same image is one file.
  const hex = [...sha256(bytes).subarray(0, 20)].map((b) => b.toString(16).padStart(2, "0")).join("");
  return { ref: hex, ext, bytes };
}

/** The imageRef of a source: an inline image's content hash, else the URL (cut to 200 characters). */
const imageRefOf = (src: string): string => inlineImage(src)?.ref ?? src.slice(0, 200);

/** The inline images of the layers, once each: what the REST reply's imageRefs need beside it. */
export function restImages(documents: readonly LayerDocument[]): RestImage[] {
  const out = new Map<string, RestImage>();
  const walk = (node: LayerNode): void => {
    for (const p of [...(node.fills ?? []), ...(node.stroke ? [node.stroke.paint] : [])]) {
      const image = p.type === "IMAGE" ? inlineImage(p.src) : undefined;
      if (image && !out.has(image.ref)) out.set(image.ref, image);
    }
    for (const c of node.children ?? []) walk(c);
  };
  for (const doc of documents) walk(doc.root);
  return [...out.values()];
}

/** Gap between the widths' frames on the canvas. */
const FRAME_GAP = 100;

/** What numbering a document's layers needs: the next id, each layer's id, the component roles, the map to fill. */
interface Ids {
  next: number;
  of: Map<LayerNode, string>;
  roles: Map<LayerNode, ComponentRole>;
  components: Json;
  /** The file's variables to bind values to (contract/layer-variables.ts), when given. */
  variables: VariableChooser | undefined;
}

/** The layer `layer` mirrors in its main component, within an instance (its id says which). */
interface Mirror {
  instanceId: string;
  main: LayerNode;
}

export function layersToRest(documents: readonly LayerDocument[], fileName: string, variables?: VariableChooser): Json {
  let x = 0;
  const components: Json = {};
  const frames = documents.map((doc, i) => {
    const ids: Ids = { next: i * 100_000 + 1, of: new Map(), roles: componentRoles(doc.root), components, variables };
    const frame = nodeToRest(doc.root, { x, y: 0 }, ids, undefined);
    frame.name = documents.length > 1 ? `${doc.name} · ${doc.width}` : doc.name;
    frame.type = "FRAME";
    x += doc.root.box.w + FRAME_GAP;
    return frame;
  });
  return {
    name: fileName,
    lastModified: new Date(0).toISOString(),
    version: "figment-layers",
    schemaVersion: 0,
    document: {
      id: "0:0",
      name: "Document",
      type: "DOCUMENT",
      children: [{ id: "0:1", name: "Page 1", type: "CANVAS", children: frames, backgroundColor: WHITE }],
    },
    components,
    styles: {},
  };
}

const WHITE = { r: 1, g: 1, b: 1, a: 1 };

function paint(p: LayerPaint): Json {
  if (p.type === "SOLID")
    return {
      type: "SOLID",
      blendMode: "NORMAL",
      color: { ...p.color, a: 1 },
      opacity: p.color.a * (p.opacity ?? 1),
    };
  if (p.type === "IMAGE")
    return { type: "IMAGE", blendMode: "NORMAL", scaleMode: p.scaleMode, imageRef: imageRefOf(p.src) };
  return {
    type: p.type,
    blendMode: "NORMAL",
    gradientHandlePositions: p.handles,
    gradientStops: p.stops,
    ...(p.opacity === undefined ? {} : { opacity: p.opacity }),
  };
}

function effect(e: LayerEffect): Json {
  const shadow = e.type === "DROP_SHADOW" || e.type === "INNER_SHADOW";
  return {
    type: e.type,
    visible: true,
    radius: e.radius,
    ...(shadow
      ? { color: e.color ?? { r: 0, g: 0, b: 0, a: 0.25 }, offset: e.offset ?? { x: 0, y: 0 }, spread: e.spread ?? 0 }
      : {}),
    ...(shadow ? { blendMode: "NORMAL" } : {}),
  };
}

function textStyle(run: TextRun, text: NonNullable<LayerNode["text"]>): Json {
  return {
    fontFamily: run.family,
    fontStyle: styleFor(run.weight, run.italic),
    fontWeight: run.weight,
    ...(run.italic ? { italic: true } : {}),
    fontSize: run.size,
    textAlignHorizontal: text.align,
    textAlignVertical: text.alignVertical,
    letterSpacing: run.letterSpacing,
    ...(run.lineHeight === undefined
      ? { lineHeightUnit: "INTRINSIC_%" }
      : { lineHeightPx: run.lineHeight, lineHeightUnit: "PIXELS" }),
    ...(run.decoration === "NONE" ? {} : { textDecoration: run.decoration }),
    ...(run.textCase === "ORIGINAL" ? {} : { textCase: run.textCase }),
    textAutoResize: text.autoResize,
  };
}

function textFields(text: NonNullable<LayerNode["text"]>): Json {
  const [first] = text.runs;
  if (!first) return { characters: text.characters, style: {}, characterStyleOverrides: [], styleOverrideTable: {} };
  // The first run is the layer's style; every other run an override, by character.
  const overrides: number[] = [];
  const table: Record<string, Json> = {};
  text.runs.forEach((run, i) => {
    if (i === 0) return;
    table[String(i)] = { ...textStyle(run, text), fills: [paint({ type: "SOLID", color: run.fill })] };
    while (overrides.length < run.start) overrides.push(0);
    for (let c = run.start; c < run.end; c++) overrides[c] = i;
  });
  return {
    characters: text.characters,
    style: textStyle(first, text),
    fills: [paint({ type: "SOLID", color: first.fill })],
    characterStyleOverrides: overrides,
    styleOverrideTable: table,
  };
}

/** A component's key: 40 hex digits, as Figma's, from its id and name. */
const componentKey = (id: string, name: string): string =>
  [...sha256(new TextEncoder().encode(`${id} ${name}`)).subarray(0, 20)]
    .map((b) => b.toString(16).padStart(2, "0"))
    .join("");

const SIZING = { FIXED: "FIXED", HUG: "HUG", FILL: "FILL" } as const;

/** Ids "1:N" in document order (each width's frame numbered from its own hundred-thousand). */
function nodeToRest(
  node: LayerNode,
  origin: { x: number; y: number },
  ids: Ids,
  parent: LayerNode | undefined,
  mirror?: Mirror,
  cell?: GridCell,
): Json {
  const role = ids.roles.get(node);
  const own = `1:${ids.next++}`;
  const id = mirror ? `I${mirror.instanceId};${ids.of.get(mirror.main) ?? own}` : own;
  ids.of.set(node, id);
  const abs = { x: origin.x + node.box.x, y: origin.y + node.box.y, width: node.box.w, height: node.box.h };
  const type = role
    ? role.role === "main"
      ? "COMPONENT"
      : "INSTANCE"
    : node.kind === "text"
      ? "TEXT"
      : node.kind === "vector"
        ? node.shapes
          ? "FRAME"
          : "VECTOR"
        : node.kind === "image"
          ? "RECTANGLE"
          : "FRAME";
  const out: Json = {
    id,
    name: node.name,
    type,
    blendMode: node.blendMode ?? "PASS_THROUGH",
    absoluteBoundingBox: abs,
    absoluteRenderBounds: abs,
    constraints: node.constraints ?? { horizontal: "LEFT", vertical: "TOP" },
    fills: (node.fills ?? []).map(paint),
    strokes: node.stroke ? [paint(node.stroke.paint)] : [],
    strokeWeight: node.stroke ? Math.max(...Object.values(node.stroke.weights)) : 0,
    strokeAlign: "INSIDE",
    effects: (node.effects ?? []).map(effect),
  };
  if (role) {
    out.name = role.name;
    if (role.role === "main")
      ids.components[id] = { key: componentKey(id, role.name), name: role.name, description: "", remote: false };
    else out.componentId = ids.of.get(role.main);
  }
  if (node.sourceId) out.pluginData = { figment: { sourceId: node.sourceId } };
  if (node.visible === false) out.visible = false;
  if (node.opacity !== undefined) out.opacity = node.opacity;
  if (node.stroke) {
    const w = node.stroke.weights;
    if (new Set(Object.values(w)).size > 1) out.individualStrokeWeights = w;
    if (node.stroke.dash) out.strokeDashes = node.stroke.dash;
  }
  if (node.radii) {
    const r = node.radii;
    const corners = [r.topLeft, r.topRight, r.bottomRight, r.bottomLeft];
    if (new Set(corners).size === 1) out.cornerRadius = r.topLeft;
    else out.rectangleCornerRadii = corners;
  }
  if (node.clip !== undefined || type === "FRAME") out.clipsContent = node.clip === true;
  if (node.absolute && parent?.autoLayout) out.layoutPositioning = "ABSOLUTE";
  if (node.sizing) {
    out.layoutSizingHorizontal = SIZING[node.sizing.horizontal.mode];
    out.layoutSizingVertical = SIZING[node.sizing.vertical.mode];
    const { horizontal: h, vertical: v } = node.sizing;
    if (h.min !== undefined) out.minWidth = h.min;
    if (h.max !== undefined) out.maxWidth = h.max;
    if (v.min !== undefined) out.minHeight = v.min;
    if (v.max !== undefined) out.maxHeight = v.max;
    if (parent?.autoLayout?.mode === "HORIZONTAL" ? h.mode === "FILL" : v.mode === "FILL") out.layoutGrow = 1;
    if (parent?.autoLayout?.mode === "HORIZONTAL" ? v.mode === "FILL" : h.mode === "FILL") out.layoutAlign = "STRETCH";
  }
  const plan = gridPlan(node);
  // A grid Figma's grid cannot hold keeps its children where the page drew them (no auto layout).
  const layout = node.autoLayout?.mode === "GRID" && !plan ? undefined : flowOf(node);
  if (layout) {
    out.layoutMode = layout.mode;
    out.itemSpacing = layout.gap;
    if (layout.counterGap !== undefined) out.counterAxisSpacing = layout.counterGap;
    out.paddingTop = layout.padding.top;
    out.paddingRight = layout.padding.right;
    out.paddingBottom = layout.padding.bottom;
    out.paddingLeft = layout.padding.left;
    // Figma has no space-around / space-evenly (flowOf spreads them where it can): the nearest it has.
    out.primaryAxisAlignItems =
      layout.primaryAlign === "SPACE_AROUND" || layout.primaryAlign === "SPACE_EVENLY"
        ? "SPACE_BETWEEN"
        : layout.primaryAlign;
    out.counterAxisAlignItems = layout.counterAlign;
    out.layoutWrap = layout.wrap ? "WRAP" : "NO_WRAP";
    out.primaryAxisSizingMode = "FIXED";
    out.counterAxisSizingMode = "FIXED";
    if (plan) Object.assign(out, gridFields(plan));
  }
  if (cell) Object.assign(out, cellFields(cell));
  if (node.text) Object.assign(out, textFields(node.text));
  if (ids.variables)
    bindRestVariables(out, node, ids.variables, node.sourceId ?? (node.kind === "text" ? parent?.sourceId : undefined));
  if (node.children) {
    // An instance's layers mirror its main's, child by child (the shapes are equal): their ids name the main's.
    const main = role?.role === "instance" ? { instanceId: id, main: role.main } : mirror;
    out.children = node.children.map((child, i) => {
      const counterpart = main?.main.children?.[i];
      const next = main && counterpart ? { instanceId: main.instanceId, main: counterpart } : undefined;
      return nodeToRest(child, { x: abs.x, y: abs.y }, ids, node, next, plan?.cells[i]);
    });
  } else if (node.shapes) out.children = node.shapes.map((shape) => shapeToRest(shape, abs, ids));
  else if (type === "FRAME" || type === "COMPONENT" || type === "INSTANCE") out.children = [];
  return out;
}

/**
 * One drawn shape of an SVG as Figma's createNodeFromSvg makes it: a VECTOR with its fill and stroke, its outline
 * as `fillGeometry` (a reply fetched with `geometry=paths`), in its own box.
 */
function shapeToRest(shape: LayerShape, origin: { x: number; y: number }, ids: Ids): Json {
  const abs = { x: origin.x + shape.box.x, y: origin.y + shape.box.y, width: shape.box.w, height: shape.box.h };
  const solid = (color: LayerShape["fill"] & object) => paint({ type: "SOLID", color });
  const geometry = [{ path: shape.path, windingRule: shape.evenOdd ? "EVENODD" : "NONZERO" }];
  const out: Json = {
    id: `1:${ids.next++}`,
    name: "Vector",
    type: "VECTOR",
    blendMode: "PASS_THROUGH",
    absoluteBoundingBox: abs,
    absoluteRenderBounds: abs,
    constraints: { horizontal: "SCALE", vertical: "SCALE" },
    fills: shape.fill ? [solid(shape.fill)] : [],
    strokes: shape.stroke ? [solid(shape.stroke.color)] : [],
    strokeWeight: shape.stroke?.weight ?? 0,
    strokeAlign: "CENTER",
    effects: [],
    ...(shape.opacity === undefined ? {} : { opacity: shape.opacity }),
    ...(shape.fill ? { fillGeometry: geometry } : {}),
    ...(shape.stroke ? strokeFields(shape.path, shape.stroke) : {}),
    ...(shape.sourceId ? { pluginData: { figment: { sourceId: shape.sourceId } } } : {}),
  };
  if (ids.variables) bindShapeVariables(out, ids.variables, shape.sourceId);
  return out;
}

/**
 * A shape's stroke as Figma's REST writes it: cap, join, miter angle (Figma's form of SVG's miter limit: the angle
 * below which a corner is bevelled) and the stroke's outline (`strokeGeometry`, filled with the stroke's colour by
 * a reader: what draws a `fill="none"` icon).
 */
function strokeFields(path: string, stroke: NonNullable<LayerShape["stroke"]>): Json {
  const outline = strokeOutline(path, stroke);
  return {
    strokeCap: stroke.cap ?? "NONE",
    strokeJoin: stroke.join ?? "MITER",
    strokeMiterAngle: Math.round(((2 * Math.asin(1 / (stroke.miterLimit ?? 4))) / Math.PI) * 180 * 1000) / 1000,
    strokeGeometry: outline === "" ? [] : [{ path: outline, windingRule: "NONZERO" }],
  };
}

/** A grid frame as Figma's REST writes it: counts, gaps, its padding (border included), tracks as CSS. */
function gridFields(plan: NonNullable<ReturnType<typeof gridPlan>>): Json {
  return {
    gridColumnCount: plan.columns.length,
    gridRowCount: plan.rows.length,
    gridColumnGap: plan.columnGap,
    gridRowGap: plan.rowGap,
    gridColumnsSizing: tracksCss(plan.columns),
    gridRowsSizing: tracksCss(plan.rows),
    itemSpacing: 0,
    paddingTop: plan.padding.top,
    paddingRight: plan.padding.right,
    paddingBottom: plan.padding.bottom,
    paddingLeft: plan.padding.left,
  };
}

/** A grid child's cell (REST leaves out anchors of 0 and spans of 1, as Figma does). */
function cellFields(cell: GridCell): Json {
  return {
    ...(cell.row > 0 ? { gridRowAnchorIndex: cell.row } : {}),
    ...(cell.column > 0 ? { gridColumnAnchorIndex: cell.column } : {}),
    ...(cell.rowSpan > 1 ? { gridRowSpan: cell.rowSpan } : {}),
    ...(cell.columnSpan > 1 ? { gridColumnSpan: cell.columnSpan } : {}),
    gridChildHorizontalAlign: cell.horizontal,
    gridChildVerticalAlign: cell.vertical,
    ...(cell.fillsWidth ? { layoutSizingHorizontal: "FILL" } : {}),
    ...(cell.fillsHeight ? { layoutSizingVertical: "FILL" } : {}),
  };
}
