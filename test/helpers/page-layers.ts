/**
 * A real page's trip through the layers path, measured element by element (issue 51's Design2Code goals): the page
 * rendered in Chromium (JS off, cli/layers/read-page.ts) → readLayers → buildLayers on the Figma simulator → the
 * built layers exported as a Figma REST reply → each exported layer's box against its element's box in the same
 * render. Every rendered element is tagged (data-node-id) before the read, so a layer names its element.
 *
 * Figures, per page:
 * - IoU×matched, the house measure (cli/layers/round-trip.ts, codegen/fidelity's iou): the mean IoU of the matched
 *   elements times the share of elements that came back as a layer. The elements counted are those visibleNodes
 *   would count in a design: rendered, with an area, not hidden, not entirely clipped away by an overflow ancestor;
 *   an inline element whose text is a run of its block's text layer is counted apart ("in runs"), not as a miss.
 * - text: the share of the page's visible characters (white space aside) found in the export's TEXT layers.
 * - images: <img> elements and elements with a url() background, and how many have an image fill or the image
 *   placeholder on their layer.
 * - text fit: each exported TEXT layer held against its own line boxes in the page (the DOM text its characters are,
 *   found in document order): on the vertical axis the IoU of the layer's span and the lines' span; on the horizontal
 *   axis the share of the lines' span the layer covers times the share of the layer inside its lines' container (the
 *   block's content box). A fixed-width text as wide as its block and a hugging one score 1; a paragraph that became
 *   one 2560 px line, or a text that wraps one word earlier, scores low. Each measured text counts in the page's mean
 *   IoU beside the elements (the score); a layer whose characters are not the page's (a list marker, a pseudo-
 *   element's content, a control's value) is not measured.
 * - flex: elements with display flex / inline-flex, and how many were built as auto layout frames.
 * - grid: elements with display grid / inline-grid and children, and how many were built as auto layout (Figma's
 *   GRID, or the nested rows and columns of contract/layers-grid-nest.ts) rather than a frame of placed children.
 */
import type { Browser, Page } from "playwright-core";
import { readPage } from "../../cli/layers/read-page.js";
import { iou } from "../../codegen/fidelity/index.js";
import type { Box } from "../../codegen/fidelity/types.js";
import type { LayerDocument, LayerNode } from "../../contract/layers.js";
import { useInstalledFonts } from "../figma-sim/font-files.js";
import type { Json } from "../figma-sim/sim.js";

/**
 * The builder's half (test/figma-sim/page-build.ts, which needs Figma's typings): the description built on the
 * simulator and exported; the placeholder's colour.
 */
export interface PageBuilder {
  buildAndExport(doc: LayerDocument): Promise<{ built: number; notes: string[]; rest: Json }>;
  PLACEHOLDER_COLOR: { r: number; g: number; b: number };
}

/** One rendered element as the page showed it. */
export interface DomElementBox {
  id: string;
  parent: string | undefined;
  tag: string;
  box: Box;
  /** Has an area, is not hidden, is not clipped away: a layer is expected. */
  counted: boolean;
  inline: boolean;
  flex: boolean;
  /** display grid with element children. */
  grid?: boolean;
  /** An <img> or an element painting a url() background. */
  image: boolean;
}

/**
 * A visible text node: its characters without white space, its line fragments (the glyphs' boxes), its line height
 * (0: normal), its block's content box across.
 */
interface DomText {
  chars: string;
  lines: Box[];
  lineHeight: number;
  container: { x: number; width: number };
}

interface DomRead {
  elements: DomElementBox[];
  /** The visible text nodes' words (white space collapsed). */
  words: string[];
  texts: DomText[];
}

