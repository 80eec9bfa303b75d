/**
 * The four checks the habit properties make on a frame's code in Chromium (issue 49 items 2, 3, 5 and 6), each
 * answering a list of what is wrong (empty: it holds):
 * - **contract**: at the design width every layer the score compares (decide.ts drawnLayers) lands within 2 px of its
 *   drawn box or of where the `--exact-layout` output puts it (as codegen/layout-check/check.browser.test.ts checks);
 * - **paint order**: for every pair of layers that overlap where the drawing shows them (inside what clips and masks
 *   them), the one drawn later is painted over the other at the design width: `document.elementsFromPoint` at a point
 *   of their overlap lists it first;
 * - **content shown**: every text, picture (image fill) and control (a button, an input, a link by its layer's name)
 *   the drawing shows is on screen at 390 and 768 px — not display:none, not invisible, not transparent, not of zero
 *   size, not clipped away by what contains it (an overflow, or a clip-path or mask: no point of it answers a hit
 *   test); a closed menu whose button is on screen counts as shown, as the score counts it;
 * - **stacking** (issue 69): what is stacked over what does not change with the width. At 390, 768 and 1920 px, the
 *   viewport as tall as the page: (a) of two layers the drawing shows overlapping that still overlap, the one drawn
 *   later is painted over the other; (b) a text is not on a layer that paints (a fill one sees, a gradient, an image)
 *   and that it was not on at the design width — neither painted over it nor under it, by 10 % of its area or more.
 * The code is what `figment code` writes: the layout checked in Chromium first (checkLayout), its decisions given to
 * the emitters.
 */
import type { BrowserContext, Page } from "playwright-core";
import { withPage } from "../../cli/measure/browser.js";
import { chromiumEngine } from "../../cli/measure/layout-engine.js";
import { resultPage } from "../../cli/measure/result-page.js";
import { emitFiles } from "../../codegen/emit/index.js";
import { probeBoxes } from "../../codegen/fidelity/probe.js";
import { behindMenu, clipTools, pageTools, type PageTools } from "../../codegen/fidelity/text-probe.js";
import type { DesignDocument } from "../../codegen/design/types.js";
import type { Box } from "../../codegen/layout/boxes.js";
import { drawnLayers, HOLD_TOLERANCE } from "../../codegen/layout/decide.js";
import { isFigmentError } from "../../kernel/errors.js";
import { checkLayout, type LayoutCheck } from "../../codegen/layout-check/index.js";
import { loadDesign, type CodeOptions } from "../../codegen/load.js";
import { boxOf, childrenOf, type Raw } from "../arbitraries/rest-boxes.js";
import type { HabitProperty } from "./shrunk-fixtures.js";

// ---- the drawing ----

export type ContentKind = "text" | "picture" | "control";

/** A layer as the drawing shows it, in frame coordinates. */
export interface DrawnLayer {
  id: string;
  name: string;
  /** Place in the drawing's paint order (pre-order: a parent before its children, later siblings over earlier). */
  order: number;
  /** Its drawn box (a line's thickness at least its stroke). */
  box: Box;
  /** The part of it the drawing shows: its box inside whatever clips or masks it (undefined: none). */
  shown: Box | undefined;
  /** Ids of the layers it lies in. */
  ancestors: string[];
  content?: ContentKind;
  /** It hides what it is drawn over (codegen/layout/roles.ts opaque: an opaque colour fill, square corners). */
  opaque?: true;
  /** It paints its box (paintsOf: a fill one sees, a gradient, an image): a text put on it is on something. */
  paints?: true;
  /** A drawn shape (a vector, an ellipse, a boolean…): inside a picture, one of its strokes, not a layer of its own. */
  shape?: true;
}

const SHAPES = new Set(["VECTOR", "BOOLEAN_OPERATION", "ELLIPSE", "STAR", "LINE", "REGULAR_POLYGON"]);

/** Layer names of controls: what a reader presses or types in. */
const CONTROL = /\b(button|btn|cta|input|field|search|select|dropdown|checkbox|radio|toggle|switch|tab|link)s?\b/i;
const CONTROL_TYPES = new Set(["INSTANCE", "COMPONENT", "FRAME"]);

const NONE: Box = { x: 0, y: 0, w: 0, h: 0 };

