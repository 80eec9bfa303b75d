/**
 * Figma's outline paths (`fillGeometry`, `strokeGeometry`: SVG path data in M, L, Q, C, Z, absolute) as
 * closed polygons in another coordinate space: each point mapped by an affine matrix first (a Bézier curve
 * maps to the Bézier of its mapped control points), then the curves flattened finely enough that no point of
 * the polygon strays more than `tolerance` pixels from the curve.
 */
import { apply, type Affine } from "../../contract/mask.js";
import { FigmentError } from "../../kernel/errors.js";

export type Point = [number, number];

const TOKEN = /[MLQCZmlqczHVhvSsTtAa]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/g;
const ARITY: Record<string, number> = { M: 2, L: 2, Q: 4, C: 6, Z: 0 };

/** Segments to cut a curve into so it stays within `tolerance` of its chords (from its control polygon's bend). */
function pieces(bend: number, tolerance: number): number {
  return Math.min(1000, Math.max(1, Math.ceil(Math.sqrt(bend / (8 * tolerance)) * 2)));
}

/**
 * The path's rings (each subpath, closed) with every point mapped by `m`. Throws an input error on data it cannot read.
 */
export function flattenPath(data: string, m: Affine, tolerance = 0.1): Point[][] {
  const tokens = data.match(TOKEN) ?? [];
  const rings: Point[][] = [];
  let ring: Point[] = [];
  let current: Point = [0, 0];
  let start: Point = [0, 0];
  let i = 0;
  const close = (): void => {
    if (ring.length >= 3) rings.push(ring);
    ring = [];
  };
  while (i < tokens.length) {
    const command = tokens[i]!;
    const arity = ARITY[command];
    if (arity === undefined)
      throw new FigmentError(
        "input",
        /^[a-z]$/i.test(command)
          ? `The outline uses the path command "${command}"; Figma's outlines use only M, L, Q, C and Z.`
          : `The outline has a number (${command}) where a command belongs.`,
      );
    i++;
    // A command may repeat its arguments (SVG's implicit repetition); an M's repeats are lines.
    let repeat = false;
    do {
      const args: number[] = [];
      for (let k = 0; k < arity; k++) {
        const token = tokens[i++];
        const value = token === undefined ? NaN : Number(token);
        if (!Number.isFinite(value)) throw new FigmentError("input", `The outline's "${command}" lacks its numbers.`);
        args.push(value);
      }
      const p = (k: number): Point => apply(m, args[k]!, args[k + 1]!);
      if (command === "M" && !repeat) {
        close();
        current = start = p(0);
        ring.push(current);
      } else if (command === "L" || command === "M") {
        current = p(0);
        ring.push(current);
      } else if (command === "Q") {
        const [c, end] = [p(0), p(2)];
        const bend = Math.hypot(current[0] - 2 * c[0] + end[0], current[1] - 2 * c[1] + end[1]);
        const n = pieces(bend, tolerance);
        for (let s = 1; s <= n; s++) {
          const t = s / n;
          const u = 1 - t;
          ring.push([
            u * u * current[0] + 2 * u * t * c[0] + t * t * end[0],
            u * u * current[1] + 2 * u * t * c[1] + t * t * end[1],
          ]);
        }
        current = end;
      } else if (command === "C") {
        const [c1, c2, end] = [p(0), p(2), p(4)];
        const bend =
          Math.max(
            Math.hypot(current[0] - 2 * c1[0] + c2[0], current[1] - 2 * c1[1] + c2[1]),
            Math.hypot(c1[0] - 2 * c2[0] + end[0], c1[1] - 2 * c2[1] + end[1]),
          ) * 1.5;
        const n = pieces(bend, tolerance);
        for (let s = 1; s <= n; s++) {
          const t = s / n;
          const u = 1 - t;
          const [a, b, c, d] = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
          ring.push([
            a * current[0] + b * c1[0] + c * c2[0] + d * end[0],
            a * current[1] + b * c1[1] + c * c2[1] + d * end[1],
          ]);
        }
        current = end;
      } else {
        close();
        current = start;
        ring.push(current);
      }
      repeat = true;
    } while (arity > 0 && i < tokens.length && !/^[a-z]$/i.test(tokens[i]!));
  }
  close();
  return rings.filter((r) => r.length >= 3);
}
