/**
 * Binds the layers' values to the file's variables (issue 51): a colour, gap, padding, radius, stroke weight or
 * fixed size that equals a variable's value (colours within the rounding of 8-bit channels, numbers equal) is bound
 * to it, so an inserted page uses the design system. The variables are the file's local ones and those the source
 * design binds, resolved for the source frame's modes (each collection's default elsewhere), offered only to the
 * fields their scopes allow (a size only to a variable scoped to width and height: ALL_SCOPES spacing numbers
 * would capture every 24 px icon).
 *
 * Where several variables have the value, the one the design used wins: first the binding of the same field on
 * the design layer the element came from (its sourceId), then the variable the source design binds most often for
 * that kind of field, then for any field; else a semantic variable (an alias of another) over a primitive, a scoped
 * one over ALL_SCOPES, then by name.
 */
import type { LayerNode } from "../../contract/layers.js";

/** The kinds of field a variable can stand for, with the scopes that allow it. */
export type FieldKind = "fill" | "textFill" | "stroke" | "gap" | "padding" | "radius" | "size" | "strokeWeight";
const SCOPES: Record<FieldKind, readonly VariableScope[]> = {
  fill: ["ALL_SCOPES", "ALL_FILLS", "FRAME_FILL", "SHAPE_FILL"],
  textFill: ["ALL_SCOPES", "ALL_FILLS", "TEXT_FILL"],
  stroke: ["ALL_SCOPES", "STROKE_COLOR"],
  gap: ["ALL_SCOPES", "GAP"],
  padding: ["ALL_SCOPES", "GAP"],
  radius: ["ALL_SCOPES", "CORNER_RADIUS"],
  size: ["WIDTH_HEIGHT"],
  strokeWeight: ["ALL_SCOPES", "STROKE_FLOAT"],
};

/** A node field → its kind (what the design's own bindings are counted under). */
const KIND_OF_FIELD: Record<string, FieldKind> = {
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
};

type Rgba = { r: number; g: number; b: number; a: number };
type Value = number | Rgba;

interface Candidate {
  variable: Variable;
  key: string;
  semantic: boolean;
}

const isAlias = (v: unknown): v is VariableAlias =>
  typeof v === "object" && v !== null && (v as { type?: unknown }).type === "VARIABLE_ALIAS";
const isRgb = (v: unknown): v is RGB | RGBA =>
  typeof v === "object" && v !== null && typeof (v as { r?: unknown }).r === "number";
const byte = (n: number): number => Math.round(Math.min(1, Math.max(0, n)) * 255);

/** The key two equal values share: colours by their 8-bit channels, numbers to a thousandth of a pixel. */
export function valueKey(value: Value): string {
  return typeof value === "number"
    ? `n${Math.round(value * 1000)}`
    : `c${byte(value.r)},${byte(value.g)},${byte(value.b)},${byte(value.a)}`;
}

/** Where the binder stands: the source design's bindings, read before any layer is built. */
interface DesignUse {
  /** Per design layer id: field ("fills", "strokes", "itemSpacing" …) → variable id. */
  byNode: Map<string, Map<string, string>>;
  /** Per kind of field: variable id → times the design binds it. */
  byKind: Map<FieldKind, Map<string, number>>;
}

export class VariableBinder {
  /** Bindings made, by kind of field. */
  readonly counts: Partial<Record<FieldKind, number>> = {};

  private constructor(
    private readonly byKey: Map<string, Candidate[]>,
    private readonly use: DesignUse,
  ) {}

  /** The file's variables and the source design's bindings (`design`: the frame the layers go beside). */
  static async load(design: readonly SceneNode[]): Promise<VariableBinder> {
    const use = collectUse(design);
    const local = await figma.variables.getLocalVariablesAsync();
    const seen = new Map(local.map((v) => [v.id, v]));
    // Library variables the design binds are in the file too; offer them as well.
    for (const ids of use.byKind.values())
      for (const id of ids.keys())
        if (!seen.has(id)) {
          const v = await figma.variables.getVariableByIdAsync(id);
          if (v) seen.set(id, v);
        }
    const modes: Record<string, string> = {};
    const first = design[0];
    if (first && "resolvedVariableModes" in first) Object.assign(modes, first.resolvedVariableModes);
    const byKey = new Map<string, Candidate[]>();
    for (const variable of seen.values()) {
      if (variable.resolvedType !== "COLOR" && variable.resolvedType !== "FLOAT") continue;
      const own = await valueIn(variable, modes);
      const value = await resolve(variable, modes);
      if (value === undefined) continue;
      const key = valueKey(value);
      const list = byKey.get(key) ?? [];
      list.push({ variable, key, semantic: isAlias(own) });
      byKey.set(key, list);
    }
    return new VariableBinder(byKey, use);
  }

  get bound(): number {
    return Object.values(this.counts).reduce((n, c) => n + c, 0);
  }

  /** The variable for `value` in a field of `kind` (`field` on the design layer `sourceId`), if one has it. */
  pick(kind: FieldKind, value: Value, sourceId?: string, field?: string): Variable | undefined {
    const fits = (this.byKey.get(valueKey(value)) ?? []).filter((c) =>
      c.variable.scopes.some((s) => SCOPES[kind].includes(s)),
    );
    if (fits.length === 0) return undefined;
    const own = sourceId && field ? this.use.byNode.get(sourceId)?.get(field) : undefined;
    const same = fits.find((c) => c.variable.id === own);
    if (same) return same.variable;
    const used = (counts: Map<string, number> | undefined): Candidate | undefined => {
      let best: Candidate | undefined;
      for (const c of fits)
        if ((counts?.get(c.variable.id) ?? 0) > (best ? (counts?.get(best.variable.id) ?? 0) : 0)) best = c;
      return best;
    };
    const anyKind = new Map<string, number>();
    for (const counts of this.use.byKind.values())
      for (const [id, n] of counts) anyKind.set(id, (anyKind.get(id) ?? 0) + n);
    const chosen = used(this.use.byKind.get(kind)) ?? used(anyKind);
    if (chosen) return chosen.variable;
    const rank = (c: Candidate): number => (c.semantic ? 0 : 2) + (c.variable.scopes.includes("ALL_SCOPES") ? 1 : 0);
    return [...fits].sort((a, b) => rank(a) - rank(b) || a.variable.name.localeCompare(b.variable.name))[0]!.variable;
  }

