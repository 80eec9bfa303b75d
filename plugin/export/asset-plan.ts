/**
 * Which assets an export needs, read from the frames' own REST JSON — the very tree codegen reads — so the
 * keys match what codegen looks up: image fills by `imageRef` (Figma's imageHash) and one SVG per layer that
 * codegen draws as one vector (vectors, stars, polygons, boolean operations, and icon containers as
 * codegen/design/vector.ts's isIconContainer sees them). Pure: no `figma`.
 */
import { isIconContainer } from "../../codegen/design/vector.js";
import type { RestNode } from "../../codegen/rest/reply.js";

/** A layer an asset belongs to (for problems, by name). */
export interface AssetLayer {
  id: string;
  name: string;
}

export interface AssetPlan {
  /** imageRef → the visible layers painted with it (fills or strokes), in document order. */
  images: Map<string, AssetLayer[]>;
  /** Layers drawn as one SVG each, in document order; their descendants are part of their SVG. */
  vectors: AssetLayer[];
}

/** Node types codegen draws as an SVG of their own (normalize.ts KIND "vector" and "boolean"). */
const VECTOR_TYPES = new Set(["VECTOR", "STAR", "REGULAR_POLYGON", "BOOLEAN_OPERATION"]);

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

/** Everything the frames' JSON needs beside it. Hidden layers (and their subtrees) are skipped. */
export function planAssets(roots: readonly RestNode[]): AssetPlan {
  const plan: AssetPlan = { images: new Map(), vectors: [] };
  const seenVectors = new Set<string>();
  const addImage = (ref: string, layer: AssetLayer): void => {
    const layers = plan.images.get(ref);
    if (!layers) plan.images.set(ref, [layer]);
    else if (!layers.some((l) => l.id === layer.id)) layers.push(layer);
  };
  const visit = (node: RestNode, isRoot: boolean): void => {
    if (node["visible"] === false) return;
    const layer = { id: node.id, name: typeof node.name === "string" && node.name !== "" ? node.name : node.type.toLowerCase() };
    // Older replies put a frame's paints in `background`; codegen reads that too.
    const fills = Array.isArray(node["fills"]) ? node["fills"] : node["background"];
    for (const ref of [...imageRefs(fills), ...imageRefs(node["strokes"])]) addImage(ref, layer);
    // The root is never an icon for codegen: it is the frame the user asked for.
    const vector = VECTOR_TYPES.has(node.type) || (!isRoot && isIconContainer(node));
    if (vector) {
      if (!seenVectors.has(node.id)) plan.vectors.push(layer);
      seenVectors.add(node.id);
      return;
    }
    for (const child of node.children ?? []) if (isNode(child)) visit(child, false);
  };
  for (const root of roots) visit(root, true);
  return plan;
}
