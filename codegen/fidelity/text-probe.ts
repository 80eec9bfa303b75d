/**
 * What a reader sees of each design text in the rendered page, at the page's current width — the page side of the
 * score's text classes (classify.ts turns this into verdicts). Like the other probes (probe.ts) it runs inside the
 * page: in Playwright (`page.evaluate(textProbeScript(arg))`: the CLI, tests, the bench) and in the panel's sandboxed
 * measuring page (ui/code/score/probe-runner.ts). It is made of parts, each self-contained (only its arguments and
 * the page's globals: no module-level names), composed as source text by textProbeScript; the project compiles
 * without the DOM lib, so the page's globals are read through the local interfaces below (types only).
 *
 * For each text:
 * - **missing**: no element carries its id, or it has no box (display:none), is not visible, is at zero opacity, or
 *   shows no characters;
 * - **cut**: a line sticks out of what clips it (an ancestor's overflow, its own, the viewport; the containing-block
 *   chain is followed, so an absolutely placed text escapes the clips it escapes in CSS), an ellipsis shows, or a
 *   word is broken across lines — with the part the reader sees ("FRONTIE");
 * - sample points along every line (a point every 16 px, at the line's middle) hit-tested with elementsFromPoint
 *   (pointer-events forced on while probing): seen, covered by something that paints (and what), or clipped. A
 *   `::before`/`::after` painted above the text (an ancestor's dark overlay, a sibling's) covers it when it is opaque
 *   (named as its element is, with the pseudo-element: `1:5::after`, `<div>::after`), and veils it when it is
 *   see-through: the text is seen, its contrast measured through the veil. Which is above is the browser's stacking
 *   order: a second hit test in which only pseudo-elements and the texts answer says whether the pseudo-element is
 *   over the text (one under it, z-index -1 or below a positioned text, is not);
 * - with `pixels`, the **contrast** at each seen point: the text's colour composited over what lies behind it — the
 *   plain background colours down the stack to the first opaque one, composited here; where an image, a gradient, a
 *   pseudo-element or a see-through layer lies behind, the page's own pixels (the page drawn by itself with all text
 *   transparent: its DOM in an SVG foreignObject, every box pinned to the size it has on screen so fonts the picture
 *   cannot load do not move anything, images inlined);
 * - its smallest rendered font size.
 * And for the page: its scroll size, the bottom of what it shows, and which of the design's font families it lacks.
 */
import { type PaintOrder, paintOrder } from "./paint-order.js";
import type { Box } from "./types.js";

/** What the probe is told about one design text. */
export interface TextAsk {
  id: string;
  chars: number;
  /** A seen point whose contrast is under this is illegible (0: not checked). */
  minContrast: number;
  /**
   * The design has a known colour behind the text; else a point with an image behind it is not checked (the design's
   * image is unknown).
   */
  backdropKnown: boolean;
}

/** Why a text is not on screen at all. */
export type MissingReason = "no element" | "no box" | "not visible" | "zero opacity" | "no text";

/** A cut the reader sees: what is left of the cut word or line ("…" for an ellipsis; "FRONTI|ER" for a broken word). */
export interface TextCut {
  kind: "clip" | "ellipsis" | "word";
  shown: string;
}

/** What the page reports for one design TEXT node at one width. */
export interface TextSample {
  id: string;
  /** Characters the design shows. */
  chars: number;
  /** false when the text is not on screen at all (`missing` says why). */
  rendered: boolean;
  missing?: MissingReason;
  /** Not rendered because it is in a closed menu whose button is on screen (a navigation bar's links on a phone). */
  menu?: true;
  /** Rendered line boxes, in document coordinates (px). */
  rects: Box[];
  /** Sample points: how many were seen, and why the others were not. */
  seen: number;
  offscreen: number;
  clipped: number;
  covered: number;
  /**
   * The layer id of what covers most of the covered points, or `<tag>` for an element that is part of no other layer.
   */
  coveredBy?: string;
  /** What lies see-through over most of its veiled seen points (a pseudo-element, named as `coveredBy` names it). */
  veiledBy?: string;
  cut?: TextCut;
  /** The smallest font size its runs are rendered at, px (0 when not rendered). */
  fontPx: number;
  /**
   * Seen points whose contrast was measured, how many of them were under the text's minContrast, and their median
   * contrast.
   */
  measured: number;
  lowContrast: number;
  contrast?: number;
}

export interface TextProbe {
  scrollWidth: number;
  clientWidth: number;
  scrollHeight: number;
  viewportHeight: number;
  /**
   * The bottom of the lowest text, picture or leaf layer the page shows (document px; page-wide backgrounds left out).
   */
  contentBottom: number;
  /** Families asked about (`families`) that the page has no font for: its text is set in a fallback. */
  fontsMissing: string[];
  /** Why the page's pixels could not be read (then no contrast was measured). */
  pixelsError?: string;
  samples: TextSample[];
}

export interface TextProbeArg {
  texts: TextAsk[];
  /** The frame root's layer id: the page-wide box that contentBottom leaves out. */
  rootId?: string;
  /** The design's font families, to check that the page has them. */
  families?: string[];
  /** Measure contrast from the page's pixels. */
  pixels?: boolean;
}

