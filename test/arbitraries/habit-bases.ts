/**
 * The real frames the habits are applied to (issue 49 item 5): every page drawn without auto layout at its top in
 * test/fixtures/real/ (test/helpers/real-files.ts: "absolute", or "absolute, auto layout inside") wide enough for the
 * layout check (wider than COMPACT_WIDTH), and every page of the corpus (test/fixtures/corpus/), smallest first — so
 * that a failing case shrinks towards the smallest frame.
 *
 * A case takes a band of its frame, or the whole frame: `count` of its top-level layers from the `start`-th down the
 * page (sorted by top edge), the frame cropped to them (from the highest one's top, never below the frame's own top,
 * so a layer bleeding
 * above the frame keeps bleeding, to the lowest one's bottom). A shrunk case is a small file: one or two layers of a
 * real page with the edits that break it.
 */
import fc from "fast-check";
import { readRestReply } from "../../codegen/rest/reply.js";
import { COMPACT_WIDTH } from "../../codegen/layout/index.js";
import { corpusJson, corpusPages } from "../helpers/corpus-frames.js";
import { layerCount } from "../helpers/eval-sample.js";
import { realFiles, topLevelFrames } from "../helpers/real-files.js";
import { applyHabits, habits, type Habit } from "./habits.js";
import { boxOf, childrenOf, type Raw } from "./rest-boxes.js";

/** A real frame and the reply metadata (components, component sets, styles) that came with it. */
export interface HabitBase {
  /** "<file>#<frame id>". */
  name: string;
  frame: Raw;
  meta: Raw;
}

const META_KEYS = ["components", "componentSets", "styles"];

function metaOf(holder: Raw): Raw {
  const meta: Raw = {};
  for (const key of META_KEYS) if (holder[key] !== undefined) meta[key] = holder[key];
  return meta;
}

let bases: HabitBase[] | undefined;

/** Every base frame, fewest layers first (read once per run). */
export function habitBases(): HabitBase[] {
  if (bases) return bases;
  const out: HabitBase[] = [];
  for (const file of realFiles()) {
    const meta = metaOf(file.json as Raw);
    for (const frame of topLevelFrames(file)) {
      if (frame.hidden || frame.drawing === "auto layout" || frame.width <= COMPACT_WIDTH) continue;
      if (childrenOf(frame.node).length < 2) continue;
      out.push({ name: `${file.name}#${frame.id}`, frame: frame.node, meta });
    }
  }
  for (const page of corpusPages()) {
    const json = corpusJson(page) as { nodes: Record<string, Raw> };
    for (const [id, entry] of Object.entries(json.nodes)) {
      const root = readRestReply({ nodes: { [id]: entry } }).roots[0];
      if (root && boxOf(root) && boxOf(root)!.width > COMPACT_WIDTH)
        out.push({ name: `corpus/${page.name}#${id}`, frame: root, meta: metaOf(entry) });
    }
  }
  bases = out.sort((a, b) => layerCount(a.frame) - layerCount(b.frame) || a.name.localeCompare(b.name));
  return bases;
}

/** A band's count that takes every layer. */
const WHOLE = 10_000;

/** One generated case: a band of a base frame, then the habits. */
export interface HabitCase {
  base: number;
  start: number;
  count: number;
  habits: Habit[];
}

export const habitCase: fc.Arbitrary<HabitCase> = fc.record({
  base: fc.nat({ max: 10_000 }),
  start: fc.nat({ max: 1_000 }),
  // A band of a few layers, or (a third of the time) the whole frame.
  count: fc.oneof(
    { withCrossShrink: true },
    { weight: 2, arbitrary: fc.integer({ min: 1, max: 12 }) },
    { weight: 1, arbitrary: fc.constant(WHOLE) },
  ),
  habits,
});

/** The band of `frame` a case takes: its chosen top-level layers, the frame cropped to them. */
export function band(frame: Raw, start: number, count: number): Raw {
  const copy = structuredClone(frame);
  const children = childrenOf(copy);
  const byTop = [...children].filter((c) => boxOf(c)).sort((a, b) => boxOf(a)!.y - boxOf(b)!.y);
  // Every layer: the frame as drawn.
  if (byTop.length === 0 || count >= byTop.length) return copy;
  const from = start % byTop.length;
  const kept = new Set(byTop.slice(from, from + count));
  copy["children"] = children.filter((c) => kept.has(c));
  return cropped(copy);
}

/**
 * The frame cropped to its layers: from the highest one's top (never above the frame's own, so that a layer bleeding
 * above it keeps bleeding) to the lowest one's bottom (never below the frame's own). The frame as it is when its
 * layers all lie outside it.
 */
export function cropped(frame: Raw): Raw {
  const copy = structuredClone(frame);
  const frameBox = boxOf(copy)!;
  const boxes = childrenOf(copy).flatMap((c) => boxOf(c) ?? []);
  if (boxes.length === 0) return copy;
  const top = Math.max(frameBox.y, Math.min(...boxes.map((b) => b.y)));
  const bottom = Math.min(frameBox.y + frameBox.height, Math.max(...boxes.map((b) => b.y + b.height)));
  if (bottom - top < 1) return copy;
  const box = { ...frameBox, y: top, height: bottom - top };
  copy["absoluteBoundingBox"] = box;
  if (copy["absoluteRenderBounds"] !== undefined) copy["absoluteRenderBounds"] = { ...box };
  if (copy["size"] !== undefined) copy["size"] = { x: box.width, y: box.height };
  // The layers' transforms place them against the frame's top-left, which moved down.
  const dy = top - frameBox.y;
  for (const child of childrenOf(copy)) {
    const t = child["relativeTransform"];
    if (Array.isArray(t) && Array.isArray(t[1]) && typeof t[1][2] === "number")
      child["relativeTransform"] = [t[0], [t[1][0], t[1][1], t[1][2] - dy]];
  }
  return copy;
}

/** Components and styles the frame refers to, of the base's (a shrunk file keeps only what it uses). */
export function usedMeta(frame: Raw, meta: Raw): Raw {
  const text = JSON.stringify(frame);
  const out: Raw = {};
  for (const key of META_KEYS) {
    const table = meta[key];
    if (typeof table !== "object" || table === null) continue;
    out[key] = Object.fromEntries(Object.entries(table).filter(([id]) => text.includes(JSON.stringify(id))));
  }
  return out;
}

/** A built case: the frame as a nodes reply (what `figment code` reads), and what it came from. */
export interface BuiltCase {
  base: HabitBase;
  frameId: string;
  frame: Raw;
  reply: Raw;
}

export function buildCase(c: HabitCase): BuiltCase {
  const all = habitBases();
  const base = all[c.base % all.length]!;
  const frame = applyHabits(band(base.frame, c.start, c.count), c.habits);
  const id = String(frame["id"]);
  return { base, frameId: id, frame, reply: replyOf(frame, base.meta) };
}

/** A frame as a nodes reply (what `figment code` reads), with the metadata of `meta` it uses. */
export function replyOf(frame: Raw, meta: Raw): Raw {
  return { nodes: { [String(frame["id"])]: { document: frame, ...usedMeta(frame, meta) } } };
}
