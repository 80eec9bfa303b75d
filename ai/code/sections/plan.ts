/**
 * The section planner (issue 74): whether a frame goes to the model in one request or section by section, and if so
 * which layers, which band of the frame's picture and which part of the hint each request carries.
 *
 * A frame is split when the provider would show its picture at less than MIN_PROVIDER_SCALE image px per design px
 * (limits.ts), or when its hint is over the token budget. The parts are layout inference's top-level sections (the
 * laid frame's children, as the hint prints them; one too tall for a request is opened into its own children), packed
 * in drawn order into bands of the frame's full width: each band at most `maxBandHeight` design px tall (one long side
 * of the provider's image at the picture's scale) and half the budget in hint tokens. The bands partition the frame's
 * height, so the crops cover the whole frame; each layer's hint line is in exactly one request.
 */
import { copyNode } from "../../../codegen/design/node.js";
import type { DesignDocument, DesignNode } from "../../../codegen/design/types.js";
import { printHint } from "../../../codegen/hint/print.js";
import type { Box } from "../../../codegen/layout/boxes.js";
import { simulateFrame } from "../../../codegen/layout/simulate.js";
import { providerScale, tilesFor, type ImageLimits, type PixelRect } from "./limits.js";

/** Below this many image px per design px (as the provider shows the whole frame) a frame is split. */
export const MIN_PROVIDER_SCALE = 0.5;

/** Hint tokens above which a frame is split whatever its picture (a part packs at most half of it). */
export const DEFAULT_HINT_BUDGET = 12_000;

export type SectionsMode = "auto" | "off";

export interface PlanOptions {
  mode: SectionsMode;
  limits: ImageLimits;
  /** The frame's picture in px (absent: structure only; then only the hint's tokens can split it). */
  image?: { width: number; height: number };
  /** Tokens of a text (ai/estimate countTextTokens, loaded). */
  countTokens: (text: string) => number;
  hintBudget?: number;
}

/** One request of a split frame. */
export interface PlannedSection {
  /** 0-based, in drawn order. */
  index: number;
  /** The component the section's answer exports (PascalCase, unique in the plan). */
  component: string;
  /** The layers' names, for people. */
  title: string;
  /** The band of the frame this request covers, design px from the frame's top-left (full width). */
  band: Box;
  /** The band cut into pictures the provider leaves unscaled, in the picture's px (none without a picture). */
  tiles: PixelRect[];
  /** This section's part of the hint: the frame with only these layers, printed as the whole hint is. */
  hint: string;
  hintTokens: number;
  /** The top-level layers (or opened layers) this section carries, by id. */
  layerIds: string[];
}

export interface SectionPlan {
  split: boolean;
  /** Why one request or several, in words for --dry-run. */
  why: string;
  /** Image px per design px of the picture given (1 without one). */
  pictureScale: number;
  /** The scale the provider would show the whole frame's picture at (1 without one). */
  wholeScale: number;
  hintTokens: number;
  hintBudget: number;
  maxBandHeight: number;
  limits: ImageLimits;
  /** Empty when not split. */
  sections: PlannedSection[];
}

interface Item {
  node: DesignNode;
  box: Box;
  /** Positioned over the flow (a decoration, a backdrop): its height does not grow the band. */
  over: boolean;
}

/**
 * The frame's top-level sections in drawn order; one taller than `maxH` with children opened into them, and one that
 * `tooBig` says is too large (get_design_hint's pages: its hint over the page size) opened into its children too.
 */
function itemsOf(
  frame: DesignNode,
  placed: ReadonlyMap<DesignNode, Box>,
  maxH: number,
  tooBig: (node: DesignNode) => boolean = () => false,
): Item[] {
  const items: Item[] = [];
  const visit = (node: DesignNode, parentFlows: boolean): void => {
    const box = placed.get(node) ?? { x: node.x ?? 0, y: node.y ?? 0, w: node.w, h: node.h };
    const over = node.absolute === true || !parentFlows;
    const kids = (node.children ?? []).filter((c) => !c.hidden);
    const opens = node.kind !== "text" && kids.length > 0;
    if (opens && ((!over && box.h > maxH && kids.length >= 2) || tooBig(node))) {
      for (const child of kids) visit(child, node.layout !== undefined);
      return;
    }
    items.push({ node, box, over });
  };
  const flows = frame.layout !== undefined;
  for (const child of (frame.children ?? []).filter((c) => !c.hidden)) visit(child, flows);
  return items.sort((a, b) => a.box.y - b.box.y);
}

