/**
 * Which of the file's variables a layer's value is bound to (issue 51), the same choice in the plugin (which binds
 * with `setBoundVariable`) and in `figment layers` (which writes `boundVariables` into its REST reply). A colour,
 * gap, padding, radius, stroke weight, fixed size, opacity, shadow value or type value (family, style, weight, size,
 * line height, letter spacing) that equals a variable's value (colours within the rounding of 8-bit channels,
 * numbers to a thousandth of a pixel, a page's line height and tracking to 1/100 px) is bound to it, offered only to
 * the fields its scopes allow (a size only to a variable scoped to width and height: ALL_SCOPES spacing numbers would
 * capture every 24 px icon).
 *
 * Where several variables have the value, the one the design used wins: first the binding of the same field on
 * the design layer the element came from (its sourceId), then the variable the source design binds most often for
 * that kind of field, then for any field; else a semantic variable (an alias of another) over a primitive, a scoped
 * one over ALL_SCOPES, then by name. Pure: the variables arrive resolved (`VariableOption`), from the Plugin API or
 * from a `variables/local` reply (`variableOptions`), and the design's bindings from its nodes (`designUse`), a
 * plugin SceneNode or a REST node alike.
 */
import type { DesignVariables } from "../codegen/design/extras.js";
import { styleFor } from "./font-style.js";
import type { TextRun } from "./layers.js";

/** The kinds of field a variable can stand for, with the scopes that allow it. */
export type FieldKind =
  | "fill"
  | "textFill"
  | "stroke"
  | "gap"
  | "padding"
  | "radius"
  | "size"
  | "strokeWeight"
  | "opacity"
  | "effectColor"
  | "effectFloat"
  | "fontFamily"
  | "fontStyle"
  | "fontWeight"
  | "fontSize"
  | "lineHeight"
  | "letterSpacing";
export const SCOPES: Record<FieldKind, readonly string[]> = {
  fill: ["ALL_SCOPES", "ALL_FILLS", "FRAME_FILL", "SHAPE_FILL"],
  textFill: ["ALL_SCOPES", "ALL_FILLS", "TEXT_FILL"],
  stroke: ["ALL_SCOPES", "STROKE_COLOR"],
  gap: ["ALL_SCOPES", "GAP"],
  padding: ["ALL_SCOPES", "GAP"],
  radius: ["ALL_SCOPES", "CORNER_RADIUS"],
  size: ["WIDTH_HEIGHT"],
  strokeWeight: ["ALL_SCOPES", "STROKE_FLOAT"],
  opacity: ["ALL_SCOPES", "OPACITY"],
  effectColor: ["ALL_SCOPES", "EFFECT_COLOR"],
  effectFloat: ["ALL_SCOPES", "EFFECT_FLOAT"],
  fontFamily: ["ALL_SCOPES", "FONT_FAMILY"],
  fontStyle: ["ALL_SCOPES", "FONT_STYLE"],
  fontWeight: ["ALL_SCOPES", "FONT_WEIGHT"],
  fontSize: ["ALL_SCOPES", "FONT_SIZE"],
  lineHeight: ["ALL_SCOPES", "LINE_HEIGHT"],
  letterSpacing: ["ALL_SCOPES", "LETTER_SPACING"],
};

/** The text fields a variable binds (the Plugin API's VariableBindableTextField, REST's lists per run). */
export const TEXT_FIELDS = [
  "fontFamily",
  "fontStyle",
  "fontWeight",
  "fontSize",
  "lineHeight",
  "letterSpacing",
] as const;
export type TextField = (typeof TEXT_FIELDS)[number];

/** A shadow's bindable fields (VariableBindableEffectField) and their kinds; the design's are read as `effects.<f>`. */
export const EFFECT_FIELDS: Readonly<Record<"color" | "radius" | "spread" | "offsetX" | "offsetY", FieldKind>> = {
  color: "effectColor",
  radius: "effectFloat",
  spread: "effectFloat",
  offsetX: "effectFloat",
  offsetY: "effectFloat",
};

/**
 * A layer's opacity as an OPACITY variable holds it: Figma's opacity variables are percentages (50 shows 50 %),
 * the node's `opacity` a fraction.
 */
export const opacityPercent = (opacity: number): number => opacity * 100;

