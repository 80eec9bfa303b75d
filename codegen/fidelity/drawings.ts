/**
 * The score of a page drawn at several widths (issue 70, codegen/design/drawings.ts): its one DOM measured at each
 * drawn width against that drawing's own frame. The page's elements carry one `data-node-id` (the widest drawing's
 * layer) and, when they stand for layers of several drawings, `data-node-ids` with all of them; measured against a
 * drawing, each element answers to that drawing's layer (`asDrawing`). The other widths measured (390, 768, 1920 by
 * default) are each read against the drawing that applies there: the widest drawn at or below it, else the
 * narrowest. Pure: the CLI (cli/code/score.ts, cli/score/) and the panel (ui/code/score/) run the pages.
 */
import type { SourceFile } from "../types.js";
import type { RestNode } from "./design-nodes.js";
import { DEFAULT_WIDTHS, widthsFor } from "./responsive.js";
import { percent, scoreTone } from "./summary.js";
import type { FidelityScore } from "./types.js";

/** The ids of `frame` and every layer in it. */
export function layerIdsOf(frame: RestNode, out = new Set<string>()): Set<string> {
  out.add(frame.id);
  for (const child of frame.children ?? []) layerIdsOf(child, out);
  return out;
}

/** An opening tag that carries `data-node-ids` (either order of the two attributes). */
const TAG_WITH_IDS = /<[^<>]*\sdata-node-ids="([^"]*)"[^<>]*>/g;

/** `markup` with each element's `data-node-id` made the one of its `data-node-ids` that is drawing `ids`' layer. */
export function asDrawingMarkup(markup: string, ids: ReadonlySet<string>): string {
  return markup.replace(TAG_WITH_IDS, (tag, all: string) => {
    const mine = all.split(" ").find((id) => ids.has(id));
    return mine ? tag.replace(/(\sdata-node-id=")[^"]*"/, (_whole, head: string) => `${head}${mine}"`) : tag;
  });
}

/** The page's files with each element answering to drawing `ids`' layer (asDrawingMarkup on every markup file). */
export function asDrawing(files: readonly SourceFile[], ids: ReadonlySet<string>): SourceFile[] {
  return files.map((file) =>
    file.bytes || !/\.(html?|[jt]sx|vue|svelte)$/.test(file.path)
      ? file
      : { ...file, content: asDrawingMarkup(file.content, ids) },
  );
}

/** The drawing that applies at `width` (drawn widths widest first): the widest at or below it, else the narrowest. */
export function drawingAt(drawnWidths: readonly number[], width: number): number {
  const k = drawnWidths.findIndex((w) => Math.round(w) <= width);
  return k >= 0 ? k : drawnWidths.length - 1;
}

/**
 * The widths to measure each drawing at (drawn widths widest first; `requested` as `--widths` gives them, 0 the
 * design width): its own drawn width (0), and each other width it is the drawing that applies at.
 */
export function widthsPerDrawing(drawnWidths: readonly number[], requested?: readonly number[]): number[][] {
  const others = requested && requested.length > 0 ? requested.filter((w) => w !== 0) : [...DEFAULT_WIDTHS];
  const own = new Set(drawnWidths.map((w) => Math.round(w)));
  return drawnWidths.map((drawn, k) => [
    0,
    ...widthsFor(drawn, others).filter((w) => !own.has(w) && drawingAt(drawnWidths, w) === k),
  ]);
}

/** A drawing by its device and width: "Desktop 1440", "Tablet 768", "Phone 375". */
export function drawingLabel(width: number): string {
  const w = Math.round(width);
  return `${w <= 480 ? "Phone" : w < 1024 ? "Tablet" : "Desktop"} ${w}`;
}

/**
 * The page's score: the widest drawing's (its frame is the page's), with every drawing's in `drawings`, widest first.
 */
export function pageScore(scores: readonly FidelityScore[]): FidelityScore {
  const [first] = scores;
  if (!first) throw new Error("a page's score needs a drawing's");
  return scores.length === 1 ? first : { ...first, drawings: [...scores] };
}

/** "Desktop 1440: matches 99 % · Tablet 768: matches 97 % · Phone 375: matches 95 %". */
export function drawingsSummary(drawings: readonly FidelityScore[]): string {
  return drawings.map((d) => `${drawingLabel(d.designWidth)}: matches ${percent(d.iouMatched)}`).join(" · ");
}

/** The page's tone: its worst drawing's. */
export function pageTone(score: FidelityScore): "good" | "fair" | "poor" {
  const tones = (score.drawings ?? [score]).map(scoreTone);
  return tones.includes("poor") ? "poor" : tones.includes("fair") ? "fair" : "good";
}
