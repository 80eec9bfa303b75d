/**
 * Filled polygons to an 8-bit coverage plane, anti-aliased: each pixel row is sampled on SUBROWS horizontal
 * lines, and on each line the inside spans (per ring set and its winding rule, united across sets, cut to the
 * clip) add their exact horizontal overlap to each pixel. So an outline on whole pixels covers them exactly
 * (255 inside, 0 outside), and a slanted edge gets its area to within 1/SUBROWS vertically.
 */
import type { Point } from "./path.js";

export type WindingRule = "NONZERO" | "EVENODD";

/** Rings filled together by one rule (one Figma path: its subpaths cut holes by its rule). */
export interface Fill {
  rings: Point[][];
  rule: WindingRule;
}

const SUBROWS = 4;

interface Edge {
  top: number;
  bottom: number;
  /** x at `top`, and its change per unit of y. */
  x: number;
  slope: number;
  /** +1 going down, −1 going up. */
  dir: number;
}

interface Scanner {
  rule: WindingRule;
  edges: Edge[];
  next: number;
  active: Edge[];
}

function scanner(fill: Fill): Scanner {
  const edges: Edge[] = [];
  for (const ring of fill.rings) {
    for (let i = 0; i < ring.length; i++) {
      const [x0, y0] = ring[i]!;
      const [x1, y1] = ring[(i + 1) % ring.length]!;
      if (y0 === y1 || !Number.isFinite(x0 + y0 + x1 + y1)) continue;
      const down = y1 > y0;
      const [top, bottom, xTop] = down ? [y0, y1, x0] : [y1, y0, x1];
      edges.push({ top, bottom, x: xTop, slope: (x1 - x0) / (y1 - y0), dir: down ? 1 : -1 });
    }
  }
  edges.sort((a, b) => a.top - b.top);
  return { rule: fill.rule, edges, next: 0, active: [] };
}

/** The inside spans of one scanner on the line `y` (lines must come in increasing y). */
function spansAt(s: Scanner, y: number, out: number[]): void {
  while (s.next < s.edges.length && s.edges[s.next]!.top <= y) s.active.push(s.edges[s.next++]!);
  s.active = s.active.filter((e) => e.bottom > y);
  const crossings = s.active.filter((e) => e.top <= y).map((e) => ({ x: e.x + (y - e.top) * e.slope, dir: e.dir }));
  crossings.sort((a, b) => a.x - b.x);
  let winding = 0;
  for (let i = 0; i < crossings.length; i++) {
    const before = s.rule === "EVENODD" ? winding & 1 : winding;
    winding += s.rule === "EVENODD" ? 1 : crossings[i]!.dir;
    const after = s.rule === "EVENODD" ? winding & 1 : winding;
    if (before === 0 && after !== 0) out.push(crossings[i]!.x);
    else if (before !== 0 && after === 0) out.push(crossings[i]!.x);
  }
}

/** Sorted, merged [start, end) pairs from a flat list of pairs. */
function merge(flat: number[]): number[] {
  const pairs: [number, number][] = [];
  for (let i = 0; i + 1 < flat.length; i += 2) if (flat[i + 1]! > flat[i]!) pairs.push([flat[i]!, flat[i + 1]!]);
  pairs.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [a, b] of pairs) {
    if (out.length > 0 && a <= out[out.length - 1]!) out[out.length - 1] = Math.max(out[out.length - 1]!, b);
    else out.push(a, b);
  }
  return out;
}

/** The parts of merged spans `a` inside merged spans `b`. */
function intersect(a: number[], b: number[]): number[] {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i]!, b[j]!);
    const end = Math.min(a[i + 1]!, b[j + 1]!);
    if (end > start) out.push(start, end);
    if (a[i + 1]! < b[j + 1]!) i += 2;
    else j += 2;
  }
  return out;
}

/** Coverage (0–255) of the union of `fills`, cut to `clip` when given, on a `width` × `height` pixel grid. */
export function rasterize(width: number, height: number, fills: readonly Fill[], clip?: Fill): Uint8Array {
  const coverage = new Uint8Array(width * height);
  const scanners = fills.map(scanner).filter((s) => s.edges.length > 0);
  if (scanners.length === 0) return coverage;
  const clipper = clip ? scanner(clip) : undefined;
  let top = Infinity;
  let bottom = -Infinity;
  for (const s of scanners) {
    top = Math.min(top, s.edges[0]!.top);
    for (const e of s.edges) bottom = Math.max(bottom, e.bottom);
  }
  const first = Math.max(0, Math.floor(top));
  const last = Math.min(height, Math.ceil(bottom));
  // Per row: the partial pixels at span ends, and a difference array for the whole pixels between.
  const partial = new Float64Array(width + 1);
  const whole = new Float64Array(width + 1);
  for (let row = first; row < last; row++) {
    partial.fill(0);
    whole.fill(0);
    let touched = false;
    for (let k = 0; k < SUBROWS; k++) {
      const y = row + (k + 0.5) / SUBROWS;
      const flat: number[] = [];
      for (const s of scanners) spansAt(s, y, flat);
      let spans = merge(flat);
      if (clipper) {
        const cut: number[] = [];
        spansAt(clipper, y, cut);
        spans = intersect(spans, merge(cut));
      }
      for (let i = 0; i < spans.length; i += 2) {
        const a = Math.max(0, spans[i]!);
        const b = Math.min(width, spans[i + 1]!);
        if (b <= a) continue;
        touched = true;
        const ia = Math.floor(a);
        const ib = Math.floor(b);
        if (ia === ib) {
          partial[ia]! += b - a;
          continue;
        }
        partial[ia]! += ia + 1 - a;
        whole[ia + 1]! += 1;
        whole[ib]! -= 1;
        if (ib < width) partial[ib]! += b - ib;
      }
    }
    if (!touched) continue;
    let run = 0;
    const base = row * width;
    for (let x = 0; x < width; x++) {
      run += whole[x]!;
      const value = (run + partial[x]!) / SUBROWS;
      coverage[base + x] = Math.round(Math.min(1, Math.max(0, value)) * 255);
    }
  }
  return coverage;
}
