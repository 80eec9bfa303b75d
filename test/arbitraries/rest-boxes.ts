/**
 * Boxes of Figma REST nodes, kept as Figma writes them when a frame is edited by hand: `absoluteBoundingBox` (and
 * `absoluteRenderBounds` where the file has it) on every node; a group's box the union of its children's, or its mask's
 * where its first layer is a mask (what Figma writes: psykolog-jenny's "Mask Group" 34:18 is its ellipse's box); and,
 * in files written with `geometry=paths` (the corpus), `relativeTransform` and `size`, the transform placing the node's
 * unrotated box against its containing frame (a group has no coordinate space of its own, as in Figma's plugin API).
 */

export type Raw = Record<string, unknown>;

export interface RestBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Nodes whose children are laid out by themselves (a group, a boolean's operands) rather than placed in them. */
const NO_SPACE = new Set(["GROUP", "BOOLEAN_OPERATION"]);

export const childrenOf = (node: Raw): Raw[] => (Array.isArray(node["children"]) ? (node["children"] as Raw[]) : []);

export function boxOf(node: Raw): RestBox | undefined {
  const b = node["absoluteBoundingBox"];
  if (typeof b !== "object" || b === null) return undefined;
  const { x, y, width, height } = b as Record<string, unknown>;
  return typeof x === "number" && typeof y === "number" && typeof width === "number" && typeof height === "number"
    ? { x, y, width, height }
    : undefined;
}

export function union(boxes: readonly RestBox[]): RestBox {
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  return {
    x,
    y,
    width: Math.max(...boxes.map((b) => b.x + b.width)) - x,
    height: Math.max(...boxes.map((b) => b.y + b.height)) - y,
  };
}

/** Px between two boxes (0 when they touch or overlap). */
export function gap(a: RestBox, b: RestBox): number {
  const dx = Math.max(0, a.x - (b.x + b.width), b.x - (a.x + a.width));
  const dy = Math.max(0, a.y - (b.y + b.height), b.y - (a.y + a.height));
  return Math.hypot(dx, dy);
}

export const overlaps = (a: RestBox, b: RestBox): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Sets the node's bounding box, and its render bounds where the file writes them. */
export function setBox(node: Raw, box: RestBox, render: RestBox = box): void {
  node["absoluteBoundingBox"] = { ...box };
  if (node["absoluteRenderBounds"] !== undefined) node["absoluteRenderBounds"] = { ...render };
}

/** Moves a node and everything in it by (dx, dy); each goes into `touched`. */
export function translate(node: Raw, dx: number, dy: number, touched: Set<Raw>): void {
  touched.add(node);
  for (const key of ["absoluteBoundingBox", "absoluteRenderBounds"]) {
    const b = node[key];
    if (typeof b === "object" && b !== null) {
      const r = b as Record<string, number>;
      node[key] = { ...r, x: (r["x"] ?? 0) + dx, y: (r["y"] ?? 0) + dy };
    }
  }
  for (const child of childrenOf(node)) translate(child, dx, dy, touched);
}

/** The node's rotation in radians (Figma's: counter-clockwise on screen), 0 when unset. */
export const rotationOf = (node: Raw): number => (typeof node["rotation"] === "number" ? node["rotation"] : 0);

/** The unrotated size: `size` where written, else the bounds solved for the rotation (as the loader does). */
export function unrotatedSize(node: Raw, box: RestBox): { w: number; h: number } {
  const size = node["size"] as { x?: unknown; y?: unknown } | undefined;
  if (size && typeof size.x === "number" && typeof size.y === "number") return { w: size.x, h: size.y };
  const t = rotationOf(node);
  const c = Math.abs(Math.cos(t));
  const s = Math.abs(Math.sin(t));
  const det = c * c - s * s;
  if (Math.abs(det) < 1e-3) return { w: box.width / (c + s), h: box.width / (c + s) };
  return {
    w: Math.max(0, (box.width * c - box.height * s) / det),
    h: Math.max(0, (box.height * c - box.width * s) / det),
  };
}

/** The axis-aligned bounds of a w×h box turned by `radians` about `centre`. */
export function rotatedBounds(centre: { x: number; y: number }, w: number, h: number, radians: number): RestBox {
  const c = Math.abs(Math.cos(radians));
  const s = Math.abs(Math.sin(radians));
  const width = w * c + h * s;
  const height = w * s + h * c;
  return { x: centre.x - width / 2, y: centre.y - height / 2, width, height };
}

/**
 * Refits what hand edits leave stale, bottom-up: each group's box (its children's union, or its mask's when its first
 * layer is one, including hidden layers as Figma does), then the `relativeTransform` of each node that moved (in
 * `touched`, or a group refitted here) from its box, rotation and size against its containing frame. Grouping and
 * ungrouping move nothing: a group has no coordinate space of its own.
 */
export function settle(root: Raw, touched: Set<Raw>): void {
  refitGroups(root, touched);
  const rootBox = boxOf(root);
  if (rootBox) for (const child of childrenOf(root)) fixTransforms(child, rootBox, touched);
}

function refitGroups(node: Raw, touched: Set<Raw>): void {
  const children = childrenOf(node);
  for (const child of children) refitGroups(child, touched);
  if (node["type"] !== "GROUP" || children.length === 0) return;
  const mask = children.findIndex((c) => c["isMask"] === true);
  // Layers below the mask are not masked; the mask and what it masks are bounded by the mask.
  const counted = mask < 0 ? children : children.slice(0, mask + 1);
  const boxes = counted.flatMap((c) => boxOf(c) ?? []);
  if (boxes.length === 0) return;
  const before = JSON.stringify(boxOf(node));
  const render = counted.flatMap((c) => {
    const r = c["absoluteRenderBounds"] as RestBox | null | undefined;
    return r ? [r] : (boxOf(c) ?? []);
  });
  setBox(node, union(boxes), union(render));
  if (JSON.stringify(boxOf(node)) !== before) touched.add(node);
  if (node["size"] !== undefined) {
    const b = boxOf(node)!;
    node["size"] = { x: b.width, y: b.height };
  }
}

function fixTransforms(node: Raw, container: RestBox, touched: Set<Raw>): void {
  const box = boxOf(node);
  if (box && touched.has(node) && Array.isArray(node["relativeTransform"])) {
    const t = rotationOf(node);
    const { w, h } = unrotatedSize(node, box);
    const cos = Math.cos(t);
    const sin = Math.sin(t);
    const cx = box.x + box.width / 2 - container.x;
    const cy = box.y + box.height / 2 - container.y;
    // Figma's matrix [[cos, sin, tx], [-sin, cos, ty]] maps the local origin, the unrotated box's top-left.
    node["relativeTransform"] = [
      [cos, sin, cx - (cos * w) / 2 - (sin * h) / 2],
      [-sin, cos, cy + (sin * w) / 2 - (cos * h) / 2],
    ];
  }
  const inner = NO_SPACE.has(String(node["type"])) ? container : (box ?? container);
  for (const child of childrenOf(node)) fixTransforms(child, inner, touched);
}
