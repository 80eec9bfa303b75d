/**
 * The DOM reader's SVG half (issue 51): an inline `<svg>`'s drawn shapes as the browser draws them, each with its
 * outline as path data in the vector's own box (user units mapped through every transform, CSS ones included) and
 * its computed paint (a fill from a stylesheet or `currentColor` included). A REST export makes of them what
 * Figma's createNodeFromSvg makes: a frame of vectors with their fills and `fillGeometry`, so a reply read back
 * shows the shapes, not empty vectors. Self-contained as readLayers is (evaluated inside the page): given the paint
 * readers.
 */
import type { LayerNode, LayerShape } from "./layers.js";
import { svgBackgroundReaders } from "./layers-read-svg-bg.js";

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
export interface Matrix {
  a: number;
  b: number;
  c: number;
  d: number;
  e: number;
  f: number;
}
interface Length {
  baseVal: { value: number };
}
interface SvgElement {
  tagName: string;
  parentElement: SvgElement | null;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): Rect;
  getScreenCTM?(): Matrix | null;
  querySelectorAll(q: string): ArrayLike<SvgElement>;
  closest(selector: string): SvgElement | null;
  cloneNode(deep: boolean): SvgElement;
  setAttribute(name: string, value: string): void;
  outerHTML: string;
  [length: string]: unknown;
}
/** What these readers use of layers-read.ts' paintReaders (typed here: neither module imports the other). */
interface Paints {
  px(v: string): number;
  clamp01(n: number): number;
  color(css: string): { r: number; g: number; b: number; a: number } | undefined;
  splitTop(v: string): string[];
}
interface SvgGlobals {
  getComputedStyle(element: SvgElement): { getPropertyValue(name: string): string };
}

/**
 * The SVG readers: an inline `<svg>` as a vector layer with its shapes and its markup painted as drawn, and a CSS
 * background that is an SVG as one (layers-read-svg-bg.ts).
 */
export function svgReaders(paints: Paints, known?: Readonly<Record<string, string>>) {
  const shapes = svgShapeReaders(paints, pathReaders().mapPath);
  return { ...shapes, ...svgBackgroundReaders(shapes.vectorOf, paints.splitTop, known) };
}

/** svgReaders as the page gets it: each part self-contained, joined there. */
export const svgReadersSource = (): string =>
  `(p, k) => { const v = (${svgShapeReaders.toString()})(p, (${pathReaders.toString()})().mapPath); ` +
  `return { ...v, ...(${svgBackgroundReaders.toString()})(v.vectorOf, p.splitTop, k) }; }`;