export function intersect(a: Box, b: Box): Box | undefined {
  const x = Math.max(a.x, b.x);
  const y = Math.max(a.y, b.y);
  const w = Math.min(a.x + a.w, b.x + b.w) - x;
  const h = Math.min(a.y + a.h, b.y + b.h) - y;
  return w > 0 && h > 0 ? { x, y, w, h } : undefined;
}

function contentOf(node: Raw): ContentKind | undefined {
  if (node["type"] === "TEXT") return String(node["characters"] ?? "").trim() !== "" ? "text" : undefined;
  const fills = Array.isArray(node["fills"]) ? (node["fills"] as Raw[]) : [];
  if (fills.some((f) => f["type"] === "IMAGE" && f["visible"] !== false && f["opacity"] !== 0)) return "picture";
  if (CONTROL_TYPES.has(String(node["type"])) && CONTROL.test(String(node["name"] ?? ""))) return "control";
  return undefined;
}

/** Whether a layer hides what lies under it, as layout inference judges a cover (roles.ts `opaque`). */
function opaqueOf(node: Raw): boolean {
  if (node["type"] === "TEXT" || node["isMask"] === true || Math.abs(Number(node["rotation"] ?? 0)) > 1e-3)
    return false;
  if ((node["opacity"] ?? 1) !== 1) return false;
  if (!["NORMAL", "PASS_THROUGH", undefined].includes(node["blendMode"] as string | undefined)) return false;
  const radii = [
    node["cornerRadius"],
    ...(Array.isArray(node["rectangleCornerRadii"]) ? node["rectangleCornerRadii"] : []),
  ];
  if (radii.some((r) => typeof r === "number" && r > 0)) return false;
  const fills = Array.isArray(node["fills"]) ? (node["fills"] as Raw[]) : [];
  return fills.some((f) => {
    const c = f["color"] as { a?: number } | undefined;
    return (
      f["type"] === "SOLID" &&
      f["visible"] !== false &&
      (f["opacity"] ?? 1) === 1 &&
      (c?.a ?? 1) === 1 &&
      [undefined, "NORMAL"].includes(f["blendMode"] as string | undefined)
    );
  });
}

/** Below this alpha a fill is not seen (a layer "transparent there"). */
const SEEN_ALPHA = 0.1;

/**
 * Whether a layer paints its box: a visible solid fill of alpha over 0.1 (the layer's opacity, the fill's and its
 * colour's), a gradient or an image fill. Not a text: its fill colours its letters, not its box.
 */
export function paintsOf(node: Raw): boolean {
  if (node["type"] === "TEXT") return false;
  const layer = typeof node["opacity"] === "number" ? node["opacity"] : 1;
  const fills = Array.isArray(node["fills"]) ? (node["fills"] as Raw[]) : [];
  return fills.some((f) => {
    if (f["visible"] === false) return false;
    const alpha = layer * (typeof f["opacity"] === "number" ? f["opacity"] : 1);
    const type = String(f["type"] ?? "");
    if (type === "SOLID") return alpha * ((f["color"] as { a?: number } | undefined)?.a ?? 1) > SEEN_ALPHA;
    return (type === "IMAGE" || type.startsWith("GRADIENT_")) && alpha > SEEN_ALPHA;
  });
}

/**
 * Every visible layer of a REST frame with the part of it the drawing shows: the frame and each frame that clips its
 * content cut what lies in them; a mask (`isMask`) cuts the siblings drawn after it.
 */
export function drawingOf(frame: Raw): Map<string, DrawnLayer> {
  const origin = boxOf(frame)!;
  const out = new Map<string, DrawnLayer>();
  let order = 0;
  const local = (node: Raw): Box | undefined => {
    const b = boxOf(node);
    if (!b) return undefined;
    // A line is drawn as thick as its stroke: its box has an area where it is painted.
    const weight = typeof node["strokeWeight"] === "number" ? Math.max(1, node["strokeWeight"]) : 1;
    const w = b.width < 1 ? weight : b.width;
    const h = b.height < 1 ? weight : b.height;
    return { x: b.x - origin.x + (b.width - w) / 2, y: b.y - origin.y + (b.height - h) / 2, w, h };
  };
  // `clip`: where the node's layers may show (undefined: anywhere; NONE: nowhere).
  const visit = (node: Raw, clip: Box | undefined, ancestors: string[]): void => {
    let mask: Box | undefined;
    for (const child of childrenOf(node)) {
      if (child["visible"] === false || child["opacity"] === 0) continue;
      const box = local(child);
      if (!box) continue;
      if (child["isMask"] === true) {
        // The layers after it show inside it (and inside what clips the group).
        mask = (clip ? intersect(box, clip) : box) ?? NONE;
        continue;
      }
      const within = mask ?? clip;
      const shown = within ? intersect(box, within) : box;
      const id = String(child["id"]);
      const content = contentOf(child);
      out.set(id, {
        id,
        name: String(child["name"] ?? ""),
        order: order++,
        box,
        shown,
        ancestors,
        ...(content ? { content } : {}),
        ...(opaqueOf(child) ? { opaque: true as const } : {}),
        ...(paintsOf(child) ? { paints: true as const } : {}),
        ...(SHAPES.has(String(child["type"])) ? { shape: true as const } : {}),
      });
      if (child["type"] === "BOOLEAN_OPERATION") continue;
      const clips = child["clipsContent"] === true && child["type"] !== "GROUP";
      visit(child, clips ? (shown ?? NONE) : within, [...ancestors, id]);
    }
  };
  // A top-level frame clips what runs past it unless the designer turned that off.
  const root = { x: 0, y: 0, w: origin.width, h: origin.height };
  visit(frame, frame["clipsContent"] === false ? undefined : root, []);
  return out;
}

