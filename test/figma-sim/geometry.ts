/**
 * Where a layer is and what it outlines, as the Plugin API has them: `absoluteTransform` (the layer's
 * rotation, skew and position on the page) and `fillGeometry` / `strokeGeometry` (outlines in the layer's own
 * coordinates: SVG path data in M, L, Q, C, Z) with `strokeWeight`. Read from the REST JSON when it has them (a file
 * fetched with `geometry=paths` carries `relativeTransform`, `size`, `fillGeometry` and `strokeGeometry`, each path as
 * `{ path, windingRule }`); otherwise derived: an axis-aligned transform at the layer's box, a rectangle's or an
 * ellipse's outline from its size, none for other layers. A `relativeTransform` is taken relative to the parent's
 * absolute transform (Figma's rule for every parent but groups, which the simulator does not model).
 */
type Transform = [[number, number, number], [number, number, number]];
type Json = Record<string, unknown>;

/** What the geometry reads of a simulated node. */
export interface GeometryNode {
  readonly type: string;
  readonly rest: Json;
  readonly parent: GeometryNode | null;
  readonly width: number;
  readonly height: number;
  readonly absoluteBoundingBox: { x: number; y: number };
}

const isRecord = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

function matrix(value: unknown): Transform | undefined {
  if (!Array.isArray(value) || value.length !== 2) return undefined;
  const rows = value.map((row: unknown) =>
    Array.isArray(row) && row.length === 3 && row.every((n) => typeof n === "number" && Number.isFinite(n))
      ? (row as [number, number, number])
      : undefined,
  );
  return rows[0] && rows[1] ? [[...rows[0]], [...rows[1]]] : undefined;
}

function compose(outer: Transform, inner: Transform): Transform {
  const [[a, c, e], [b, d, f]] = outer;
  const [[A, C, E], [B, D, F]] = inner;
  return [
    [a * A + c * B, a * C + c * D, a * E + c * F + e],
    [b * A + d * B, b * C + d * D, b * E + d * F + f],
  ];
}

/** The node's transform to page coordinates. */
export function absoluteTransformOf(node: GeometryNode): Transform {
  const relative = matrix(node.rest["relativeTransform"]);
  if (relative && node.parent && node.parent.type !== "PAGE" && node.parent.type !== "DOCUMENT")
    return compose(absoluteTransformOf(node.parent), relative);
  if (relative) return relative;
  const box = node.absoluteBoundingBox;
  return [
    [1, 0, box.x],
    [0, 1, box.y],
  ];
}

const r = (n: number): string => String(Math.round(n * 1e6) / 1e6);

/** Figma's outline of an ellipse: four cubic arcs from the right-hand point, clockwise. */
function ellipsePath(w: number, h: number): string {
  const [rx, ry] = [w / 2, h / 2];
  const [kx, ky] = [rx * 0.5522847498, ry * 0.5522847498];
  return [
    `M ${r(w)} ${r(ry)}`,
    `C ${r(w)} ${r(ry + ky)} ${r(rx + kx)} ${r(h)} ${r(rx)} ${r(h)}`,
    `C ${r(rx - kx)} ${r(h)} 0 ${r(ry + ky)} 0 ${r(ry)}`,
    `C 0 ${r(ry - ky)} ${r(rx - kx)} 0 ${r(rx)} 0`,
    `C ${r(rx + kx)} 0 ${r(w)} ${r(ry - ky)} ${r(w)} ${r(ry)}`,
    "Z",
  ].join(" ");
}

const RECTANGULAR = new Set(["RECTANGLE", "FRAME", "COMPONENT", "INSTANCE"]);

function paths(value: unknown): { windingRule: string; data: string }[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.filter(isRecord).map((p) => ({
    windingRule: typeof p["windingRule"] === "string" ? p["windingRule"] : "NONZERO",
    data: typeof p["path"] === "string" ? p["path"] : typeof p["data"] === "string" ? p["data"] : "",
  }));
}

export function fillGeometryOf(node: GeometryNode): { windingRule: string; data: string }[] {
  const given = paths(node.rest["fillGeometry"]);
  if (given) return given;
  const { width: w, height: h } = node;
  if (RECTANGULAR.has(node.type))
    return [{ windingRule: "NONZERO", data: `M 0 0 L ${r(w)} 0 L ${r(w)} ${r(h)} L 0 ${r(h)} L 0 0 Z` }];
  if (node.type === "ELLIPSE") return [{ windingRule: "NONZERO", data: ellipsePath(w, h) }];
  return [];
}

/** Adds the read-only geometry properties to a node that has fills (Figma's GeometryMixin). */
export function defineGeometryProps(node: GeometryNode): void {
  Object.defineProperty(node, "absoluteTransform", { enumerable: true, get: () => absoluteTransformOf(node) });
  Object.defineProperty(node, "fillGeometry", { enumerable: true, get: () => fillGeometryOf(node) });
  Object.defineProperty(node, "strokeGeometry", {
    enumerable: true,
    get: () => paths(node.rest["strokeGeometry"]) ?? [],
  });
  // Figma's default weight is 1 (it draws nothing without a visible stroke paint).
  const weight = node.rest["strokeWeight"];
  Object.defineProperty(node, "strokeWeight", {
    enumerable: true,
    get: () => (typeof weight === "number" && Number.isFinite(weight) ? weight : 1),
  });
}

/** Only the transform, for nodes without geometry of their own (groups). */
export function defineTransformProp(node: GeometryNode): void {
  Object.defineProperty(node, "absoluteTransform", { enumerable: true, get: () => absoluteTransformOf(node) });
}