/** Path data mapped through a matrix (an SVG element's user space to the page). */
export function pathReaders() {
  const r3 = (n: number): number => Math.round(n * 1000) / 1000;
  /**
   * Path data `d` mapped through `m` then moved by (-dx, -dy), every command made absolute (H/V as L, S/T as C/Q
   * with their reflected control points). An arc keeps its form: its radii scaled along the matrix's axes, its
   * angle turned with it, its sweep mirrored with it (exact for moves, turns and scales; near for a skew).
   */
  const mapPath = (d: string, m: Matrix, dx: number, dy: number): string => {
    let i = 0;
    const NUM = /[-+]?(?:\d*\.\d+|\d+\.?)(?:[eE][-+]?\d+)?/y;
    const skip = (): void => {
      while (i < d.length && /[\s,]/.test(d[i]!)) i++;
    };
    const num = (): number | undefined => {
      skip();
      NUM.lastIndex = i;
      const match = NUM.exec(d);
      if (!match) return undefined;
      i = NUM.lastIndex;
      return Number(match[0]);
    };
    const flag = (): number | undefined => {
      skip();
      const c = d[i];
      if (c !== "0" && c !== "1") return undefined;
      i++;
      return c === "1" ? 1 : 0;
    };
    const pt = (x: number, y: number): string =>
      `${r3(m.a * x + m.c * y + m.e - dx)} ${r3(m.b * x + m.d * y + m.f - dy)}`;
    const out: string[] = [];
    let [x, y, sx, sy] = [0, 0, 0, 0];
    /** The last cubic's or quadratic's second control point, for S and T. */
    let cubic: [number, number] | undefined;
    let quad: [number, number] | undefined;
    let command = "";
    while (i < d.length && out.length < 100_000) {
      skip();
      if (i >= d.length) break;
      if (/[a-z]/i.test(d[i]!)) command = d[i++]!;
      else if (command === "M") command = "L";
      else if (command === "m") command = "l";
      const rel = command === command.toLowerCase();
      const ox = rel ? x : 0;
      const oy = rel ? y : 0;
      const up = command.toUpperCase();
      const start = i;
      if (up === "Z") {
        out.push("Z");
        [x, y] = [sx, sy];
        cubic = quad = undefined;
        continue;
      }
      const nums = (n: number): number[] | undefined => {
        const got: number[] = [];
        for (let k = 0; k < n; k++) {
          const v = num();
          if (v === undefined) return undefined;
          got.push(v);
        }
        return got;
      };
      let next: [number, number] | undefined;
      let nextCubic: [number, number] | undefined;
      let nextQuad: [number, number] | undefined;
      if (up === "M" || up === "L" || up === "T") {
        const v = nums(2);
        if (!v) break;
        next = [ox + v[0]!, oy + v[1]!];
        if (up === "M") {
          out.push(`M${pt(...next)}`);
          [sx, sy] = next;
        } else if (up === "L") out.push(`L${pt(...next)}`);
        else {
          const c: [number, number] = quad ? [2 * x - quad[0], 2 * y - quad[1]] : [x, y];
          out.push(`Q${pt(...c)} ${pt(...next)}`);
          nextQuad = c;
        }
      } else if (up === "H" || up === "V") {
        const v = num();
        if (v === undefined) break;
        next = up === "H" ? [(rel ? x : 0) + v, y] : [x, (rel ? y : 0) + v];
        out.push(`L${pt(...next)}`);
      } else if (up === "C" || up === "S") {
        const v = nums(up === "C" ? 6 : 4);
        if (!v) break;
        const c1: [number, number] =
          up === "C" ? [ox + v[0]!, oy + v[1]!] : cubic ? [2 * x - cubic[0], 2 * y - cubic[1]] : [x, y];
        const rest = up === "C" ? v.slice(2) : v;
        const c2: [number, number] = [ox + rest[0]!, oy + rest[1]!];
        next = [ox + rest[2]!, oy + rest[3]!];
        out.push(`C${pt(...c1)} ${pt(...c2)} ${pt(...next)}`);
        nextCubic = c2;
      } else if (up === "Q") {
        const v = nums(4);
        if (!v) break;
        const c: [number, number] = [ox + v[0]!, oy + v[1]!];
        next = [ox + v[2]!, oy + v[3]!];
        out.push(`Q${pt(...c)} ${pt(...next)}`);
        nextQuad = c;
      } else if (up === "A") {
        const [rx, ry, rot] = [num(), num(), num()];
        const [large, sweep] = [flag(), flag()];
        const [ex, ey] = [num(), num()];
        if ([rx, ry, rot, large, sweep, ex, ey].some((v) => v === undefined)) break;
        next = [ox + ex!, oy + ey!];
        const det = m.a * m.d - m.b * m.c;
        const turn = (Math.atan2(m.b, m.a) * 180) / Math.PI;
        const [srx, sry] = [Math.abs(rx!) * Math.hypot(m.a, m.b), Math.abs(ry!) * Math.hypot(m.c, m.d)];
        const flipped = det < 0 ? 1 - sweep! : sweep!;
        out.push(`A${r3(srx)} ${r3(sry)} ${r3(rot! + turn)} ${large} ${flipped} ${pt(...next)}`);
      } else break;
      if (i === start) break;
      [x, y] = next;
      cubic = nextCubic;
      quad = nextQuad;
    }
    return out.join("");
  };

  return { mapPath };
}

