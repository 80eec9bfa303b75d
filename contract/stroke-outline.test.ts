import { describe, expect, it } from "vitest";
import { flattenPath, type StrokeStyle, strokeOutline } from "./stroke-outline.js";

type Point = [number, number];

/** The outline's polygons (it writes M, L, Z only). */
function polygons(d: string): Point[][] {
  return d
    .split("Z")
    .filter((s) => s.trim() !== "")
    .map((s) =>
      s
        .replace(/^M/, "")
        .split("L")
        .map((pair) => pair.trim().split(" ").map(Number) as Point),
    );
}

/** Whether `p` is filled under the NONZERO rule. */
function filled(d: string, p: Point): boolean {
  let winding = 0;
  for (const poly of polygons(d))
    for (let k = 0; k < poly.length; k++) {
      const [a, b] = [poly[k]!, poly[(k + 1) % poly.length]!];
      const side = (b[0] - a[0]) * (p[1] - a[1]) - (p[0] - a[0]) * (b[1] - a[1]);
      if (a[1] <= p[1] && b[1] > p[1] && side > 0) winding++;
      else if (a[1] > p[1] && b[1] <= p[1] && side < 0) winding--;
    }
  return winding !== 0;
}

/** Distance from `p` to the polyline of `d`'s first subpath. */
function distance(d: string, p: Point): number {
  let best = Number.POSITIVE_INFINITY;
  for (const sub of flattenPath(d)) {
    const pts = sub.closed ? [...sub.points, sub.points[0]!] : sub.points;
    for (let k = 1; k < pts.length; k++) {
      const [a, b] = [pts[k - 1]!, pts[k]!];
      const [dx, dy] = [b[0] - a[0], b[1] - a[1]];
      const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / (dx * dx + dy * dy || 1)));
      best = Math.min(best, Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy));
    }
  }
  return best;
}

describe("strokeOutline", () => {
  const line = "M0 0L10 0";

  it("a straight stroke is its width's rectangle: butt caps add nothing, square and round half a width", () => {
    const butt = strokeOutline(line, { weight: 2 });
    expect(filled(butt, [5, 0.9])).toBe(true);
    expect(filled(butt, [5, -0.9])).toBe(true);
    expect(filled(butt, [5, 1.1])).toBe(false);
    expect(filled(butt, [-0.1, 0])).toBe(false);
    const square = strokeOutline(line, { weight: 2, cap: "SQUARE" });
    expect(filled(square, [-0.9, 0.9])).toBe(true);
    expect(filled(square, [10.9, -0.9])).toBe(true);
    expect(filled(square, [11.1, 0])).toBe(false);
    const round = strokeOutline(line, { weight: 2, cap: "ROUND" });
    expect(filled(round, [-0.9, 0])).toBe(true);
    expect(filled(round, [-0.8, 0.8])).toBe(false);
    expect(filled(round, [10.6, 0.6])).toBe(true);
  });

  it("a corner takes its join: a miter's point, a bevel's cut, a round join's arc", () => {
    const corner = "M0 0L10 0L10 10";
    const style = (join: StrokeStyle["join"]): string => strokeOutline(corner, { weight: 2, join });
    expect(filled(style("MITER"), [10.9, -0.9])).toBe(true);
    expect(filled(style("BEVEL"), [10.9, -0.9])).toBe(false);
    expect(filled(style("BEVEL"), [10.4, -0.4])).toBe(true);
    expect(filled(style("ROUND"), [10.6, -0.6])).toBe(true);
    expect(filled(style("ROUND"), [10.8, -0.8])).toBe(false);
    // The inside of the corner is filled once, whatever the join (the pieces' overlap adds, never cancels).
    for (const join of ["MITER", "BEVEL", "ROUND"] as const) expect(filled(style(join), [9.5, 0.5])).toBe(true);
    // A sharp turn's miter is past SVG's limit of 4: a bevel.
    const sharp = strokeOutline("M0 0L10 0L0 1", { weight: 2, join: "MITER" });
    expect(filled(sharp, [14, 0])).toBe(false);
  });

  it("a closed circle is a ring: no cap, filled within half a width of the curve and nowhere else", () => {
    const circle = "M0 10A10 10 0 1 0 20 10A10 10 0 1 0 0 10Z";
    const ring = strokeOutline(circle, { weight: 2, cap: "ROUND", join: "ROUND" });
    for (let k = 0; k < 36; k++) {
      const t = (k / 36) * 2 * Math.PI;
      const at = (r: number): Point => [10 + r * Math.cos(t), 10 + r * Math.sin(t)];
      expect([filled(ring, at(9.1)), filled(ring, at(10.9))]).toEqual([true, true]);
      expect([filled(ring, at(8.7)), filled(ring, at(11.3))]).toEqual([false, false]);
    }
  });

  it("round caps and joins fill exactly the points within half a width of the path (curves, relative commands)", () => {
    // An icon's chevron and a check: relative cubic, smooth and quadratic commands, flags run together.
    const paths = ["M4 8c2 2 4 4 6 4s4-2 6-4", "M3 12q3 3 6 6t9-12", "M2 2a4 4 0 014 4l2 2v3h-3z"];
    for (const d of paths) {
      const outline = strokeOutline(d, { weight: 2, cap: "ROUND", join: "ROUND" });
      let wrong = 0;
      for (let x = 0; x <= 20; x += 0.37)
        for (let y = 0; y <= 20; y += 0.41) {
          const dist = distance(d, [x, y]);
          // Within 0.06 px of the edge either answer is right (chords of a round join and cap).
          if (Math.abs(dist - 1) > 0.06 && filled(outline, [x, y]) !== dist < 1) wrong++;
        }
      expect(wrong, d).toBe(0);
    }
  });

  it("draws nothing for no width or no path; a zero-length round-capped subpath is a dot", () => {
    expect(strokeOutline(line, { weight: 0 })).toBe("");
    expect(strokeOutline("", { weight: 2 })).toBe("");
    expect(strokeOutline("M5 5", { weight: 2 })).toBe("");
    const dot = strokeOutline("M5 5L5 5", { weight: 2, cap: "ROUND" });
    expect(filled(dot, [5.6, 5.6])).toBe(true);
    expect(filled(dot, [5.8, 5.8])).toBe(false);
  });

  it("writes M, L and Z only, as Figma's geometry (what our code generator and mask reader take)", () => {
    const d = strokeOutline("M0 0C5 0 10 5 10 10", { weight: 1.5, cap: "ROUND", join: "ROUND" });
    expect(d).toMatch(/^(M[-\d. ]+(L[-\d. ]+)+Z)+$/);
  });
});