// ---- rendering ----

/** The page of a frame's code (as the score renders it), with layer ids. */
async function pageOf(doc: DesignDocument, options: CodeOptions): ReturnType<typeof resultPage> {
  const emitted = emitFiles(doc, { ...options, nodeIds: true });
  return resultPage(emitted.files, options.target === "react" ? "react" : "html");
}

/** What is read of the page at the design width: each layer's box (frame coordinates) and the pairs' paint order. */
export interface DesignWidthPage {
  boxes: Map<string, Box | null>;
  /** Per pair asked: which of the two is painted over the other where they overlap; null where no point hit both. */
  above: (PairAnswer | null)[];
}

export interface Pair {
  /** Drawn first (under). */
  lower: string;
  /** Drawn later (over). */
  upper: string;
  /** Where the drawing shows both, frame coordinates. */
  region: Box;
}

export interface PairAnswer {
  above: "upper" | "lower";
  /** The point hit-tested, frame coordinates. */
  x: number;
  y: number;
}

/**
 * In the page: each pair's order at up to five points of its region that lie inside both layers' rendered boxes —
 * the first point where `elementsFromPoint` lists both. Pointer events are forced on, as the text probe does (but off
 * for pseudo-elements).
 */
export function probePaintOrder(arg: { rootId: string; pairs: Pair[] }): (PairAnswer | null)[] {
  interface El {
    getBoundingClientRect(): { x: number; y: number; width: number; height: number };
    getAttribute(name: string): string | null;
  }
  const g = globalThis as unknown as {
    document: {
      querySelector(selector: string): El | null;
      elementsFromPoint(x: number, y: number): El[];
      createElement(tag: string): El & { textContent: string; remove(): void };
      documentElement: { append(node: unknown): void };
    };
    CSS: { escape(value: string): string };
    innerWidth: number;
    innerHeight: number;
    scrollTo(x: number, y: number): void;
  };
  const forced = g.document.createElement("style");
  // Every element answers a hit, whatever pointer-events the page sets; pseudo-elements do not: a frame's stroke, drawn
  // over its children by an ::after as Figma draws it, is the frame's own paint, not a layer over them.
  forced.textContent = "*{pointer-events:auto!important}*::before,*::after{pointer-events:none!important}";
  g.document.documentElement.append(forced);
  g.scrollTo(0, 0);
  try {
    const root = g.document.querySelector(`[data-node-id="${g.CSS.escape(arg.rootId)}"]`);
    const origin = root ? root.getBoundingClientRect() : { x: 0, y: 0 };
    const rectOf = (id: string): { x: number; y: number; width: number; height: number } | undefined =>
      g.document.querySelector(`[data-node-id="${g.CSS.escape(id)}"]`)?.getBoundingClientRect();
    return arg.pairs.map((pair) => {
      const a = rectOf(pair.lower);
      const b = rectOf(pair.upper);
      if (!a || !b) return null;
      // The region, inside both rendered boxes, in viewport px.
      const l = Math.max(pair.region.x + origin.x, a.x, b.x) + 0.5;
      const t = Math.max(pair.region.y + origin.y, a.y, b.y) + 0.5;
      const r = Math.min(pair.region.x + pair.region.w + origin.x, a.x + a.width, b.x + b.width) - 0.5;
      const bt = Math.min(pair.region.y + pair.region.h + origin.y, a.y + a.height, b.y + b.height) - 0.5;
      if (r <= l || bt <= t) return null;
      const points = [
        [0.5, 0.5],
        [0.25, 0.25],
        [0.75, 0.25],
        [0.25, 0.75],
        [0.75, 0.75],
      ].map(([fx, fy]) => [l + (r - l) * fx!, t + (bt - t) * fy!] as const);
      for (const [x, y] of points) {
        if (x < 0 || y < 0 || x >= g.innerWidth || y >= g.innerHeight) continue;
        const ids = g.document.elementsFromPoint(x, y).map((el) => el.getAttribute("data-node-id"));
        const upper = ids.indexOf(pair.upper);
        const lower = ids.indexOf(pair.lower);
        if (upper >= 0 && lower >= 0)
          return { above: upper < lower ? "upper" : "lower", x: x - origin.x, y: y - origin.y } as PairAnswer;
      }
      return null;
    });
  } finally {
    forced.remove();
  }
}