/** A node field (the Plugin API's names) → its kind (what the design's own bindings are counted under). */
export const KIND_OF_FIELD: Readonly<Record<string, FieldKind>> = {
  itemSpacing: "gap",
  counterAxisSpacing: "gap",
  paddingTop: "padding",
  paddingRight: "padding",
  paddingBottom: "padding",
  paddingLeft: "padding",
  topLeftRadius: "radius",
  topRightRadius: "radius",
  bottomLeftRadius: "radius",
  bottomRightRadius: "radius",
  width: "size",
  height: "size",
  strokeTopWeight: "strokeWeight",
  strokeRightWeight: "strokeWeight",
  strokeBottomWeight: "strokeWeight",
  strokeLeftWeight: "strokeWeight",
  opacity: "opacity",
  fontFamily: "fontFamily",
  fontStyle: "fontStyle",
  fontWeight: "fontWeight",
  fontSize: "fontSize",
  lineHeight: "lineHeight",
  letterSpacing: "letterSpacing",
};

/** Where the REST format nests the fields the Plugin API names flat: `boundVariables.<group>.<key>` → field. */
export const REST_NESTED: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  rectangleCornerRadii: {
    RECTANGLE_TOP_LEFT_CORNER_RADIUS: "topLeftRadius",
    RECTANGLE_TOP_RIGHT_CORNER_RADIUS: "topRightRadius",
    RECTANGLE_BOTTOM_LEFT_CORNER_RADIUS: "bottomLeftRadius",
    RECTANGLE_BOTTOM_RIGHT_CORNER_RADIUS: "bottomRightRadius",
  },
  individualStrokeWeights: {
    top: "strokeTopWeight",
    right: "strokeRightWeight",
    bottom: "strokeBottomWeight",
    left: "strokeLeftWeight",
  },
  size: { x: "width", y: "height" },
};

export type Rgba = { r: number; g: number; b: number; a: number };
export type VariableValue = number | Rgba | string;

/** A variable as the choice sees it: its value resolved for the design's modes. */
export interface VariableOption {
  id: string;
  name: string;
  scopes: readonly string[];
  /** Its own value is an alias of another variable (a semantic token over a primitive). */
  semantic: boolean;
  value: VariableValue;
}

/** The source design's bindings, read before any layer is built. */
export interface DesignUse {
  /** Per design layer id: field ("fills", "strokes", "itemSpacing" …) → variable id. */
  byNode: Map<string, Map<string, string>>;
  /** Per kind of field: variable id → times the design binds it. */
  byKind: Map<FieldKind, Map<string, number>>;
}

type Raw = Record<string, unknown>;
const isRecord = (v: unknown): v is Raw => typeof v === "object" && v !== null && !Array.isArray(v);
const aliasId = (v: unknown): string | undefined =>
  isRecord(v) && v["type"] === "VARIABLE_ALIAS" && typeof v["id"] === "string" ? v["id"] : undefined;
const byte = (n: number): number => Math.round(Math.min(1, Math.max(0, n)) * 255);

/**
 * The key two equal values share: colours by their 8-bit channels, numbers to a thousandth of a pixel, strings (a
 * font family or style) without case.
 */
export function valueKey(value: VariableValue): string {
  if (typeof value === "string") return `s${value.trim().toLowerCase()}`;
  return typeof value === "number"
    ? `n${Math.round(value * 1000)}`
    : `c${byte(value.r)},${byte(value.g)},${byte(value.b)},${byte(value.a)}`;
}

/** A colour, number or string as a variable holds it (`{ r, g, b, a? }`), or undefined. */
export function readValue(raw: unknown): VariableValue | undefined {
  if (typeof raw === "number") return Number.isFinite(raw) ? raw : undefined;
  if (typeof raw === "string") return raw.trim() === "" ? undefined : raw;
  if (!isRecord(raw) || typeof raw["r"] !== "number" || typeof raw["g"] !== "number" || typeof raw["b"] !== "number")
    return undefined;
  return { r: raw["r"], g: raw["g"], b: raw["b"], a: typeof raw["a"] === "number" ? raw["a"] : 1 };
}

export class VariableChooser {
  /** Bindings made, by kind of field. */
  readonly counts: Partial<Record<FieldKind, number>> = {};
  private readonly byKey = new Map<string, VariableOption[]>();
  private readonly anyKind = new Map<string, number>();

  constructor(
    options: Iterable<VariableOption>,
    private readonly use: DesignUse,
  ) {
    for (const option of options) {
      const key = valueKey(option.value);
      const list = this.byKey.get(key) ?? [];
      list.push(option);
      this.byKey.set(key, list);
    }
    for (const counts of use.byKind.values())
      for (const [id, n] of counts) this.anyKind.set(id, (this.anyKind.get(id) ?? 0) + n);
  }