/** `frame` with only `keep`'s layers (and the containers on their way), for printing one section's hint. */
function pruned(frame: DesignNode, keep: ReadonlySet<DesignNode>): DesignNode {
  const within = new Set<DesignNode>();
  const mark = (node: DesignNode): boolean => {
    let any = keep.has(node);
    for (const child of node.children ?? []) if (!keep.has(node) && mark(child)) any = true;
    if (any) within.add(node);
    return any;
  };
  mark(frame);
  const cut = (node: DesignNode): DesignNode =>
    keep.has(node) || !node.children
      ? node
      : copyNode(node, { children: node.children.filter((c) => within.has(c)).map(cut) });
  return cut(frame);
}

function partHint(doc: DesignDocument, frame: DesignNode, keep: ReadonlySet<DesignNode>): string {
  return framesPartHint(doc, [frame], keep);
}

/**
 * The hint of `frames` (top-level frames of `doc`) with only `keep`'s layers and the containers on their way; a frame
 * holding none of them is left out. Printed as the whole hint is: a hint of its own, which parseHint reads.
 */
export function framesPartHint(
  doc: DesignDocument,
  frames: readonly DesignNode[],
  keep: ReadonlySet<DesignNode>,
): string {
  const { drawings: _drawings, ...rest } = doc;
  const holding = (frame: DesignNode): boolean => {
    const has = (node: DesignNode): boolean => keep.has(node) || (node.children ?? []).some(has);
    return has(frame);
  };
  return printHint({ ...rest, frames: frames.filter(holding).map((frame) => pruned(frame, keep)) });
}

/** One section of a frame as get_design_hint pages it (hintSections). */
export interface HintSection {
  /** The top-level frame it is part of. */
  frame: DesignNode;
  /** Its layer (a top-level section of the frame, or one opened into its children). */
  node: DesignNode;
  /** The tokens of its hint alone (the frame with only this layer). */
  tokens: number;
  /** Over `maxTokens` and without children to split it along: sent alone. */
  overSize: boolean;
}

/**
 * The sections of `frame` (of the laid document `doc`) in drawn order, as the planner finds them: layout inference's
 * top-level sections, one whose own hint is over `maxTokens` opened into its children (as deep as it takes). A frame
 * whose hint fits is one section; a layer over the size that cannot be opened stays one, marked `overSize`.
 */
export function hintSections(
  doc: DesignDocument,
  frame: DesignNode,
  maxTokens: number,
  countTokens: (text: string) => number,
): HintSection[] {
  const tokensOf = (node: DesignNode): number => countTokens(partHint(doc, frame, new Set([node])));
  const whole = tokensOf(frame);
  if (whole <= maxTokens || !frame.children?.some((c) => !c.hidden))
    return [{ frame, node: frame, tokens: whole, overSize: whole > maxTokens }];
  const items = itemsOf(frame, simulateFrame(frame), Number.POSITIVE_INFINITY, (node) => tokensOf(node) > maxTokens);
  return items.map((item) => {
    const tokens = tokensOf(item.node);
    return { frame, node: item.node, tokens, overSize: tokens > maxTokens };
  });
}

/** PascalCase from a layer name, "Section" after it; unique among `taken`. */
function componentName(name: string, fallback: string, taken: Set<string>): string {
  const words = name
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter(Boolean);
  let base = words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join("") || fallback;
  if (/^\d/.test(base)) base = `S${base}`;
  if (!base.endsWith("Section")) base += "Section";
  let name2 = base;
  for (let k = 2; taken.has(name2); k++) name2 = `${base}${k}`;
  taken.add(name2);
  return name2;
}

