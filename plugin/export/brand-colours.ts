/**
 * The selection's colours for a batch's style spec: the paint styles and colour variables its visible fills
 * and strokes use (named through figma.getStyleByIdAsync and figma.variables, as the token export does),
 * then the most used plain solid paints — each colour once, by use, at most MAX_BRAND_COLOURS. The hex is the
 * paint's own colour (Figma resolves a bound variable for the layer's mode); a style or variable Figma no
 * longer knows counts as a plain colour. Read-only; yields to Figma every few hundred layers.
 */
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

const byte = (v: number): string => Math.round(Math.min(1, Math.max(0, v)) * 255).toString(16).padStart(2, "0").toUpperCase();

/** `#RRGGBB`, or `#RRGGBBAA` when the paint is not opaque. */
export function hexOf(paint: SolidPaint): string {
  const { r, g, b } = paint.color;
  const alpha = paint.opacity ?? 1;
  return `#${byte(r)}${byte(g)}${byte(b)}${alpha < 1 ? byte(alpha) : ""}`;
}

const visibleSolids = (paints: unknown): SolidPaint[] => (Array.isArray(paints) ? (paints as Paint[]).filter((p): p is SolidPaint => p.type === "SOLID" && p.visible !== false && (p.opacity ?? 1) > 0) : []);

function count(tallies: Map<string, Tally>, source: Tally["source"], id: string, hex: string): void {
  const key = `${source}\u0000${id}\u0000${hex}`;
  const tally = tallies.get(key);
  if (tally) tally.uses++;
  else tallies.set(key, { source, id, hex, uses: 1 });
}

/** Counts one layer's fills and strokes: its paint style when it has one, else each paint's variable or colour. */
function countNode(node: SceneNode, tallies: Map<string, Tally>): void {
  for (const [paintsKey, styleKey] of [["fills", "fillStyleId"], ["strokes", "strokeStyleId"]] as const) {
    const solids = visibleSolids(paintsKey in node ? (node as unknown as Record<string, unknown>)[paintsKey] : undefined);
    if (solids.length === 0) continue;
    const styleId = styleKey in node ? (node as unknown as Record<string, unknown>)[styleKey] : undefined;
    if (typeof styleId === "string" && styleId !== "") {
      count(tallies, "style", styleId, hexOf(solids[0]!));
      continue;
    }
    for (const paint of solids) {
      const alias = paint.boundVariables?.color;
      if (alias?.type === "VARIABLE_ALIAS") count(tallies, "variable", alias.id, hexOf(paint));
      else count(tallies, "fill", hexOf(paint), hexOf(paint));
    }
  }
}

async function walk(roots: readonly SceneNode[], tallies: Map<string, Tally>, job?: Job): Promise<void> {
  const stack: SceneNode[] = [...roots].reverse();
  let seen = 0;
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!node.visible) continue;
    countNode(node, tallies);
    if ("children" in node) for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
    if (++seen % YIELD_EVERY === 0) {
      await nextTask();
      if (job?.cancelled) throw new PluginError("cancelled", "Reading the colours was cancelled.");
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
  if (selection.length === 0) throw new PluginError("empty-selection", "Select the layers whose colours the batch should use (a frame of your design, or a few swatches), then read the colours again.");
  const tallies = new Map<string, Tally>();
  await walk(selection, tallies, job);
  const named: BrandColour[] = [];
  const plain = new Map<string, BrandColour>();
  for (const tally of tallies.values()) {
    const name = tally.source === "fill" ? undefined : await nameOf(tally);
    if (name !== undefined) {
      named.push({ hex: tally.hex, name, source: tally.source, uses: tally.uses });
      continue;
    }
    const same = plain.get(tally.hex);
    if (same) same.uses += tally.uses;
    else plain.set(tally.hex, { hex: tally.hex, source: "fill", uses: tally.uses });
  }
  // Named colours first (the file's own vocabulary), then plain ones; each by use, first seen first on ties.
  const byUse = (a: BrandColour, b: BrandColour): number => b.uses - a.uses;
  const seen = new Set<string>();
  const out: BrandColour[] = [];
  for (const colour of [...named.sort(byUse), ...[...plain.values()].sort(byUse)]) {
    if (seen.has(colour.hex)) continue;
    seen.add(colour.hex);
    out.push(colour);
    if (out.length === MAX_BRAND_COLOURS) break;
  }
  return out;
}