/** The frame's code at its design width: every id's box, and the pairs' order. */
export async function atDesignWidth(
  context: BrowserContext,
  doc: DesignDocument,
  options: CodeOptions,
  ids: string[],
  pairs: Pair[] = [],
): Promise<DesignWidthPage> {
  const frame = doc.frames[0]!;
  const page = await pageOf(doc, options);
  return withPage(context, page.files, page.entry, { width: frame.w, height: frame.h }, async (p) => {
    const probe = await p.evaluate(probeBoxes, { rootId: frame.id, ids });
    const origin = probe.root ?? { x: 0, y: 0 };
    const boxes = new Map(
      probe.elements.map((e, i) => [
        ids[i]!,
        e?.rendered ? { x: e.x - origin.x, y: e.y - origin.y, w: e.width, h: e.height } : null,
      ]),
    );
    const above = pairs.length > 0 ? await p.evaluate(probePaintOrder, { rootId: frame.id, pairs }) : [];
    return { boxes, above };
  });
}

// ---- 1. the design-width contract ----

const near = (a: Box, b: Box): boolean =>
  Math.abs(a.x - b.x) <= HOLD_TOLERANCE &&
  Math.abs(a.y - b.y) <= HOLD_TOLERANCE &&
  Math.abs(a.w - b.w) <= HOLD_TOLERANCE &&
  Math.abs(a.h - b.h) <= HOLD_TOLERANCE;

const fmt = (b: Box | null | undefined): string =>
  b ? `${Math.round(b.x)},${Math.round(b.y)} ${Math.round(b.w)}×${Math.round(b.h)}` : "none";

/** The compared layers that hold neither at their drawn box nor where the exact output puts them, in words. */
export function offLayers(
  drawn: ReadonlyMap<string, Box>,
  laid: ReadonlyMap<string, Box | null>,
  exact: ReadonlyMap<string, Box | null>,
  names: ReadonlyMap<string, string>,
): string[] {
  return [...drawn].flatMap(([id, box]) => {
    const reference = exact.get(id);
    if (!reference) return []; // drawn inside a picture, or not rendered as drawn either: not compared
    const at = laid.get(id);
    return at && (near(at, box) || near(at, reference))
      ? []
      : [`${names.get(id) || id} (${id}): drawn ${fmt(box)}, exact ${fmt(reference)}, laid ${fmt(at)}`];
  });
}

/** Names of the frame's layers by id (as the layers panel names them: the REST names). */
export function layerNames(frame: Raw): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (n: Raw): void => {
    out.set(String(n["id"]), String(n["name"] ?? ""));
    for (const c of childrenOf(n)) walk(c);
  };
  walk(frame);
  return out;
}

// ---- 2. paint order ----

/** At most this many pairs per frame: a sample in paint order, so that a large frame is still checked in a second. */
export const MAX_PAIRS = 3000;

/** The pairs of compared layers the drawing shows overlapping (by at least 2×2 px). */
export function overlappingPairs(drawing: ReadonlyMap<string, DrawnLayer>, compared: ReadonlySet<string>): Pair[] {
  const layers = [...drawing.values()].filter((l) => compared.has(l.id) && l.shown).sort((a, b) => a.order - b.order);
  const out: Pair[] = [];
  for (let i = 0; i < layers.length; i++) {
    for (let j = i + 1; j < layers.length; j++) {
      const region = intersect(layers[i]!.shown!, layers[j]!.shown!);
      if (region && region.w >= 2 && region.h >= 2) out.push({ lower: layers[i]!.id, upper: layers[j]!.id, region });
    }
  }
  if (out.length <= MAX_PAIRS) return out;
  const step = out.length / MAX_PAIRS;
  return Array.from({ length: MAX_PAIRS }, (_, k) => out[Math.floor(k * step)]!);
}

