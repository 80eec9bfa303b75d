/**
 * The REST reply's layers bound to the file's variables as the plugin binds them when it builds them
 * (contract/layer-variables.ts makes the choice in both), written as Figma's REST API writes bindings: a paint's
 * `boundVariables.color` and the node's `boundVariables.fills` / `strokes` lists, `itemSpacing`, `padding*`,
 * `counterAxisSpacing`, radii in `rectangleCornerRadii`, stroke weights in `individualStrokeWeights`, a fixed size in
 * `size`, `opacity`, each a `{ type: "VARIABLE_ALIAS", id }`; a shadow's colour, blur, spread and offsets in the
 * effect's own `boundVariables`; a text layer's family, weight, size, line height and letter spacing as a list on
 * the node (one alias per variable, in run order) and in each run's TypeStyle (`style`, `styleOverrideTable`). Pure.
 */
import {
  EFFECT_FIELDS,
  type FieldKind,
  KIND_OF_FIELD,
  opacityPercent,
  REST_NESTED,
  runValues,
  type VariableChooser,
  type VariableValue,
} from "../../contract/layer-variables.js";
import type { LayerNode } from "../../contract/layers.js";

type Json = Record<string, unknown>;
const alias = (id: string): Json => ({ type: "VARIABLE_ALIAS", id });

/** Binds the solid paints of `out[field]` whose colour is a variable's; the node lists them in `boundVariables`. */
function bindPaints(
  out: Json,
  bound: Json,
  field: "fills" | "strokes",
  kind: FieldKind,
  chooser: VariableChooser,
  sourceId: string | undefined,
): void {
  const list: Json[] = [];
  for (const paint of Array.isArray(out[field]) ? (out[field] as Json[]) : []) {
    const color = paint["color"] as { r: number; g: number; b: number } | undefined;
    if (paint["type"] !== "SOLID" || !color) continue;
    const opacity = typeof paint["opacity"] === "number" ? paint["opacity"] : 1;
    const variable = chooser.pick(kind, { r: color.r, g: color.g, b: color.b, a: opacity }, sourceId, field);
    if (!variable) continue;
    paint["boundVariables"] = { color: alias(variable.id) };
    list.push(alias(variable.id));
    chooser.count(kind);
  }
  if (list.length > 0) bound[field] = list;
}

/** The REST group and key a flat field is written under (`topLeftRadius` → rectangleCornerRadii's key). */
const NESTED_OF = new Map<string, [string, string]>(
  Object.entries(REST_NESTED).flatMap(([group, keys]) =>
    Object.entries(keys).map(([key, flat]): [string, [string, string]] => [flat, [group, key]]),
  ),
);

/** The numbers of a written frame the plugin would bind, by the Plugin API's field names. */
function frameNumbers(out: Json, node: LayerNode): [string, FieldKind, number][] {
  const fields: [string, FieldKind, number][] = [];
  const take = (field: string, kind: FieldKind, value: unknown): void => {
    if (typeof value === "number") fields.push([field, kind, value]);
  };
  if (typeof out["layoutMode"] === "string") {
    take("itemSpacing", "gap", out["itemSpacing"]);
    for (const side of ["Top", "Right", "Bottom", "Left"]) take(`padding${side}`, "padding", out[`padding${side}`]);
    if (out["layoutWrap"] === "WRAP") take("counterAxisSpacing", "gap", out["counterAxisSpacing"]);
  }
  if (node.radii) {
    const r = node.radii;
    take("topLeftRadius", "radius", r.topLeft);
    take("topRightRadius", "radius", r.topRight);
    take("bottomLeftRadius", "radius", r.bottomLeft);
    take("bottomRightRadius", "radius", r.bottomRight);
  }
  if (node.stroke) {
    const w = node.stroke.weights;
    take("strokeTopWeight", "strokeWeight", w.top);
    take("strokeRightWeight", "strokeWeight", w.right);
    take("strokeBottomWeight", "strokeWeight", w.bottom);
    take("strokeLeftWeight", "strokeWeight", w.left);
  }
  if (!node.sizing || node.sizing.horizontal.mode === "FIXED") take("width", "size", node.box.w);
  if (!node.sizing || node.sizing.vertical.mode === "FIXED") take("height", "size", node.box.h);
  return fields;
}

/** Binds one value the node shows (contract's `pickShown`: a zero only where the design bound that field). */
function pickValue(
  chooser: VariableChooser,
  kind: FieldKind,
  value: VariableValue | undefined,
  sourceId: string | undefined,
  field: string,
): Json | undefined {
  const variable = chooser.pickShown(kind, value, sourceId, field);
  if (!variable) return undefined;
  chooser.count(kind);
  return alias(variable.id);
}

