/**
 * Bound variables and named styles of the exported layers → the token table. Reads the REST nodes for what
 * is bound (`boundVariables`, paints' and effects' `boundVariables`, `styles`, `explicitVariableModes`) and
 * the design tree for the literal values the emitters would write, so a token replaces exactly that value.
 * Pure; what cannot be used is an info problem and the literal value stays.
 */
import { cssColor, readColor } from "../design/color.js";
import { fieldWords } from "../design/field-words.js";
import type { DesignExtras } from "../design/extras.js";
import type { DesignDocument, DesignNode } from "../design/types.js";
import { isRecord, type RestContext, type RestNode } from "../rest/reply.js";
import type { Problem } from "../types.js";
import { TokenRegistry } from "./registry.js";
import { bindStyles, type StyleUse } from "./styles.js";
import type { NodeTokens, TokenTable } from "../design/token-table.js";

type Raw = Record<string, unknown>;

function aliasId(raw: unknown): string | undefined {
  if (Array.isArray(raw)) return aliasId(raw[0]);
  return isRecord(raw) && raw["type"] === "VARIABLE_ALIAS" && typeof raw["id"] === "string" ? raw["id"] : undefined;
}

function designNodes(doc: DesignDocument): Map<string, DesignNode> {
  const out = new Map<string, DesignNode>();
  const stack = [...doc.frames];
  while (stack.length > 0) {
    const node = stack.pop()!;
    out.set(node.id, node);
    stack.push(...(node.children ?? []));
  }
  return out;
}

/** Colour bindings of a paint list (fills, strokes): per visible solid paint, its literal and its variable. */
function paintBindings(
  reg: TokenRegistry,
  node: RestNode,
  field: "fills" | "strokes",
  what: string,
): { literal: string; key: string; opacity: number }[] {
  const paints = Array.isArray(node[field]) ? (node[field] as unknown[]) : [];
  const nodeLevel = isRecord(node["boundVariables"]) ? node["boundVariables"][field] : undefined;
  const out: { literal: string; key: string; opacity: number }[] = [];
  paints.forEach((paint, i) => {
    if (!isRecord(paint) || paint["visible"] === false || paint["type"] !== "SOLID") return;
    const id =
      aliasId(isRecord(paint["boundVariables"]) ? paint["boundVariables"]["color"] : undefined) ??
      aliasId(Array.isArray(nodeLevel) ? nodeLevel[i] : undefined);
    const color = readColor(paint["color"]);
    if (!id || !color) return;
    const opacity = typeof paint["opacity"] === "number" ? paint["opacity"] : 1;
    const key = reg.variable(id, "color", "color", what, node);
    if (key) out.push({ literal: cssColor(color, opacity), key, opacity });
  });
  return out;
}

/** A shadow's bound fields, as Figma's effect panel names them. */
const SHADOW_WORDS: Record<string, string> = {
  radius: "blur",
  spread: "spread",
  offsetX: "X offset",
  offsetY: "Y offset",
};

function effectBindings(reg: TokenRegistry, node: RestNode): { literal: string; key: string; opacity: number }[] {
  const effects = Array.isArray(node["effects"]) ? (node["effects"] as unknown[]) : [];
  const out: { literal: string; key: string; opacity: number }[] = [];
  for (const effect of effects) {
    if (!isRecord(effect) || effect["visible"] === false || !isRecord(effect["boundVariables"])) continue;
    const bound = effect["boundVariables"];
    const id = aliasId(bound["color"]);
    const color = readColor(effect["color"]);
    if (id && color) {
      const key = reg.variable(id, "color", "color", "a shadow's colour", node);
      if (key) out.push({ literal: cssColor(color), key, opacity: 1 });
    }
    for (const field of Object.keys(SHADOW_WORDS)) {
      if (aliasId(bound[field]))
        reg.note(
          `effect-${field}`,
          `A shadow's ${SHADOW_WORDS[field]} is bound to a variable on "${node.name}"; ` +
            `only shadow colours become tokens, so its literal value is used`,
          node.id,
        );
    }
  }
  return out;
}

const LENGTHS: [keyof NodeTokens & string, string, string][] = [
  ["gap", "itemSpacing", "the gap"],
  ["crossGap", "counterAxisSpacing", "the gap between lines"],
  ["minW", "minWidth", "the minimum width"],
  ["maxW", "maxWidth", "the maximum width"],
  ["minH", "minHeight", "the minimum height"],
  ["maxH", "maxHeight", "the maximum height"],
];

