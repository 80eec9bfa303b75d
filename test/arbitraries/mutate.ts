/**
 * Mutations of real Figma frames: the kinds of damage that re-saved, hand-edited or old-API JSON shows —
 * fields deleted or null, numbers as strings / NaN / negative / infinite, colours with odd keys or 0–255
 * channels, truncated children, unknown node types, values of the wrong shape.
 *
 * The arbitrary yields a short list of operations (which shrinks well and prints small); `applyMutations`
 * applies them to a deep copy of the frame. Each operation picks its target by index among the places it
 * applies to, counted after the previous operations.
 */
import fc from "fast-check";

type Raw = Record<string, unknown>;

export type MutationKind =
  | "delete"
  | "null"
  | "number-to-string"
  | "nan"
  | "negative"
  | "infinity"
  | "huge"
  | "color-upper"
  | "color-long"
  | "color-255"
  | "truncate-children"
  | "unknown-type"
  | "wrong-shape";

export interface Mutation {
  kind: MutationKind;
  /** Index (modulo the number of candidates) of the place to mutate. */
  target: number;
  /** Extra choice: children kept when truncating, replacement shape … */
  arg: number;
}

export const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom<MutationKind>(
    "delete",
    "delete",
    "null",
    "null",
    "number-to-string",
    "nan",
    "negative",
    "infinity",
    "huge",
    "color-upper",
    "color-long",
    "color-255",
    "truncate-children",
    "unknown-type",
    "wrong-shape",
  ),
  target: fc.nat(),
  arg: fc.nat({ max: 7 }),
});

export const mutations: fc.Arbitrary<Mutation[]> = fc.array(mutation, { minLength: 1, maxLength: 12 });

interface Place {
  holder: Raw | unknown[];
  key: string | number;
}

function isRecord(value: unknown): value is Raw {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isColor(value: unknown): value is Raw {
  return isRecord(value) && "r" in value && "g" in value && "b" in value;
}

/** Every place in the tree (object keys and array slots), depth first. */
function places(root: unknown, out: Place[] = []): Place[] {
  if (Array.isArray(root)) {
    root.forEach((value, index) => {
      out.push({ holder: root, key: index });
      places(value, out);
    });
  } else if (isRecord(root)) {
    for (const [key, value] of Object.entries(root)) {
      out.push({ holder: root, key });
      places(value, out);
    }
  }
  return out;
}

function get(p: Place): unknown {
  return Array.isArray(p.holder) ? p.holder[p.key as number] : p.holder[p.key as string];
}

function set(p: Place, value: unknown): void {
  if (Array.isArray(p.holder)) p.holder[p.key as number] = value;
  else p.holder[p.key as string] = value;
}

function candidates(root: Raw, kind: MutationKind): Place[] {
  const all = places(root);
  switch (kind) {
    case "delete":
    case "null":
    case "wrong-shape":
      return all;
    case "number-to-string":
    case "nan":
    case "negative":
    case "infinity":
    case "huge":
      return all.filter((p) => typeof get(p) === "number");
    case "color-upper":
    case "color-long":
    case "color-255":
      return all.filter((p) => isColor(get(p)));
    case "truncate-children":
      return all.filter((p) => p.key === "children" && Array.isArray(get(p)));
    case "unknown-type":
      return all.filter((p) => p.key === "type" && typeof get(p) === "string");
  }
}

const WRONG_SHAPES: unknown[] = ["", "x", 0, -1, true, [], {}, [1, 2], { x: "1" }];
const UNKNOWN_TYPES = ["WIDGET", "STICKY", "SLICE", "TABLE", "SHAPE_WITH_TEXT", "FUTURE_NODE", "", "frame"];

function channel(raw: Raw, key: string): unknown {
  return raw[key];
}

function applyOne(root: Raw, m: Mutation): void {
  const list = candidates(root, m.kind);
  if (list.length === 0) return;
  const place = list[m.target % list.length]!;
  const value = get(place);
  switch (m.kind) {
    case "delete":
      if (Array.isArray(place.holder)) place.holder.splice(place.key as number, 1);
      else delete place.holder[place.key as string];
      return;
    case "null":
      set(place, null);
      return;
    case "wrong-shape":
      // a copy: a shared [] or {} mutated by a later run could come to hold itself
      set(place, structuredClone(WRONG_SHAPES[m.arg % WRONG_SHAPES.length]));
      return;
    case "number-to-string":
      set(place, String(value));
      return;
    case "nan":
      set(place, Number.NaN);
      return;
    case "negative":
      set(place, value === 0 ? -1 : -(value as number));
      return;
    case "infinity":
      set(place, m.arg % 2 === 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY);
      return;
    case "huge":
      set(place, m.arg % 2 === 0 ? 1e308 : 1e21);
      return;
    case "color-upper": {
      const c = value as Raw;
      set(place, { R: channel(c, "r"), G: channel(c, "g"), B: channel(c, "b"), A: channel(c, "a") });
      return;
    }
    case "color-long": {
      const c = value as Raw;
      set(place, { red: channel(c, "r"), green: channel(c, "g"), blue: channel(c, "b"), alpha: channel(c, "a") });
      return;
    }
    case "color-255": {
      const c = value as Raw;
      const scale = (v: unknown): unknown => (typeof v === "number" ? Math.round(v * 255) : v);
      set(place, { r: scale(c["r"]), g: scale(c["g"]), b: scale(c["b"]), a: m.arg % 2 === 0 ? scale(c["a"]) : c["a"] });
      return;
    }
    case "truncate-children":
      (value as unknown[]).length = Math.min((value as unknown[]).length, m.arg % 3);
      return;
    case "unknown-type":
      set(place, UNKNOWN_TYPES[m.arg % UNKNOWN_TYPES.length]);
      return;
  }
}

/** A mutated deep copy of `frame`. */
export function applyMutations(frame: Raw, list: readonly Mutation[]): Raw {
  const copy = structuredClone(frame);
  for (const m of list) applyOne(copy, m);
  return copy;
}

/** A real frame and the reply metadata (components, styles) that came with it. */
export interface EvalFrame {
  name: string;
  frame: Raw;
  meta: Raw;
}

/** Wraps a (mutated) frame as a plugin-export reply, so components and styles still resolve. */
export function asReply(base: EvalFrame, frame: Raw): Raw {
  return { document: frame, ...base.meta };
}

/** JSON for failure messages: NaN and infinities are kept visible instead of becoming null. */
export function debugJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    typeof v === "number" && !Number.isFinite(v) ? `<<${String(v)}>>` : v,
  );
}