  /** `paint` bound to the variable of its colour, or itself. */
  paint(paint: Paint, kind: "fill" | "textFill" | "stroke", sourceId?: string): Paint {
    if (paint.type !== "SOLID") return paint;
    const field = kind === "stroke" ? "strokes" : "fills";
    const variable = this.pick(kind, { ...paint.color, a: paint.opacity ?? 1 }, sourceId, field);
    if (!variable) return paint;
    this.count(kind);
    return figma.variables.setBoundVariableForPaint(paint, "color", variable);
  }

  /** Binds a built frame's gap, padding, radii, stroke weights and fixed sizes to the variables of their values. */
  frame(node: FrameNode, layer: LayerNode): void {
    const fields: string[] = [];
    if (node.layoutMode !== "NONE") {
      fields.push("itemSpacing", "paddingTop", "paddingRight", "paddingBottom", "paddingLeft");
      if (node.layoutWrap === "WRAP" && node.counterAxisSpacing !== null) fields.push("counterAxisSpacing");
    }
    if (layer.radii) fields.push("topLeftRadius", "topRightRadius", "bottomLeftRadius", "bottomRightRadius");
    if (layer.stroke) fields.push("strokeTopWeight", "strokeRightWeight", "strokeBottomWeight", "strokeLeftWeight");
    if (!layer.sizing || layer.sizing.horizontal.mode === "FIXED") fields.push("width");
    if (!layer.sizing || layer.sizing.vertical.mode === "FIXED") fields.push("height");
    const values = node as unknown as Record<string, unknown>;
    for (const field of fields) {
      const value = values[field];
      const kind = KIND_OF_FIELD[field]!;
      // A zero gap, padding or radius is no design decision; leave it unbound.
      if (typeof value !== "number" || (value === 0 && kind !== "size")) continue;
      const variable = this.pick(kind, value, layer.sourceId, field);
      if (!variable) continue;
      node.setBoundVariable(field as VariableBindableNodeField, variable);
      this.count(kind);
    }
  }

  private count(kind: FieldKind): void {
    this.counts[kind] = (this.counts[kind] ?? 0) + 1;
  }
}

/** A variable's own value in `modes` (its collection's default mode where `modes` has none). */
async function valueIn(variable: Variable, modes: Record<string, string>): Promise<VariableValue | undefined> {
  let mode = modes[variable.variableCollectionId];
  if (mode === undefined || !(mode in variable.valuesByMode)) {
    const collection = await figma.variables.getVariableCollectionByIdAsync(variable.variableCollectionId);
    mode = collection?.defaultModeId ?? Object.keys(variable.valuesByMode)[0];
  }
  return mode === undefined ? undefined : variable.valuesByMode[mode];
}

/** The number or colour `variable` resolves to, following aliases (at most 16 deep). */
async function resolve(variable: Variable, modes: Record<string, string>): Promise<Value | undefined> {
  let at: Variable | null = variable;
  for (let depth = 0; at && depth < 16; depth++) {
    const value = await valueIn(at, modes);
    if (typeof value === "number") return value;
    if (isRgb(value)) return { r: value.r, g: value.g, b: value.b, a: "a" in value ? value.a : 1 };
    if (!isAlias(value)) return undefined;
    at = await figma.variables.getVariableByIdAsync(value.id);
  }
  return undefined;
}

/** The source design's bindings: per layer and field, and how often each variable stands for each kind of field. */
function collectUse(roots: readonly SceneNode[]): DesignUse {
  const use: DesignUse = { byNode: new Map(), byKind: new Map() };
  const add = (node: SceneNode, field: string, kind: FieldKind, id: string): void => {
    const fields = use.byNode.get(node.id) ?? new Map<string, string>();
    if (!fields.has(field)) fields.set(field, id);
    use.byNode.set(node.id, fields);
    const counts = use.byKind.get(kind) ?? new Map<string, number>();
    counts.set(id, (counts.get(id) ?? 0) + 1);
    use.byKind.set(kind, counts);
  };
  const stack = [...roots];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const bound = ("boundVariables" in node ? node.boundVariables : undefined) ?? {};
    for (const [field, value] of Object.entries(bound)) {
      const kind = KIND_OF_FIELD[field];
      if (kind && isAlias(value)) add(node, field, kind, value.id);
    }
    for (const field of ["fills", "strokes"] as const) {
      const kind: FieldKind = field === "strokes" ? "stroke" : node.type === "TEXT" ? "textFill" : "fill";
      // The node lists its paints' bindings (boundVariables.fills); each paint has its own too.
      const listed = bound[field];
      const paints = field in node ? (node as unknown as Record<string, unknown>)[field] : undefined;
      const ids = new Set<string>(Array.isArray(listed) ? listed.filter(isAlias).map((a) => a.id) : []);
      for (const p of Array.isArray(paints) ? (paints as Paint[]) : []) {
        const color = p.type === "SOLID" ? p.boundVariables?.color : undefined;
        if (color) ids.add(color.id);
      }
      for (const id of ids) add(node, field, kind, id);
    }
    if ("children" in node) stack.push(...node.children);
  }
  return use;
}
