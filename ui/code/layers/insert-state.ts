/**
 * "Insert as layers" step by step (issue 51): reading the page in its sandboxed iframe, building on the canvas with
 * progress, then done (with its notes), over the limit (what was built), cancelled (nothing left) or failed; and the
 * notes as the user reads them, the images that could not be placed gathered into one note that lists them. Pure.
 */
import type { LayerNode } from "../../../contract/layers.js";
import { MAX_LAYER_NODES } from "../../../contract/limits.js";
import { plural, pluralGrouped } from "../../../kernel/plural.js";

export type InsertState =
  | { phase: "idle" }
  | { phase: "reading"; width: number }
  | { phase: "building"; width: number; done: number; total: number }
  | { phase: "done"; width: number; built: number; notes: string[] }
  /** The page had more elements than the limit: the first ones were built. */
  | { phase: "limit"; width: number; built: number; notes: string[] }
  | { phase: "cancelled"; width: number }
  | { phase: "failed"; width: number; message: string };

export const isInserting = (state: InsertState): boolean => state.phase === "reading" || state.phase === "building";

export function countLayers(node: LayerNode): number {
  return 1 + (node.children ?? []).reduce((n, c) => n + countLayers(c), 0);
}

/** A note about an image that could not be placed (the reader's and the builder's words). */
const IMAGE_NOTE = /placeholder/i;
const MAX_LISTED = 8;

/**
 * The notes to show: fonts replaced and the rest as they are; every image note gathered into one that names the
 * external images the page has (or the sources the notes quote), the cancel and limit notes left to the state.
 */
export function noteLines(notes: readonly string[], external: readonly string[]): string[] {
  const images = notes.filter((n) => IMAGE_NOTE.test(n));
  const rest = notes.filter(
    (n) => !IMAGE_NOTE.test(n) && !/^Cancelled/.test(n) && !/^Built \d+ of \d+ layers/.test(n) && !/more than/.test(n),
  );
  const lines = [...new Set(rest)];
  if (images.length === 0 && external.length === 0) return lines;
  const quoted = images.flatMap((n) => {
    const src = /^The image (\S+)|^"([^"]+)"/.exec(n);
    const url = src?.[1] ?? src?.[2];
    return url && !url.startsWith("data:") ? [url] : [];
  });
  const named = [...new Set([...external, ...quoted])];
  const count = named.length > 0 ? named.length : images.length;
  const list = named.slice(0, MAX_LISTED).join(", ") + (named.length > MAX_LISTED ? `, …` : "");
  lines.unshift(
    `${plural(count, "image")} could not be loaded (the plugin loads no external images): ` +
      `grey placeholders stand in${list ? ` for ${list}` : ""}.`,
  );
  return lines;
}

/** The headline of a finished insertion. */
export function doneText(state: Extract<InsertState, { phase: "done" | "limit" }>): string {
  if (state.phase === "limit")
    return (
      `The page has more than ${MAX_LAYER_NODES.toLocaleString("en-US")} elements: the first ` +
      `${MAX_LAYER_NODES.toLocaleString("en-US")} were inserted as ${pluralGrouped(state.built, "layer")} at ` +
      `${state.width} px, the rest left out.`
    );
  return `Inserted ${pluralGrouped(state.built, "layer")} at ${state.width} px.`;
}
