/**
 * The simulator's style and placement properties of frames and text the plugin makes: opacity, blendMode, effects,
 * clipsContent, strokes with per-side weights, per-corner radii, auto layout alignment, absolute positioning,
 * constraints and min/max sizes. Each is checked as Figma checks it (opacity 0–1, layoutPositioning "ABSOLUTE" only
 * inside an auto layout frame, min/max only on auto layout frames or their children), is a document change, and is
 * written into the node's REST JSON under REST's own name, so the JSON_REST_V1 export shows it.
 */
type Json = Record<string, unknown>;

export interface StyleHost {
  readonly type: string;
  readonly rest: Json;
  readonly parent: { readonly rest: Json; readonly type: string } | null;
}

const oneOf =
  (key: string, allowed: readonly string[]) =>
  (v: unknown): string => {
    if (!allowed.includes(v as string)) throw new Error(`${key}: expected one of ${allowed.join(", ")}`);
    return v as string;
  };
const weight = (key: string) => (v: unknown) => {
  if (typeof v !== "number" || !Number.isFinite(v) || v < 0) throw new Error(`${key}: expected a number ≥ 0`);
  return v;
};
const list = (key: string) => (v: unknown) => {
  if (!Array.isArray(v)) throw new Error(`${key}: expected an array`);
  return Object.freeze(structuredClone(v)) as readonly unknown[];
};
const autoLayout = (rest: Json | undefined): boolean =>
  rest?.["layoutMode"] === "HORIZONTAL" || rest?.["layoutMode"] === "VERTICAL" || rest?.["layoutMode"] === "GRID";

/** REST's constraint names for the Plugin API's (MIN → TOP/LEFT, STRETCH → TOP_BOTTOM/LEFT_RIGHT). */
const REST_CONSTRAINT: Record<string, [string, string]> = {
  MIN: ["LEFT", "TOP"],
  MAX: ["RIGHT", "BOTTOM"],
  CENTER: ["CENTER", "CENTER"],
  STRETCH: ["LEFT_RIGHT", "TOP_BOTTOM"],
  SCALE: ["SCALE", "SCALE"],
};