const TEXT: [
  keyof NonNullable<NodeTokens["text"]>,
  string,
  "length" | "number" | "font",
  "text" | "leading" | "tracking" | "font-weight" | "font",
][] = [
  ["size", "fontSize", "length", "text"],
  ["lineHeight", "lineHeight", "length", "leading"],
  ["letterSpacing", "letterSpacing", "length", "tracking"],
  ["weight", "fontWeight", "number", "font-weight"],
  ["family", "fontFamily", "font", "font"],
];

/** Whether some paint, effect or style of a list is bound to a variable (`boundVariables` of its own). */
const someBound = (list: unknown): boolean =>
  Array.isArray(list) && list.some((item) => isRecord(item) && item["boundVariables"] !== undefined);

/** Whether anything of a layer is bound to a variable: most layers of most files have nothing bound. */
function hasBindings(node: RestNode): boolean {
  const style = node["style"];
  return (
    node["boundVariables"] !== undefined ||
    someBound(node["fills"]) ||
    someBound(node["strokes"]) ||
    someBound(node["effects"]) ||
    (isRecord(style) && style["boundVariables"] !== undefined)
  );
}

/** The variables bound on one layer. */
function nodeVariables(reg: TokenRegistry, node: RestNode): NodeTokens {
  if (!hasBindings(node)) return {};
  const bound: Raw = isRecord(node["boundVariables"]) ? node["boundVariables"] : {};
  const out: NodeTokens = {};
  const length = (field: string, what: string, group: "spacing" | "radius" = "spacing"): string | undefined => {
    const id = aliasId(bound[field]);
    return id ? reg.variable(id, "length", group, what, node) : undefined;
  };
  const fills = paintBindings(reg, node, "fills", node.type === "TEXT" ? "the text colour" : "the fill");
  if (fills.length) out.fills = fills;
  const stroke = paintBindings(reg, node, "strokes", "the stroke colour")[0];
  if (stroke) out.stroke = stroke;
  const effects = effectBindings(reg, node);
  if (effects.length) out.effects = effects;
  for (const [prop, field, what] of LENGTHS) {
    const key = length(field, what);
    if (key) out[prop] = key as never;
  }
  const padding = ["paddingTop", "paddingRight", "paddingBottom", "paddingLeft"].map((f) => length(f, "the padding"));
  if (padding.some(Boolean)) out.padding = padding;
  // Figma's REST writes a layer's radii under rectangleCornerRadii (the Plugin API's names are read too).
  const corners: Raw = isRecord(bound["rectangleCornerRadii"]) ? bound["rectangleCornerRadii"] : {};
  const radius = ["TOP_LEFT", "TOP_RIGHT", "BOTTOM_RIGHT", "BOTTOM_LEFT"].map((corner) => {
    const id = aliasId(corners[`RECTANGLE_${corner}_CORNER_RADIUS`]);
    if (id) return reg.variable(id, "length", "radius", "the corner radius", node);
    const field = corner.toLowerCase().replace(/_(\w)/, (_, c: string) => c.toUpperCase()) + "Radius";
    return length(field, "the corner radius", "radius");
  });
  if (radius.some(Boolean)) out.radius = radius;
  const size = isRecord(bound["size"]) ? bound["size"] : {};
  const width = aliasId(size["x"] ?? bound["width"]);
  const height = aliasId(size["y"] ?? bound["height"]);
  if (width) out.width = reg.variable(width, "length", "spacing", "the width", node);
  if (height) out.height = reg.variable(height, "length", "spacing", "the height", node);
  const opacity = aliasId(bound["opacity"]);
  if (opacity) out.opacity = reg.variable(opacity, "opacity", "number", "the opacity", node);
  const styleBound: Raw =
    isRecord(node["style"]) && isRecord(node["style"]["boundVariables"]) ? node["style"]["boundVariables"] : {};
  for (const [prop, field, use, group] of TEXT) {
    const id = aliasId(bound[field]) ?? aliasId(styleBound[field]);
    const key = id ? reg.variable(id, use, group, `the ${fieldWords([field])[0]!}`, node) : undefined;
    if (key) (out.text ??= {})[prop] = key;
  }
  for (const field of [
    "characters",
    "visible",
    "strokeWeight",
    "individualStrokeWeights",
    "paragraphSpacing",
    "fontStyle",
  ]) {
    if (bound[field] !== undefined)
      reg.note(
        `unsupported-${field}`,
        `The ${fieldWords([field])[0]!} of "${node.name}" is bound to a variable; Figment keeps ` +
          `its literal value (only colours, sizes, spacing, radii, opacity and type become tokens)`,
        node.id,
      );
  }
  return clean(out);
}

