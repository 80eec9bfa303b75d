/**
 * A real design file as other tools re-save it, made in code from a file in the repository (no second copy is
 * committed): a C# Figma client writes every bounding box's keys in PascalCase (`{ "X", "Y", "Width", "Height" }`);
 * another loses some boxes (none at all, or `"NaN"` where a number belongs, as C#'s JSON writers put a NaN).
 */

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Every node of `json` (anything with a string id and type), depth first. */
function* nodesOf(json: unknown): Generator<Json> {
  if (Array.isArray(json)) for (const item of json) yield* nodesOf(item);
  else if (isObject(json)) {
    if (typeof json["id"] === "string" && typeof json["type"] === "string") yield json;
    for (const value of Object.values(json)) yield* nodesOf(value);
  }
}

/** A deep copy of `json` whose nodes' absoluteBoundingBox and absoluteRenderBounds have PascalCase keys; how many. */
export function pascalCaseBoxes(json: unknown): { json: unknown; boxes: number } {
  const copy = structuredClone(json);
  let boxes = 0;
  for (const node of nodesOf(copy)) {
    for (const field of ["absoluteBoundingBox", "absoluteRenderBounds"]) {
      const box = node[field];
      if (!isObject(box)) continue;
      node[field] = Object.fromEntries(
        Object.entries(box).map(([key, value]) => [key.charAt(0).toUpperCase() + key.slice(1), value]),
      );
      boxes++;
    }
  }
  return { json: copy, boxes };
}

/** A deep copy of `json` where the nodes named lose their box ("missing") or hold `"NaN"` for its `key`. */
export function brokenBoxes(
  json: unknown,
  breaks: Record<string, "missing" | { nan: "x" | "y" | "width" | "height" }>,
): unknown {
  const copy = structuredClone(json);
  const left = new Set(Object.keys(breaks));
  for (const node of nodesOf(copy)) {
    const id = node["id"] as string;
    const what = breaks[id];
    if (what === undefined) continue;
    left.delete(id);
    if (what === "missing") {
      delete node["absoluteBoundingBox"];
      delete node["absoluteRenderBounds"];
    } else {
      node["absoluteBoundingBox"] = { ...(node["absoluteBoundingBox"] as Json), [what.nan]: "NaN" };
    }
  }
  if (left.size > 0) throw new Error(`no such nodes: ${[...left].join(", ")}`);
  return copy;
}
