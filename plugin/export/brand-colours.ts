/**
 * The selection's colours for a Rows run's style spec: the paint styles and colour variables its visible fills
 * and strokes use (named through figma.getStyleByIdAsync and figma.variables, as the token export does),
 * then the most used plain solid paints — each colour once (its uses summed, named by its most used style or
 * variable), by use, at most MAX_BRAND_COLOURS. The hex is the paint's own colour (Figma resolves a bound
 * variable for the layer's mode); a style or variable Figma no longer knows counts as a plain colour. Read-only; yields
 * to Figma every few hundred layers.
 */
import { Cancelled } from "../../kernel/cancelled.js";
import { MAX_BRAND_COLOURS, type BrandColour } from "../../contract/image.js";
import { PluginError } from "../errors.js";
import { nextTask, type Job } from "../tasks.js";

/** Layers between two yields to Figma. */
const YIELD_EVERY = 300;

/** One colour as counted: keyed by its source and id (or hex for plain paints). */
interface Tally {
  source: BrandColour["source"];
  /** Style or variable id (plain: the hex). */
  id: string;
  hex: string;
  uses: number;
}

const byte = (v: number): string =>
  Math.round(Math.min(1, Math.max(0, v)) * 255)
    .toString(16)
    .padStart(2, "0")
    .toUpperCase();

/** `#RRGGBB`, or `#RRGGBBAA` when the paint is not opaque. */
export function hexOf(paint: SolidPaint): string {
  const { r, g, b } = paint.color;
  const alpha = paint.opacity ?? 1;
  return `#${byte(r)}${byte(g)}${byte(b)}${alpha < 1 ? byte(alpha) : ""}`;
}

function count(tallies: Map<string, Tally>, source: Tally["source"], id: string, hex: string): void {
  const key = `${source}\u0000${id}\u0000${hex}`;
  const tally = tallies.get(key);
  if (tally) tally.uses++;
  else tallies.set(key, { source, id, hex, uses: 1 });
}

/** The variable a paint is bound to: on the paint itself, or in the layer's `boundVariables` at the paint's index. */
function aliasOf(paint: SolidPaint, nodeBound: unknown, index: number): string | undefined {
  const own = paint.boundVariables?.color;
  if (own?.type === "VARIABLE_ALIAS") return own.id;
  const listed = Array.isArray(nodeBound) ? (nodeBound[index] as VariableAlias | undefined) : undefined;
  return listed?.type === "VARIABLE_ALIAS" ? listed.id : undefined;
}

/** Counts one layer's fills and strokes: its paint style when it has one, else each paint's variable or colour. */
function countNode(node: SceneNode, tallies: Map<string, Tally>): void {
  const fields = node as unknown as Record<string, unknown>;
  const bound = ("boundVariables" in node ? node.boundVariables : undefined) as Record<string, unknown> | undefined;
  for (const [paintsKey, styleKey] of [
    ["fills", "fillStyleId"],
    ["strokes", "strokeStyleId"],
  ] as const) {
    const paints = paintsKey in node ? fields[paintsKey] : undefined;
    if (!Array.isArray(paints)) continue; // figma.mixed: a text with several fills (not read)
    const styleId = styleKey in node ? fields[styleKey] : undefined;
    const named = typeof styleId === "string" && styleId !== "";
    (paints as Paint[]).forEach((paint, index) => {
      if (paint.type !== "SOLID" || paint.visible === false || (paint.opacity ?? 1) <= 0) return;
      const hex = hexOf(paint);
      const alias = aliasOf(paint, bound?.[paintsKey], index);
      if (named) count(tallies, "style", styleId, hex);
      else if (alias !== undefined) count(tallies, "variable", alias, hex);
      else count(tallies, "fill", hex, hex);
    });
  }
}

async function walk(roots: readonly SceneNode[], tallies: Map<string, Tally>, job?: Job): Promise<void> {
  const stack: SceneNode[] = [...roots].reverse();
  // A layer selected together with a frame that holds it is counted once.
  const visited = new Set<string>();
  let seen = 0;
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!node.visible || visited.has(node.id)) continue;
    visited.add(node.id);
    countNode(node, tallies);
    if ("children" in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
    if (++seen % YIELD_EVERY === 0) {
      await nextTask();
      if (job?.cancelled) throw new Cancelled("Reading the colours was cancelled.");
    }
  }
}

/** The style's or variable's name; undefined when Figma no longer knows it (it then counts as a plain colour). */
async function nameOf(tally: Tally): Promise<string | undefined> {
  if (tally.source === "style") {
    const style = await figma.getStyleByIdAsync(tally.id);
    return style?.type === "PAINT" ? style.name : undefined;
  }
  if (tally.source === "variable") {
    const variable = await figma.variables.getVariableByIdAsync(tally.id);
    return variable?.resolvedType === "COLOR" ? variable.name : undefined;
  }
  return undefined;
}

/** The selection's brand colours; `empty-selection` when nothing is selected. */
export async function readBrandColours(selection: readonly SceneNode[], job?: Job): Promise<BrandColour[]> {
  if (selection.length === 0)
    throw new PluginError(
      "empty-selection",
      "Select the layers whose colours the images should use (a frame " +
        "of your design, or a few swatches), then read the colours again.",
    );
  const tallies = new Map<string, Tally>();
  await walk(selection, tallies, job);
  // Each colour once: its uses summed over styles, variables and plain paints, named by its most used style
  // or variable (the first seen on a tie).
  const groups = new Map<
    string,
    { uses: number; name?: { name: string; source: "style" | "variable"; uses: number } }
  >();
  for (const tally of tallies.values()) {
    const group = groups.get(tally.hex) ?? { uses: 0 };
    groups.set(tally.hex, group);
    group.uses += tally.uses;
    const name = tally.source === "fill" ? undefined : await nameOf(tally);
    if (name !== undefined && tally.source !== "fill" && (!group.name || tally.uses > group.name.uses))
      group.name = { name, source: tally.source, uses: tally.uses };
  }
  const colours: BrandColour[] = [...groups].map(([hex, g]) =>
    g.name ? { hex, name: g.name.name, source: g.name.source, uses: g.uses } : { hex, source: "fill", uses: g.uses },
  );
  // Named colours first (the file's own vocabulary), then plain ones; each by use, first seen first on ties.
  const rank = (c: BrandColour): number => (c.source === "fill" ? 1 : 0);
  return colours.sort((a, b) => rank(a) - rank(b) || b.uses - a.uses).slice(0, MAX_BRAND_COLOURS);
}
