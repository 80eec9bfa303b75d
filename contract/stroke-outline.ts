/**
 * The outline of a stroked path (issue 51): what Figma's REST reply calls `strokeGeometry`, the area a stroke of a
 * given weight, cap and join paints, as path data to fill. `figment layers` writes it for an SVG's shapes drawn
 * only by their stroke (an icon's `fill="none" stroke=…`), so a reader of the reply that fills geometry (our own
 * code generator) draws them.
 *
 * The path is flattened (curves and arcs to short chords), then each chord becomes a rectangle of the stroke's
 * width, each corner its join's wedge (a miter's point, a bevel's triangle, a round join's pie) and each open end
 * its cap (a square's half box, a round's half disc). Every piece is wound the same way, so their union fills
 * under the NONZERO rule: overlaps add, never cancel. Output: M, L, Z only (absolute), numbers to a thousandth.
 * Pure.
 */

export type StrokeCap = "NONE" | "ROUND" | "SQUARE";
export type StrokeJoin = "MITER" | "BEVEL" | "ROUND";

export interface StrokeStyle {
  weight: number;
  cap?: StrokeCap;
  join?: StrokeJoin;
  /** SVG's stroke-miterlimit: a miter longer than this many stroke widths is cut to a bevel (SVG's default 4). */
  miterLimit?: number;
}

type Point = readonly [number, number];
interface Subpath {
  points: Point[];
  closed: boolean;
}

/** Chords per curve: one per `CHORD` px of its control polygon, between 2 and 64. */
const CHORD = 1.5;
const MAX_CHORDS = 64;
/** Steps per quarter turn of a round join or cap. */
const ROUND_STEPS = 4;
/** Points kept (a path with more is cut): the outline is for icons, not maps. */
const MAX_POINTS = 20_000;

const r3 = (n: number): number => Math.round(n * 1000) / 1000 || 0;

/** Path data (any SVG commands, relative too) as flattened subpaths of points. */
export function flattenPath(d: string): Subpath[] {
  const tokens = d.match(/[MmLlHhVvCcSsQqTtAaZz]|[-+]?(?:\d*\.\d+|\d+\.?)(?:[eE][-+]?\d+)?/g) ?? [];
  const out: Subpath[] = [];
  let current: Subpath | undefined;
  let i = 0;
  let cmd = "";
  let [x, y] = [0, 0];
  let [sx, sy] = [0, 0];
  // The last control point, for S and T's reflections.
  let control: Point | undefined;
  let count = 0;
  const isNumber = (t: string | undefined): boolean => t !== undefined && !/^[A-Za-z]$/.test(t);
  const num = (): number => Number(tokens[i++]);
  const flag = (): number => {
    // Arc flags may run together ("a1 1 0 011 1"): take one digit.
    const t = tokens[i]!;
    if (t.length > 1 && (t[0] === "0" || t[0] === "1") && !t.includes(".")) {
      tokens[i] = t.slice(1);
      return Number(t[0]);
    }
    i++;
    return Number(t);
  };
  const add = (p: Point): void => {
    if (!current) {
      current = { points: [[x, y]], closed: false };
      out.push(current);
    }
    if (count++ < MAX_POINTS) current.points.push(p);
  };
  while (i < tokens.length) {
    if (!isNumber(tokens[i])) cmd = tokens[i++]!;
    else if (cmd === "") break;
    const rel = cmd === cmd.toLowerCase();
    const [ox, oy] = rel ? [x, y] : [0, 0];
    const upper = cmd.toUpperCase();
    if (upper === "Z") {
      if (current) current.closed = true;
      [x, y] = [sx, sy];
      current = undefined;
      control = undefined;
      continue;
    }
    if (!isNumber(tokens[i])) continue;
    if (upper === "M") {
      [x, y] = [ox + num(), oy + num()];
      [sx, sy] = [x, y];
      current = { points: [[x, y]], closed: false };
      out.push(current);
      cmd = rel ? "l" : "L";
      control = undefined;
    } else if (upper === "L" || upper === "H" || upper === "V") {
      const nx = upper === "V" ? x : ox + num();
      const ny = upper === "H" ? y : oy + num();
      add([nx, ny]);
      [x, y] = [nx, ny];
      control = undefined;
    } else if (upper === "C" || upper === "S") {
      const c1: Point =
        upper === "S" ? (control ? [2 * x - control[0], 2 * y - control[1]] : [x, y]) : [ox + num(), oy + num()];
      const c2: Point = [ox + num(), oy + num()];
      const end: Point = [ox + num(), oy + num()];
      for (const p of cubic([x, y], c1, c2, end)) add(p);
      control = c2;
      [x, y] = end;
    } else if (upper === "Q" || upper === "T") {
      const c: Point =
        upper === "T" ? (control ? [2 * x - control[0], 2 * y - control[1]] : [x, y]) : [ox + num(), oy + num()];
      const end: Point = [ox + num(), oy + num()];
      const c1: Point = [x + (2 / 3) * (c[0] - x), y + (2 / 3) * (c[1] - y)];
      const c2: Point = [end[0] + (2 / 3) * (c[0] - end[0]), end[1] + (2 / 3) * (c[1] - end[1])];
      for (const p of cubic([x, y], c1, c2, end)) add(p);
      control = c;
      [x, y] = end;
    } else if (upper === "A") {
      const [rx, ry, angle] = [num(), num(), num()];
      const [large, sweep] = [flag(), flag()];
      const end: Point = [ox + num(), oy + num()];
      for (const p of arc([x, y], rx, ry, angle, large === 1, sweep === 1, end)) add(p);
      [x, y] = end;
      control = undefined;
    } else i++;
    if (!Number.isFinite(x) || !Number.isFinite(y)) break;
    // The control point reflects only from the command of its own kind (S after C/S, T after Q/T).
    if (!"CSQT".includes(upper)) control = undefined;
  }
  return out;
}