export interface PageTrip {
  elements: number;
  matched: number;
  inRuns: number;
  meanIoU: number;
  score: number;
  /** Text layers held against their line boxes (see the module's note): measured, their mean fit, those < 0.5. */
  textLayers: number;
  textFit: number;
  textPoor: number;
  /** Text layers reaching past the page's sides where the page's own text does not. */
  textOutside: number;
  /** The page's visible characters (white space aside), and how many are in editable TEXT layers. */
  chars: number;
  editableChars: number;
  images: number;
  imagesPlaced: number;
  flex: number;
  flexAuto: number;
  grid: number;
  gridAuto: number;
  layers: number;
  notes: string[];
  truncated: boolean;
  /** Elements counted but not matched, and the worst matched ones (for the reader's fixes). */
  misses: { id: string; tag: string }[];
  /** The first words of the page not found in a text layer. */
  missingWords: string[];
  worst: { id: string; tag: string; iou: number; dom: Box; layer: Box }[];
}

/** Runs in the page (JS off: page.evaluate still runs): tags every element and reads its box and kind. */
function tagAndRead(): DomRead {
  type El = {
    tagName: string;
    children: ArrayLike<El>;
    setAttribute(n: string, v: string): void;
    getBoundingClientRect(): { x: number; y: number; width: number; height: number };
    checkVisibility?(): boolean;
    parentElement: El | null;
  };
  type Doc = {
    body: El;
    createTreeWalker(root: El, show: number): { nextNode(): { textContent: string | null } | null };
    createRange(): {
      selectNodeContents(n: unknown): void;
      getBoundingClientRect(): { width: number; height: number };
      getClientRects(): ArrayLike<{ x: number; y: number; width: number; height: number }>;
    };
  };
  const g = globalThis as unknown as {
    document: Doc;
    getComputedStyle(e: El): { getPropertyValue(n: string): string };
  };
  const SKIP = new Set(["SCRIPT", "STYLE", "TEMPLATE", "HEAD", "META", "LINK", "TITLE"]);
  const elements: DomElementBox[] = [];
  let next = 0;
  type Clip = { x: number; y: number; width: number; height: number } | undefined;
  const outside = (b: Box, c: NonNullable<Clip>): boolean =>
    b.x + Math.max(1, b.width) <= c.x ||
    b.x >= c.x + c.width ||
    b.y + Math.max(1, b.height) <= c.y ||
    b.y >= c.y + c.height;
  const walk = (el: El, parent: string | undefined, clip: Clip, hidden: boolean): void => {
    if (SKIP.has(el.tagName)) return;
    const style = g.getComputedStyle(el);
    const display = style.getPropertyValue("display");
    if (display === "none") return;
    const id = `e${next++}`;
    el.setAttribute("data-node-id", id);
    const r = el.getBoundingClientRect();
    const box = { x: r.x, y: r.y, width: r.width, height: r.height };
    const tag = el.tagName.toLowerCase();
    const invisible = hidden || style.getPropertyValue("visibility") !== "visible";
    // Laid out but not drawn: what a closed <details> holds beyond its summary.
    const skipped = el.checkVisibility?.() === false;
    // Clipped to nothing, there for a screen reader (WordPress's .screen-reader-text): the reader leaves it out.
    const srOnly = box.width <= 1 && box.height <= 1 && /inset\(50%\)/.test(style.getPropertyValue("clip-path"));
    const counted =
      !invisible && !skipped && !srOnly && (box.width > 0 || box.height > 0) && !(clip && outside(box, clip));
    elements.push({
      id,
      parent,
      tag,
      box,
      counted,
      inline: /^inline/.test(display) && tag !== "img",
      flex: /flex/.test(display),
      grid: /grid/.test(display) && el.children.length > 0,
      image: tag === "img" || /url\(/.test(style.getPropertyValue("background-image")),
    });
    if (tag === "svg") return;
    let inner = clip;
    const overflow = style.getPropertyValue("overflow-x") + style.getPropertyValue("overflow-y");
    if (overflow !== "visiblevisible") {
      const x = Math.max(box.x, clip?.x ?? -Infinity);
      const y = Math.max(box.y, clip?.y ?? -Infinity);
      const right = Math.min(box.x + box.width, clip ? clip.x + clip.width : Infinity);
      const bottom = Math.min(box.y + box.height, clip ? clip.y + clip.height : Infinity);
      inner = { x, y, width: Math.max(0, right - x), height: Math.max(0, bottom - y) };
    }
    for (const child of Array.from(el.children)) walk(child, id, inner, invisible);
  };
  const body = g.document.body;
  walk(body, undefined, undefined, false);
  // Visible words: text nodes with a rendered box, outside the skipped elements (a tree walker over text).
  const words: string[] = [];
  const texts: DomText[] = [];
  /** The content box across of the block a text's lines are laid out in (its nearest non-inline ancestor). */
  const container = (from: El): DomText["container"] => {
    let el: El | null = from;
    while (el.parentElement && /^inline$|^contents$/.test(g.getComputedStyle(el).getPropertyValue("display")))
      el = el.parentElement;
    const st = g.getComputedStyle(el);
    const side = (k: string): number =>
      Number.parseFloat(st.getPropertyValue(`padding-${k}`)) +
      Number.parseFloat(st.getPropertyValue(`border-${k}-width`));
    const r = el.getBoundingClientRect();
    return { x: r.x + side("left"), width: r.width - side("left") - side("right") };
  };
  const walker = g.document.createTreeWalker(body, 4);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const text = (n.textContent ?? "").trim();
    if (text === "") continue;
    const parent = (n as unknown as { parentElement: El | null }).parentElement;
    if (!parent || SKIP.has(parent.tagName)) continue;
    const range = g.document.createRange();
    range.selectNodeContents(n);
    const r = range.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    if (g.getComputedStyle(parent).getPropertyValue("visibility") !== "visible") continue;
    if (parent.checkVisibility?.() === false) continue;
    words.push(...text.split(/\s+/));
    const lh = Number.parseFloat(g.getComputedStyle(parent).getPropertyValue("line-height"));
    const lines = Array.from(range.getClientRects())
      .filter((f) => f.width > 0 && f.height > 0)
      .map((f) => ({ x: f.x, y: f.y, width: f.width, height: f.height }));
    texts.push({
      chars: text.replace(/\s+/g, ""),
      lines,
      lineHeight: Number.isFinite(lh) ? lh : 0,
      container: container(parent),
    });
  }
  return { elements, words, texts };
}