// ---- the page's globals, as the parts read them (types only: nothing here exists at run time) ----

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
  height: number;
}
interface Style {
  opacity: string;
  visibility: string;
  display: string;
  position: string;
  overflowX: string;
  overflowY: string;
  contain: string;
  transform: string;
  textOverflow: string;
  textTransform: string;
  color: string;
  fontSize: string;
  backgroundColor: string;
  backgroundImage: string;
  backgroundClip: string;
  zIndex: string;
  getPropertyValue(name: string): string;
}
interface PageNode {
  readonly nodeType: number;
  readonly textContent: string | null;
  readonly parentElement: El | null;
}
interface El extends PageNode {
  readonly tagName: string;
  readonly childNodes: ArrayLike<PageNode>;
  readonly clientLeft: number;
  readonly clientTop: number;
  readonly clientWidth: number;
  readonly clientHeight: number;
  readonly scrollWidth: number;
  readonly offsetWidth?: number;
  readonly offsetHeight?: number;
  readonly innerText?: string;
  readonly value?: string;
  readonly placeholder?: string;
  readonly src?: string;
  contains(other: El | PageNode): boolean;
  compareDocumentPosition(other: El): number;
  closest(selector: string): El | null;
  matches(selector: string): boolean;
  querySelector(selector: string): El | null;
  querySelectorAll(selector: string): ArrayLike<El>;
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  remove(): void;
  prepend(node: El): void;
  append(node: El): void;
  getBoundingClientRect(): Rect;
  getClientRects(): ArrayLike<Rect>;
  cloneNode(deep: boolean): El;
}
interface RangeLike {
  setStart(node: PageNode, offset: number): void;
  setEnd(node: PageNode, offset: number): void;
  selectNodeContents(node: PageNode): void;
  getClientRects(): ArrayLike<Rect>;
  getBoundingClientRect(): Rect;
}
interface Canvas2D {
  fillStyle: string;
  font: string;
  clearRect(x: number, y: number, w: number, h: number): void;
  fillRect(x: number, y: number, w: number, h: number): void;
  drawImage(image: unknown, x: number, y: number, w?: number, h?: number): void;
  getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> };
  measureText(text: string): { width: number };
}
interface CanvasEl {
  width: number;
  height: number;
  getContext(kind: "2d", options?: { willReadFrequently: boolean }): Canvas2D | null;
}
interface PageGlobals {
  document: {
    documentElement: El & { scrollHeight: number };
    body: El | null;
    baseURI: string;
    styleSheets: ArrayLike<{
      readonly href: string | null;
      readonly ownerNode: El | null;
      readonly cssRules: ArrayLike<{ cssText: string }>;
    }>;
    fonts: Iterable<{ family: string; status: string }>;
    querySelector(selector: string): El | null;
    querySelectorAll(selector: string): ArrayLike<El>;
    createElement(tag: "canvas"): CanvasEl;
    createElement(tag: string): El & { textContent: string | null; id: string };
    createTreeWalker(root: El, whatToShow: number): { nextNode(): PageNode | null };
    createRange(): RangeLike;
    elementsFromPoint(x: number, y: number): El[];
  };
  CSS: { escape(value: string): string };
  getComputedStyle(el: El, pseudo?: string): Style & { content: string };
  Image: new () => { onload: (() => void) | null; onerror: (() => void) | null; src: string };
  XMLSerializer: new () => { serializeToString(node: El): string };
  FileReader: new () => {
    onload: (() => void) | null;
    onerror: (() => void) | null;
    result: unknown;
    readAsDataURL(blob: unknown): void;
  };
  fetch(url: string): Promise<{ ok: boolean; blob(): Promise<unknown> }>;
  URL: new (url: string, base: string) => { href: string };
  innerHeight: number;
  scrollX: number;
  scrollY: number;
  scrollTo(x: number, y: number): void;
  /** Images and stylesheet resources as data: URLs, kept across the widths of one page. */
  __figmentDataUrls?: Map<string, Promise<string | undefined>>;
}
type Rgba = [number, number, number, number];
/** The box an element's content is cut to, in document px (±Infinity where it is not cut). */
interface Clip {
  l: number;
  t: number;
  r: number;
  b: number;
}
/** A sample point of text `t`, in document px; `ink` indexes the text's colours. */
interface Point {
  t: number;
  x: number;
  y: number;
  ink: number;
}

/**
 * A sample point seen: whether an image lies behind it, the colour behind it when plain colours make it, and the
 * see-through paint over it (a pseudo-element's veil: RGB and alpha).
 */
interface SeenPoint {
  p: Point;
  overImage: boolean;
  backdrop?: number[];
  veil?: number[];
}

/**
 * What an element's `::before` or `::after` paints (the one on top where both do): its colour and alpha over what
 * lies under it (a gradient counted as its stops' mean), and whether it hides that (a picture, or 90 % opaque).
 */
export interface PseudoPaint {
  which: "::before" | "::after";
  veil: Rgba;
  opaque: boolean;
}

/** What every part reads the page through. */
export interface PageTools {
  g: PageGlobals;
  style(el: El): Style;
  rgba(css: string): Rgba;
  contrast(a: readonly number[], b: readonly number[]): number;
  isMedia(el: El): boolean;
  hasImage(el: El): boolean;
  paints(el: El): boolean;
  /** Whether all `el` paints is its own text (no background, no picture): it paints only where its letters are. */
  textOnly(el: El): boolean;
  opacityOf(el: El): number;
  byId(id: string): El | null;
  clips(value: string): boolean;
  /**
   * Whether what `el` paints at a point is more than its background colour: an image, a gradient, a picture, a
   * pseudo-element, or see-through.
   */
  notPlain(el: El): boolean;
  /** What `el`'s pseudo-elements paint over what lies under them (not their borders), or undefined. */
  pseudoPaint(el: El): PseudoPaint | undefined;
}

// ---- the parts ----

/**
 * The page's globals and what the other parts ask of its elements: computed style (cached), colours, paint, opacity.
 */