function cubic(p0: Point, p1: Point, p2: Point, p3: Point): Point[] {
  const length = Math.hypot(p1[0] - p0[0], p1[1] - p0[1]) + Math.hypot(p2[0] - p1[0], p2[1] - p1[1]);
  const n = Math.min(MAX_CHORDS, Math.max(2, Math.ceil((length + Math.hypot(p3[0] - p2[0], p3[1] - p2[1])) / CHORD)));
  const out: Point[] = [];
  for (let k = 1; k <= n; k++) {
    const t = k / n;
    const u = 1 - t;
    const [a, b, c, d] = [u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t];
    out.push([a * p0[0] + b * p1[0] + c * p2[0] + d * p3[0], a * p0[1] + b * p1[1] + c * p2[1] + d * p3[1]]);
  }
  return out;
}

/** An SVG arc (endpoint form) as chords, through its centre form (SVG 1.1, appendix F.6.5). */
function arc(from: Point, rxIn: number, ryIn: number, degrees: number, large: boolean, sweep: boolean, to: Point) {
  let [rx, ry] = [Math.abs(rxIn), Math.abs(ryIn)];
  if (rx === 0 || ry === 0 || (from[0] === to[0] && from[1] === to[1])) return [to];
  const phi = (degrees * Math.PI) / 180;
  const [cos, sin] = [Math.cos(phi), Math.sin(phi)];
  const dx = (from[0] - to[0]) / 2;
  const dy = (from[1] - to[1]) / 2;
  const x1 = cos * dx + sin * dy;
  const y1 = -sin * dx + cos * dy;
  const scale = (x1 * x1) / (rx * rx) + (y1 * y1) / (ry * ry);
  if (scale > 1) [rx, ry] = [rx * Math.sqrt(scale), ry * Math.sqrt(scale)];
  const num = rx * rx * ry * ry - rx * rx * y1 * y1 - ry * ry * x1 * x1;
  const den = rx * rx * y1 * y1 + ry * ry * x1 * x1;
  const root = Math.sqrt(Math.max(0, num / den)) * (large === sweep ? -1 : 1);
  const cx1 = (root * rx * y1) / ry;
  const cy1 = (-root * ry * x1) / rx;
  const cx = cos * cx1 - sin * cy1 + (from[0] + to[0]) / 2;
  const cy = sin * cx1 + cos * cy1 + (from[1] + to[1]) / 2;
  const angle = (ux: number, uy: number, vx: number, vy: number): number =>
    Math.atan2(ux * vy - uy * vx, ux * vx + uy * vy);
  const start = angle(1, 0, (x1 - cx1) / rx, (y1 - cy1) / ry);
  let delta = angle((x1 - cx1) / rx, (y1 - cy1) / ry, (-x1 - cx1) / rx, (-y1 - cy1) / ry);
  if (!sweep && delta > 0) delta -= 2 * Math.PI;
  if (sweep && delta < 0) delta += 2 * Math.PI;
  const n = Math.min(MAX_CHORDS, Math.max(2, Math.ceil((Math.abs(delta) * Math.max(rx, ry)) / CHORD)));
  const out: Point[] = [];
  for (let k = 1; k < n; k++) {
    const t = start + (delta * k) / n;
    const [ex, ey] = [rx * Math.cos(t), ry * Math.sin(t)];
    out.push([cos * ex - sin * ey + cx, sin * ex + cos * ey + cy]);
  }
  out.push(to);
  return out;
}

