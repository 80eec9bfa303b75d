/**
 * Navigation bars (issue 37): a row near the top of a page holding several short links — texts, or small boxes
 * around one short text (a link, a tab, a nav button) — beside a logo, buttons or icons. Where its items no longer
 * fit on one line it becomes a menu button with the links in a disclosure (the emitters: codegen/emit/nav-menu.ts).
 * Read from the design tree after layout inference, the same way for rows the designer drew with auto layout and
 * rows inferred from an absolute drawing; decided by what the row holds and where it lies, never by layer names.
 *
 *   markNavs(frame): DesignNode — a new tree, each bar's row marked with `nav` (design/types.ts NavMenu)
 *   navCandidates(frame)        — what was found, for tests and the bench
 *
 * The width below which the menu takes over is computed from the drawn items' widths (and the paddings, gaps and
 * margins the emitted CSS gives them at that width): at that width and wider the bar is exactly as drawn.
 */
import { copyNode } from "../design/node.js";
import type { DesignNode, NavMenu } from "../design/types.js";
import { PHONE_GUTTER } from "./boxes.js";
import { flexOf } from "../design/layout-kind.js";

const CONTAINERS = new Set(["frame", "group", "section", "component", "instance"]);
/** A link's text: one line, a few words, no bigger than a nav's type. */
const LINK_CHARS = 32;
const LINK_WORDS = 4;
const LINK_FONT_MAX = 28;
const LINK_TEXT_MAX_H = 64;
/** A box around one link (a nav button, a tab) is at most this large. */
const LINK_BOX_MAX_W = 320;
const LINK_BOX_MAX_H = 96;
/** Icons and markers beside a link's text: small, or thin (an underline). */
const SMALL_GRAPHIC = 48;
const THIN_GRAPHIC = 16;
/** Trailing icons, avatars and logos that stay in the bar beside the menu button. */
const BAR_GRAPHIC = 80;
/** A bar is one line of items: its row at most this tall, its box at most this much taller than the row. */
const BAR_MAX_H = 120;
const BAR_BOX_EXTRA = 96;
/** A bar is at least this share of the page's width. */
const BAR_SPAN = 0.5;
/** A nav has at least this many links. */
const MIN_LINKS = 3;
/** A bar near the top: at most this many texts of the page come before it (a banner, a title above the nav). */
const TEXTS_BEFORE_MAX = 4;
/** The menu is worth it only where the bar does not fit the narrowest phone. */
const NARROWEST = 320;
/** Browsers set a drawn text a little wider or narrower than Figma: the bar gets this much room to spare. */
const SPARE_SHARE = 0.04;
const SPARE_PX = 8;
/** Inferred side padding above this gives way on narrower screens (codegen/emit/responsive.ts FIXED_PADDING). */
const FIXED_PADDING = 32;

const isContainer = (n: DesignNode): boolean => CONTAINERS.has(n.kind);
/** The children a flow lays out: visible, not positioned. */
export const flowChildren = (n: DesignNode): DesignNode[] => (n.children ?? []).filter((c) => !c.hidden && !c.absolute);
const visibleChildren = (n: DesignNode): DesignNode[] => (n.children ?? []).filter((c) => !c.hidden);
const isRow = (n: DesignNode): boolean => isContainer(n) && flexOf(n)?.dir === "row";

function hasText(n: DesignNode): boolean {
  return n.text !== undefined || visibleChildren(n).some(hasText);
}

function visibleTexts(n: DesignNode): DesignNode[] {
  if (n.hidden) return [];
  if (n.text) return [n];
  return visibleChildren(n).flatMap(visibleTexts);
}

/** A text that reads as one link: one short line in a nav's type size. */
export function linkText(n: DesignNode): boolean {
  const t = n.text;
  if (!t || n.hidden) return false;
  const chars = t.chars.trim();
  if (chars.length === 0 || [...chars].length > LINK_CHARS || chars.includes("\n")) return false;
  return chars.split(/\s+/).length <= LINK_WORDS && t.style.size <= LINK_FONT_MAX && n.h <= LINK_TEXT_MAX_H;
}

/** A shape without text small enough to sit beside a link's text (an icon, an active tab's underline). */
function smallGraphic(n: DesignNode): boolean {
  if (hasText(n)) return false;
  return (
    (n.w <= SMALL_GRAPHIC && n.h <= SMALL_GRAPHIC) ||
    (Math.min(n.w, n.h) <= THIN_GRAPHIC && Math.max(n.w, n.h) <= LINK_BOX_MAX_W)
  );
}