  get bound(): number {
    return Object.values(this.counts).reduce((n, c) => n + c, 0);
  }

  /** Counts one binding made of `kind` (the caller binds: `pick` alone binds nothing). */
  count(kind: FieldKind): void {
    this.counts[kind] = (this.counts[kind] ?? 0) + 1;
  }

  /** Whether the design layer `sourceId` binds `field` (a zero there is the design's choice, not no decision). */
  designBinds(sourceId: string | undefined, field: string): boolean {
    return sourceId !== undefined && this.use.byNode.get(sourceId)?.has(field) === true;
  }

  /**
   * `pick` for a value the node shows at `field`: a zero (or an opacity of 100 %) is no design decision, bound only
   * where the design layer `sourceId` bound that field. The plugin and the REST reply bind type, effects and opacity
   * through it.
   */
  pickShown(kind: FieldKind, value: VariableValue | undefined, sourceId: string | undefined, field: string) {
    if (value === undefined) return undefined;
    const none = value === 0 || (kind === "opacity" && value === 100);
    if (none && !this.designBinds(sourceId, field)) return undefined;
    return this.pick(kind, value, sourceId, field);
  }

  /** The variable for `value` in a field of `kind` (`field` on the design layer `sourceId`), if one has it. */
  pick(kind: FieldKind, value: VariableValue, sourceId?: string, field?: string): VariableOption | undefined {
    const scoped = (v: VariableValue): VariableOption[] =>
      (this.byKey.get(valueKey(v)) ?? []).filter((c) => c.scopes.some((s) => SCOPES[kind].includes(s)));
    // Type read back from a page carries the em rounding of its CSS (0.5 px tracking reads 0.5008): to 1/100 px.
    let fits = scoped(value);
    if (fits.length === 0 && typeof value === "number" && (kind === "letterSpacing" || kind === "lineHeight"))
      fits = scoped(Math.round(value * 100) / 100);
    if (fits.length === 0) return undefined;
    const own = sourceId && field ? this.use.byNode.get(sourceId)?.get(field) : undefined;
    const same = fits.find((c) => c.id === own);
    if (same) return same;
    const used = (counts: Map<string, number> | undefined): VariableOption | undefined => {
      let best: VariableOption | undefined;
      for (const c of fits) if ((counts?.get(c.id) ?? 0) > (best ? (counts?.get(best.id) ?? 0) : 0)) best = c;
      return best;
    };
    const chosen = used(this.use.byKind.get(kind)) ?? used(this.anyKind);
    if (chosen) return chosen;
    const rank = (c: VariableOption): number => (c.semantic ? 0 : 2) + (c.scopes.includes("ALL_SCOPES") ? 1 : 0);
    return [...fits].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name))[0];
  }
}

/**
 * A text run's values at the bindable text fields: its style name is the one the plugin loaded (`style`, a fallback
 * font's where the run's did not load), else the one its weight and slant name (what the REST reply writes).
 */
export function runValues(
  run: TextRun,
  style = styleFor(run.weight, run.italic),
): [TextField, VariableValue | undefined][] {
  return [
    ["fontFamily", run.family],
    ["fontStyle", style],
    ["fontWeight", run.weight],
    ["fontSize", run.size],
    ["lineHeight", run.lineHeight],
    ["letterSpacing", run.letterSpacing],
  ];
}

/**
 * A node's flat field → variable id bindings (REST's nested radii, stroke weights and size read flat; a text
 * field's list, one alias per run, each with its index: only the first run's value is the node's `style`).
 */
function fieldBindings(bound: Raw): [string, string, number][] {
  const out: [string, string, number][] = [];
  for (const [field, value] of Object.entries(bound)) {
    const id = aliasId(value);
    if (id) out.push([field, id, 0]);
    if (Array.isArray(value) && (TEXT_FIELDS as readonly string[]).includes(field))
      value.forEach((v, i) => {
        const inner = aliasId(v);
        if (inner) out.push([field, inner, i]);
      });
    const nested = REST_NESTED[field];
    if (nested && isRecord(value))
      for (const [key, flat] of Object.entries(nested)) {
        const inner = aliasId(value[key]);
        if (inner) out.push([flat, inner, 0]);
      }
  }
  return out;
}

/**
 * The source design's bindings: per layer and field, and how often each variable stands for each kind of field.
 * `roots` are plugin SceneNodes or REST nodes: both carry `boundVariables`, paints with `boundVariables.color`,
 * and `children`.
 */