export function pageTools(): PageTools {
  const g = globalThis as unknown as PageGlobals;
  const styles = new Map<El, Style>();
  const style = (el: El): Style => {
    let s = styles.get(el);
    if (!s) styles.set(el, (s = g.getComputedStyle(el)));
    return s;
  };
  // Any CSS colour the page computes (rgb, oklch, color-mix…) read back as RGBA by a 1×1 canvas.
  const swatch = g.document.createElement("canvas");
  swatch.width = 1;
  swatch.height = 1;
  const context = swatch.getContext("2d", { willReadFrequently: true });
  const colours = new Map<string, Rgba>();
  const rgba = (css: string): Rgba => {
    let c = colours.get(css);
    if (c) return c;
    c = [0, 0, 0, 0];
    const m = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+)(%?))?\s*\)$/.exec(css);
    if (m) c = [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4]) / (m[5] ? 100 : 1)];
    else if (context && css !== "") {
      context.clearRect(0, 0, 1, 1);
      context.fillStyle = "rgba(0,0,0,0)";
      context.fillStyle = css;
      context.fillRect(0, 0, 1, 1);
      const d = context.getImageData(0, 0, 1, 1).data;
      const a = (d[3] ?? 0) / 255;
      c = a > 0 ? [(d[0] ?? 0) / a, (d[1] ?? 0) / a, (d[2] ?? 0) / a, a] : [0, 0, 0, 0];
    }
    colours.set(css, c);
    return c;
  };
  const linear = (v: number): number => (v / 255 <= 0.04045 ? v / 255 / 12.92 : ((v / 255 + 0.055) / 1.055) ** 2.4);
  const luminance = (c: readonly number[]): number =>
    0.2126 * linear(c[0]!) + 0.7152 * linear(c[1]!) + 0.0722 * linear(c[2]!);
  const contrast = (a: readonly number[], b: readonly number[]): number =>
    (Math.max(luminance(a), luminance(b)) + 0.05) / (Math.min(luminance(a), luminance(b)) + 0.05);
  const isMedia = (el: El): boolean =>
    /^(img|svg|video|canvas|picture|iframe|object|embed|input|textarea|select)$/i.test(el.tagName);
  const hasImage = (el: El): boolean =>
    /^(img|svg|video|canvas|picture|object|embed)$/i.test(el.tagName) ||
    /url\(|gradient\(/.test(style(el).backgroundImage);
  const painted = new Map<El, boolean>();
  /** Whether `el` itself puts pixels over what lies under it. */
  const paints = (el: El): boolean => {
    const known = painted.get(el);
    if (known !== undefined) return known;
    const cs = style(el);
    const result =
      Number(cs.opacity) >= 0.1 && cs.visibility === "visible" && (backed(el) || ownText(el) || isMedia(el));
    painted.set(el, result);
    return result;
  };
  const backed = (el: El): boolean => rgba(style(el).backgroundColor)[3] > 0.1 || style(el).backgroundImage !== "none";
  const ownText = (el: El): boolean =>
    Array.from(el.childNodes).some((n) => n.nodeType === 3 && (n.textContent ?? "").trim() !== "");
  const textOnly = (el: El): boolean => ownText(el) && !backed(el) && !isMedia(el);
  const opacityOf = (el: El): number => {
    let o = 1;
    for (let e: El | null = el; e; e = e.parentElement) o *= Number(style(e).opacity) || 0;
    return o;
  };
  const byId = (id: string): El | null => g.document.querySelector(`[data-node-id="${g.CSS.escape(id)}"]`);
  const clips = (value: string): boolean => value !== "visible" && value !== "";
  const plain = new Map<El, boolean>();
  const notPlain = (el: El): boolean => {
    let known = plain.get(el);
    if (known === undefined) {
      const pseudo = ["::before", "::after"].some((p) => {
        const ps = g.getComputedStyle(el, p);
        return (
          ps.content !== "none" &&
          ps.content !== "normal" &&
          (rgba(ps.backgroundColor)[3] > 0 || ps.backgroundImage !== "none")
        );
      });
      known = hasImage(el) || Number(style(el).opacity) < 1 || pseudo;
      plain.set(el, known);
    }
    return known;
  };
  const pseudos = new Map<El, PseudoPaint | undefined>();
  const COLOUR = /(?:rgba?|hsla?|hwb|lab|lch|oklab|oklch|color)\([^()]*\)|transparent/g;
  const pseudoOf = (el: El, which: "::before" | "::after"): (PseudoPaint & { z: number }) | undefined => {
    const ps = g.getComputedStyle(el, which);
    if (ps.content === "none" || ps.content === "normal" || ps.display === "none" || ps.visibility !== "visible")
      return undefined;
    const opacity = Number(ps.opacity);
    const o = Number.isFinite(opacity) ? opacity : 1;
    const picture = /url\(/.test(ps.backgroundImage);
    // Its background colour, then a gradient's stops (their mean) over it: one colour and alpha.
    let c: Rgba = rgba(ps.backgroundColor);
    const stops = picture ? [] : Array.from(ps.backgroundImage.matchAll(COLOUR), (m) => rgba(m[0]));
    if (stops.length > 0) {
      const a = stops.reduce((sum, x) => sum + x[3], 0) / stops.length;
      const mean = [0, 1, 2].map((j) =>
        a > 0 ? stops.reduce((sum, x) => sum + x[j]! * x[3], 0) / stops.length / a : 0,
      );
      const out = a + c[3] * (1 - a);
      c =
        out > 0
          ? [
              (mean[0]! * a + c[0] * c[3] * (1 - a)) / out,
              (mean[1]! * a + c[1] * c[3] * (1 - a)) / out,
              (mean[2]! * a + c[2] * c[3] * (1 - a)) / out,
              out,
            ]
          : c;
    }
    const alpha = c[3] * o;
    if ((!picture && alpha < 0.02) || (picture && o < 0.1)) return undefined;
    const z = parseInt(ps.zIndex, 10);
    return { which, veil: [c[0], c[1], c[2], alpha], opaque: picture || alpha >= 0.9, z: Number.isFinite(z) ? z : 0 };
  };
  const pseudoPaint = (el: El): PseudoPaint | undefined => {
    if (pseudos.has(el)) return pseudos.get(el);
    const before = pseudoOf(el, "::before");
    const after = pseudoOf(el, "::after");
    // Both paint: the one on top (::after, painted later, unless ::before is stacked higher).
    const top = before && after ? (before.z > after.z ? before : after) : (before ?? after);
    const found = top ? { which: top.which, veil: top.veil, opaque: top.opaque } : undefined;
    pseudos.set(el, found);
    return found;
  };
  return {
    g,
    style,
    rgba,
    contrast,
    isMedia,
    hasImage,
    paints,
    textOnly,
    opacityOf,
    byId,
    clips,
    notPlain,
    pseudoPaint,
  };
}

/** The box an element's content is cut to (document px), following the containing-block chain as CSS clips. */
export function clipTools(tools: PageTools): (el: El | null) => Clip {
  const { g, style, clips } = tools;
  const none: Clip = { l: -Infinity, t: -Infinity, r: Infinity, b: Infinity };
  const memo = new Map<El, Clip>();
  // An element with `display: contents` has no box: it neither clips nor holds what is placed in it (a menu's panel
  // around a bar's links on wide screens, whatever position and overflow it is given).
  const boxless = (el: El): boolean => style(el).display === "contents";
  const containingBlock = (el: El): El | null => {
    const position = style(el).position;
    if (position === "fixed") return null;
    let parent = el.parentElement;
    if (position !== "absolute") return parent;
    for (; parent; parent = parent.parentElement) {
      const ps = style(parent);
      if (!boxless(parent) && (ps.position !== "static" || (ps.transform !== "none" && ps.transform !== "")))
        return parent;
    }
    return null;
  };
  const clipOf = (el: El | null): Clip => {
    if (!el) return none;
    const known = memo.get(el);
    if (known) return known;
    if (boxless(el)) {
      const through = clipOf(el.parentElement);
      memo.set(el, through);
      return through;
    }
    const outer = clipOf(containingBlock(el));
    const cs = style(el);
    const contained = /paint|strict|content/.test(cs.contain);
    const x = clips(cs.overflowX) || contained;
    const y = clips(cs.overflowY) || contained;
    let clip = outer;
    if (x || y) {
      const r = el.getBoundingClientRect();
      const l = r.left + el.clientLeft + g.scrollX;
      const t = r.top + el.clientTop + g.scrollY;
      clip = {
        l: x ? Math.max(outer.l, l) : outer.l,
        r: x ? Math.min(outer.r, l + el.clientWidth) : outer.r,
        t: y ? Math.max(outer.t, t) : outer.t,
        b: y ? Math.min(outer.b, t + el.clientHeight) : outer.b,
      };
    }
    memo.set(el, clip);
    return clip;
  };
  return clipOf;
}

/** One text at the page's width: whether it is on screen, its line boxes and sample points, its inks, a cut. */
export function sampleText(
  tools: PageTools,
  clipOf: (el: El | null) => Clip,
  page: { clip: Clip; vw: number },
  text: TextAsk,
  t: number,
  cutShown: typeof cutText,
  broken: typeof brokenWord,
): { sample: TextSample; points: Point[]; inks: (Rgba | undefined)[]; target: El | null } {
  const { g, style } = tools;
  const el = tools.byId(text.id);
  const sample: TextSample = {
    id: text.id,
    chars: text.chars,
    rendered: false,
    rects: [],
    seen: 0,
    offscreen: 0,
    clipped: 0,
    covered: 0,
    fontPx: 0,
    measured: 0,
    lowContrast: 0,
  };
  const out = { sample, points: [] as Point[], inks: [] as (Rgba | undefined)[], target: el };
  const missing = (reason: MissingReason) => ({ ...out, sample: { ...sample, missing: reason } });
  if (!el) return missing("no element");
  if (el.getClientRects().length === 0) return missing("no box");
  if (style(el).visibility !== "visible") return missing("not visible");
  const opacity = tools.opacityOf(el);
  if (opacity < 0.01) return missing("zero opacity");
  // Each text node's line boxes (a Range), its font size and its ink.
  const nodes: { node: PageNode; rects: Rect[]; ink: number }[] = [];
  const range = g.document.createRange();
  const walker = g.document.createTreeWalker(el, 4 /* SHOW_TEXT */);
  let fontPx = Infinity;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const ps = style(node.parentElement ?? el);
    if ((node.textContent ?? "").trim() === "" || ps.visibility !== "visible") continue;
    range.selectNodeContents(node);
    let rects = Array.from(range.getClientRects()).filter((r) => r.width > 0 && r.height > 0);
    if (rects.length > 1) {
      // A box of blanks alone (a preserved space at a line's end, hung past a right-aligned line: react-native-web's
      // pre-wrap) shows the reader nothing.
      const text = node.textContent ?? "";
      const blanks: Rect[] = [];
      for (const m of text.matchAll(/\s+/g)) {
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        blanks.push(...Array.from(range.getClientRects()));
      }
      const within = (r: Rect, b: Rect): boolean =>
        b.left <= r.left + 0.5 && b.right >= r.right - 0.5 && b.top <= r.top + 0.5 && b.bottom >= r.bottom - 0.5;
      rects = rects.filter((r) => !blanks.some((b) => within(r, b)));
    }
    if (rects.length === 0) continue;
    fontPx = Math.min(fontPx, parseFloat(ps.fontSize) || Infinity);
    const fill = tools.rgba(ps.getPropertyValue("-webkit-text-fill-color") || ps.color);
    // Text painted by its background (background-clip: text) has no one colour: not checked.
    const byBackground =
      fill[3] === 0 && /text/.test(`${ps.backgroundClip} ${ps.getPropertyValue("-webkit-background-clip")}`);
    out.inks.push(byBackground ? undefined : [fill[0], fill[1], fill[2], fill[3] * opacity]);
    nodes.push({ node, rects, ink: out.inks.length - 1 });
  }
  // Inputs show a value or placeholder, which has no text node; SVG text may report no range boxes.
  if (nodes.length === 0) {
    const own = (el.innerText ?? el.textContent ?? "").trim() || (el.value ?? "") || (el.placeholder ?? "");
    const rects = Array.from(el.getClientRects()).filter((r) => r.width > 0 && r.height > 0);
    if (text.chars > 0 && own === "") return missing("no text");
    if (rects.length === 0) return missing("no box");
    const ps = style(el);
    fontPx = parseFloat(ps.fontSize) || 0;
    const c = tools.rgba(ps.color);
    out.inks.push([c[0], c[1], c[2], c[3] * opacity]);
    nodes.push({ node: el, rects, ink: 0 });
  }
  sample.rendered = true;
  sample.fontPx = Number.isFinite(fontPx) ? fontPx : 0;
  const lines = new Set<number>();
  for (const { node, rects, ink } of nodes) {
    const own = clipOf(node === el ? el : (node.parentElement ?? el));
    const cut: Clip = {
      l: Math.max(own.l, page.clip.l),
      t: Math.max(own.t, page.clip.t),
      r: Math.min(own.r, page.clip.r),
      b: Math.min(own.b, page.clip.b),
    };
    let crossed = false;
    for (const b of rects) {
      const r = { x: b.left + g.scrollX, y: b.top + g.scrollY, width: b.width, height: b.height };
      sample.rects.push(r);
      lines.add(Math.round(b.top + b.height / 2));
      // The ink core (the middle 60 % of the line box) is where the letters are; 1 px of rounding either way.
      if (
        r.x < cut.l - 1 ||
        r.x + r.width > cut.r + 1 ||
        r.y + r.height * 0.2 < cut.t - 1 ||
        r.y + r.height * 0.8 > cut.b + 1
      )
        crossed = true;
      const n = Math.min(24, Math.max(1, Math.ceil(r.width / 16)));
      for (let i = 0; i < n; i++) {
        const p = { t, x: r.x + ((i + 0.5) * r.width) / n, y: r.y + r.height / 2, ink };
        if (p.x < cut.l || p.x >= cut.r || p.y < cut.t || p.y >= cut.b) sample.clipped++;
        else if (p.x >= page.vw) sample.offscreen++;
        else out.points.push(p);
      }
    }
    if (crossed && !sample.cut && node !== el) {
      const shown = cutShown(tools, node, { ...cut, r: Math.min(cut.r, page.vw) });
      if (shown !== undefined) sample.cut = { kind: "clip", shown };
    }
  }
  const cs = style(el);
  if (
    !sample.cut &&
    cs.textOverflow === "ellipsis" &&
    (tools.clips(cs.overflowX) || tools.clips(cs.overflowY)) &&
    el.scrollWidth > el.clientWidth + 1
  )
    sample.cut = { kind: "ellipsis", shown: "…" };
  // A word split over two lines (overflow-wrap/word-break, or a box too narrow for it): the design never does that.
  if (!sample.cut && lines.size > 1) {
    const shown = broken(
      tools,
      nodes.filter((n) => n.node !== el).map((n) => n.node),
    );
    if (shown !== undefined) sample.cut = { kind: "word", shown };
  }
  return out;
}

/**
 * Whether a text without a box is in a closed menu whose control is on screen: an ancestor that is a popover not
 * open (a shown `popovertarget` names it), or the element a shown button with `aria-expanded="false"` controls
 * (`aria-controls`). One press shows it: a reader reaches it.
 */
export function behindMenu(tools: PageTools, el: El, vw: number): boolean {
  const { g, style } = tools;
  const shown = (c: El | null): boolean => {
    if (!c || c.getClientRects().length === 0 || style(c).visibility !== "visible") return false;
    const r = c.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && r.right > 0 && r.left < vw;
  };
  const any = (list: ArrayLike<El>): boolean => Array.from(list).some((c) => !c.contains(el) && shown(c));
  for (let a: El | null = el; a; a = a.parentElement) {
    const id = a.getAttribute("id");
    if (!id) continue;
    const css = g.CSS.escape(id);
    if (
      a.getAttribute("popover") !== null &&
      !a.matches(":popover-open") &&
      any(g.document.querySelectorAll(`[popovertarget="${css}"]`))
    )
      return true;
    if (any(g.document.querySelectorAll(`[aria-controls~="${css}"][aria-expanded="false"]`))) return true;
  }
  return false;
}

/**
 * What a reader sees of a text node cut by `clip`: the part left of the first cut word ("FRONTIE"), else the text left;
 * undefined when nothing is cut.
 */
export function cutText(tools: PageTools, node: PageNode, clip: Clip): string | undefined {
  const { g } = tools;
  const range = g.document.createRange();
  const chars = Array.from(node.textContent ?? "");
  const shown: boolean[] = [];
  let offset = 0;
  for (const ch of chars) {
    range.setStart(node, offset);
    range.setEnd(node, offset + ch.length);
    const c = range.getBoundingClientRect();
    const x = c.left + c.width / 2 + g.scrollX;
    const y = c.top + c.height / 2 + g.scrollY;
    shown.push(c.width === 0 || (x >= clip.l && x < clip.r && y >= clip.t && y < clip.b));
    offset += ch.length;
  }
  if (!shown.some((s, i) => !s && (chars[i] ?? " ").trim() !== "")) return undefined;
  const text = chars.join("");
  let partial: string | undefined;
  for (const m of text.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu)) {
    const start = Array.from(text.slice(0, m.index)).length;
    const seen = shown.slice(start, start + Array.from(m[0]).length);
    if (seen.some(Boolean) && seen.some((s) => !s)) {
      partial = Array.from(m[0])
        .filter((_, i) => seen[i])
        .join("");
      break;
    }
  }
  const left = (partial ?? chars.filter((_, i) => shown[i]).join("")).replace(/\s+/g, " ").trim();
  const words = left.length > 40 ? `…${left.slice(-39)}` : left;
  // As the reader sees it: text-transform applied.
  const transform = tools.style(node.parentElement ?? g.document.documentElement).textTransform;
  return transform === "uppercase" ? words.toUpperCase() : transform === "lowercase" ? words.toLowerCase() : words;
}

