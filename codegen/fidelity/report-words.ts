/**
 * The CLI score report's words beyond the panel's (codegen/fidelity/summary.ts): a layer off, a text not seen, and a
 * shift of everything below one point, said once. Apart from summary.ts, which the panel carries in ui.html.
 */
import { CLASS_WORDS, boxDelta, px, textWords } from "./summary.js";
import type { LayerDiff, TextVerdictRow } from "./types.js";

/** One layer that is off, in words: "Title — 40 px right, 12 px narrower", "Icon — missing", "Menu — hidden". */
export function layerWords(d: LayerDiff): string {
  if (d.problem === "missing") return `${d.name} — missing (not in the generated page)`;
  if (d.problem === "hidden" || !d.rendered) return `${d.name} — hidden (rendered with no box)`;
  return `${d.name} — ${boxDelta(d.design, d.rendered)}`;
}

/** One text not (fully) seen, in words: "Title — cut off: cut to “FRONTIE”". */
export function textLine(t: TextVerdictRow): string {
  return `${t.name} — ${CLASS_WORDS[t.problem ?? "clipped"]}: ${textWords(t)}`;
}

/** Layers moved down (or up) together, by one distance, from one layer down: the page shifted there. */
export interface Shift {
  /** px, lower when positive. */
  dy: number;
  /** The highest layer that moved: the shift starts there. */
  from: LayerDiff;
  /** Every listed layer the shift explains. */
  layers: LayerDiff[];
}

/** Layers moved by one distance that make a shift, not a layer each out of place. */
const MIN_SHIFTED = 3;

/**
 * The shift of everything below one point (a spacer, a margin, a taller block above): three or more of the layers
 * off moved straight up or down by one distance (to the pixel) at their own size, and no layer below the first of
 * them is off otherwise. Said once ("20 px lower from “Footer” down") instead of blaming every layer.
 */
export function uniformShift(worst: readonly LayerDiff[]): Shift | undefined {
  const moved = worst.filter((d) => d.problem === "off" && d.rendered);
  const dyOf = (d: LayerDiff): number | undefined => {
    const r = d.rendered!;
    const still = [r.x - d.design.x, r.width - d.design.width, r.height - d.design.height].every(
      (v) => Math.abs(v) < 1,
    );
    const dy = r.y - d.design.y;
    return still && Math.abs(dy) >= 1 ? Math.round(dy) : undefined;
  };
  const groups = new Map<number, LayerDiff[]>();
  for (const d of moved) {
    const dy = dyOf(d);
    if (dy !== undefined) groups.set(dy, [...(groups.get(dy) ?? []), d]);
  }
  const [dy, layers] = [...groups].sort((a, b) => b[1].length - a[1].length)[0] ?? [0, []];
  if (layers.length < MIN_SHIFTED) return undefined;
  const from = [...layers].sort((a, b) => a.design.y - b.design.y || area(b) - area(a))[0]!;
  // From there down, nothing else is off: the layers below moved together.
  const below = worst.filter((d) => d.design.y >= from.design.y && !layers.includes(d));
  if (below.some((d) => d.problem === "off" && dyOf(d) !== undefined && Math.abs(dyOf(d)! - dy) > 1)) return undefined;
  return { dy, from, layers };
}

const area = (d: LayerDiff): number => d.design.width * d.design.height;

/** A shift in words: "20 px lower from here down (from “Footer”, 12 layers moved together)". */
export function shiftWords(shift: Shift): string {
  return (
    `${px(shift.dy)} ${shift.dy > 0 ? "lower" : "higher"} from here down ` +
    `(from “${shift.from.name}”, ${shift.layers.length} layers moved together)`
  );
}