export function designUse(roots: readonly object[]): DesignUse {
  const use: DesignUse = { byNode: new Map(), byKind: new Map() };
  const add = (nodeId: string, field: string, kind: FieldKind, id: string): void => {
    const fields = use.byNode.get(nodeId) ?? new Map<string, string>();
    if (!fields.has(field)) fields.set(field, id);
    use.byNode.set(nodeId, fields);
    const counts = use.byKind.get(kind) ?? new Map<string, number>();
    counts.set(id, (counts.get(id) ?? 0) + 1);
    use.byKind.set(kind, counts);
  };
  eachBinding(roots, (node, field, kind, id) => add(String(node["id"]), field, kind, id));
  return use;
}

/** Calls `visit` for each binding in the trees of `roots`, with the node and its value at the field. */
function eachBinding(
  roots: readonly object[],
  visit: (node: Raw, field: string, kind: FieldKind, id: string, value: unknown) => void,
): void {
  const stack = [...roots] as Raw[];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!isRecord(node)) continue;
    const bound = isRecord(node["boundVariables"]) ? node["boundVariables"] : {};
    for (const [field, id, index] of fieldBindings(bound)) {
      const kind = KIND_OF_FIELD[field];
      if (kind) visit(node, field, kind, id, index === 0 ? fieldValue(node, field) : undefined);
    }
    const effects = Array.isArray(node["effects"]) ? (node["effects"] as unknown[]) : [];
    for (const effect of effects) {
      if (!isRecord(effect) || !isRecord(effect["boundVariables"])) continue;
      for (const [field, kind] of Object.entries(EFFECT_FIELDS)) {
        const id = aliasId(effect["boundVariables"][field]);
        if (id) visit(node, `effects.${field}`, kind, id, effectValue(effect, field));
      }
    }
    for (const field of ["fills", "strokes"] as const) {
      const kind: FieldKind = field === "strokes" ? "stroke" : node["type"] === "TEXT" ? "textFill" : "fill";
      // The node lists its paints' bindings (boundVariables.fills); each paint has its own too.
      const listed = bound[field];
      const paints = Array.isArray(node[field]) ? (node[field] as unknown[]) : [];
      const seen = new Set<string>();
      paints.forEach((p, i) => {
        if (!isRecord(p) || p["type"] !== "SOLID") return;
        const id =
          aliasId(isRecord(p["boundVariables"]) ? p["boundVariables"]["color"] : undefined) ??
          aliasId(Array.isArray(listed) ? listed[i] : undefined);
        if (!id || seen.has(id)) return;
        seen.add(id);
        const color = readValue(p["color"]);
        const opacity = typeof p["opacity"] === "number" ? p["opacity"] : 1;
        visit(
          node,
          field,
          kind,
          id,
          color && typeof color === "object" ? { ...color, a: color.a * opacity } : undefined,
        );
      });
      for (const id of Array.isArray(listed) ? listed.map(aliasId) : [])
        if (id && !seen.has(id)) {
          seen.add(id);
          visit(node, field, kind, id, undefined);
        }
    }
    const children = node["children"];
    if (Array.isArray(children)) stack.push(...(children as Raw[]));
  }
}

/** A shadow's value at a bindable field (`offsetX` / `offsetY`: its offset's x and y). */
function effectValue(effect: Raw, field: string): unknown {
  const offset = isRecord(effect["offset"]) ? effect["offset"] : {};
  if (field === "offsetX") return offset["x"];
  if (field === "offsetY") return offset["y"];
  return effect[field];
}

/** REST's TypeStyle key for a text field (a line height in px). */
const STYLE_KEY: Readonly<Record<string, string>> = { lineHeight: "lineHeightPx" };

/**
 * The value a node shows at a flat field (REST's radii in `rectangleCornerRadii`, size in its box, text fields in
 * its `style`, opacity as an opacity variable holds it).
 */