/** The pairs painted the wrong way round, in words. */
export function wrongOrder(
  pairs: readonly Pair[],
  above: readonly (PairAnswer | null)[],
  names: ReadonlyMap<string, string>,
): string[] {
  return pairs.flatMap((pair, i) => {
    const answer = above[i];
    if (!answer || answer.above === "upper") return [];
    const name = (id: string): string => `${names.get(id) || id} (${id})`;
    return [
      `${name(pair.upper)} is drawn over ${name(pair.lower)} but painted under it at ` +
        `${Math.round(answer.x)},${Math.round(answer.y)}`,
    ];
  });
}

// ---- 3. content shown ----

type El = Parameters<PageTools["style"]>[0];

export type ContentState =
  | "shown"
  | "menu"
  | "no element"
  | "no box"
  | "invisible"
  | "transparent"
  | "zero size"
  | "clipped"
  | "clip-path";

/** In the page: whether each element is on screen (see the file's comment), using the text probe's page tools. */
export function probeContent(
  arg: { ids: string[] },
  parts: { pageTools: () => PageTools; clipTools: typeof clipTools; behindMenu: typeof behindMenu },
): ContentState[] {
  const tools = parts.pageTools();
  const { g, style } = tools;
  const clipOf = parts.clipTools(tools);
  const root = g.document.documentElement;
  const forced = g.document.createElement("style");
  forced.textContent = "*{pointer-events:auto!important}*::before,*::after{pointer-events:none!important}";
  (g.document.body ?? root).append(forced);
  g.scrollTo(0, 0);
  const vw = root.clientWidth;
  const page = { l: 0, t: 0, r: Math.max(vw, root.scrollWidth), b: root.scrollHeight };
  // Whether a point of the box (document px) hits the element: a clip-path or a mask cuts what it does not show.
  const hit = (el: El, l: number, t: number, r: number, b: number): boolean => {
    g.scrollTo(Math.max(0, l - 8), Math.max(0, t - 8));
    for (const fy of [0.5, 0.2, 0.8])
      for (const fx of [0.5, 0.2, 0.8]) {
        const x = l + (r - l) * fx - g.scrollX;
        const y = t + (b - t) * fy - g.scrollY;
        if (x < 0 || y < 0 || x >= vw || y >= g.innerHeight) continue;
        if (g.document.elementsFromPoint(x, y).includes(el)) return true;
      }
    return false;
  };
  try {
    return arg.ids.map((id): ContentState => {
      const el = tools.byId(id);
      if (!el) return "no element";
      if (el.getClientRects().length === 0) return parts.behindMenu(tools, el, vw) ? "menu" : "no box";
      if (style(el).visibility !== "visible") return "invisible";
      if (tools.opacityOf(el) < 0.05) return "transparent";
      const r = el.getBoundingClientRect();
      if (r.width < 1 || r.height < 1) return "zero size";
      const clip = clipOf(el.parentElement);
      const l = Math.max(r.left + g.scrollX, clip.l, page.l);
      const t = Math.max(r.top + g.scrollY, clip.t, page.t);
      const rr = Math.min(r.right + g.scrollX, clip.r, page.r);
      const b = Math.min(r.bottom + g.scrollY, clip.b, page.b);
      if (rr - l < 1 || b - t < 1) return "clipped";
      return hit(el, l, t, rr, b) ? "shown" : "clip-path";
    });
  } finally {
    forced.remove();
    g.scrollTo(0, 0);
  }
}

const PROBE_PARTS =
  `{ pageTools: (${pageTools.toString()}), clipTools: (${clipTools.toString()}), ` +
  `behindMenu: (${behindMenu.toString()}) }`;

/** Each id's state in a loaded page (probeContent with the text probe's parts). */
export const contentStates = (page: Page, ids: readonly string[]): Promise<ContentState[]> =>
  page.evaluate(`(${probeContent.toString()})(${JSON.stringify({ ids })}, ${PROBE_PARTS})`) as Promise<ContentState[]>;

