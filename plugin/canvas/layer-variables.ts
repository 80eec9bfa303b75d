/**
 * Binds the layers' values to the file's variables (issue 51) with contract/layer-variables.ts's choice (the same
 * `figment layers` writes into its REST reply). The variables are the file's local ones and those the source design
 * binds, resolved for the source frame's modes (each collection's default elsewhere).
 */
import type { LayerNode, LayerText } from "../../contract/layers.js";
import {
  designUse,
  EFFECT_FIELDS,
  type FieldKind,
  KIND_OF_FIELD,
  opacityPercent,
  runValues,
  type TextField,
  VariableChooser,
  type VariableOption,
  type VariableValue as Value,
} from "../../contract/layer-variables.js";
import { fontOfRun } from "./layer-fonts.js";

export type { FieldKind } from "../../contract/layer-variables.js";

const isAlias = (v: unknown): v is VariableAlias =>
  typeof v === "object" && v !== null && (v as { type?: unknown }).type === "VARIABLE_ALIAS";
const isRgb = (v: unknown): v is RGB | RGBA =>
  typeof v === "object" && v !== null && typeof (v as { r?: unknown }).r === "number";

export class VariableBinder {
  private constructor(
    private readonly chooser: VariableChooser,
    private readonly byId: Map<string, Variable>,
  ) {}

  /** The file's variables and the source design's bindings (`design`: the frame the layers go beside). */
  static async load(design: readonly SceneNode[]): Promise<VariableBinder> {
    const use = designUse(design);
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
    const options: VariableOption[] = [];
    for (const variable of seen.values()) {
      if (variable.resolvedType === "BOOLEAN") continue;
      const own = await valueIn(variable, modes);
      const value = await resolve(variable, modes);
      if (value === undefined) continue;
      options.push({ id: variable.id, name: variable.name, scopes: variable.scopes, semantic: isAlias(own), value });
    }
    return new VariableBinder(new VariableChooser(options, use), seen);
  }

  /** Bindings made, by kind of field. */
  get counts(): Partial<Record<FieldKind, number>> {
    return this.chooser.counts;
  }

  get bound(): number {
    return this.chooser.bound;
  }

  /** The variable for `value` in a field of `kind` (`field` on the design layer `sourceId`), if one has it. */
  pick(kind: FieldKind, value: Value, sourceId?: string, field?: string): Variable | undefined {
    const option = this.chooser.pick(kind, value, sourceId, field);
    return option ? this.byId.get(option.id) : undefined;
  }

  /** `paint` bound to the variable of its colour, or itself. */
  paint(paint: Paint, kind: "fill" | "textFill" | "stroke", sourceId?: string): Paint {
    if (paint.type !== "SOLID") return paint;
    const field = kind === "stroke" ? "strokes" : "fills";
    const variable = this.pick(kind, { ...paint.color, a: paint.opacity ?? 1 }, sourceId, field);
    if (!variable) return paint;
    this.chooser.count(kind);
    return figma.variables.setBoundVariableForPaint(paint, "color", variable);
  }

  /** The variable for a value the node shows; a zero (or an opacity of 100 %) only where the design bound it. */
  private value(kind: FieldKind, value: Value | undefined, sourceId: string | undefined, field: string) {
    const option = this.chooser.pickShown(kind, value, sourceId, field);
    return option ? this.byId.get(option.id) : undefined;
  }

  /**
   * Binds the fill and stroke colours of an SVG's drawn shapes (the VECTORs createNodeFromSvg made of `layer.svg`),
   * as the REST reply binds them (bindShapeVariables): each by its shape's own element where the import made one
   * vector per shape the page drew.
   */
  shapes(svg: FrameNode, layer: LayerNode): void {
    const vectors = svg.findAll((n) => n.type === "VECTOR") as VectorNode[];
    const same = vectors.length === (layer.shapes?.length ?? 0);
    vectors.forEach((vector, i) => {
      const sourceId = same ? layer.shapes?.[i]?.sourceId : undefined;
      const fills = vector.fills === figma.mixed ? [] : vector.fills;
      const boundFills = fills.map((p) => this.paint(p, "fill", sourceId));
      if (boundFills.some((p, k) => p !== fills[k])) vector.fills = boundFills;
      const boundStrokes = vector.strokes.map((p) => this.paint(p, "stroke", sourceId));
      if (boundStrokes.some((p, k) => p !== vector.strokes[k])) vector.strokes = boundStrokes;
    });
  }

  /** Binds a layer's effects (each shadow's colour, blur, spread, offsets; a blur's radius) and its opacity. */
  style(node: FrameNode | TextNode, layer: LayerNode, sourceId: string | undefined): void {
    if (node.effects.length > 0)
      node.effects = node.effects.map((effect) => {
        const shadow = effect.type === "DROP_SHADOW" || effect.type === "INNER_SHADOW";
        if (!shadow && effect.type !== "LAYER_BLUR" && effect.type !== "BACKGROUND_BLUR") return effect;
        const values: Record<VariableBindableEffectField, Value | undefined> = shadow
          ? {
              color: { ...effect.color },
              radius: effect.radius,
              spread: effect.spread ?? 0,
              offsetX: effect.offset.x,
              offsetY: effect.offset.y,
            }
          : { color: undefined, radius: effect.radius, spread: undefined, offsetX: undefined, offsetY: undefined };
        let out: Effect = effect;
        for (const [field, kind] of Object.entries(EFFECT_FIELDS) as [VariableBindableEffectField, FieldKind][]) {
          const variable = this.value(kind, values[field], sourceId, `effects.${field}`);
          if (!variable) continue;
          out = figma.variables.setBoundVariableForEffect(out, field, variable);
          this.chooser.count(kind);
        }
        return out;
      });
    if (layer.opacity !== undefined) {
      const variable = this.value("opacity", opacityPercent(node.opacity), sourceId, "opacity");
      if (variable) {
        node.setBoundVariable("opacity", variable);
        this.chooser.count("opacity");
      }
    }
  }

  /**
   * Binds a text layer's family, style, weight, size, line height and letter spacing: the whole layer where every
   * run takes one variable, else run by run (setRangeBoundVariable).
   */
  text(node: TextNode, text: LayerText, sourceId: string | undefined): void {
    const runs = text.runs.filter((r) => r.end > r.start);
    const picks = runs.map((run) => {
      const style = node.getRangeFontName(run.start, run.end);
      const loaded = typeof style === "symbol" ? fontOfRun(run).style : style.style;
      return new Map(
        runValues(run, loaded).map(([field, value]) => [
          field,
          this.value(KIND_OF_FIELD[field]!, value, sourceId, field),
        ]),
      );
    });
    const fields = new Set(picks.flatMap((p) => [...p.keys()]));
    for (const field of fields as Set<TextField>) {
      const chosen = picks.map((p) => p.get(field));
      const kind = KIND_OF_FIELD[field]!;
      const first = chosen[0];
      if (first && chosen.every((v) => v?.id === first.id)) {
        node.setBoundVariable(field, first);
        this.chooser.count(kind);
        continue;
      }
      chosen.forEach((variable, i) => {
        if (!variable) return;
        node.setRangeBoundVariable(runs[i]!.start, runs[i]!.end, field, variable);
        this.chooser.count(kind);
      });
    }
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
      this.chooser.count(kind);
    }
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
    if (typeof value === "number" || typeof value === "string") return value;
    if (isRgb(value)) return { r: value.r, g: value.g, b: value.b, a: "a" in value ? value.a : 1 };
    if (!isAlias(value)) return undefined;
    at = await figma.variables.getVariableByIdAsync(value.id);
  }
  return undefined;
}