/** One link: a link text, or a small box around exactly one link text and nothing but small graphics. */
export function linkLike(n: DesignNode): boolean {
  // Main components laid out side by side are a component set's variants, not links.
  if (n.hidden || n.kind === "component") return false;
  if (n.text) return linkText(n);
  if (!isContainer(n) || n.w > LINK_BOX_MAX_W || n.h > LINK_BOX_MAX_H) return false;
  const texts = visibleTexts(n);
  if (texts.length !== 1 || !linkText(texts[0]!)) return false;
  // Beside the text: icons, markers, and a background the size of the box (a button's shape).
  const backdrop = (c: DesignNode): boolean => c.w >= n.w * 0.85 && c.h >= n.h * 0.85;
  const others = (m: DesignNode): boolean =>
    visibleChildren(m).every((c) =>
      hasText(c) ? c.text !== undefined || others(c) : smallGraphic(c) || backdrop(c) || (isContainer(c) && others(c)),
    );
  return others(n);
}

/** The links in `n`: itself, or the links of its visible children. */
export function linksIn(n: DesignNode): DesignNode[] {
  if (n.hidden) return [];
  if (linkLike(n)) return [n];
  return visibleChildren(n).flatMap(linksIn);
}

/**
 * `n` is links: a link, or a box of links (groups of links) that may end with small graphics (an avatar, an icon)
 * but starts with a link — nothing drawn before its first link (a logo) and no other text.
 */
function linksAll(n: DesignNode): boolean {
  if (linkLike(n)) return true;
  if (n.text || !isContainer(n)) return false;
  const items = flowChildren(n);
  const first = items.findIndex((c) => linksIn(c).length > 0);
  if (first !== 0) return false;
  return items.every((c) => linksAll(c) || (!hasText(c) && c.w <= BAR_GRAPHIC && c.h <= BAR_GRAPHIC));
}

/**
 * A bar's leading logo that is itself a short text: set apart from the links after it by size, weight or a wide gap.
 */
function brandText(first: DesignNode, next: DesignNode, row: DesignNode): boolean {
  const a = first.text ?? visibleTexts(first)[0]?.text;
  const b = next.text ?? visibleTexts(next)[0]?.text;
  if (!a || !b) return false;
  if (
    Math.abs(a.style.size - b.style.size) >= 2 ||
    a.style.weight !== b.style.weight ||
    a.style.family !== b.style.family
  )
    return true;
  if (next.flow?.before === "auto") return true;
  const gap = flexOf(row)?.gap ?? 0;
  const extra = typeof next.flow?.before === "number" ? next.flow.before : 0;
  return gap + extra >= Math.max(48, 2 * gap + 16);
}

export interface NavCandidate {
  /** The row marked, the bar's box, and the path from the frame to the row (frame first). */
  row: DesignNode;
  bar: DesignNode;
  path: DesignNode[];
  mark: NavMenu;
  links: number;
}

/** Every link group (a row with two links or more among its items) with the path to it, frame first. */
function linkGroups(frame: DesignNode): DesignNode[][] {
  const out: DesignNode[][] = [];
  const visit = (n: DesignNode, path: DesignNode[]): void => {
    if (n.hidden) return;
    const here = [...path, n];
    if (isRow(n) && flowChildren(n).filter(linkLike).length >= 2) out.push(here);
    for (const c of n.children ?? []) visit(c, here);
  };
  visit(frame, []);
  return out;
}

/** How many texts of the page come before `target` in reading (document) order. */
function textsBefore(frame: DesignNode, target: DesignNode): number {
  let count = 0;
  let found = false;
  const visit = (n: DesignNode): void => {
    // A layer hidden on narrower screens (a copy of the bar the drawing covers: layout/roles.ts) is not read before it.
    if (found || n.hidden || n.hideBelow !== undefined) return;
    if (n === target) {
      found = true;
      return;
    }
    if (n.text) count++;
    for (const c of n.children ?? []) visit(c);
  };
  visit(frame);
  return count;
}

/**
 * The bar a link group belongs to: its row (up through rows that hold links only), the bar's box, the run to collapse.
 */