/** The drawn content the page does not show at `width`, in words. */
export async function hiddenContent(
  context: BrowserContext,
  doc: DesignDocument,
  options: CodeOptions,
  content: readonly DrawnLayer[],
  width: number,
): Promise<string[]> {
  const page = await pageOf(doc, options);
  const ids = content.map((c) => c.id);
  const states = await withPage(context, page.files, page.entry, { width, height: 900 }, (p) => contentStates(p, ids));
  return content.flatMap((c, i) => {
    const state = states[i]!;
    return state === "shown" || state === "menu"
      ? []
      : [`${c.content} ${c.name || c.id} (${c.id}) at ${width}: ${state}`];
  });
}

const contains = (outer: Box, inner: Box): boolean =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.w <= outer.x + outer.w &&
  inner.y + inner.h <= outer.y + outer.h;

/**
 * The drawn content a frame shows: texts, pictures and controls compared as the score compares them, at least half
 * of each shown — not clipped or masked away, not under an opaque layer drawn after it (the drawing does not show that
 * one;
 * inference may hide it below the design width, roles.ts "covered").
 */
export function drawnContent(drawing: ReadonlyMap<string, DrawnLayer>, compared: ReadonlySet<string>): DrawnLayer[] {
  const layers = [...drawing.values()];
  const covered = (l: DrawnLayer): boolean =>
    layers.some(
      (c) => c.opaque && c.order > l.order && !c.ancestors.includes(l.id) && c.shown && contains(c.shown, l.shown!),
    );
  // Mostly clipped or masked away by the designer: not what the drawing shows as content.
  const mostlyShown = (l: DrawnLayer): boolean => !!l.shown && l.shown.w * l.shown.h >= 0.5 * l.box.w * l.box.h;
  return layers.filter((l) => l.content && mostlyShown(l) && compared.has(l.id) && !covered(l));
}

// ---- 4. stacking ----

/** The widths the stacking check renders besides the design width: a phone, a tablet, a wide screen. */
export const STACKING_WIDTHS = [390, 768, 1920] as const;

/** The tallest viewport the stacking check gives a page: its whole height, up to this. */
export const TALLEST = 16_000;

/** A text's new overlap with a layer that counts: at least this share of the text's rendered area… */
const LANDING_SHARE = 0.1;
/** …and at least this many px each way. */
const LANDING_PX = 4;

/**
 * Makes the viewport as tall as the page (at most TALLEST), so that a hit test reaches every point without scrolling
 * (a fixed or sticky layer stays where it is drawn); again while the page grows with it (a min-height in vh), at most
 * three times.
 */
async function wholeHeight(page: Page): Promise<void> {
  const width = page.viewportSize()?.width ?? 0;
  let height = page.viewportSize()?.height ?? 0;
  for (let i = 0; i < 3; i++) {
    const scroll = await page.evaluate(
      () =>
        (globalThis as unknown as { document: { documentElement: { scrollHeight: number } } }).document.documentElement
          .scrollHeight,
    );
    const tall = Math.min(TALLEST, Math.ceil(scroll));
    if (tall <= height) return;
    await page.setViewportSize({ width, height: tall });
    height = tall;
  }
}

/** In the page: each element's opacity, its ancestors' included (0: no element, or not visible). */
export function probeOpacity(arg: { ids: string[] }): number[] {
  interface El {
    parentElement: El | null;
  }
  const g = globalThis as unknown as {
    document: { querySelector(selector: string): El | null };
    CSS: { escape(value: string): string };
    getComputedStyle(el: El): { opacity: string; visibility: string };
  };
  return arg.ids.map((id) => {
    let el = g.document.querySelector(`[data-node-id="${g.CSS.escape(id)}"]`);
    if (!el || g.getComputedStyle(el).visibility !== "visible") return 0;
    let alpha = 1;
    for (; el; el = el.parentElement) alpha *= Number(g.getComputedStyle(el).opacity);
    return alpha;
  });
}

/**
 * The texts laid over a layer that paints (DrawnLayer.paints) they were not on at the design width — the text's drawn
 * box off the layer's shown region, the layer neither its ancestor nor its descendant — by at least 10 % of the text's
 * rendered area and 4×4 px, as pairs to hit-test (`lower` the layer, `upper` the text, `region` their rendered
 * overlap). `laid`: the rendered boxes, frame coordinates.
 */
const onAtDesign = (text: DrawnLayer, layer: DrawnLayer | undefined): boolean =>
  !!layer?.shown && intersect(text.box, layer.shown) !== undefined;