const num = (v: unknown): number => (typeof v === "number" ? v : 0);
const boxOf = (n: Json): Box => {
  const b = (n["absoluteBoundingBox"] ?? {}) as Json;
  return { x: num(b["x"]), y: num(b["y"]), width: num(b["width"]), height: num(b["height"]) };
};
const kids = (n: Json): Json[] => (Array.isArray(n["children"]) ? (n["children"] as Json[]) : []);

/** Each exported layer beside the description's layer it was built from (the builder keeps the order). */
function pair(layer: LayerNode, rest: Json, out: { layer: LayerNode; rest: Json }[]): void {
  out.push({ layer, rest });
  if (layer.kind !== "frame") return;
  const built = kids(rest);
  (layer.children ?? []).forEach((child, i) => {
    const r = built[i];
    if (r) pair(child, r, out);
  });
}

const isPlaceholder = (p: Json, want: PageBuilder["PLACEHOLDER_COLOR"]): boolean => {
  const c = (p["color"] ?? {}) as Json;
  return p["type"] === "SOLID" && c["r"] === want.r && c["g"] === want.g && c["b"] === want.b;
};

/** The span [a, a + la) against [b, b + lb]: overlap length. */
const overlap = (a: number, la: number, b: number, lb: number): number =>
  Math.max(0, Math.min(a + la, b + lb) - Math.max(a, b));

/** A text layer's box against the page's lines of its text: across × inside × down (the module's note). */
function fitOf(b: Box, mine: readonly DomText[]): { fit: number; lines: Box } | undefined {
  const lines = mine.flatMap((t) => t.lines);
  if (lines.length === 0) return undefined;
  const x = Math.min(...lines.map((l) => l.x));
  const gy = Math.min(...lines.map((l) => l.y));
  const w = Math.max(...lines.map((l) => l.x + l.width)) - x;
  const gh = Math.max(...lines.map((l) => l.y + l.height)) - gy;
  // The line boxes hold the glyphs with the leading around them, where within it the font says: the placement nearest
  // the layer's (the lines must still hold the glyphs).
  const leading = Math.max(0, Math.max(...mine.map((t) => t.lineHeight)) - lines[0]!.height);
  const h = gh + leading;
  const y = Math.min(gy, Math.max(gy - leading, b.y));
  // The block the lines are laid out in, with the lines themselves (a text put outside its box on purpose).
  const c = mine[0]!.container;
  const [cx, cr] = [Math.min(c.x, x), Math.max(c.x + c.width, x + w)];
  const across = overlap(b.x, b.width, x, w) / Math.max(1, w);
  const inside = b.width > 0 ? overlap(b.x, b.width, cx, cr - cx) / b.width : 1;
  const down = overlap(b.y, b.height, y, h) / Math.max(1, Math.max(b.y + b.height, y + h) - Math.min(b.y, y));
  return { fit: across * inside * down, lines: { x, y, width: w, height: h } };
}