function candidateFor(frame: DesignNode, path: DesignNode[]): NavCandidate | undefined {
  let r = path.length - 1;
  // Up through rows whose child on the way holds nothing but links (Flora: the links' row inside the bar's row).
  while (r - 1 >= 1 && isRow(path[r - 1]!) && path[r - 1]!.h <= BAR_MAX_H && linksAll(path[r]!)) r--;
  const row = path[r]!;
  // The frame itself is a page, not a bar (a frame that is one row of swatches, say).
  if (r < 1 || row.h > BAR_MAX_H || flowChildren(row).some((c) => c.h > BAR_MAX_H)) return undefined;
  // The bar's box: wrappers around the row (padding, a background) and rows holding it beside other items of the
  // bar (a header's row: its menu's row, a row of social links) — not the page.
  let b = r;
  const barLevel = (n: DesignNode): boolean =>
    (flowChildren(n).length === 1 || (isRow(n) && !n.layout!.wrap)) && n.h <= row.h + BAR_BOX_EXTRA && n.w >= row.w - 1;
  while (b - 1 >= 1 && barLevel(path[b - 1]!)) b--;
  const bar = path[b]!;
  // A row drawn as a positioned layer (a section's base, a copy under another bar) is not the page's bar.
  if (path.slice(b).some((n) => n.absolute)) return undefined;
  // A bar spans the page (a strip of tabs over a slideshow does not), near its top.
  if (bar.w < BAR_SPAN * frame.w || textsBefore(frame, bar) > TEXTS_BEFORE_MAX) return undefined;
  const run = runOf(row);
  if (!run) return undefined;
  const links = row.children!.slice(run[0], run[1]).flatMap(linksIn).length;
  if (links < MIN_LINKS) return undefined;
  const fit = fitWidth(path.slice(0, r + 1));
  if (fit === undefined) return undefined;
  const below = Math.min(Math.ceil(fit * (1 + SPARE_SHARE) + SPARE_PX), Math.round(frame.w) - 1);
  if (below <= NARROWEST) return undefined;
  return { row, bar, path: path.slice(0, r + 1), mark: { below, from: run[0], to: run[1], up: r - b }, links };
}

/**
 * The children of the bar's row that go into the menu, as [from, to): from the first that holds a link (a leading
 * logo and what precedes the links stay) to the last item, less trailing icons, avatars or logos without text.
 */
function runOf(row: DesignNode): [number, number] | undefined {
  const children = row.children ?? [];
  const flow = children.map((c, i) => [c, i] as const).filter(([c]) => !c.hidden && !c.absolute);
  // The first item that is links; before it (a logo, a logo beside links of its own box) stays in the bar.
  const firstAt = flow.findIndex(([c]) => linksAll(c));
  if (firstAt < 0) return undefined;
  let from = flow[firstAt]![1];
  const next = flow[firstAt + 1];
  // The bar's first item, a short text set apart from the links (a brand set in text), is its logo.
  if (firstAt === 0 && next && linkLike(flow[0]![0]) && brandText(flow[0]![0], next[0], row)) from = next[1];
  let last = flow.length - 1;
  while (
    last > 0 &&
    flow[last]![1] > from &&
    !hasText(flow[last]![0]) &&
    flow[last]![0].w <= BAR_GRAPHIC &&
    flow[last]![0].h <= BAR_GRAPHIC
  )
    last--;
  const to = flow[last]![1] + 1;
  if (to <= from) return undefined;
  // What goes into the menu is a run of the row's items: no layer positioned among them.
  if (children.slice(from, to).some((c) => !c.hidden && c.absolute)) return undefined;
  return [from, to];
}

// ---- the width the bar needs ----

/**
 * The narrowest width a node takes in a row at its drawn sizes: its drawn width, or for a box that fills, its
 * content's.
 */
function minWidth(n: DesignNode): number {
  if (n.hidden) return 0;
  if (n.sizeH !== "fill" || !n.layout || n.text) return n.w;
  const [, right, , left] = n.layout.padding;
  const kids = flowChildren(n);
  if (kids.length === 0) return left + right;
  if (flexOf(n)?.dir !== "row") return left + right + Math.max(...kids.map((k) => minWidth(k) + (k.flow?.offset ?? 0)));
  return left + right + rowContent(n, kids);
}

/** A row's items at their narrowest, with the gaps and the extra space each keeps before it (an auto margin: none). */
function rowContent(row: DesignNode, kids: DesignNode[]): number {
  const gap = flexOf(row)?.gap ?? 0;
  const extra = kids.reduce((sum, k, i) => sum + (i > 0 && typeof k.flow?.before === "number" ? k.flow.before : 0), 0);
  return kids.reduce((sum, k) => sum + minWidth(k), 0) + gap * Math.max(0, kids.length - 1) + extra;
}

/** A side's padding at a box width: inferred padding wider than FIXED_PADDING gives way as responsive.ts writes it. */
export function sideAt(node: DesignNode, side: number, other: number, width: number): number {
  const within = node.layout?.inferred?.within ?? node.layout?.fluidSides;
  if (within === undefined || within <= 0 || Math.max(side, other) <= FIXED_PADDING || side <= FIXED_PADDING)
    return side;
  return Math.max(Math.min(PHONE_GUTTER, side), side - (within - width) * (side / (side + other)));
}