/**
 * The first word of `nodes` broken across two lines, as "FRONTI|ER" (its part on the first line, a bar, the rest);
 * undefined when none is.
 */
export function brokenWord(tools: PageTools, nodes: readonly PageNode[]): string | undefined {
  const range = tools.g.document.createRange();
  const middle = (r: Rect): number => r.top + r.height / 2;
  for (const node of nodes) {
    const text = node.textContent ?? "";
    for (const m of text.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu)) {
      // Scripts that break anywhere between letters (CJK, Thai…) are not checked.
      if (
        m[0].length < 2 ||
        new RegExp(
          String.raw`[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=` +
            String.raw`Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]`,
          "u",
        ).test(m[0])
      )
        continue;
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const parts = Array.from(range.getClientRects()).filter((r) => r.width > 0 && r.height > 0);
      const first = parts[0];
      if (!first || !parts.some((r) => Math.abs(middle(r) - middle(first)) > first.height / 2)) continue;
      let head = "";
      let offset = m.index;
      for (const ch of Array.from(m[0])) {
        range.setStart(node, offset);
        range.setEnd(node, offset + ch.length);
        if (Math.abs(middle(range.getBoundingClientRect()) - middle(first)) > first.height / 2) break;
        head += ch;
        offset += ch.length;
      }
      const word = `${head}|${m[0].slice(head.length)}`;
      const transform = tools.style(node.parentElement ?? tools.g.document.documentElement).textTransform;
      return transform === "uppercase" ? word.toUpperCase() : transform === "lowercase" ? word.toLowerCase() : word;
    }
  }
  return undefined;
}