export function newLandings(
  drawing: ReadonlyMap<string, DrawnLayer>,
  compared: ReadonlySet<string>,
  laid: ReadonlyMap<string, Box>,
): Pair[] {
  const texts = drawnContent(drawing, compared).filter((l) => l.content === "text");
  const painted = [...drawing.values()].filter((l) => l.paints && compared.has(l.id));
  const worded = new Set([...drawing.values()].filter((l) => l.content === "text").flatMap((l) => l.ancestors));
  const out: Pair[] = [];
  for (const text of texts) {
    const at = laid.get(text.id);
    if (!at) continue;
    for (const layer of painted) {
      if (text.ancestors.includes(layer.id) || layer.ancestors.includes(text.id)) continue;
      if (layer.shown && intersect(text.box, layer.shown)) continue;
      // A shape of a picture the text was on (a map's streets under its address card: a drawing without words): on
      // that picture as drawn.
      if (layer.shape && layer.ancestors.some((id) => !worded.has(id) && onAtDesign(text, drawing.get(id)))) continue;
      const on = laid.get(layer.id);
      const region = on && intersect(at, on);
      if (
        region &&
        region.w >= LANDING_PX &&
        region.h >= LANDING_PX &&
        region.w * region.h >= LANDING_SHARE * at.w * at.h
      )
        out.push({ lower: layer.id, upper: text.id, region });
    }
  }
  return out;
}

/** What the stacking check saw at one width: what is wrong, pairs hit-tested, texts found on new layers. */
export interface StackingAnswer {
  failures: string[];
  pairsHit: number;
  landings: number;
}

/**
 * The stacking at one width of a loaded page (its viewport made as tall as the page): (a) of two layers the drawing
 * shows overlapping that still overlap, the one drawn later is painted over the other; (b) no text is on a layer that
 * paints, visible there, it was not on at the design width (painted over it or under it). What is wrong, in words.
 */
export async function stackingAt(
  page: Page,
  width: number,
  rootId: string,
  drawing: ReadonlyMap<string, DrawnLayer>,
  compared: ReadonlySet<string>,
  names: ReadonlyMap<string, string>,
): Promise<StackingAnswer> {
  await wholeHeight(page);
  const ids = [...compared].filter((id) => drawing.has(id));
  const probe = await page.evaluate(probeBoxes, { rootId, ids, boxesOnly: true });
  const origin = probe.root ?? { x: 0, y: 0 };
  const laid = new Map<string, Box>();
  probe.elements.forEach((e, i) => {
    if (e?.rendered && e.width > 0 && e.height > 0)
      laid.set(ids[i]!, { x: e.x - origin.x, y: e.y - origin.y, w: e.width, h: e.height });
  });
  // (a) the drawing's overlapping pairs that overlap here too, hit-tested where they do.
  const stacked = overlappingPairs(drawing, compared).flatMap((pair): Pair[] => {
    const a = laid.get(pair.lower);
    const b = laid.get(pair.upper);
    const region = a && b ? intersect(a, b) : undefined;
    return region && region.w >= 2 && region.h >= 2 ? [{ ...pair, region }] : [];
  });
  // (b) texts on layers they were not on, unless the layer is transparent here.
  const found = newLandings(drawing, compared, laid);
  const layers = [...new Set(found.map((l) => l.lower))];
  const alphas = layers.length > 0 ? await page.evaluate(probeOpacity, { ids: layers }) : [];
  const seen = new Set(layers.filter((_, i) => alphas[i]! > SEEN_ALPHA));
  const landings = found.filter((l) => seen.has(l.lower));
  const pairs = [...stacked, ...landings];
  const above = pairs.length > 0 ? await page.evaluate(probePaintOrder, { rootId, pairs }) : [];
  const name = (id: string): string => `“${names.get(id) || id}” (${id})`;
  const at = (a: PairAnswer): string => `${Math.round(a.x)},${Math.round(a.y)}`;
  const failures = pairs.flatMap((pair, i): string[] => {
    const answer = above[i];
    if (!answer) return [];
    if (i < stacked.length) {
      return answer.above === "upper"
        ? []
        : [`${name(pair.upper)} is drawn over ${name(pair.lower)} but painted under it at ${width}: ${at(answer)}`];
    }
    const how = answer.above === "upper" ? "lands on" : "is covered by";
    return [
      `text ${name(pair.upper)} ${how} ${name(pair.lower)} at ${width}, not on it at the design width ` +
        `(hit at ${at(answer)})`,
    ];
  });
  return {
    failures,
    pairsHit: above.slice(0, stacked.length).filter((a) => a !== null).length,
    landings: above.slice(stacked.length).filter((a) => a !== null).length,
  };
}