/**
 * Whether the bar's row fits on one line at viewport width `width`: down the path from the frame, each level's side
 * padding (as the CSS has it at that width), its other items beside the path (in a row) and the path's child's
 * indent (in a column) take their share; the row then needs its items, gaps and padding.
 */
function slack(path: DesignNode[], width: number): number {
  let avail = width;
  for (let k = 0; k < path.length; k++) {
    const level = path[k]!;
    const [, right, , left] = level.layout!.padding;
    const l = sideAt(level, left, right, avail);
    const r = sideAt(level, right, left, avail);
    const inner = avail - l - r;
    const child = path[k + 1];
    if (!child) return inner - rowContent(level, flowChildren(level));
    // In a row that wraps, the path's child may take a line of its own (a page drawn as one wrapping row).
    const flex = flexOf(level);
    if (flex?.dir === "row" && !flex.wrap) {
      const others = flowChildren(level).filter((c) => c !== child);
      const gaps = flex.gap * others.length;
      avail = inner - others.reduce((sum, c) => sum + minWidth(c), 0) - gaps;
    } else {
      // An indent gives way pixel for pixel as the column narrows (responsive.ts fluidIndent).
      const offset = flex?.dir === "column" ? (child.flow?.offset ?? 0) : 0;
      const content = level.w - left - right;
      avail = inner - Math.max(0, offset - (content - inner));
    }
  }
  return avail;
}

/**
 * The narrowest viewport at which the row at the path's end fits on one line (bisection: slack grows with the width).
 */
function fitWidth(path: DesignNode[]): number | undefined {
  if (path.some((n) => !n.layout)) return undefined;
  const top = path[0]!.w;
  if (slack(path, top) < -1) return top;
  let lo = 0;
  let hi = top;
  while (hi - lo > 0.01) {
    const mid = (lo + hi) / 2;
    if (slack(path, mid) >= 0) hi = mid;
    else lo = mid;
  }
  return hi;
}

// ---- marking ----

/** The bars of a frame: one per bar, the group with the most links where a bar holds several. */
export function navCandidates(frame: DesignNode): NavCandidate[] {
  const found: NavCandidate[] = [];
  for (const path of linkGroups(frame)) {
    const candidate = candidateFor(frame, path);
    if (!candidate || found.some((f) => f.row === candidate.row)) continue;
    found.push(candidate);
  }
  // Bars that share their box (a header with a menu and a row of social links) keep one menu: the most links.
  return found.filter(
    (c) =>
      !found.some(
        (o) =>
          o !== c &&
          sameBar(o, c) &&
          (o.links > c.links || (o.links === c.links && found.indexOf(o) < found.indexOf(c))),
      ),
  );
}

/** Two candidates in one bar: the row of one lies inside the other's bar, or the other way round. */
function sameBar(a: NavCandidate, b: NavCandidate): boolean {
  return a.path.includes(b.bar) || b.path.includes(a.bar);
}

function stripped(node: DesignNode): DesignNode {
  if (node.nav === undefined && !(node.children ?? []).some(hasMark)) return node;
  const out = copyNode(node);
  out.nav = undefined;
  if (node.children) out.children = node.children.map(stripped);
  return out;
}

const hasMark = (n: DesignNode): boolean => n.nav !== undefined || (n.children ?? []).some(hasMark);

/** A copy of `root` with `mark` on the node at the end of `path` (copy on write along the path). */
function withMark(root: DesignNode, path: DesignNode[], mark: NavMenu): DesignNode {
  const [head, ...rest] = path;
  if (head !== root) return root;
  if (rest.length === 0) return copyNode(root, { nav: mark });
  const next = rest[0]!;
  return copyNode(root, { children: (root.children ?? []).map((c) => (c === next ? withMark(c, rest, mark) : c)) });
}

/**
 * `frame` with each navigation bar's row marked (marks it had are read again, so the result is the same every time).
 */
export function markNavs(frame: DesignNode): DesignNode {
  let out = stripped(frame);
  for (const candidate of navCandidates(out)) {
    // Paths are into `out` as it was; marking copies along one path only, so find each path again in the new tree.
    const path = relocate(out, candidate.path);
    if (path) out = withMark(out, path, candidate.mark);
  }
  return out;
}

/** The same path (by child positions) in `root`, after earlier marks copied nodes along their paths. */
function relocate(root: DesignNode, path: DesignNode[]): DesignNode[] | undefined {
  const out = [root];
  for (let i = 1; i < path.length; i++) {
    const index = (path[i - 1]!.children ?? []).indexOf(path[i]!);
    const next = out[i - 1]!.children?.[index];
    if (index < 0 || !next) return undefined;
    out.push(next);
  }
  return out;
}