/** The fill and stroke colours bound on a shape drawn inside an SVG. */
function shapePaints(reg: TokenRegistry, node: RestNode): NodeTokens {
  const out: NodeTokens = {};
  const fills = paintBindings(reg, node, "fills", "the fill");
  if (fills.length) out.fills = fills;
  const stroke = paintBindings(reg, node, "strokes", "the stroke colour")[0];
  if (stroke) out.stroke = stroke;
  return out;
}

function clean(out: NodeTokens): NodeTokens {
  for (const key of Object.keys(out) as (keyof NodeTokens)[]) if (out[key] === undefined) delete out[key];
  return out;
}

/** Resolves the tokens of the exported layers; undefined when nothing is bound and no named style repeats. */
export function resolveTokens(
  roots: RestNode[],
  doc: DesignDocument,
  context: RestContext,
  extras: DesignExtras | undefined,
): { table?: TokenTable; problems: Problem[] } {
  const reg = new TokenRegistry(extras?.variables);
  const design = designNodes(doc);
  const nodes: Record<string, NodeTokens> = {};
  const explicit: [string, string, string][] = [];
  const styleUses: StyleUse[] = [];
  const styleName = (id: string): string | undefined => extras?.styles?.[id]?.name ?? context.styles.get(id)?.name;

  const walk = (node: RestNode, inSvg: boolean): void => {
    if (node["visible"] === false) return;
    const drawn = design.get(node.id);
    if (!drawn && inSvg) {
      // A shape drawn inside its parent's inline SVG: only its paint colours can become tokens there.
      const paints = shapePaints(reg, node);
      if (Object.keys(paints).length > 0) nodes[node.id] = paints;
    }
    // Layers the design tree dropped (unsupported kinds) draw nothing; their children may still be drawn.
    if (drawn) {
      const found = nodeVariables(reg, node);
      if (Object.keys(found).length > 0) nodes[node.id] = found;
      const modes = node["explicitVariableModes"];
      if (isRecord(modes)) {
        for (const [collection, mode] of Object.entries(modes))
          if (typeof mode === "string") explicit.push([node.id, collection, mode]);
      }
      const styles = node["styles"];
      if (isRecord(styles)) {
        for (const [facet, id] of Object.entries(styles)) {
          const name = typeof id === "string" ? styleName(id) : undefined;
          if (name) styleUses.push({ nodeId: node.id, facet, styleId: id as string, name });
        }
      }
    }
    const svg = inSvg || drawn?.asset !== undefined;
    for (const child of node.children ?? []) walk(child, svg);
  };
  for (const root of roots) {
    // The mode a frame resolves to from outside the export (a dark section around it), as the plugin saw it.
    const own = isRecord(root["explicitVariableModes"]) ? root["explicitVariableModes"] : {};
    for (const [collection, mode] of Object.entries(extras?.variableModes?.[root.id] ?? {})) {
      if (own[collection] === undefined && reg.collection(collection)?.defaultModeId !== mode)
        explicit.push([root.id, collection, mode]);
    }
    walk(root, false);
  }
  bindStyles(reg, styleUses, design, nodes);

  const modes = reg.finishModes();
  const modeAttrs: Record<string, [string, string][]> = {};
  for (const [nodeId, collectionId, modeId] of explicit) {
    // Only collections whose tokens switch by mode need the attribute.
    const entry = modes.find((m) => m.id === `${collectionId}/${modeId}`);
    if (entry) (modeAttrs[nodeId] ??= []).push([entry.attribute, entry.value]);
  }
  if (reg.tokens.size === 0) return { problems: reg.problems };
  return { table: { tokens: [...reg.tokens.values()], modes, nodes, modeAttrs }, problems: reg.problems };
}