/** Packs items into bands: drawn order, each band within `maxH` design px of flow and `maxTokens` of hint. */
function bands(items: readonly Item[], maxH: number, maxTokens: number, tokensOf: (items: Item[]) => number): Item[][] {
  const out: Item[][] = [];
  let current: Item[] = [];
  let top = 0;
  for (const item of items) {
    if (current.length > 0 && !item.over) {
      const flow = [...current, item].filter((i) => !i.over);
      const bottom = Math.max(...flow.map((i) => i.box.y + i.box.h));
      if (bottom - top > maxH || tokensOf([...current, item]) > maxTokens) {
        out.push(current);
        current = [];
        top = item.box.y;
      }
    }
    current.push(item);
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** The plan for `frame` of the laid document `doc` (codegen/hint/model.ts laidDocument), whose whole hint is `hint`. */
export function planSections(doc: DesignDocument, frame: DesignNode, hint: string, options: PlanOptions): SectionPlan {
  const budget = options.hintBudget ?? DEFAULT_HINT_BUDGET;
  const hintTokens = options.countTokens(hint);
  const image = options.image;
  const pictureScale = image && frame.w > 0 ? image.width / frame.w : 1;
  const wholeScale = image ? providerScale(image.width, image.height, options.limits) : 1;
  const maxBandHeight = image ? options.limits.longSide / pictureScale : Number.POSITIVE_INFINITY;
  const base = { pictureScale, wholeScale, hintTokens, hintBudget: budget, maxBandHeight, limits: options.limits };
  const one = (why: string): SectionPlan => ({ split: false, why, ...base, sections: [] });
  if (options.mode === "off") return one("--sections off: one request");
  const bigPicture = image !== undefined && wholeScale < MIN_PROVIDER_SCALE;
  const bigHint = hintTokens > budget;
  if (!bigPicture && !bigHint)
    return one(
      `one request: the provider shows the picture at ${wholeScale.toFixed(2)}× (split below ` +
        `${MIN_PROVIDER_SCALE}×) and the hint is ${hintTokens} tokens (split above ${budget})`,
    );

  const items = itemsOf(frame, simulateFrame(frame), maxBandHeight);
  const tokensOf = (list: Item[]): number =>
    options.countTokens(partHint(doc, frame, new Set(list.map((i) => i.node))));
  const packed = bands(items, maxBandHeight, budget / 2, tokensOf);
  if (packed.length < 2) return one("one request: the frame has a single section");
  const taken = new Set<string>();
  const tops = packed.map((list, k) =>
    k === 0 ? 0 : Math.max(0, Math.min(...list.filter((i) => !i.over).map((i) => i.box.y))),
  );
  const sections = packed.map((list, index): PlannedSection => {
    const y = tops[index]!;
    const bottom = index + 1 < tops.length ? tops[index + 1]! : frame.h;
    const band = { x: 0, y, w: frame.w, h: Math.max(0, bottom - y) };
    const partText = partHint(doc, frame, new Set(list.map((i) => i.node)));
    const named = list.filter((i) => !i.over)[0] ?? list[0]!;
    const pixels = image ? pixelBand(band, pictureScale, image) : undefined;
    return {
      index,
      component: componentName(named.node.name, `Part${index + 1}`, taken),
      title: list.map((i) => i.node.name || i.node.kind).join(", "),
      band,
      tiles: pixels ? tilesFor(pixels, options.limits) : [],
      hint: partText,
      hintTokens: options.countTokens(partText),
      layerIds: list.map((i) => i.node.id).filter(Boolean),
    };
  });
  const why = bigPicture
    ? `split: the provider would show the ${image!.width}×${image!.height} picture at ${wholeScale.toFixed(2)}× ` +
      `(below ${MIN_PROVIDER_SCALE}×)`
    : `split: the hint is ${hintTokens} tokens (over ${budget})`;
  return { split: true, why, ...base, sections };
}

/** A band in the picture's whole px, within the picture. */
function pixelBand(band: Box, scale: number, image: { width: number; height: number }): PixelRect {
  const y = Math.max(0, Math.round(band.y * scale));
  const bottom = Math.min(image.height, Math.round((band.y + band.h) * scale));
  return { x: 0, y, w: image.width, h: Math.max(0, bottom - y) };
}