/** `relayout`: lays the node out again (alignment moves its children). */
export function defineStyleProps(
  node: StyleHost,
  change: (what: string) => void,
  relayout: () => void = () => undefined,
): void {
  const values = new Map<string, unknown>();
  const prop = (key: string, initial: unknown, accept: (v: unknown) => unknown, write: (v: unknown) => void): void => {
    values.set(key, initial);
    Object.defineProperty(node, key, {
      enumerable: true,
      configurable: true,
      get: () => values.get(key),
      set: (v: unknown) => {
        const next = accept(v);
        change(`style ${String(node.rest["id"])} ${key}`);
        values.set(key, next);
        write(next);
      },
    });
  };
  const same = (key: string) => (v: unknown) => void (node.rest[key] = structuredClone(v));
  prop(
    "opacity",
    1,
    (v) => {
      if (typeof v !== "number" || !(v >= 0 && v <= 1)) throw new Error("opacity: expected a number from 0 to 1");
      return v;
    },
    same("opacity"),
  );
  prop(
    "blendMode",
    "PASS_THROUGH",
    (v) => {
      if (typeof v !== "string" || !/^[A-Z_]+$/.test(v)) throw new Error("blendMode: expected a BlendMode");
      return v;
    },
    same("blendMode"),
  );
  prop("effects", Object.freeze([]), list("effects"), same("effects"));
  if (node.type === "TEXT") return;
  prop(
    "clipsContent",
    node.type === "FRAME",
    (v) => {
      if (typeof v !== "boolean") throw new Error("clipsContent: expected a boolean");
      return v;
    },
    same("clipsContent"),
  );
  prop("strokes", Object.freeze([]), list("strokes"), same("strokes"));
  prop("strokeAlign", "INSIDE", oneOf("strokeAlign", ["INSIDE", "OUTSIDE", "CENTER"]), same("strokeAlign"));
  prop("dashPattern", Object.freeze([]), list("dashPattern"), same("strokeDashes"));
  const sides = {
    strokeTopWeight: "top",
    strokeRightWeight: "right",
    strokeBottomWeight: "bottom",
    strokeLeftWeight: "left",
  };
  for (const [key, side] of Object.entries(sides))
    prop(key, 1, weight(key), (v) => {
      const current = (node.rest["individualStrokeWeights"] as Json | undefined) ?? {
        top: 1,
        right: 1,
        bottom: 1,
        left: 1,
      };
      node.rest["individualStrokeWeights"] = { ...current, [side]: v };
    });
  const corners = ["topLeftRadius", "topRightRadius", "bottomRightRadius", "bottomLeftRadius"];
  for (const [i, key] of corners.entries())
    prop(key, 0, weight(key), (v) => {
      const radii = (node.rest["rectangleCornerRadii"] as number[] | undefined) ?? [0, 0, 0, 0];
      node.rest["rectangleCornerRadii"] = radii.map((r, j) => (j === i ? v : r));
    });
  prop(
    "primaryAxisAlignItems",
    "MIN",
    oneOf("primaryAxisAlignItems", ["MIN", "MAX", "CENTER", "SPACE_BETWEEN"]),
    (v) => {
      same("primaryAxisAlignItems")(v);
      relayout();
    },
  );
  prop("counterAxisAlignItems", "MIN", oneOf("counterAxisAlignItems", ["MIN", "MAX", "CENTER", "BASELINE"]), (v) => {
    same("counterAxisAlignItems")(v);
    relayout();
  });
  prop(
    "layoutPositioning",
    "AUTO",
    (v) => {
      const value = oneOf("layoutPositioning", ["AUTO", "ABSOLUTE"])(v);
      if (value === "ABSOLUTE" && !autoLayout(node.parent?.rest))
        throw new Error("layoutPositioning: ABSOLUTE is only for children of auto layout frames");
      return value;
    },
    same("layoutPositioning"),
  );
  prop(
    "constraints",
    { horizontal: "MIN", vertical: "MIN" },
    (v) => {
      const c = v as { horizontal?: unknown; vertical?: unknown } | null;
      const names = Object.keys(REST_CONSTRAINT);
      oneOf("constraints.horizontal", names)(c?.horizontal);
      oneOf("constraints.vertical", names)(c?.vertical);
      return { horizontal: c!.horizontal, vertical: c!.vertical };
    },
    (v) => {
      const c = v as { horizontal: string; vertical: string };
      node.rest["constraints"] = {
        horizontal: REST_CONSTRAINT[c.horizontal]![0],
        vertical: REST_CONSTRAINT[c.vertical]![1],
      };
    },
  );
  for (const key of ["minWidth", "maxWidth", "minHeight", "maxHeight"])
    prop(
      key,
      null,
      (v) => {
        if (!autoLayout(node.rest) && !autoLayout(node.parent?.rest))
          throw new Error(`${key}: only auto layout frames and their children have min and max sizes`);
        return v === null ? null : weight(key)(v);
      },
      same(key),
    );
}

/**
 * A vector's stroke properties (an SVG import's shapes): its paints, settable (a variable bound to one), and its
 * alignment, cap and join as the import left them in its REST JSON.
 */
export function defineVectorStrokes(node: StyleHost, change: (what: string) => void): void {
  const read = (key: string, fallback: unknown): unknown => node.rest[key] ?? fallback;
  Object.defineProperty(node, "strokes", {
    enumerable: true,
    configurable: true,
    get: () => Object.freeze([...((read("strokes", []) as unknown[]) ?? [])]),
    set: (v: unknown) => {
      const next = list("strokes")(v);
      change(`style ${String(node.rest["id"])} strokes`);
      node.rest["strokes"] = structuredClone(next);
    },
  });
  // Its weight is the geometry's (./geometry.ts).
  for (const [key, fallback] of [
    ["strokeAlign", "CENTER"],
    ["strokeCap", "NONE"],
    ["strokeJoin", "MITER"],
  ] as const)
    Object.defineProperty(node, key, { enumerable: true, configurable: true, get: () => read(key, fallback) });
}
