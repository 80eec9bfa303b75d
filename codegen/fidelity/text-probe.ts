/**
 * What a reader sees of each design text in the rendered page, at the page's current width — the page side of the
 * score's text classes (classify.ts turns this into verdicts). Self-contained like the other probes (probe.ts): it
 * runs in Playwright (`page.evaluate(probeTexts, arg)`: the CLI, tests, the bench) and, as source text, in the
 * panel's sandboxed measuring page. The project compiles without the DOM lib, so the page's globals are read
 * through the local interfaces below.
 *
 * For each text:
 * - **missing**: no element carries its id, or it has no box (display:none), is not visible, is at zero opacity, or
 *   shows no characters;
 * - **cut**: a line sticks out of what clips it (an ancestor's overflow, its own, the viewport; the containing-block
 *   chain is followed, so an absolutely placed text escapes the clips it escapes in CSS), an ellipsis shows, or a
 *   word is broken across lines — with the part the reader sees ("FRONTIE");
 * - sample points along every line (a point every 16 px, at the line's middle) hit-tested with elementsFromPoint
 *   (pointer-events forced on while probing): seen, covered by something that paints (and what), or clipped;
 * - with `pixels`, the **contrast** at each seen point: the page is drawn by itself with all text transparent (its
 *   DOM in an SVG foreignObject, every box pinned to the size it has on screen so fonts the picture cannot load do
 *   not move anything, images inlined), and the text's colour is composited over the pixel found there;
 * - its smallest rendered font size.
 * And for the page: its scroll size, the bottom of what it shows, and which of the design's font families it lacks.
 */
import type { Box } from "./types.js";

/** What the probe is told about one design text. */
export interface TextAsk {
  id: string;
  chars: number;
  /** A seen point whose contrast is under this is illegible (0: not checked). */
  minContrast: number;
  /** The design has a known colour behind the text; else a point with an image behind it is not checked (the design's image is unknown). */
  backdropKnown: boolean;
}

/** Why a text is not on screen at all. */
export type MissingReason = "no element" | "no box" | "not visible" | "zero opacity" | "no text";

/** A cut the reader sees: what is left of the cut word or line, "…" for an ellipsis. */
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
  /** Rendered line boxes, in document coordinates (px). */
  rects: Box[];
  /** Sample points: how many were seen, and why the others were not. */
  seen: number;
  offscreen: number;
  clipped: number;
  covered: number;
  /** The layer id of what covers most of the covered points, or `<tag>` for an element that is part of no other layer. */
  coveredBy?: string;
  cut?: TextCut;
  /** The smallest font size its runs are rendered at, px (0 when not rendered). */
  fontPx: number;
  /** Seen points whose contrast was measured, how many of them were under the text's minContrast, and their median contrast. */
  measured: number;
  lowContrast: number;
  contrast?: number;
}