/** The shapes of an inline `<svg>` and its markup with their computed paints; given the path mapper. */
export function svgShapeReaders(paints: Paints, mapPath: (d: string, m: Matrix, dx: number, dy: number) => string) {
  const g = globalThis as unknown as SvgGlobals;
  const { color, px, clamp01 } = paints;
  /** Most shapes read from one SVG (an icon has a few; a chart a few hundred). */
  const MAX_SHAPES = 2000;
  const SHAPES = "path, rect, circle, ellipse, line, polyline, polygon";
  const r3 = (n: number): number => Math.round(n * 1000) / 1000;
  /** A length attribute as the browser resolved it (percentages and CSS geometry included). */
  const len = (el: SvgElement, name: string): number => {
    const v = el[name] as Length | undefined;
    return typeof v === "object" && v !== null && "baseVal" in v ? v.baseVal.value : px(el.getAttribute(name) ?? "");
  };

  /** The element's outline in its own user space, as path data. */
  const userPath = (el: SvgElement, tag: string): string => {
    if (tag === "path") return el.getAttribute("d") ?? "";
    if (tag === "rect") {
      const [x, y, w, h] = [len(el, "x"), len(el, "y"), len(el, "width"), len(el, "height")];
      if (w <= 0 || h <= 0) return "";
      const rxSet = el.getAttribute("rx") !== null;
      const rySet = el.getAttribute("ry") !== null;
      let rx = rxSet ? len(el, "rx") : rySet ? len(el, "ry") : 0;
      let ry = rySet ? len(el, "ry") : rx;
      rx = Math.min(rx, w / 2);
      ry = Math.min(ry, h / 2);
      if (rx <= 0 || ry <= 0) return `M${x} ${y}H${x + w}V${y + h}H${x}Z`;
      const arc = (ex: number, ey: number): string => `A${rx} ${ry} 0 0 1 ${ex} ${ey}`;
      return (
        `M${x + rx} ${y}H${x + w - rx}${arc(x + w, y + ry)}V${y + h - ry}${arc(x + w - rx, y + h)}` +
        `H${x + rx}${arc(x, y + h - ry)}V${y + ry}${arc(x + rx, y)}Z`
      );
    }
    if (tag === "circle" || tag === "ellipse") {
      const [cx, cy] = [len(el, "cx"), len(el, "cy")];
      const rx = tag === "circle" ? len(el, "r") : len(el, "rx");
      const ry = tag === "circle" ? rx : len(el, "ry");
      if (rx <= 0 || ry <= 0) return "";
      return `M${cx - rx} ${cy}A${rx} ${ry} 0 1 0 ${cx + rx} ${cy}A${rx} ${ry} 0 1 0 ${cx - rx} ${cy}Z`;
    }
    if (tag === "line") return `M${len(el, "x1")} ${len(el, "y1")}L${len(el, "x2")} ${len(el, "y2")}`;
    const points = (el.getAttribute("points") ?? "")
      .trim()
      .split(/[\s,]+/)
      .map(Number);
    const pairs: string[] = [];
    for (let i = 0; i + 1 < points.length; i += 2) pairs.push(`${points[i]} ${points[i + 1]}`);
    if (pairs.length < 2) return "";
    return `M${pairs.join("L")}${tag === "polygon" ? "Z" : ""}`;
  };

  /** A shape's computed paint colour ("none", a url() paint, or a colour), with `opacity` folded into its alpha. */
  const paintOf = (css: string, opacity: number): LayerShape["fill"] => {
    if (css === "none" || css.startsWith("url(")) return undefined;
    const c = color(css);
    if (!c) return undefined;
    const a = clamp01(c.a * opacity);
    return a > 0 ? { ...c, a } : undefined;
  };

  /** The opacity of `el` times its ancestors' up to the `<svg>` (the svg's own is the layer's). */
  const opacityOf = (el: SvgElement, root: SvgElement): number => {
    let o = 1;
    for (let e: SvgElement | null = el; e && e !== root; e = e.parentElement)
      o *= px(g.getComputedStyle(e).getPropertyValue("opacity") || "1");
    return o;
  };

  /** The svg's drawn shapes (not those inside defs, masks, clip paths, patterns, markers, symbols). */
  const shapesOf = (svg: SvgElement, rect: Rect): LayerShape[] => {
    const out: LayerShape[] = [];
    const all = svg.querySelectorAll(SHAPES);
    for (let k = 0; k < all.length && out.length < MAX_SHAPES; k++) {
      const el = all[k]!;
      if (el.closest("defs, mask, clipPath, pattern, marker, symbol")) continue;
      const style = g.getComputedStyle(el);
      if (style.getPropertyValue("display") === "none" || style.getPropertyValue("visibility") !== "visible") continue;
      const m = el.getScreenCTM?.();
      if (!m) continue;
      const tag = el.tagName.toLowerCase();
      const b = el.getBoundingClientRect();
      const path = mapPath(userPath(el, tag), m, b.x, b.y);
      if (path === "") continue;
      const opacity = opacityOf(el, svg);
      const fill = tag === "line" || tag === "polyline" ? undefined : paintOf(style.getPropertyValue("fill"), 1);
      const fillOpacity = px(style.getPropertyValue("fill-opacity") || "1");
      const strokeColor = paintOf(style.getPropertyValue("stroke"), 1);
      const strokeWidth = px(style.getPropertyValue("stroke-width")) * Math.sqrt(Math.abs(m.a * m.d - m.b * m.c));
      const strokeOpacity = px(style.getPropertyValue("stroke-opacity") || "1");
      const shape: LayerShape = {
        box: { x: b.x - rect.x, y: b.y - rect.y, w: Math.max(0, b.width), h: Math.max(0, b.height) },
        path: path.slice(0, 200_000),
      };
      if (fill) shape.fill = { ...fill, a: clamp01(fill.a * fillOpacity) };
      if (strokeColor && strokeWidth > 0) {
        const stroke: NonNullable<LayerShape["stroke"]> = {
          color: { ...strokeColor, a: clamp01(strokeColor.a * strokeOpacity) },
          weight: r3(strokeWidth),
        };
        // What the stroke's outline needs (strokeGeometry in a REST reply): SVG's defaults are left out.
        const cap = style.getPropertyValue("stroke-linecap");
        if (cap === "round" || cap === "square") stroke.cap = cap === "round" ? "ROUND" : "SQUARE";
        const join = style.getPropertyValue("stroke-linejoin");
        if (join === "round" || join === "bevel") stroke.join = join === "round" ? "ROUND" : "BEVEL";
        const limit = px(style.getPropertyValue("stroke-miterlimit") || "4");
        if (limit !== 4 && limit >= 1) stroke.miterLimit = Math.min(1000, limit);
        shape.stroke = stroke;
      }
      if (style.getPropertyValue("fill-rule") === "evenodd") shape.evenOdd = true;
      if (opacity < 1) shape.opacity = clamp01(opacity);
      const id = el.getAttribute("data-node-id");
      if (id) shape.sourceId = id.slice(0, 200);
      if (shape.fill || shape.stroke) out.push(shape);
    }
    return out;
  };

  const hex = (c: { r: number; g: number; b: number }): string =>
    `#${[c.r, c.g, c.b]
      .map((v) =>
        Math.round(v * 255)
          .toString(16)
          .padStart(2, "0"),
      )
      .join("")}`;

  /**
   * The svg's markup with each shape's computed colours written on it (fill, stroke and their opacities): a paint
   * from a stylesheet or `currentColor` is the page's, which createNodeFromSvg cannot see.
   */
  const paintedMarkup = (svg: SvgElement): string => {
    const copy = svg.cloneNode(true);
    const from = svg.querySelectorAll(SHAPES);
    const to = copy.querySelectorAll(SHAPES);
    for (let k = 0; k < from.length && k < to.length; k++) {
      const style = g.getComputedStyle(from[k]!);
      for (const attr of ["fill", "stroke"]) {
        const css = style.getPropertyValue(attr);
        if (css.startsWith("url(")) continue;
        const c = css === "none" ? undefined : color(css);
        to[k]!.setAttribute(attr, c && c.a > 0 ? hex(c) : "none");
        const own = px(style.getPropertyValue(`${attr}-opacity`) || "1");
        if (c && c.a > 0 && c.a < 1) to[k]!.setAttribute(`${attr}-opacity`, String(r3(c.a * own)));
      }
    }
    return copy.outerHTML;
  };

  /** An inline `<svg>` as a vector layer: its painted markup, its drawn shapes, its parts with a data-node-id. */
  const vectorOf = (
    svg: SvgElement,
    base: Pick<LayerNode, "name" | "tag" | "box">,
    rect: Rect,
  ): LayerNode & { kind: "vector" } => {
    const node: LayerNode & { kind: "vector" } = {
      kind: "vector",
      ...base,
      svg: paintedMarkup(svg).slice(0, 5_000_000),
    };
    const shapes = shapesOf(svg, rect);
    if (shapes.length > 0) node.shapes = shapes;
    const parts = svg.querySelectorAll("[data-node-id]");
    if (parts.length > 0)
      node.parts = Array.from(parts)
        .slice(0, 10_000)
        .map((part) => {
          const b = part.getBoundingClientRect();
          return {
            sourceId: (part.getAttribute("data-node-id") ?? "").slice(0, 200),
            box: { x: b.x - rect.x, y: b.y - rect.y, w: Math.max(0, b.width), h: Math.max(0, b.height) },
          };
        });
    return node;
  };

  return { shapesOf, paintedMarkup, vectorOf };
}
