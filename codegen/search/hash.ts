import { cyrb53, cyrb53Stream } from "../../kernel/hash.js";

/**
 * Taken once: a global looked up per call is slow where the plugin's code runs in a sandboxed realm
 * (node:vm in the bench, Figma's own sandbox), and a frame's JSON is walked value by value.
 */
const stringify = JSON.stringify;
const keysOf = Object.keys;
const isArray = Array.isArray;

interface Point {
  x: number;
  y: number;
}

/** REST boxes in page coordinates: they all shift when a frame is moved on the canvas. */
const ABSOLUTE_BOXES = new Set(["absoluteBoundingBox", "absoluteRenderBounds"]);

/** A box relative to `origin`, to 1/100 px (Figma keeps float32 positions: a move must not show as noise). */
function rebased(box: unknown, origin: Point): unknown {
  if (box === null || typeof box !== "object" || Array.isArray(box)) return box;
  const { x, y } = box as Partial<Point>;
  if (typeof x !== "number" || typeof y !== "number") return box;
  return { ...box, x: Math.round((x - origin.x) * 100) / 100, y: Math.round((y - origin.y) * 100) / 100 };
}

/**
 * The content hash of a top-level frame's REST JSON, blind to where the frame sits on the canvas: every
 * absolute box is taken relative to the frame's own, and the translation of its `relativeTransform` is left
 * out. Moving a frame keeps its hash (so it is not re-indexed or re-embedded); resizing or editing it does not.
 * The JSON is serialized natively and then hashed as one string: walking it value by value (contentHash) cost
 * ~10× more, and a scan hashes every frame of the file. Keys are taken in the order the exporter wrote them,
 * which is fixed for Figma's JSON_REST_V1 and the REST API (the two never share a cache).
 */
export function frameHash(node: unknown): string {
  if (node === null || typeof node !== "object" || Array.isArray(node)) return contentHash(node);
  const { relativeTransform, ...rest } = node as Record<string, unknown>;
  const box = rest["absoluteBoundingBox"] as Partial<Point> | null | undefined;
  const origin =
    box && typeof box.x === "number" && typeof box.y === "number" ? { x: box.x, y: box.y } : { x: 0, y: 0 };
  // [[a, b, tx], [c, d, ty]]: the rotation and scale stay, the position goes.
  const transform = Array.isArray(relativeTransform)
    ? relativeTransform.map((row: unknown) => (Array.isArray(row) ? row.slice(0, 2) : row))
    : relativeTransform;
  const text = stringify(
    { ...rest, ...(transform !== undefined ? { relativeTransform: transform } : {}) },
    (key: string, value: unknown) => (ABSOLUTE_BOXES.has(key) ? rebased(value, origin) : value),
  );
  return textHash(text ?? "u");
}

/** cyrb53 of a string, as 14 hex digits. */
const textHash = (text: string): string => hex14(cyrb53(text));

const hex14 = (hash: number): string => hash.toString(16).padStart(14, "0");

/**
 * A stable content hash of a JSON value: object keys are visited in sorted order, so the same content gives the
 * same hash whatever order a serializer wrote the keys in. 53-bit cyrb53 as hex: enough to tell an edited frame
 * from an unchanged one (not a security hash). Pure: runs on the main thread, in the UI and in Node.
 * With `origin`, absolute boxes are hashed relative to it.
 */
export function contentHash(value: unknown, origin?: Point): string {
  const hash = cyrb53Stream();
  const feed = hash.feed;
  const visit = (v: unknown): void => {
    if (v === null || typeof v !== "object") {
      feed(v === undefined ? "u" : stringify(v));
      return;
    }
    if (isArray(v)) {
      feed("[");
      for (const item of v) {
        visit(item);
        feed(",");
      }
      feed("]");
      return;
    }
    feed("{");
    const record = v as Record<string, unknown>;
    for (const key of keysOf(record).sort()) {
      if (record[key] === undefined) continue;
      feed(stringify(key));
      feed(":");
      visit(origin && ABSOLUTE_BOXES.has(key) ? rebased(record[key], origin) : record[key]);
      feed(",");
    }
    feed("}");
  };
  visit(value);
  return hex14(hash.digest());
}