/** A polygon wound counter-clockwise in the y-down plane (positive area by the shoelace sum), or as it is. */
function wound(poly: Point[]): Point[] {
  let area = 0;
  for (let k = 0; k < poly.length; k++) {
    const [a, b] = [poly[k]!, poly[(k + 1) % poly.length]!];
    area += a[0] * b[1] - b[0] * a[1];
  }
  return area < 0 ? poly.reverse() : poly;
}

/** Points on the circle of radius `r` about `c`, from angle `a0` to `a1` (radians), ends included. */
function fan(c: Point, r: number, a0: number, a1: number): Point[] {
  const steps = Math.max(1, Math.ceil((Math.abs(a1 - a0) / (Math.PI / 2)) * ROUND_STEPS));
  const out: Point[] = [];
  for (let k = 0; k <= steps; k++) {
    const t = a0 + ((a1 - a0) * k) / steps;
    out.push([c[0] + r * Math.cos(t), c[1] + r * Math.sin(t)]);
  }
  return out;
}

/** The outline of `d` stroked with `style`, as path data (M, L, Z) filled NONZERO; "" when nothing is painted. */
export function strokeOutline(d: string, style: StrokeStyle): string {
  const h = style.weight / 2;
  if (!(h > 0)) return "";
  const pieces: Point[][] = [];
  for (const sub of flattenPath(d)) {
    const finite = sub.points.filter((p) => Number.isFinite(p[0]) && Number.isFinite(p[1]));
    const pts = finite.filter((p, k) => k === 0 || p[0] !== finite[k - 1]![0] || p[1] !== finite[k - 1]![1]);
    if (sub.closed && pts.length > 1) {
      const [first, last] = [pts[0]!, pts[pts.length - 1]!];
      if (first[0] === last[0] && first[1] === last[1]) pts.pop();
    }
    if (pts.length === 1) {
      // A zero-length subpath shows only its caps: a dot (round) or a square, as browsers draw it.
      if (!sub.closed && style.cap === "ROUND") pieces.push(fan(pts[0]!, h, 0, 2 * Math.PI));
      if (!sub.closed && style.cap === "SQUARE") {
        const [x, y] = pts[0]!;
        pieces.push([
          [x - h, y - h],
          [x + h, y - h],
          [x + h, y + h],
          [x - h, y + h],
        ]);
      }
      continue;
    }
    const closed = sub.closed && pts.length > 2;
    const segments = closed ? pts.length : pts.length - 1;
    const dirs: Point[] = [];
    for (let k = 0; k < segments; k++) {
      const [a, b] = [pts[k]!, pts[(k + 1) % pts.length]!];
      const len = Math.hypot(b[0] - a[0], b[1] - a[1]);
      dirs.push([(b[0] - a[0]) / len, (b[1] - a[1]) / len]);
      // The chord's rectangle: its normal (-dy, dx) times the half width either side.
      const [nx, ny] = [-dirs[k]![1] * h, dirs[k]![0] * h];
      pieces.push([
        [a[0] + nx, a[1] + ny],
        [b[0] + nx, b[1] + ny],
        [b[0] - nx, b[1] - ny],
        [a[0] - nx, a[1] - ny],
      ]);
    }
    for (let k = closed ? 0 : 1; k < pts.length; k++) {
      const [prev, next] = [dirs[(k - 1 + segments) % segments]!, dirs[k % segments]!];
      if (!closed && k === pts.length - 1) break;
      const join = joinPiece(pts[k]!, prev, next, h, style);
      if (join) pieces.push(join);
    }
    if (!closed) {
      pieces.push(...capPieces(pts[0]!, [-dirs[0]![0], -dirs[0]![1]], h, style.cap));
      pieces.push(...capPieces(pts[pts.length - 1]!, dirs[segments - 1]!, h, style.cap));
    }
  }
  return pieces
    .filter((p) => p.length > 2)
    .map(
      (p) =>
        `M${wound(p)
          .map(([x, y]) => `${r3(x)} ${r3(y)}`)
          .join("L")}Z`,
    )
    .join("");
}