/**
 * The points hit-tested, band by band down the page: seen (the text first in the stack), covered by something that
 * paints (and by what), or clipped. A pseudo-element over a point (its element in the stack above the text, and above
 * it again where only pseudo-elements and the texts answer) covers it when opaque and veils it when see-through.
 * Returns the seen points with whether an image lies behind each, and the veil over each.
 */
export function hitTest(
  tools: PageTools,
  points: readonly Point[],
  targets: readonly (El | null)[],
  samples: TextSample[],
  stacking: PaintOrder,
): SeenPoint[] {
  const { g } = tools;
  const seen: SeenPoint[] = [];
  // What shows where nothing is painted: the root's (else the body's) background, else white.
  const base = [g.document.documentElement, g.document.body]
    .map((e) => (e ? tools.rgba(tools.style(e).backgroundColor) : undefined))
    .find((c) => c !== undefined && c[3] > 0) ?? [255, 255, 255, 1];
  const coverers = samples.map(() => new Map<string, number>());
  const veilers = samples.map(() => new Map<string, number>());
  const count = (map: Map<string, number>, who: string): void => void map.set(who, (map.get(who) ?? 0) + 1);
  const inside = (el: El, target: El): boolean => el === target || target.contains(el);
  // The texts, and only they and pseudo-elements, answer the second hit test.
  const texts = Array.from(new Set(targets.filter((t): t is El => t !== null)))
    .map((t) => t.getAttribute("data-node-id"))
    .filter((id): id is string => id !== null)
    .map((id) => `[data-node-id="${g.CSS.escape(id)}"]`);
  const onlyPseudo =
    `*{pointer-events:none!important}*::before,*::after` +
    texts.map((sel) => `,${sel},${sel} *`).join("") +
    `{pointer-events:auto!important}`;
  // A layer by its id, an element of no layer (inside one that holds the text too) by its tag.
  const nameOf = (el: El, target: El, own: boolean): string => {
    const id = own ? el.getAttribute("data-node-id") : null;
    if (id) return id;
    const layer = el.closest("[data-node-id]");
    return layer && !layer.contains(target)
      ? (layer.getAttribute("data-node-id") ?? "")
      : `<${el.tagName.toLowerCase()}>`;
  };
  // Whether `el` or a box around it stays put on the viewport while the page scrolls.
  const pinned = (el: El): boolean => {
    for (let e: El | null = el; e; e = e.parentElement) {
      const position = tools.style(e).position;
      if (position === "fixed" || position === "sticky") return true;
    }
    return false;
  };
  /**
   * The verdict on one point from what lies over it: counted, or false (not counted) when a pinned layer covers it and
   * this is not the `last` look (the point is looked at again from other scroll positions).
   */
  const judge = (p: Point, stack: El[], pseudo: El[] | undefined, last: boolean): boolean => {
    const target = targets[p.t]!;
    let verdict: "seen" | "clipped" | "covered" = "clipped";
    let overImage = false;
    let backdrop: number[] | undefined;
    // See-through pseudo-elements over the point, top first.
    const veils: { who: string; veil: Rgba }[] = [];
    const textAt = pseudo ? pseudo.findIndex((e) => inside(e, target)) : -1;
    // Letters past the text's own box: hit-testing finds the boxes under them, not the text.
    const overflowing = !stack.some((el) => inside(el, target));
    /** Seen, over the boxes from stack[k] down. */
    const seenOver = (k: number): "seen" => {
      // What lies behind the text here, down to the first opaque background (its own boxes come first): plain
      // colours are composited here; an image, a gradient, a pseudo-element or a see-through layer needs the
      // page's pixels (and an image says so).
      const colours: Rgba[] = [];
      let plain = true;
      for (const below of stack.slice(k)) {
        if (tools.notPlain(below)) {
          plain = false;
          overImage = tools.hasImage(below);
          break;
        }
        const c = tools.rgba(tools.style(below).backgroundColor);
        if (c[3] > 0) colours.push(c);
        if (c[3] >= 0.99) break;
      }
      if (plain) {
        backdrop = [base[0], base[1], base[2]];
        for (const c of colours.reverse()) backdrop = [0, 1, 2].map((j) => c[j]! * c[3] + backdrop![j]! * (1 - c[3]));
      }
      return "seen";
    };
    for (let k = 0; k < stack.length; k++) {
      const el = stack[k]!;
      if (inside(el, target)) {
        verdict = seenOver(k);
        break;
      }
      const paint = pseudo ? tools.pseudoPaint(el) : undefined;
      const at = paint ? pseudo!.indexOf(el) : -1;
      if (paint && at >= 0 && (textAt < 0 || at < textAt)) {
        const who = `${nameOf(el, target, true)}${paint.which}`;
        if (paint.opaque) {
          verdict = "covered";
          count(coverers[p.t]!, who);
          break;
        }
        veils.push({ who, veil: paint.veil });
      }
      if (el.contains(target)) continue;
      if (tools.paints(el)) {
        // A box that paints only its own text hides nothing where its letters are not.
        if (tools.textOnly(el) && !stacking.inkAt(el, p.x, p.y)) continue;
        if (overflowing && stacking.textAbove(target, el)) {
          verdict = seenOver(k);
          break;
        }
        // Under a layer fixed on the viewport (or stuck), a reader scrolls the text out from under it.
        if (!last && pinned(el)) return false;
        verdict = "covered";
        count(coverers[p.t]!, nameOf(el, target, false));
        break;
      }
    }
    // The veils as one (the lowest first, each laid over), unless together they hide the text.
    let veil: number[] | undefined;
    for (const v of [...veils].reverse()) {
      const [r, gr, b, a] = v.veil;
      const under = veil ?? [0, 0, 0, 0];
      const out = a + under[3]! * (1 - a);
      veil = [0, 1, 2].map((j) => ([r, gr, b][j]! * a + under[j]! * under[3]! * (1 - a)) / (out || 1));
      veil.push(out);
    }
    if (verdict === "seen" && veil && veil[3]! >= 0.9) {
      verdict = "covered";
      count(coverers[p.t]!, veils[0]!.who);
    } else if (verdict === "seen" && veil) count(veilers[p.t]!, veils[0]!.who);
    samples[p.t]![verdict]++;
    if (verdict === "seen") seen.push({ p, overImage, ...(backdrop ? { backdrop } : {}), ...(veil ? { veil } : {}) });
    return true;
  };
  const unpinned: Point[] = [];
  // A text on a pinned layer stays where it was sampled (the page at its top) whatever the scroll: judged there.
  const onPinned = targets.map((t) => t !== null && pinned(t));
  g.scrollTo(0, 0);
  for (const p of points)
    if (onPinned[p.t]) judge(p, g.document.elementsFromPoint(p.x, p.y - g.scrollY), undefined, true);
  const order = points
    .map((_, i) => i)
    .filter((i) => !onPinned[points[i]!.t])
    .sort((a, b) => points[a]!.y - points[b]!.y);
  let i = 0;
  while (i < order.length) {
    const first = i;
    g.scrollTo(0, Math.floor(points[order[i]!]!.y));
    const top = g.scrollY;
    const band: { p: Point; stack: El[]; pseudo?: El[] }[] = [];
    for (; i < order.length && points[order[i]!]!.y < top + g.innerHeight; i++) {
      const p = points[order[i]!]!;
      band.push({ p, stack: g.document.elementsFromPoint(p.x, p.y - top) });
    }
    // Where an element with a painting pseudo-element lies above a text, hit-test again with only pseudo-elements
    // and the texts answering: whether its pseudo-element is over the text there, in the page's stacking order.
    const asked = band.filter(({ p, stack }) => {
      const target = targets[p.t]!;
      for (const el of stack) {
        if (inside(el, target)) return false;
        if (tools.pseudoPaint(el)) return true;
      }
      return false;
    });
    if (asked.length > 0) {
      const only = g.document.createElement("style");
      only.textContent = onlyPseudo;
      (g.document.body ?? g.document.documentElement).append(only);
      try {
        for (const b of asked) b.pseudo = g.document.elementsFromPoint(b.p.x, b.p.y - top);
      } finally {
        only.remove();
      }
    }
    for (const { p, stack, pseudo } of band) if (!judge(p, stack, pseudo, false)) unpinned.push(p);
    // The page would not scroll that far (a root with overflow hidden): nothing brings the point into view.
    if (i === first) samples[points[order[i++]!]!.t]!.clipped++;
  }
  // A point under a pinned layer, looked at with the page scrolled to put it mid-viewport, then a quarter from the top,
  // then three quarters: covered only when no scroll position shows it.
  for (const p of unpinned) {
    const at = [0.5, 0.25, 0.75];
    for (let k = 0; k < at.length; k++) {
      g.scrollTo(0, Math.max(0, Math.floor(p.y - g.innerHeight * at[k]!)));
      if (judge(p, g.document.elementsFromPoint(p.x, p.y - g.scrollY), undefined, k === at.length - 1)) break;
    }
  }
  const most = (map: Map<string, number>): string | undefined =>
    Array.from(map.entries()).sort((a, b) => b[1] - a[1])[0]?.[0];
  samples.forEach((s, t) => {
    const by = most(coverers[t]!);
    if (by) s.coveredBy = by;
    const veiled = most(veilers[t]!);
    if (veiled) s.veiledBy = veiled;
  });
  g.scrollTo(0, 0);
  return seen;
}