function fieldValue(node: Raw, field: string): VariableValue | undefined {
  if (field === "opacity") return opacityPercent(typeof node["opacity"] === "number" ? node["opacity"] : 1);
  if ((TEXT_FIELDS as readonly string[]).includes(field)) {
    const style = isRecord(node["style"]) ? node["style"] : {};
    return readValue(style[STYLE_KEY[field] ?? field]);
  }
  const direct = node[field];
  if (typeof direct === "number") return direct;
  const corners = ["topLeftRadius", "topRightRadius", "bottomRightRadius", "bottomLeftRadius"];
  const corner = corners.indexOf(field);
  if (corner >= 0) {
    const radii = node["rectangleCornerRadii"];
    if (Array.isArray(radii) && typeof radii[corner] === "number") return radii[corner];
    return typeof node["cornerRadius"] === "number" ? node["cornerRadius"] : undefined;
  }
  const box = node["absoluteBoundingBox"];
  if ((field === "width" || field === "height") && isRecord(box) && typeof box[field] === "number") return box[field];
  const side = /^stroke(Top|Right|Bottom|Left)Weight$/.exec(field)?.[1]?.toLowerCase();
  const weights = node["individualStrokeWeights"];
  if (side && isRecord(weights) && typeof weights[side] === "number") return weights[side];
  return side && typeof node["strokeWeight"] === "number" ? node["strokeWeight"] : undefined;
}

/** The scopes a variable seen only bound in a design is taken to have: those of the kinds of field it is bound to. */
const SEEN_SCOPES: Record<FieldKind, readonly string[]> = {
  fill: ["ALL_FILLS", "STROKE_COLOR"],
  textFill: ["ALL_FILLS", "STROKE_COLOR"],
  stroke: ["ALL_FILLS", "STROKE_COLOR"],
  gap: ["GAP"],
  padding: ["GAP"],
  radius: ["CORNER_RADIUS"],
  size: ["WIDTH_HEIGHT"],
  strokeWeight: ["STROKE_FLOAT"],
  opacity: ["OPACITY"],
  effectColor: ["EFFECT_COLOR"],
  effectFloat: ["EFFECT_FLOAT"],
  fontFamily: ["FONT_FAMILY"],
  fontStyle: ["FONT_STYLE"],
  fontWeight: ["FONT_WEIGHT"],
  fontSize: ["FONT_SIZE"],
  lineHeight: ["LINE_HEIGHT"],
  letterSpacing: ["LETTER_SPACING"],
};

/**
 * The variables a design binds, with the values its layers show where they are bound (a REST file carries the
 * bindings' ids, not the variables): what the layers can bind to when the file's `variables/local` reply is not at
 * hand (a library's variables never are). A variable's value is the one it shows first; its scopes those of the
 * fields it is bound to (a colour for any paint). Named by id: the REST file has no variable names.
 */
export function variablesSeenIn(roots: readonly object[]): VariableOption[] {
  const seen = new Map<string, { value: VariableValue; scopes: Set<string> }>();
  eachBinding(roots, (_node, _field, kind, id, raw) => {
    const value = readValue(raw);
    let entry = seen.get(id);
    if (!entry && value !== undefined) seen.set(id, (entry = { value, scopes: new Set() }));
    for (const scope of entry && typeof entry.value === typeof value ? SEEN_SCOPES[kind] : []) entry!.scopes.add(scope);
  });
  return [...seen].map(([id, { value, scopes }]) => ({ id, name: id, scopes: [...scopes], semantic: false, value }));
}

/**
 * The COLOR, FLOAT and STRING variables of a `variables/local` reply's meta, each resolved through its aliases (at
 * most 16 deep) in `modes` (collection id → mode id; a collection's default mode where it has none).
 */
export function variableOptions(vars: DesignVariables, modes: Readonly<Record<string, string>> = {}): VariableOption[] {
  const own = (id: string): unknown => {
    const variable = vars.variables[id];
    if (!variable) return undefined;
    const collection = vars.variableCollections[variable.variableCollectionId];
    let mode = modes[variable.variableCollectionId];
    if (mode === undefined || !(mode in variable.valuesByMode))
      mode = collection?.defaultModeId ?? Object.keys(variable.valuesByMode)[0];
    return mode === undefined ? undefined : variable.valuesByMode[mode];
  };
  const out: VariableOption[] = [];
  for (const variable of Object.values(vars.variables)) {
    if (variable.resolvedType !== "COLOR" && variable.resolvedType !== "FLOAT" && variable.resolvedType !== "STRING")
      continue;
    let raw = own(variable.id);
    const semantic = aliasId(raw) !== undefined;
    for (let depth = 0; aliasId(raw) !== undefined && depth < 16; depth++) raw = own(aliasId(raw)!);
    const value = readValue(raw);
    if (value === undefined) continue;
    out.push({ id: variable.id, name: variable.name, scopes: variable.scopes ?? ["ALL_SCOPES"], semantic, value });
  }
  return out;
}