export interface TextProbe {
  scrollWidth: number;
  clientWidth: number;
  scrollHeight: number;
  viewportHeight: number;
  /** The bottom of the lowest text, picture or leaf layer the page shows (document px; page-wide backgrounds left out). */
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

export async function probeTexts(arg: TextProbeArg): Promise<TextProbe> {
  interface Rect {
    left: number;
    top: number;
    right: number;
    bottom: number;
    width: number;
    height: number;
  }
  interface Style {
    [key: string]: unknown;
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
    webkitTextFillColor?: string;
    webkitBackgroundClip?: string;
    getPropertyValue(name: string): string;
  }
  interface Node {
    readonly nodeType: number;
    readonly textContent: string | null;
    readonly parentElement: El | null;
  }
  interface El extends Node {
    readonly tagName: string;
    readonly childNodes: ArrayLike<Node>;
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
    contains(other: El | Node): boolean;
    closest(selector: string): El | null;
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
    textContentSet?: never;
  }
  interface RangeLike {
    setStart(node: Node, offset: number): void;
    setEnd(node: Node, offset: number): void;
    selectNodeContents(node: Node): void;
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
  interface ImageEl {
    onload: (() => void) | null;
    onerror: (() => void) | null;
    src: string;
    decode?(): Promise<void>;
  }
  interface StyleSheetLike {
    readonly href: string | null;
    readonly ownerNode: El | null;
    readonly cssRules: ArrayLike<{ cssText: string }>;
  }
  const g = globalThis as unknown as {
    document: {
      documentElement: El & { scrollHeight: number };
      body: El | null;
      baseURI: string;
      styleSheets: ArrayLike<StyleSheetLike>;
      fonts: Iterable<{ family: string; status: string }>;
      querySelector(selector: string): El | null;
      querySelectorAll(selector: string): ArrayLike<El>;
      createElement(tag: "canvas"): CanvasEl;
      createElement(tag: string): El & { textContent: string | null; id: string };
      createTreeWalker(root: El, whatToShow: number): { nextNode(): Node | null };
      createRange(): RangeLike;
      elementsFromPoint(x: number, y: number): El[];
    };
    CSS: { escape(value: string): string };
    getComputedStyle(el: El, pseudo?: string): Style;
    Image: new () => ImageEl;
    XMLSerializer: new () => { serializeToString(node: El): string };
    FileReader: new () => { onload: (() => void) | null; onerror: (() => void) | null; result: unknown; readAsDataURL(blob: unknown): void };
    fetch(url: string): Promise<{ ok: boolean; blob(): Promise<unknown> }>;
    URL: new (url: string, base: string) => { href: string };
    innerHeight: number;
    scrollX: number;
    scrollY: number;
    scrollTo(x: number, y: number): void;
    __figmentDataUrls?: Map<string, Promise<string | undefined>>;
  };
  const doc = g.document;
  const root = doc.documentElement;
  const range = doc.createRange();
  const styleOf = new Map<El, Style>();
  const style = (el: El): Style => {
    let s = styleOf.get(el);
    if (!s) styleOf.set(el, (s = g.getComputedStyle(el)));
    return s;
  };
  const byId = (id: string): El | null => doc.querySelector(`[data-node-id="${g.CSS.escape(id)}"]`);

  // Hit-testing must reach every element, whatever pointer-events the page sets.
  const forced = doc.createElement("style");
  forced.id = "figment-probe-hit";
  forced.textContent = "*,*::before,*::after{pointer-events:auto!important}";
  (doc.body ?? root).append(forced);
  g.scrollTo(0, 0);

  const vw = root.clientWidth;
  const vh = g.innerHeight;
  const docHeight = root.scrollHeight;
  const scrollWidth = root.scrollWidth;

  // ---- colours: any CSS colour the page computes (rgb, oklch, color-mix…) read back as RGBA by a 1×1 canvas ----
  const swatch = doc.createElement("canvas");
  swatch.width = 1;
  swatch.height = 1;
  const swatchContext = swatch.getContext("2d", { willReadFrequently: true });
  const colours = new Map<string, [number, number, number, number]>();
  const rgba = (css: string): [number, number, number, number] => {
    let c = colours.get(css);
    if (c) return c;
    c = [0, 0, 0, 0];
    const m = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+)(%?))?\s*\)$/.exec(css);
    if (m) c = [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4]) / (m[5] ? 100 : 1)];
    else if (swatchContext && css !== "") {
      swatchContext.clearRect(0, 0, 1, 1);
      swatchContext.fillStyle = "rgba(0,0,0,0)";
      swatchContext.fillStyle = css;
      swatchContext.fillRect(0, 0, 1, 1);
      const d = swatchContext.getImageData(0, 0, 1, 1).data;
      const a = (d[3] ?? 0) / 255;
      c = a > 0 ? [(d[0] ?? 0) / a, (d[1] ?? 0) / a, (d[2] ?? 0) / a, a] : [0, 0, 0, 0];
    }
    colours.set(css, c);
    return c;
  };
  const linear = (v: number): number => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const luminance = (c: readonly number[]): number => 0.2126 * linear(c[0]!) + 0.7152 * linear(c[1]!) + 0.0722 * linear(c[2]!);
  const contrastOf = (a: readonly number[], b: readonly number[]): number => {
    const la = luminance(a);
    const lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  };

  // ---- what an element is ----
  const MEDIA = /^(img|svg|video|canvas|picture|iframe|object|embed|input|textarea|select)$/i;
  const isMedia = (el: El): boolean => MEDIA.test(el.tagName);
  const hasImage = (el: El): boolean => /^(img|svg|video|canvas|picture|object|embed)$/i.test(el.tagName) || /url\(|gradient\(/.test(style(el).backgroundImage);
  const paintCache = new Map<El, boolean>();
  /** Whether `el` itself puts pixels over what lies under it. */
  const paints = (el: El): boolean => {
    const known = paintCache.get(el);
    if (known !== undefined) return known;
    const cs = style(el);
    const bg = rgba(cs.backgroundColor)[3] > 0.1;
    const own = Array.from(el.childNodes).some((n) => n.nodeType === 3 && (n.textContent ?? "").trim() !== "");
    const result = Number(cs.opacity) >= 0.1 && cs.visibility === "visible" && (bg || cs.backgroundImage !== "none" || own || isMedia(el));
    paintCache.set(el, result);
    return result;
  };
  const opacityOf = (el: El): number => {
    let o = 1;
    for (let e: El | null = el; e; e = e.parentElement) o *= Number(style(e).opacity) || 0;
    return o;
  };

  // ---- clipping: the box an element's content is cut to (document px), following the containing-block chain ----
  type Clip = { l: number; t: number; r: number; b: number };
  const NO_CLIP: Clip = { l: -Infinity, t: -Infinity, r: Infinity, b: Infinity };
  const clipMemo = new Map<El, Clip>();
  const clips = (v: string): boolean => v !== "visible" && v !== "";
  const containingBlock = (el: El): El | null => {
    const position = style(el).position;
    if (position === "fixed") return null;
    let parent = el.parentElement;
    if (position !== "absolute") return parent;
    for (; parent; parent = parent.parentElement) {
      const ps = style(parent);
      if (ps.position !== "static" || (ps.transform !== "none" && ps.transform !== "")) return parent;
    }
    return null;
  };
  const clipOf = (el: El | null): Clip => {
    if (!el) return NO_CLIP;
    const memo = clipMemo.get(el);
    if (memo) return memo;
    const outer = clipOf(containingBlock(el));
    const cs = style(el);
    const paintContained = /paint|strict|content/.test(cs.contain);
    let clip = outer;
    if (clips(cs.overflowX) || clips(cs.overflowY) || paintContained) {
      const r = el.getBoundingClientRect();
      const l = r.left + el.clientLeft + g.scrollX;
      const t = r.top + el.clientTop + g.scrollY;
      const own = {
        l: clips(cs.overflowX) || paintContained ? l : -Infinity,
        r: clips(cs.overflowX) || paintContained ? l + el.clientWidth : Infinity,
        t: clips(cs.overflowY) || paintContained ? t : -Infinity,
        b: clips(cs.overflowY) || paintContained ? t + el.clientHeight : Infinity,
      };
      clip = { l: Math.max(outer.l, own.l), t: Math.max(outer.t, own.t), r: Math.min(outer.r, own.r), b: Math.min(outer.b, own.b) };
    }
    clipMemo.set(el, clip);
    return clip;
  };
  // The page itself: nothing above or left of the origin or below the document can be scrolled to; past the right
  // edge of the viewport is reachable only when the page scrolls sideways (then "offscreen").
  const pageClip: Clip = { l: 0, t: 0, r: Math.max(vw, scrollWidth), b: docHeight };

  // ---- the texts ----
  type Point = { t: number; x: number; y: number };
  const points: Point[] = [];
  const targets: (El | null)[] = [];
  const inks: { color: [number, number, number, number] | undefined }[][] = [];
  const pointInk: (number | undefined)[] = [];
  const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
  const NO_WORD_BREAK_CHECK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u;
  const lineOf = (r: Rect): number => r.top + r.height / 2;
  const quoteShown = (s: string): string => {
    const t = s.replace(/\s+/g, " ").trim();
    return t.length > 40 ? `…${t.slice(-39)}` : t;
  };
  /** Text as the reader sees it (text-transform applied), for the words of a cut. */
  const asShown = (text: string, node: Node): string => {
    const transform = style(node.parentElement ?? root).textTransform;
    return transform === "uppercase" ? text.toUpperCase() : transform === "lowercase" ? text.toLowerCase() : text;
  };

  const samples = arg.texts.map((text, t): TextSample => {
    const el = byId(text.id);
    targets.push(el);
    inks.push([]);
    const sample: TextSample = { id: text.id, chars: text.chars, rendered: false, rects: [], seen: 0, offscreen: 0, clipped: 0, covered: 0, fontPx: 0, measured: 0, lowContrast: 0 };
    if (!el) return { ...sample, missing: "no element" };
    if (el.getClientRects().length === 0) return { ...sample, missing: "no box" };
    if (style(el).visibility !== "visible") return { ...sample, missing: "not visible" };
    const opacity = opacityOf(el);
    if (opacity < 0.01) return { ...sample, missing: "zero opacity" };
    // Each text node's line boxes (a Range), its font size and its ink.
    const nodes: { node: Node; rects: Rect[]; ink: number }[] = [];
    const walker = doc.createTreeWalker(el, 4 /* SHOW_TEXT */);
    let fontPx = Infinity;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if ((node.textContent ?? "").trim() === "") continue;
      const parent = node.parentElement ?? el;
      const ps = style(parent);
      if (ps.visibility !== "visible") continue;
      range.selectNodeContents(node);
      const rects = Array.from(range.getClientRects()).filter((r) => r.width > 0 && r.height > 0);
      if (rects.length === 0) continue;
      fontPx = Math.min(fontPx, parseFloat(ps.fontSize) || Infinity);
      const fill = ps.webkitTextFillColor ?? ps.getPropertyValue("-webkit-text-fill-color") ?? ps.color;
      let color: [number, number, number, number] | undefined = rgba(fill || ps.color);
      // Text painted by its background (background-clip: text): its colour is not one colour; not checked.
      if (color[3] === 0 && /text/.test(`${ps.backgroundClip} ${ps.webkitBackgroundClip ?? ps.getPropertyValue("-webkit-background-clip")}`)) color = undefined;
      else color = [color[0], color[1], color[2], color[3] * opacity];
      inks[t]!.push({ color });
      nodes.push({ node, rects, ink: inks[t]!.length - 1 });
    }
    // Inputs show a value or placeholder, which has no text node; SVG text may report no range boxes.
    if (nodes.length === 0) {
      const own = (el.innerText ?? el.textContent ?? "").trim() || (el.value ?? "") || (el.placeholder ?? "");
      if (text.chars > 0 && own === "") return { ...sample, missing: "no text" };
      const rects = Array.from(el.getClientRects()).filter((r) => r.width > 0 && r.height > 0);
      if (rects.length === 0) return { ...sample, missing: "no box" };
      const ps = style(el);
      fontPx = parseFloat(ps.fontSize) || 0;
      const c = rgba(ps.color);
      inks[t]!.push({ color: [c[0], c[1], c[2], c[3] * opacity] });
      nodes.push({ node: el, rects, ink: 0 });
    }
    sample.rendered = true;
    sample.fontPx = Number.isFinite(fontPx) ? fontPx : 0;
    const lines = new Set<number>();
    for (const { node, rects, ink } of nodes) {
      const clip = clipOf(node === el ? el : node.parentElement ?? el);
      const cut = { l: Math.max(clip.l, pageClip.l), t: Math.max(clip.t, pageClip.t), r: Math.min(clip.r, pageClip.r), b: Math.min(clip.b, pageClip.b) };
      let crossed = false;
      for (const b of rects) {
        const r = { x: b.left + g.scrollX, y: b.top + g.scrollY, width: b.width, height: b.height };
        sample.rects.push(r);
        lines.add(Math.round(lineOf(b)));
        // The ink core (the middle 60 % of the line box) is where the letters are; 1 px of rounding either way.
        const coreTop = r.y + r.height * 0.2;
        const coreBottom = r.y + r.height * 0.8;
        if (r.x < cut.l - 1 || r.x + r.width > cut.r + 1 || coreTop < cut.t - 1 || coreBottom > cut.b + 1) crossed = true;
        const n = Math.min(24, Math.max(1, Math.ceil(r.width / 16)));
        for (let i = 0; i < n; i++) {
          const p = { t, x: r.x + ((i + 0.5) * r.width) / n, y: r.y + r.height / 2 };
          if (p.x < cut.l || p.x >= cut.r || p.y < cut.t || p.y >= cut.b) sample.clipped++;
          else if (p.x >= vw) sample.offscreen++;
          else {
            points.push(p);
            pointInk.push(ink);
          }
        }
      }
      // What of a cut line the reader still sees: the characters whose middle lies inside the clip and the viewport.
      if (crossed && !sample.cut && node !== el) {
        const chars = Array.from(node.textContent ?? "");
        let offset = 0;
        const shown: boolean[] = [];
        for (const ch of chars) {
          range.setStart(node, offset);
          range.setEnd(node, offset + ch.length);
          const c = range.getBoundingClientRect();
          const x = c.left + c.width / 2 + g.scrollX;
          const y = c.top + c.height / 2 + g.scrollY;
          shown.push(c.width === 0 || (x >= cut.l && x < Math.min(cut.r, vw) && y >= cut.t && y < cut.b));
          offset += ch.length;
        }
        const text = chars.join("");
        let partial: string | undefined;
        for (const m of text.matchAll(WORD)) {
          const start = Array.from(text.slice(0, m.index)).length;
          const len = Array.from(m[0]).length;
          const seen = shown.slice(start, start + len);
          if (seen.some(Boolean) && seen.some((s) => !s)) {
            partial = Array.from(m[0]).filter((_, i) => seen[i]).join("");
            break;
          }
        }
        if (shown.some((s, i) => !s && (chars[i] ?? " ").trim() !== "")) sample.cut = { kind: "clip", shown: asShown(partial ?? quoteShown(chars.filter((_, i) => shown[i]).join("")), node) };
      }
    }
    if (!sample.cut) {
      const cs = style(el);
      if (cs.textOverflow === "ellipsis" && (clips(cs.overflowX) || clips(cs.overflowY)) && el.scrollWidth > el.clientWidth + 1) sample.cut = { kind: "ellipsis", shown: "…" };
    }
    // A word split over two lines (overflow-wrap/word-break, or a box too narrow for it): the design never does that.
    if (!sample.cut && lines.size > 1) {
      outer: for (const { node } of nodes) {
        if (node === el) continue;
        const text = node.textContent ?? "";
        for (const m of text.matchAll(WORD)) {
          if (m[0].length < 2 || NO_WORD_BREAK_CHECK.test(m[0])) continue;
          range.setStart(node, m.index);
          range.setEnd(node, m.index + m[0].length);
          const parts = Array.from(range.getClientRects()).filter((r) => r.width > 0 && r.height > 0);
          if (parts.length < 2) continue;
          const first = parts[0]!;
          const split = parts.findIndex((r) => Math.abs(lineOf(r) - lineOf(first)) > first.height / 2);
          if (split < 0) continue;
          // The part on the first line: the characters whose middle lies on it.
          let head = "";
          let offset = m.index;
          for (const ch of Array.from(m[0])) {
            range.setStart(node, offset);
            range.setEnd(node, offset + ch.length);
            const c = range.getBoundingClientRect();
            if (Math.abs(lineOf(c) - lineOf(first)) > first.height / 2) break;
            head += ch;
            offset += ch.length;
          }
          sample.cut = { kind: "word", shown: asShown(`${head}|${m[0].slice(head.length)}`, node) };
          break outer;
        }
      }
    }
    return sample;
  });

  // ---- hit-testing the points, band by band down the page ----
  const coverers: Map<string, number>[] = samples.map(() => new Map());
  const seenPoints: { p: Point; ink: number | undefined; overImage: boolean }[] = [];
  const order = points.map((_, i) => i).sort((a, b) => points[a]!.y - points[b]!.y);
  let i = 0;
  while (i < order.length) {
    const first = i;
    g.scrollTo(0, Math.floor(points[order[i]!]!.y));
    const top = g.scrollY;
    const bottom = top + vh;
    for (; i < order.length && points[order[i]!]!.y < bottom; i++) {
      const index = order[i]!;
      const p = points[index]!;
      const target = targets[p.t]!;
      const sample = samples[p.t]!;
      let verdict: "seen" | "clipped" | "covered" = "clipped";
      let overImage = false;
      const stack = doc.elementsFromPoint(p.x, p.y - top);
      for (let k = 0; k < stack.length; k++) {
        const el = stack[k]!;
        if (el === target || target.contains(el)) {
          verdict = "seen";
          // Is an image (or a gradient) behind the text here, before anything opaque? The text's own boxes (its
          // element and what of it lies under the point) come first: an opaque background of theirs is what is behind.
          for (const below of stack.slice(k)) {
            if (hasImage(below)) {
              overImage = true;
              break;
            }
            if (rgba(style(below).backgroundColor)[3] >= 0.99) break;
          }
          break;
        }
        if (el.contains(target)) continue;
        if (paints(el)) {
          verdict = "covered";
          // The layer that covers it; an element of no layer (inside one that holds the text too) by its tag.
          const layer = el.closest("[data-node-id]");
          const who = layer && !layer.contains(target) ? (layer.getAttribute("data-node-id") ?? "") : `<${el.tagName.toLowerCase()}>`;
          coverers[p.t]!.set(who, (coverers[p.t]!.get(who) ?? 0) + 1);
          break;
        }
      }
      sample[verdict]++;
      if (verdict === "seen") seenPoints.push({ p, ink: pointInk[index], overImage });
    }
    // The page would not scroll that far (a root with overflow hidden): nothing brings the point into view.
    if (i === first) samples[points[order[i++]!]!.t]!.clipped++;
  }
  samples.forEach((s, t) => {
    const top = Array.from(coverers[t]!.entries()).sort((a, b) => b[1] - a[1])[0];
    if (top) s.coveredBy = top[0];
  });
  g.scrollTo(0, 0);

  // ---- the page: where its content ends, and the fonts it lacks ----
  let contentBottom = 0;
  for (const s of samples) for (const r of s.rects) contentBottom = Math.max(contentBottom, r.y + r.height);
  const rootEl = arg.rootId ? byId(arg.rootId) : null;
  const rootBox = rootEl ? rootEl.getBoundingClientRect() : null;
  const pageArea = rootBox ? rootBox.width * rootBox.height : vw * docHeight;
  const layers = doc.querySelectorAll("[data-node-id]");
  for (let k = 0; k < layers.length; k++) {
    const el = layers[k]!;
    if (el === rootEl || (!isMedia(el) && el.querySelector("[data-node-id]"))) continue;
    const cs = style(el);
    if (cs.visibility !== "visible" || !paints(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.width * r.height <= 0 || r.width * r.height >= 0.5 * pageArea) continue;
    contentBottom = Math.max(contentBottom, r.bottom + g.scrollY);
  }
  const fontsMissing: string[] = [];
  const families = [...new Set((arg.families ?? []).map((f) => f.trim()).filter((f) => f !== ""))];
  if (families.length > 0) {
    const loaded = new Set<string>();
    for (const face of doc.fonts) if (face.status === "loaded") loaded.add(face.family.replace(/^["']|["']$/g, "").toLowerCase());
    const probe = doc.createElement("canvas").getContext("2d");
    const widthIn = (font: string): number => {
      if (!probe) return 0;
      probe.font = font;
      return probe.measureText("mmmmmmmmmmlli WQ@#0123456789").width;
    };
    for (const family of families) {
      if (loaded.has(family.toLowerCase())) continue;
      const quoted = `"${family.replace(/["\\]/g, "")}"`;
      const differs = ["monospace", "serif", "sans-serif"].some((generic) => widthIn(`72px ${quoted}, ${generic}`) !== widthIn(`72px ${generic}`));
      if (!differs) fontsMissing.push(family);
    }
  }

  // ---- contrast from the page's own pixels ----
  let pixelsError: string | undefined;
  const wantPixels = arg.pixels === true && seenPoints.some(({ p }) => arg.texts[p.t]!.minContrast > 0);
  if (wantPixels) {
    try {
      const picture = await pagePicture();
      const ratios: number[][] = samples.map(() => []);
      for (const { p, ink, overImage } of seenPoints) {
        const ask = arg.texts[p.t]!;
        if (ask.minContrast <= 0 || ink === undefined) continue;
        if (overImage && !ask.backdropKnown) continue;
        const color = inks[p.t]![ink]?.color;
        if (!color) continue;
        const px = Math.min(picture.width - 1, Math.max(0, Math.floor(p.x * picture.scale)));
        const py = Math.min(picture.height - 1, Math.max(0, Math.floor(p.y * picture.scale)));
        const o = (py * picture.width + px) * 4;
        const back = [picture.data[o]!, picture.data[o + 1]!, picture.data[o + 2]!];
        const a = Math.min(1, color[3]);
        const drawn = [color[0] * a + back[0]! * (1 - a), color[1] * a + back[1]! * (1 - a), color[2] * a + back[2]! * (1 - a)];
        const ratio = contrastOf(drawn, back);
        ratios[p.t]!.push(ratio);
        const s = samples[p.t]!;
        s.measured++;
        if (ratio < ask.minContrast) s.lowContrast++;
      }
      samples.forEach((s, t) => {
        const r = ratios[t]!.sort((a, b) => a - b);
        if (r.length > 0) s.contrast = Math.round(r[Math.floor(r.length / 2)]! * 100) / 100;
      });
    } catch (error) {
      pixelsError = error instanceof Error ? error.message : String(error);
    }
  }
  forced.remove();
  return { scrollWidth, clientWidth: vw, scrollHeight: docHeight, viewportHeight: vh, contentBottom, fontsMissing, ...(pixelsError ? { pixelsError } : {}), samples };

  /**
   * The page drawn by itself with every text transparent: its DOM in an SVG foreignObject, each element pinned to
   * the size it has on screen (a font the picture cannot load then moves nothing), images and CSS url()s inlined as
   * data: URLs (an SVG image loads nothing from outside), viewport-height units made px (in an SVG image they are
   * the image's). Drawn at most ~8 Mpx (scaled down beyond).
   */
  async function pagePicture(): Promise<{ data: ArrayLike<number>; width: number; height: number; scale: number }> {
    const cache = (g.__figmentDataUrls ??= new Map());
    const dataUrl = (url: string): Promise<string | undefined> => {
      if (url.startsWith("data:")) return Promise.resolve(url);
      let known = cache.get(url);
      if (!known) {
        known = g
          .fetch(url)
          .then((r) => (r.ok ? r.blob() : undefined))
          .then((blob) =>
            blob === undefined
              ? undefined
              : new Promise<string | undefined>((resolve) => {
                  const reader = new g.FileReader();
                  reader.onload = () => resolve(typeof reader.result === "string" ? reader.result : undefined);
                  reader.onerror = () => resolve(undefined);
                  reader.readAsDataURL(blob);
                }),
          )
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
    const URL_IN_CSS = /url\(\s*(['"]?)([^'")]+)\1\s*\)/g;
    const inlineCss = async (css: string, base: string): Promise<string> => {
      const found = new Map<string, string>();
      for (const m of css.matchAll(URL_IN_CSS)) if (!m[2]!.startsWith("data:") && !m[2]!.startsWith("#")) found.set(m[2]!, absolute(m[2]!, base));
      const inlined = new Map<string, string>();
      await Promise.all(Array.from(found, async ([raw, abs]) => inlined.set(raw, (await dataUrl(abs)) ?? "data:,")));
      return css.replace(URL_IN_CSS, (whole, _q: string, raw: string) => (inlined.has(raw) ? `url("${inlined.get(raw)!}")` : whole));
    };
    const vhPx = vh / 100;
    const vwPx = vw / 100;
    const viewportUnits = (css: string): string =>
      css.replace(/(-?\d*\.?\d+)(d|s|l)?(vh|vmin|vmax)\b/gi, (_, n: string, _k: string, unit: string) => {
        const u = unit.toLowerCase();
        const px = u === "vh" ? vhPx : u === "vmin" ? Math.min(vhPx, vwPx) : Math.max(vhPx, vwPx);
        return `${Number(n) * px}px`;
      });
    const sheets: string[] = [];
    for (const sheet of Array.from(doc.styleSheets)) {
      if (sheet.ownerNode === forced) continue;
      let text: string;
      try {
        text = Array.from(sheet.cssRules, (rule) => rule.cssText).join("\n");
      } catch {
        continue; // another origin's sheet (web fonts): the pinned boxes make it unnecessary
      }
      // Font files are not needed: no text is drawn, and every box is pinned.
      text = text.replace(/@font-face\s*\{[^}]*\}/g, "");
      sheets.push(viewportUnits(await inlineCss(text, sheet.href ?? doc.baseURI)));
    }
    // Pin every element of the clone to its size on screen (same order in both trees).
    const originals = Array.from(root.querySelectorAll("*"));
    const clone = root.cloneNode(true);
    const copies = Array.from(clone.querySelectorAll("*"));
    const images: Promise<void>[] = [];
    originals.forEach((el, k) => {
      const copy = copies[k];
      if (!copy) return;
      const cs = style(el);
      if (el.offsetWidth !== undefined && cs.display !== "inline" && cs.display !== "contents" && cs.display !== "none") {
        const pin = `width:${el.offsetWidth}px!important;height:${el.offsetHeight ?? 0}px!important;min-width:0!important;max-width:none!important;min-height:0!important;max-height:none!important;box-sizing:border-box!important;flex:0 0 auto!important;`;
        copy.setAttribute("style", `${viewportUnits(copy.getAttribute("style") ?? "")};${pin}`);
      }
      const inline = copy.getAttribute("style");
      if (inline && /url\(/.test(inline)) images.push(inlineCss(inline, doc.baseURI).then((css) => copy.setAttribute("style", css)));
      if (/^img$/i.test(el.tagName) && el.src) {
        copy.removeAttribute("srcset");
        images.push(dataUrl(el.src).then((url) => copy.setAttribute("src", url ?? "data:,")));
      }
      if (/^image$/i.test(el.tagName)) {
        const href = el.getAttribute("href") ?? el.getAttribute("xlink:href");
        if (href && !href.startsWith("data:")) images.push(dataUrl(absolute(href, doc.baseURI)).then((url) => copy.setAttribute("href", url ?? "data:,")));
      }
    });
    await Promise.all(images);
    const removed = clone.querySelectorAll("script, style, link, meta, noscript, iframe, #figment-probe-hit");
    for (let k = 0; k < removed.length; k++) removed[k]!.remove();
    const sheet = doc.createElement("style");
    sheet.textContent = `${sheets.join("\n")}
*,*::before,*::after,*::placeholder,*::marker{color:transparent!important;-webkit-text-fill-color:transparent!important;text-shadow:none!important;text-decoration-color:transparent!important;caret-color:transparent!important}
text,tspan{fill:transparent!important;stroke:transparent!important}`;
    clone.prepend(sheet);
    const width = Math.max(1, vw);
    const height = Math.max(1, docHeight);
    const scale = Math.min(1, Math.sqrt(8_000_000 / (width * height)));
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><foreignObject x="0" y="0" width="100%" height="100%">${new g.XMLSerializer().serializeToString(clone)}</foreignObject></svg>`;
    const image = new g.Image();
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error("the page could not be drawn to read its colours"));
      image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
    });
    const canvas = doc.createElement("canvas");
    canvas.width = Math.max(1, Math.round(width * scale));
    canvas.height = Math.max(1, Math.round(height * scale));
    const context = canvas.getContext("2d", { willReadFrequently: true });
    if (!context) throw new Error("no 2D canvas to read the page's colours");
    // What the page shows where nothing is painted: the root's (else the body's) background, else white.
    const base = [root, doc.body].map((e) => (e ? rgba(style(e).backgroundColor) : undefined)).find((c) => c !== undefined && c[3] > 0);
    context.fillStyle = base ? `rgb(${base[0]},${base[1]},${base[2]})` : "#fff";
    context.fillRect(0, 0, canvas.width, canvas.height);
    context.drawImage(image, 0, 0, canvas.width, canvas.height);
    return { data: context.getImageData(0, 0, canvas.width, canvas.height).data, width: canvas.width, height: canvas.height, scale };
  }
}