/** The wedge a join adds on the outer side of the corner at `p` (from direction `a` to `b`). */
function joinPiece(p: Point, a: Point, b: Point, h: number, style: StrokeStyle): Point[] | undefined {
  const cross = a[0] * b[1] - a[1] * b[0];
  const dot = a[0] * b[0] + a[1] * b[1];
  if (Math.abs(cross) < 1e-9 && dot > 0) return undefined;
  // The outer side: the normal on the side the path turns away from.
  const side = cross > 0 ? -1 : 1;
  const na: Point = [-a[1] * h * side, a[0] * h * side];
  const nb: Point = [-b[1] * h * side, b[0] * h * side];
  const pa: Point = [p[0] + na[0], p[1] + na[1]];
  const pb: Point = [p[0] + nb[0], p[1] + nb[1]];
  const turn = Math.atan2(Math.abs(cross), dot);
  // A chord's small turn (a flattened curve) is a bevel whatever the join: the same to a thousandth of a pixel.
  if (style.join === "ROUND" && turn > 0.05) {
    const a0 = Math.atan2(na[1], na[0]);
    return [p, ...fan(p, h, a0, a0 + Math.atan2(na[0] * nb[1] - na[1] * nb[0], na[0] * nb[0] + na[1] * nb[1]))];
  }
  if ((style.join ?? "MITER") === "MITER") {
    // The miter's length over the stroke width is 1 / sin(θ/2), θ the angle between the two segments.
    const ratio = 1 / Math.sin((Math.PI - turn) / 2);
    if (ratio <= (style.miterLimit ?? 4)) {
      const bis: Point = [na[0] + nb[0], na[1] + nb[1]];
      const len = Math.hypot(bis[0], bis[1]);
      if (len > 1e-9) {
        const reach = h * ratio;
        return [p, pa, [p[0] + (bis[0] / len) * reach, p[1] + (bis[1] / len) * reach], pb];
      }
    }
  }
  return [p, pa, pb];
}

/** The cap at the end `p` of an open subpath going out in direction `dir`. */
function capPieces(p: Point, dir: Point, h: number, cap: StrokeCap | undefined): Point[][] {
  const n: Point = [-dir[1] * h, dir[0] * h];
  if (cap === "SQUARE") {
    const [ex, ey] = [dir[0] * h, dir[1] * h];
    return [
      [
        [p[0] + n[0], p[1] + n[1]],
        [p[0] + n[0] + ex, p[1] + n[1] + ey],
        [p[0] - n[0] + ex, p[1] - n[1] + ey],
        [p[0] - n[0], p[1] - n[1]],
      ],
    ];
  }
  if (cap === "ROUND") {
    const a0 = Math.atan2(n[1], n[0]);
    return [fan(p, h, a0, a0 - Math.PI)];
  }
  return [];
}