/**
 * Each exported TEXT layer (boxes relative to the page) held against the DOM text its characters are (see the
 * module's note; where they occur more than once, the occurrence it fits best): the fits of those found, and how many
 * reach past the page's sides where the page's text does not.
 */
export function textFits(
  layers: { chars: string; box: Box }[],
  texts: readonly DomText[],
  pageWidth: number,
): { fits: number[]; outside: number } {
  const stream = texts.map((t) => t.chars).join("");
  const starts: number[] = [];
  texts.reduce((at, t) => (starts.push(at), at + t.chars.length), 0);
  const fits: number[] = [];
  let outside = 0;
  for (const layer of layers) {
    const chars = layer.chars.replace(/\s+/g, "");
    if (chars === "") continue;
    let best: { fit: number; lines: Box } | undefined;
    for (let at = stream.indexOf(chars), n = 0; at >= 0 && n < 500; at = stream.indexOf(chars, at + 1), n++) {
      const end = at + chars.length;
      const one = fitOf(
        layer.box,
        texts.filter((t, i) => starts[i]! < end && starts[i]! + t.chars.length > at),
      );
      if (one && (!best || one.fit > best.fit)) best = one;
    }
    if (!best) continue;
    fits.push(best.fit);
    const past = (bx: number, bw: number): boolean => bx < -1 || bx + bw > pageWidth + 1;
    if (past(layer.box.x, layer.box.width) && !past(best.lines.x, best.lines.width)) outside++;
  }
  return { fits, outside };
}