/**
 * Where the page's content ends (its texts, pictures — a box's image fill too — and leaf layers; page-wide backgrounds
 * left out), and the families it has no font for.
 */
export function pageFacts(
  tools: PageTools,
  arg: TextProbeArg,
  samples: readonly TextSample[],
  pageHeight: number,
): { contentBottom: number; fontsMissing: string[] } {
  const { g } = tools;
  let contentBottom = 0;
  for (const s of samples) for (const r of s.rects) contentBottom = Math.max(contentBottom, r.y + r.height);
  const root = arg.rootId ? tools.byId(arg.rootId) : null;
  const rootBox = root ? root.getBoundingClientRect() : null;
  const pageArea = rootBox ? rootBox.width * rootBox.height : g.document.documentElement.clientWidth * pageHeight;
  const layers = g.document.querySelectorAll("[data-node-id]");
  for (let k = 0; k < layers.length; k++) {
    const el = layers[k]!;
    // A box around other layers is content only when it paints a picture of its own (an image fill under a layer).
    if (
      el === root ||
      (!tools.isMedia(el) && !tools.style(el).backgroundImage.includes("url(") && el.querySelector("[data-node-id]"))
    )
      continue;
    if (tools.style(el).visibility !== "visible" || !tools.paints(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.width * r.height <= 0 || r.width * r.height >= 0.5 * pageArea) continue;
    contentBottom = Math.max(contentBottom, r.bottom + g.scrollY);
  }
  const fontsMissing: string[] = [];
  const loaded = new Set<string>();
  for (const face of g.document.fonts)
    if (face.status === "loaded") loaded.add(face.family.replace(/^["']|["']$/g, "").toLowerCase());
  const canvas = g.document.createElement("canvas").getContext("2d");
  const widthIn = (font: string): number => {
    if (!canvas) return 0;
    canvas.font = font;
    return canvas.measureText("mmmmmmmmmmlli WQ@#0123456789").width;
  };
  for (const family of new Set((arg.families ?? []).map((f) => f.trim()).filter((f) => f !== ""))) {
    if (loaded.has(family.toLowerCase())) continue;
    // A family the page has renders differently from each generic fallback.
    const quoted = `"${family.replace(/["\\]/g, "")}"`;
    if (
      !["monospace", "serif", "sans-serif"].some(
        (generic) => widthIn(`72px ${quoted}, ${generic}`) !== widthIn(`72px ${generic}`),
      )
    )
      fontsMissing.push(family);
  }
  return { contentBottom, fontsMissing };
}

/**
 * The page's stylesheets and images as the page's own picture needs them: CSS text with every url() inlined as a
 * data: URL (an SVG image loads nothing from outside) and viewport-height units made px (in an SVG image they are
 * the image's); font faces dropped (no text is drawn, and every box is pinned). Data URLs are kept for the page's
 * other widths.
 */
export async function inlinedResources(
  tools: PageTools,
  skip: El,
): Promise<{
  css: string;
  inlineCss(css: string): Promise<string>;
  dataUrl(url: string): Promise<string | undefined>;
  units(css: string): string;
}> {
  const { g } = tools;
  const cache = (g.__figmentDataUrls ??= new Map());
  const dataUrl = (url: string): Promise<string | undefined> => {
    if (url.startsWith("data:")) return Promise.resolve(url);
    let known = cache.get(url);
    if (!known) {
      const read = (blob: unknown): Promise<string | undefined> =>
        new Promise((resolve) => {
          const reader = new g.FileReader();
          reader.onload = () => resolve(typeof reader.result === "string" ? reader.result : undefined);
          reader.onerror = () => resolve(undefined);
          reader.readAsDataURL(blob);
        });
      known = g
        .fetch(url)
        .then((r) => (r.ok ? r.blob().then(read) : undefined))
        .catch(() => undefined);
      cache.set(url, known);
    }
    return known;
  };
  const absolute = (url: string, base: string): string => {
    try {
      return new g.URL(url, base).href;
    } catch {
      return url;
    }
  };
  const URLS = /url\(\s*(['"]?)([^'")]+)\1\s*\)/g;
  const inlineCss = async (css: string, base = g.document.baseURI): Promise<string> => {
    const found = new Map<string, string>();
    for (const m of css.matchAll(URLS))
      if (!m[2]!.startsWith("data:") && !m[2]!.startsWith("#")) found.set(m[2]!, absolute(m[2]!, base));
    const inlined = new Map<string, string>();
    await Promise.all(Array.from(found, async ([raw, abs]) => inlined.set(raw, (await dataUrl(abs)) ?? "data:,")));
    return css.replace(URLS, (whole, _q: string, raw: string) =>
      inlined.has(raw) ? `url("${inlined.get(raw)!}")` : whole,
    );
  };
  const vh = g.innerHeight / 100;
  const vw = g.document.documentElement.clientWidth / 100;
  const units = (css: string): string =>
    css.replace(/(-?\d*\.?\d+)(?:d|s|l)?(vh|vmin|vmax)\b/gi, (_, n: string, unit: string) => {
      const lower = unit.toLowerCase();
      const size = lower === "vh" ? vh : lower === "vmin" ? Math.min(vh, vw) : Math.max(vh, vw);
      return `${Number(n) * size}px`;
    });
  const sheets: string[] = [];
  for (const sheet of Array.from(g.document.styleSheets)) {
    if (sheet.ownerNode === skip) continue;
    let text: string;
    try {
      text = Array.from(sheet.cssRules, (rule) => rule.cssText).join("\n");
    } catch {
      continue; // another origin's sheet (web fonts): the pinned boxes make it unnecessary
    }
    sheets.push(units(await inlineCss(text.replace(/@font-face\s*\{[^}]*\}/g, ""), sheet.href ?? g.document.baseURI)));
  }
  return { css: sheets.join("\n"), inlineCss, dataUrl, units };
}

/**
 * The page drawn by itself with every text transparent: its DOM in an SVG foreignObject, each element pinned to the
 * size it has on screen (a font the picture cannot load then moves nothing), resources inlined (inlinedResources;
 * the page's own style elements, the probe's among them, are left out of the clone). Drawn at most ~8 Mpx.
 */
export async function pagePicture(
  tools: PageTools,
  resources: Awaited<ReturnType<typeof inlinedResources>>,
): Promise<{ data: ArrayLike<number>; width: number; height: number; scale: number }> {
  const { g, style } = tools;
  const root = g.document.documentElement;
  // Pin every element of the clone to its size on screen (the same order in both trees).
  const originals = Array.from(root.querySelectorAll("*"));
  const clone = root.cloneNode(true);
  const copies = Array.from(clone.querySelectorAll("*"));
  const pending: Promise<void>[] = [];
  originals.forEach((el, k) => {
    const copy = copies[k];
    if (!copy) return;
    const cs = style(el);
    if (el.offsetWidth !== undefined && cs.display !== "inline" && cs.display !== "contents" && cs.display !== "none") {
      const pin =
        `width:${el.offsetWidth}px!important;height:${el.offsetHeight ?? 0}px!important;` +
        `min-width:0!important;max-width:none!important;min-height:0!important;max-` +
        `height:none!important;box-sizing:border-box!important;flex:0 0 auto!important;`;
      copy.setAttribute("style", `${resources.units(copy.getAttribute("style") ?? "")};${pin}`);
    }
    const inline = copy.getAttribute("style");
    if (inline && /url\(/.test(inline))
      pending.push(resources.inlineCss(inline).then((css) => copy.setAttribute("style", css)));
    if (/^img$/i.test(el.tagName) && el.src) {
      copy.removeAttribute("srcset");
      pending.push(resources.dataUrl(el.src).then((url) => copy.setAttribute("src", url ?? "data:,")));
    }
    const href = /^image$/i.test(el.tagName) ? (el.getAttribute("href") ?? el.getAttribute("xlink:href")) : null;
    if (href && !href.startsWith("data:"))
      pending.push(
        resources
          .dataUrl(new g.URL(href, g.document.baseURI).href)
          .then((url) => copy.setAttribute("href", url ?? "data:,")),
      );
  });
  await Promise.all(pending);
  const removed = clone.querySelectorAll("script, style, link, meta, noscript, iframe");
  for (let k = 0; k < removed.length; k++) removed[k]!.remove();
  // The background the page's canvas takes (the root's, else the body's) is the canvas's here too (filled below): in
  // the picture it would be an element's, painted over what the page stacks under its blocks (z-index -1).
  const canvasBackground = [root, g.document.body].find(
    (e) => e && (tools.rgba(style(e).backgroundColor)[3] > 0 || style(e).backgroundImage !== "none"),
  );
  const unpainted =
    canvasBackground && style(canvasBackground).backgroundImage === "none"
      ? `${canvasBackground === root ? "html" : "body"}{background-color:transparent!important}`
      : "";
  const sheet = g.document.createElement("style");
  sheet.textContent =
    `${resources.css}
*,*::before,*::after,*::placeholder,*::marker{color:transparent!important;-webkit-text-fill-color:` +
    `transparent!important;text-shadow:none!important;text-decoration-color:transparent!important;caret-color:` +
    `transparent!important}
text,tspan{fill:transparent!important;stroke:transparent!important}${unpainted}`;
  clone.prepend(sheet);
  const width = Math.max(1, root.clientWidth);
  const height = Math.max(1, root.scrollHeight);
  const scale = Math.min(1, Math.sqrt(8_000_000 / (width * height)));
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><foreignObject x="0" y="0" ` +
    `width="100%" height="100%">${new g.XMLSerializer().serializeToString(clone)}</foreignObject></svg>`;
  const image = new g.Image();
  await new Promise<void>((resolve, reject) => {
    image.onload = () => resolve();
    image.onerror = () => reject(new Error("the page could not be drawn to read its colours"));
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
  });
  const canvas = g.document.createElement("canvas");
  canvas.width = Math.max(1, Math.round(width * scale));
  canvas.height = Math.max(1, Math.round(height * scale));
  const context = canvas.getContext("2d", { willReadFrequently: true });
  if (!context) throw new Error("no 2D canvas to read the page's colours");
  // What the page shows where nothing is painted: the root's (else the body's) background, else white.
  const base = [root, g.document.body]
    .map((e) => (e ? tools.rgba(style(e).backgroundColor) : undefined))
    .find((c) => c !== undefined && c[3] > 0);
  context.fillStyle = base ? `rgb(${base[0]},${base[1]},${base[2]})` : "#fff";
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.drawImage(image, 0, 0, canvas.width, canvas.height);
  return {
    data: context.getImageData(0, 0, canvas.width, canvas.height).data,
    width: canvas.width,
    height: canvas.height,
    scale,
  };
}

/** Each seen point's contrast: the text's ink composited over the page's pixel there, against that pixel. */
export function measureContrast(
  tools: PageTools,
  asks: readonly TextAsk[],
  samples: TextSample[],
  seen: readonly SeenPoint[],
  inks: readonly (readonly (Rgba | undefined)[])[],
  picture: { data: ArrayLike<number>; width: number; height: number; scale: number } | undefined,
): void {
  const ratios: number[][] = samples.map(() => []);
  for (const { p, overImage, backdrop, veil } of seen) {
    const ask = asks[p.t]!;
    const color = inks[p.t]![p.ink];
    // Not judged: no threshold, no one colour, or an image behind it where the design's backdrop is not known.
    if (ask.minContrast <= 0 || !color || (overImage && !ask.backdropKnown)) continue;
    const v = veil ?? [0, 0, 0, 0];
    const va = Math.min(0.99, v[3]!);
    let back = backdrop;
    if (!back) {
      if (!picture) continue;
      const px = Math.min(picture.width - 1, Math.max(0, Math.floor(p.x * picture.scale)));
      const py = Math.min(picture.height - 1, Math.max(0, Math.floor(p.y * picture.scale)));
      const o = (py * picture.width + px) * 4;
      // The picture shows the veil too (only the text is left out): what lies under it, taken back out.
      back = [0, 1, 2].map((j) => Math.min(255, Math.max(0, (picture.data[o + j]! - v[j]! * va) / (1 - va))));
    }
    const a = Math.min(1, color[3]);
    const ink = [0, 1, 2].map((j) => color[j]! * a + back![j]! * (1 - a));
    // Text and backdrop both under the veil.
    const veiled = (c: readonly number[]): number[] => [0, 1, 2].map((j) => v[j]! * va + c[j]! * (1 - va));
    const ratio = tools.contrast(veiled(ink), veiled(back));
    ratios[p.t]!.push(ratio);
    samples[p.t]!.measured++;
    if (ratio < ask.minContrast) samples[p.t]!.lowContrast++;
  }
  samples.forEach((s, t) => {
    const r = ratios[t]!.sort((a, b) => a - b);
    if (r.length > 0) s.contrast = Math.round(r[Math.floor(r.length / 2)]! * 100) / 100;
  });
}

/** The parts probeTexts is given (its second argument): each self-contained, so that it can run as source text. */
export const TEXT_PROBE_PARTS = {
  pageTools,
  clipTools,
  sampleText,
  cutText,
  brokenWord,
  behindMenu,
  hitTest,
  paintOrder,
  pageFacts,
  inlinedResources,
  pagePicture,
  measureContrast,
};
export type TextProbeParts = typeof TEXT_PROBE_PARTS;

/** The whole probe at the page's current width: every text's sample, the page's size and content, fonts, contrast. */
export async function probeTexts(arg: TextProbeArg, parts: TextProbeParts): Promise<TextProbe> {
  const tools = parts.pageTools();
  const { g } = tools;
  const root = g.document.documentElement;
  // Hit-testing must reach every element, whatever pointer-events the page sets.
  const forced = g.document.createElement("style");
  forced.id = "figment-probe-hit";
  forced.textContent = "*,*::before,*::after{pointer-events:auto!important}";
  (g.document.body ?? root).append(forced);
  try {
    g.scrollTo(0, 0);
    const vw = root.clientWidth;
    const page = { vw, clip: { l: 0, t: 0, r: Math.max(vw, root.scrollWidth), b: root.scrollHeight } };
    const clipOf = parts.clipTools(tools);
    const sampled = arg.texts.map((text, t) =>
      parts.sampleText(tools, clipOf, page, text, t, parts.cutText, parts.brokenWord),
    );
    const samples = sampled.map((s) => s.sample);
    for (const s of sampled)
      if (s.sample.missing === "no box" && s.target && parts.behindMenu(tools, s.target, vw)) s.sample.menu = true;
    const seen = parts.hitTest(
      tools,
      sampled.flatMap((s) => s.points),
      sampled.map((s) => s.target),
      samples,
      parts.paintOrder(tools),
    );
    const facts = parts.pageFacts(tools, arg, samples, root.scrollHeight);
    let pixelsError: string | undefined;
    if (arg.pixels === true) {
      // The page's own picture only where plain colours do not make what lies behind a text to be judged.
      const judged = (s: SeenPoint): boolean =>
        arg.texts[s.p.t]!.minContrast > 0 && !(s.overImage && !arg.texts[s.p.t]!.backdropKnown);
      let picture: Awaited<ReturnType<typeof parts.pagePicture>> | undefined;
      try {
        if (seen.some((s) => !s.backdrop && judged(s)))
          picture = await parts.pagePicture(tools, await parts.inlinedResources(tools, forced));
      } catch (error) {
        pixelsError = error instanceof Error ? error.message : String(error);
      }
      parts.measureContrast(
        tools,
        arg.texts,
        samples,
        seen,
        sampled.map((s) => s.inks),
        picture,
      );
    }
    return {
      scrollWidth: root.scrollWidth,
      clientWidth: vw,
      scrollHeight: root.scrollHeight,
      viewportHeight: g.innerHeight,
      ...facts,
      ...(pixelsError ? { pixelsError } : {}),
      samples,
    };
  } finally {
    forced.remove();
  }
}

/** The parts as source text: an object literal of their functions. */
export function textProbePartsSource(): string {
  return `{ ${Object.entries(TEXT_PROBE_PARTS)
    .map(([name, fn]) => `${name}: (${fn.toString()})`)
    .join(", ")} }`;
}

/**
 * The probe as one expression to evaluate in a page (Playwright): `(probeTexts)(arg, parts)`, a promise of its
 * TextProbe.
 */
export function textProbeScript(arg: TextProbeArg): string {
  return `(${probeTexts.toString()})(${JSON.stringify(arg)}, ${textProbePartsSource()})`;
}
