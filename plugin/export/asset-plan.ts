/**
 * Which assets an export needs, read from the frames' own REST JSON — the very tree codegen reads — so the
 * keys match what codegen looks up: image fills by `imageRef` (Figma's imageHash) and one SVG per layer that
 * codegen draws as one SVG (vectors, stars, polygons, boolean operations, icon containers and a top-level frame of
 * shapes, by codegen/design/vector.ts's svgDrawing, the rule codegen draws by). Pure: no `figma`.
 */
import { svgDrawing } from "../../codegen/design/vector.js";
import type { RestNode } from "../../codegen/rest/reply.js";

/** A layer an asset belongs to (for problems, by name). */
export interface AssetLayer {
  id: string;
  name: string;
  /**
   * Hidden here (itself or an ancestor) but kept by codegen, because another instance of its component shows
   * it (a visibility prop). Figma may not export a hidden layer; codegen then draws it from the JSON, so that
   * is no problem.
   */
  hidden?: true;
}

export interface AssetPlan {
  /** imageRef → the visible layers painted with it (fills or strokes), in document order. */
  images: Map<string, AssetLayer[]>;
  /** Layers drawn as one SVG each, in document order; their descendants are part of their SVG. */
  vectors: AssetLayer[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

function isNode(v: unknown): v is RestNode {
  return isObject(v) && typeof v["id"] === "string" && typeof v["type"] === "string";
}

/** Visible IMAGE paints' refs of one paint list (REST: `imageRef`; a hidden paint draws nothing). */
function imageRefs(paints: unknown): string[] {
  if (!Array.isArray(paints)) return [];
  const refs: string[] = [];
  for (const paint of paints) {
    if (!isObject(paint) || paint["type"] !== "IMAGE" || paint["visible"] === false) continue;
    const ref = paint["imageRef"];
    if (typeof ref === "string" && ref !== "") refs.push(ref);
  }
  return refs;
}

/** The document node of an export (`{ document, components, … }`), or the node itself. */
export function exportRoot(json: unknown): RestNode | undefined {
  if (isObject(json) && isNode(json["document"])) return json["document"];
  return isNode(json) ? json : undefined;
}

/** An instance being walked: its id (inner layers' ids start `I<id>;`) and its main component. */
interface InstanceScope {
  id: string;
  componentId: string;
}

/** The layer's id inside its instance's component, when it is one of the instance's layers. */
function innerId(nodeId: string, instance: InstanceScope): string | undefined {
  const prefix = `I${instance.id.startsWith("I") ? instance.id.slice(1) : instance.id};`;
  return nodeId.startsWith(prefix) ? nodeId.slice(prefix.length) : undefined;
}

const scopeOf = (node: RestNode, outer: InstanceScope | undefined): InstanceScope | undefined =>
  node.type === "INSTANCE" && typeof node["componentId"] === "string"
    ? { id: node.id, componentId: node["componentId"] }
    : outer;

/** `componentId|innerId` of every instance layer visible somewhere (as codegen/design/normalize.ts collects them). */
function shownLayers(node: RestNode, instance: InstanceScope | undefined, out: Set<string>): void {
  if (node["visible"] === false) return;
  const inner = instance ? innerId(node.id, instance) : undefined;
  if (instance && inner !== undefined) out.add(`${instance.componentId}|${inner}`);
  for (const child of node.children ?? []) if (isNode(child)) shownLayers(child, scopeOf(node, instance), out);
}

/**
 * Everything the frames' JSON needs beside it. Hidden layers (and their subtrees) are skipped, except, as
 * codegen keeps them, a layer of an instance that another instance of the same component shows.
 */
export function planAssets(roots: readonly RestNode[]): AssetPlan {
  const plan: AssetPlan = { images: new Map(), vectors: [] };
  const shown = new Set<string>();
  for (const root of roots) shownLayers(root, undefined, shown);
  const seenVectors = new Set<string>();
  const addImage = (ref: string, layer: AssetLayer): void => {
    const layers = plan.images.get(ref);
    if (!layers) plan.images.set(ref, [layer]);
    else if (!layers.some((l) => l.id === layer.id)) layers.push(layer);
  };
  /** `underHidden`: an ancestor is hidden (and kept): the layer does not show in this design either. */
  const visit = (node: RestNode, isRoot: boolean, instance: InstanceScope | undefined, underHidden: boolean): void => {
    const hidden = underHidden || node["visible"] === false;
    if (node["visible"] === false) {
      const inner = instance ? innerId(node.id, instance) : undefined;
      if (!instance || inner === undefined || !shown.has(`${instance.componentId}|${inner}`)) return;
    }
    const layer: AssetLayer = {
      id: node.id,
      name: typeof node.name === "string" && node.name !== "" ? node.name : node.type.toLowerCase(),
      ...(hidden ? { hidden: true as const } : {}),
    };
    // Older replies put a frame's paints in `background`; codegen reads that too.
    const fills = Array.isArray(node["fills"]) ? node["fills"] : node["background"];
    for (const ref of [...imageRefs(fills), ...imageRefs(node["strokes"])]) addImage(ref, layer);
    // codegen's own rule: the root is never an icon (it is the frame the user asked for) but may be a picture.
    if (svgDrawing(node, isRoot) !== undefined) {
      if (!seenVectors.has(node.id)) plan.vectors.push(layer);
      seenVectors.add(node.id);
      return;
    }
    // A page's frames are top-level frames to codegen (codegen/rest/reply.ts reads a document's pages so).
    const page = node.type === "DOCUMENT" || node.type === "CANVAS";
    for (const child of node.children ?? []) if (isNode(child)) visit(child, page, scopeOf(node, instance), hidden);
  };
  for (const root of roots) visit(root, true, undefined, false);
  return plan;
}