/** Renders `htmlPath` at `width`, reads it, builds it, exports it and compares (see the module's note). */
export async function measurePage(
  browser: Browser,
  builder: PageBuilder,
  htmlPath: string,
  width = 1280,
): Promise<PageTrip> {
  let dom: DomRead = { elements: [], words: [], texts: [] };
  const prepare = async (page: Page): Promise<void> => {
    dom = await page.evaluate(tagAndRead);
  };
  const [read] = await readPage(browser, htmlPath, [width], { prepare });
  const doc = read!.document;
  // The simulator measures text with the fonts' own advances, as Figma does (the @fontsource and system fonts).
  const stopFonts = useInstalledFonts();
  const { built, notes, rest } = await builder.buildAndExport(doc).finally(stopFonts);
  const pairs: { layer: LayerNode; rest: Json }[] = [];
  pair(doc.root, rest, pairs);
  const origin = boxOf(rest);
  const byId = new Map<string, { layer: LayerNode; rest: Json; box: Box }>();
  for (const p of pairs)
    if (p.layer.sourceId && !byId.has(p.layer.sourceId)) {
      const b = boxOf(p.rest);
      byId.set(p.layer.sourceId, { ...p, box: { ...b, x: b.x - origin.x, y: b.y - origin.y } });
    }
  const parentOf = new Map(dom.elements.map((e) => [e.id, e.parent]));
  /** A missing inline element whose nearest element with a layer is text (its words are that layer's runs). */
  const inRun = (e: DomElementBox): boolean => {
    if (!e.inline) return false;
    for (let p = e.parent; p; p = parentOf.get(p)) {
      const hit = byId.get(p);
      if (!hit) continue;
      return hit.layer.kind === "text" || (hit.layer.children ?? []).some((c) => c.kind === "text" && !c.sourceId);
    }
    return false;
  };
  let matched = 0;
  let sum = 0;
  let inRuns = 0;
  let counted = 0;
  const misses: PageTrip["misses"] = [];
  const scored: PageTrip["worst"] = [];
  let images = 0;
  let imagesPlaced = 0;
  let flex = 0;
  let flexAuto = 0;
  let grid = 0;
  let gridAuto = 0;
  for (const e of dom.elements) {
    const hit = byId.get(e.id);
    if (e.counted && e.image) {
      images++;
      // The body's background is the page's (CSS gives it to the canvas): the root frame carries it.
      const fills = [...((hit?.rest["fills"] ?? []) as Json[]), ...(e.tag === "body" ? (rest["fills"] as Json[]) : [])];
      if (fills.some((f) => f["type"] === "IMAGE" || isPlaceholder(f, builder.PLACEHOLDER_COLOR))) imagesPlaced++;
    }
    if (e.counted && e.flex) {
      flex++;
      const mode = hit?.rest["layoutMode"];
      if (mode === "HORIZONTAL" || mode === "VERTICAL") flexAuto++;
    }
    if (e.counted && e.grid) {
      grid++;
      const mode = hit?.rest["layoutMode"];
      if (mode === "HORIZONTAL" || mode === "VERTICAL" || mode === "GRID") gridAuto++;
    }
    if (!e.counted) continue;
    if (!hit) {
      if (inRun(e)) inRuns++;
      else {
        counted++;
        misses.push({ id: e.id, tag: e.tag });
      }
      continue;
    }
    counted++;
    matched++;
    const score = iou(e.box, hit.box);
    sum += score;
    scored.push({ id: e.id, tag: e.tag, iou: score, dom: e.box, layer: hit.box });
  }
  const texts: string[] = [];
  const collect = (n: Json): void => {
    if (n["type"] === "TEXT" && typeof n["characters"] === "string") texts.push(n["characters"]);
    for (const c of kids(n)) collect(c);
  };
  collect(rest);
  // Characters, not words: a word split over two elements ("post<span>1</span>") is one word in a text layer.
  const have = new Map<string, number>();
  for (const c of texts.join("").replace(/\s+/g, "")) have.set(c, (have.get(c) ?? 0) + 1);
  let editableChars = 0;
  let domChars = 0;
  const missingWords: string[] = [];
  for (const w of dom.words) {
    let missing = false;
    for (const c of w) {
      domChars++;
      const n = have.get(c) ?? 0;
      if (n > 0) {
        editableChars++;
        have.set(c, n - 1);
      } else missing = true;
    }
    if (missing && missingWords.length < 20) missingWords.push(w);
  }
  // The page's texts (a form control's value, drawn in a box of its own, is none), as the simulator built them.
  const textLayers = pairs.flatMap(({ layer, rest: r }) => {
    if (!layer.text || layer.text.autoResize === "NONE" || r["visible"] === false) return [];
    const b = boxOf(r);
    return [{ chars: layer.text.characters, box: { ...b, x: b.x - origin.x, y: b.y - origin.y } }];
  });
  const fitted = textFits(textLayers, dom.texts, width);
  const textFit = fitted.fits.reduce((a, f) => a + f, 0);
  // Each measured text beside the elements in the mean: a text layer off its lines lowers the page's score.
  const meanIoU = matched + fitted.fits.length > 0 ? (sum + textFit) / (matched + fitted.fits.length) : 0;
  const share = counted > 0 ? matched / counted : 0;
  scored.sort((a, b) => a.iou - b.iou);
  return {
    elements: counted,
    matched,
    inRuns,
    meanIoU,
    score: meanIoU * share,
    textLayers: fitted.fits.length,
    textFit: fitted.fits.length > 0 ? textFit / fitted.fits.length : 1,
    textPoor: fitted.fits.filter((f) => f < 0.5).length,
    textOutside: fitted.outside,
    chars: domChars,
    editableChars,
    images,
    imagesPlaced,
    flex,
    flexAuto,
    grid,
    gridAuto,
    layers: built,
    notes,
    truncated: doc.truncated,
    misses,
    missingWords,
    worst: scored.slice(0, 20),
  };
}
