/**
 * How much of the real fixtures the evaluation suites take. `npm test` runs them on a fixed sample: every frame of
 * a file with a few, and of a file with many (the design system's 57 component sheets) its first three, its largest
 * and the frames a suite names as its hard cases. The bench's "eval" section runs the same suites on everything
 * (FIGMENT_EVAL=full), and every stop runs the whole bench: a frame outside the sample is still held to the goals,
 * once per stop instead of once per test run.
 */
import { plural } from "../../kernel/plural.js";

/** Set by the bench's "eval" section (bench/eval-suites.ts): every frame, every page. */
export const EVAL_FULL = process.env["FIGMENT_EVAL"] === "full";

/** A file with at most this many frames is taken whole. */
const WHOLE_UP_TO = 6;

/** Layers under `node`, itself included. */
export const layerCount = (node: { children?: unknown[] }): number =>
  1 + (node.children ?? []).reduce<number>((n, c) => n + layerCount(c as { children?: unknown[] }), 0);

/**
 * One file's frames to evaluate: all of them in a full run or when there are few; otherwise the first three, the
 * largest by layers, and those whose id is in `hard` — in the file's order.
 */
export function sampleFrames<T extends { id: string; children?: unknown[] }>(
  frames: readonly T[],
  hard: readonly string[] = [],
): T[] {
  if (EVAL_FULL || frames.length <= WHOLE_UP_TO) return [...frames];
  const largest = frames.reduce((a, b) => (layerCount(b) > layerCount(a) ? b : a));
  return frames.filter((frame, i) => i < 3 || frame === largest || hard.includes(frame.id));
}

/** Items of a list to evaluate: all in a full run, else every `step`-th from the first (the first always in). */
export function sampleEvery<T>(items: readonly T[], step: number): T[] {
  return EVAL_FULL ? [...items] : items.filter((_, i) => i % step === 0);
}

/** "10 of 57 frames" in a sample run, "57 frames" in a full one (`one`: "frame"): test names say what they cover. */
export function coverage(taken: number, of: number, one: string): string {
  return taken === of ? plural(of, one) : `${taken} of ${plural(of, one)}`;
}