/** Binds a text layer's runs: each run's TypeStyle, and the node's lists (one alias per variable, in run order). */
function bindText(out: Json, bound: Json, node: LayerNode, chooser: VariableChooser, sourceId: string | undefined) {
  const runs = node.text?.runs ?? [];
  const styles = [out["style"], ...runs.slice(1).map((_, i) => (out["styleOverrideTable"] as Json)[String(i + 1)])];
  const lists = new Map<string, Json[]>();
  runs.forEach((run, i) => {
    const style = styles[i] as Json | undefined;
    if (!style || run.end <= run.start) return;
    const own: Json = {};
    for (const [field, value] of runValues(run)) {
      const a = pickValue(chooser, KIND_OF_FIELD[field]!, value, sourceId, field);
      if (!a) continue;
      own[field] = a;
      const list = lists.get(field) ?? [];
      if (!list.some((x) => x["id"] === a["id"])) list.push(a);
      lists.set(field, list);
    }
    if (Object.keys(own).length > 0) style["boundVariables"] = own;
  });
  for (const [field, list] of lists) bound[field] = list;
}

/** Binds each effect's colour, blur radius, spread and offsets in its own `boundVariables`. */
function bindEffects(out: Json, chooser: VariableChooser, sourceId: string | undefined): void {
  for (const effect of Array.isArray(out["effects"]) ? (out["effects"] as Json[]) : []) {
    const shadow = effect["type"] === "DROP_SHADOW" || effect["type"] === "INNER_SHADOW";
    const offset = (effect["offset"] ?? {}) as { x?: number; y?: number };
    const values: Record<keyof typeof EFFECT_FIELDS, VariableValue | undefined> = {
      color: shadow ? (effect["color"] as VariableValue | undefined) : undefined,
      radius: effect["radius"] as number | undefined,
      spread: shadow ? (effect["spread"] as number | undefined) : undefined,
      offsetX: shadow ? offset.x : undefined,
      offsetY: shadow ? offset.y : undefined,
    };
    const own: Json = {};
    for (const [field, kind] of Object.entries(EFFECT_FIELDS)) {
      const a = pickValue(chooser, kind, values[field as keyof typeof values], sourceId, `effects.${field}`);
      if (a) own[field] = a;
    }
    if (Object.keys(own).length > 0) effect["boundVariables"] = own;
  }
}

/** An SVG's drawn shape (a VECTOR of the frame createNodeFromSvg makes): its fill and stroke colours. */
export function bindShapeVariables(out: Json, chooser: VariableChooser, sourceId: string | undefined): void {
  const bound: Json = {};
  bindPaints(out, bound, "fills", "fill", chooser, sourceId);
  bindPaints(out, bound, "strokes", "stroke", chooser, sourceId);
  if (Object.keys(bound).length > 0) out["boundVariables"] = bound;
}

/**
 * Adds `boundVariables` to the REST node `out` written for `node`: its fills (text colours on a text layer),
 * strokes, effects and opacity, a text layer's type, and on a frame its gap, padding, radii, stroke weights and
 * fixed size. `sourceId`: the design layer it
 * came from (a text layer's is its element's).
 */
export function bindRestVariables(
  out: Json,
  node: LayerNode,
  chooser: VariableChooser,
  sourceId: string | undefined,
): void {
  if (node.kind === "vector") return;
  const bound: Json = {};
  bindPaints(out, bound, "fills", node.kind === "text" ? "textFill" : "fill", chooser, sourceId);
  bindPaints(out, bound, "strokes", "stroke", chooser, sourceId);
  bindEffects(out, chooser, sourceId);
  if (typeof out["opacity"] === "number") {
    const a = pickValue(chooser, "opacity", opacityPercent(out["opacity"]), sourceId, "opacity");
    if (a) bound["opacity"] = a;
  }
  if (node.kind === "text") {
    bindText(out, bound, node, chooser, sourceId);
    // Each run's colour is bound as its own (the plugin's setRangeFills): the override table's paints.
    for (const style of Object.values((out["styleOverrideTable"] ?? {}) as Record<string, Json>))
      bindPaints(style, {}, "fills", "textFill", chooser, sourceId);
  }
  if (node.kind === "frame")
    for (const [field, kind, value] of frameNumbers(out, node)) {
      // A zero gap, padding or radius is no design decision; leave it unbound.
      if (value === 0 && kind !== "size") continue;
      const variable = chooser.pick(kind, value, sourceId, field);
      if (!variable) continue;
      const nested = NESTED_OF.get(field);
      if (nested) ((bound[nested[0]] ??= {}) as Json)[nested[1]] = alias(variable.id);
      else bound[field] = alias(variable.id);
      chooser.count(kind);
    }
  if (Object.keys(bound).length > 0) out["boundVariables"] = bound;
}