/** The ids of the layers the contract compares, and their drawn boxes (decide.ts drawnLayers). */
export const comparedLayers = (doc: DesignDocument): Map<string, Box> => drawnLayers(doc.frames[0]!);

// ---- the four checks on one frame ----

const HTML: CodeOptions = { target: "html", styling: "css-modules", nodeIds: true };
const REACT: CodeOptions = { target: "react", styling: "css-modules", nodeIds: true };

/** A frame loaded and its layout checked in Chromium, as `figment code` does before emitting. */
export interface CheckedFrame {
  /** The frame's REST JSON (the drawing). */
  frame: Raw;
  doc: DesignDocument;
  check: LayoutCheck;
  names: Map<string, string>;
}

/** The frame `frameId` of `reply`, loaded and checked; undefined when nothing of it is drawn (every layer hidden). */
export async function checkedFrame(
  context: BrowserContext,
  reply: Raw,
  frameId: string,
  frame: Raw,
): Promise<CheckedFrame | undefined> {
  let doc: DesignDocument;
  try {
    const loaded = loadDesign(reply, [frameId]).document;
    doc = { ...loaded, frames: [loaded.frames[0]!] };
  } catch (error) {
    if (isFigmentError(error, "input")) return undefined;
    throw error;
  }
  const check = await checkLayout(doc, chromiumEngine(context));
  return { frame, doc, check, names: layerNames(frame) };
}

/**
 * What a run of the checks saw: layers compared, pairs found and hit-tested, content layers; pairs hit-tested at the
 * stacking check's widths, and texts found there on layers they were not on.
 */
export interface HabitTotals {
  layers: number;
  pairs: number;
  pairsHit: number;
  content: number;
  stackedHit: number;
  landings: number;
}

export const noTotals = (): HabitTotals => ({
  layers: 0,
  pairs: 0,
  pairsHit: 0,
  content: 0,
  stackedHit: 0,
  landings: 0,
});

/** One property on one checked frame: what is wrong (empty: it holds). `react`: the contract in React too. */
export async function habitFailures(
  context: BrowserContext,
  property: HabitProperty,
  p: CheckedFrame,
  options: { react?: boolean; totals?: HabitTotals } = {},
): Promise<string[]> {
  const totals = options.totals ?? noTotals();
  const drawn = comparedLayers(p.doc);
  const decided = (o: CodeOptions): CodeOptions => ({ ...o, layoutDecisions: p.check.decisions });
  if (property === "contract") {
    const ids = [...drawn.keys()];
    totals.layers += ids.length;
    const exact = await atDesignWidth(context, p.doc, { ...HTML, layout: "exact" }, ids);
    const out: string[] = [];
    for (const target of options.react ? [HTML, REACT] : [HTML]) {
      const laid = await atDesignWidth(context, p.doc, decided(target), ids);
      out.push(...offLayers(drawn, laid.boxes, exact.boxes, p.names).map((o) => `${target.target}: ${o}`));
    }
    return out;
  }
  const drawing = drawingOf(p.frame);
  const compared = new Set(drawn.keys());
  if (property === "paint order") {
    const pairs = overlappingPairs(drawing, compared);
    const page = await atDesignWidth(context, p.doc, decided(HTML), [], pairs);
    totals.pairs += pairs.length;
    totals.pairsHit += page.above.filter((a) => a !== null).length;
    return wrongOrder(pairs, page.above, p.names);
  }
  if (property === "stacking") {
    const page = await pageOf(p.doc, decided(HTML));
    const rootId = p.doc.frames[0]!.id;
    const out: string[] = [];
    for (const width of STACKING_WIDTHS) {
      const seen = await withPage(context, page.files, page.entry, { width, height: 900 }, (tab) =>
        stackingAt(tab, width, rootId, drawing, compared, p.names),
      );
      totals.stackedHit += seen.pairsHit;
      totals.landings += seen.landings;
      out.push(...seen.failures);
    }
    return out;
  }
  const content = drawnContent(drawing, compared);
  totals.content += content.length;
  return [
    ...(await hiddenContent(context, p.doc, decided(HTML), content, 390)),
    ...(await hiddenContent(context, p.doc, decided(HTML), content, 768)),
  ];
}
