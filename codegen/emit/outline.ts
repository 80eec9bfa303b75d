/**
 * A page's accessible outline, settled on the markup trees once they are built and before they are printed, the same
 * for every target (issue 72: axe-core's `heading-order`, `page-has-heading-one`, `landmark-unique`):
 * - one h1 per page: its most prominent heading (by the design's type scale: the level its style or layer names,
 *   then size, then weight; the first of equals). A page without a heading makes its most prominent short text one
 *   when it stands out from the body text, else gets a heading of the frame's name that only assistive technology
 *   reads (visually hidden: the drawing is unchanged);
 * - heading levels never skip: re-ranked in document order under the h1, each one level below the nearest more
 *   prominent heading before it, so the type scale's order is kept wherever that skips no level;
 * - a navigation inside another is part of it (no landmark of its own), and navigations of one page are named apart by
 *   their layers' names.
 * The walk goes into the component files a page uses (their trees), in the order the page shows them: a component's
 * heading has the level its first use gives it, wherever else it is used (a file has one markup).
 */
import { VISUALLY_HIDDEN, type BuildContext } from "./build.js";
import type { ElementNode, VNode } from "./vnode.js";

/** A page to outline: its tree, the name of its frame, its file's context (the sheet a heading of its own goes in). */
export interface OutlinePage {
  tree: VNode;
  title: string;
  ctx: Pick<BuildContext, "sheet" | "classBase">;
}

const HEADING = /^h([1-6])$/;
/** Elements that hold no heading: interactive ones and labels (phrasing content only). */
const NO_HEADING_INSIDE = new Set(["a", "button", "label", "summary", "select", "textarea"]);
/** The longest text made a heading when the page has none. */
const MAX_PROMOTED = 80;

interface Seen {
  element: ElementNode;
  /** Inside a component file (its markup is shared by every use). */
  shared: boolean;
  /** Inside an interactive element or a label. */
  phrasing: boolean;
  /** Shown only in a state (a hover's layer): hidden on the page as it loads. */
  inState: boolean;
}

/** The page's elements in document order, component files' trees in their place. */
function walk(tree: VNode, components: ReadonlyMap<string, VNode>): Seen[] {
  const out: Seen[] = [];
  type Where = Omit<Seen, "element"> & { using: readonly string[] };
  const visit = (node: VNode, where: Where): void => {
    switch (node.type) {
      case "element": {
        const inState = where.inState || node.shownInState === true;
        out.push({ element: node, shared: where.shared, phrasing: where.phrasing, inState });
        const inside = { ...where, inState, phrasing: where.phrasing || NO_HEADING_INSIDE.has(node.tag) };
        for (const child of node.children) visit(child, inside);
        return;
      }
      case "if":
        visit(node.child, where);
        return;
      case "use": {
        const tree = components.get(node.component);
        // A component that (through others) uses itself is drawn once.
        if (tree && !where.using.includes(node.component))
          visit(tree, { ...where, shared: true, using: [...where.using, node.component] });
        return;
      }
      case "mapped":
        for (const [, value] of node.props) if ("jsx" in value) visit(value.jsx, where);
        for (const value of node.children) if ("jsx" in value) visit(value.jsx, where);
        return;
      default:
        return;
    }
  };
  visit(tree, { shared: false, phrasing: false, inState: false, using: [] });
  return out;
}

const levelOf = (element: ElementNode): number | undefined => {
  const m = HEADING.exec(element.tag);
  return m ? Number(m[1]) : undefined;
};

/** Larger is more prominent: the level the design gave (h1 first), then size, then weight. */
function prominence(element: ElementNode, level: number): number {
  const type = element.textType;
  return (7 - level) * 1e7 + (type ? Math.round(type.size * 10) * 1e3 + type.weight : 0);
}

/** The characters of an element's texts (a prop's counted as short). */
function textLength(node: VNode): number {
  if (node.type === "text") return node.value.length;
  if (node.type === "prop") return 1;
  if (node.type === "if") return textLength(node.child);
  if (node.type === "element") return node.children.reduce((n, c) => n + textLength(c), 0);
  return 0;
}

/** The body text's type: the size and weight most of the page's characters are set in. */
function bodyType(texts: readonly Seen[]): { size: number; weight: number } | undefined {
  const chars = new Map<string, number>();
  for (const { element } of texts) {
    const type = element.textType!;
    const key = `${type.size} ${type.weight}`;
    chars.set(key, (chars.get(key) ?? 0) + textLength(element));
  }
  let best: [string, number] | undefined;
  for (const entry of chars) if (!best || entry[1] > best[1]) best = entry;
  if (!best) return undefined;
  const [size, weight] = best[0].split(" ").map(Number);
  return { size: size!, weight: weight! };
}

/**
 * The page's most prominent short text that stands out from its body text (larger, or as large and bolder), made
 * its h1; undefined when none does.
 */
function promoted(seen: readonly Seen[]): ElementNode | undefined {
  const texts = seen.filter(
    (s) => s.element.tag === "p" && s.element.textType !== undefined && !s.phrasing && !s.inState,
  );
  const body = bodyType(texts);
  if (!body) return undefined;
  let best: ElementNode | undefined;
  for (const { element } of texts) {
    const type = element.textType!;
    const bolder = type.size === body.size && type.weight >= 600 && type.weight > body.weight;
    const stands = type.size > body.size || bolder;
    if (!stands || textLength(element) > MAX_PROMOTED) continue;
    if (!best || prominence(element, 6) > prominence(best, 6)) best = element;
  }
  return best;
}

/** A heading of the page's name, out of sight, first in its main element. */
function hiddenHeading(page: OutlinePage): void {
  const main = findMain(page.tree) ?? (page.tree.type === "element" ? page.tree : undefined);
  if (!main) return;
  const named = { id: "", name: `${page.title} title`, kind: "text" as const, w: 0, h: 0 };
  const cls = page.ctx.sheet.add(page.ctx.classBase(named, "title"), VISUALLY_HIDDEN);
  const heading: ElementNode = {
    type: "element",
    tag: "h1",
    attrs: [],
    children: [{ type: "text", value: page.title.trim() || "Page" }],
  };
  if (cls) heading.cls = cls;
  main.children.unshift(heading);
}

function findMain(node: VNode): ElementNode | undefined {
  if (node.type === "if") return findMain(node.child);
  if (node.type !== "element") return undefined;
  if (node.tag === "main") return node;
  for (const child of node.children) {
    const found = findMain(child);
    if (found) return found;
  }
  return undefined;
}

/**
 * Levels in document order: the h1 stays 1, every other heading one below the nearest more prominent one before it
 * (2 when none is), a component's heading seen before keeps its level (`fixed`). A heading only a state shows takes
 * the level below the one before it and opens none: hidden as the page loads, it leaves no gap.
 */
function rank(headings: readonly Seen[], h1: ElementNode | undefined, fixed: Map<ElementNode, number>): void {
  const open: { prominence: number; level: number }[] = [];
  for (const { element, inState } of headings) {
    const p = prominence(element, levelOf(element)!);
    if (inState) {
      if (!fixed.has(element)) fixed.set(element, Math.min(6, (open[open.length - 1]?.level ?? 1) + 1));
      continue;
    }
    if (element === h1) {
      open.length = 0;
      open.push({ prominence: Infinity, level: 1 });
      fixed.set(element, 1);
      continue;
    }
    const known = fixed.get(element);
    if (known !== undefined) {
      while (open.length > 0 && open[open.length - 1]!.level >= known) open.pop();
      open.push({ prominence: p, level: known });
      continue;
    }
    while (open.length > 0 && open[open.length - 1]!.prominence <= p && open[open.length - 1]!.level > 1) open.pop();
    const level = Math.min(6, (open[open.length - 1]?.level ?? 1) + 1);
    open.push({ prominence: p, level });
    fixed.set(element, level);
  }
}

/** Navigations inside another are part of it; those left, when more than one, are named by their layers. */
function landmarks(seen: readonly Seen[], tree: VNode, components: ReadonlyMap<string, VNode>): void {
  const demote = (node: VNode, inNav: boolean): void => {
    if (node.type === "if") return demote(node.child, inNav);
    if (node.type === "use") {
      const used = components.get(node.component);
      if (used && inNav) demote(used, inNav);
      return;
    }
    if (node.type !== "element") return;
    if (node.tag === "nav" && inNav) node.tag = "div";
    for (const child of node.children) demote(child, inNav || node.tag === "nav");
  };
  demote(tree, false);
  const navs = seen.filter((s) => s.element.tag === "nav").map((s) => s.element);
  if (navs.length < 2) return;
  const taken = new Set<string>();
  for (const nav of navs) {
    if (nav.attrs.some(([k]) => k === "aria-label")) continue;
    const base = (nav.layerName ?? "").trim() || "Navigation";
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base} ${n}`;
    taken.add(name.toLowerCase());
    nav.attrs.push(["aria-label", name]);
  }
}

const INTERACTIVE = new Set(["a", "button", "input", "select", "textarea", "Link"]);

/** Whether an interactive element is inside `node` (in the component files it uses too). */
function holdsInteractive(node: VNode, components: ReadonlyMap<string, VNode>, using: readonly string[]): boolean {
  if (node.type === "if") return holdsInteractive(node.child, components, using);
  if (node.type === "use") {
    const used = components.get(node.component);
    return (
      used !== undefined && !using.includes(node.component) && isOrHolds(used, components, [...using, node.component])
    );
  }
  return node.type === "element" && node.children.some((c) => isOrHolds(c, components, using));
}

const isOrHolds = (node: VNode, components: ReadonlyMap<string, VNode>, using: readonly string[]): boolean =>
  (node.type === "element" && INTERACTIVE.has(node.tag)) || holdsInteractive(node, components, using);

/**
 * A plain button around a component file's button (or link) is its wrapper, not a second button: nothing interactive
 * may nest in another (inline, the build already makes the inner one a box; a component file's markup is one).
 */
function unnestButtons(node: VNode, components: ReadonlyMap<string, VNode>): void {
  if (node.type === "if") return unnestButtons(node.child, components);
  if (node.type !== "element") return;
  const plain = !node.reactAttrs?.length && !node.htmlAttrs?.length;
  if (node.tag === "button" && plain && holdsInteractive(node, components, [])) {
    node.tag = "div";
    node.attrs = node.attrs.filter(([k]) => k !== "type");
  }
  for (const child of node.children) unnestButtons(child, components);
}

/**
 * Settles the outline of `pages` (in order; a component's levels are those its first use gives) whose component
 * files' trees are `components` (by component name).
 */
export function outlinePages(pages: readonly OutlinePage[], components: ReadonlyMap<string, VNode>): void {
  const fixed = new Map<ElementNode, number>();
  for (const tree of components.values()) unnestButtons(tree, components);
  for (const page of pages) {
    unnestButtons(page.tree, components);
    const seen = walk(page.tree, components);
    landmarks(seen, page.tree, components);
    let headings = seen.filter((s) => levelOf(s.element) !== undefined && !s.phrasing);
    if (!headings.some((h) => !h.inState)) {
      const text = promoted(seen);
      if (text) text.tag = "h1";
      else hiddenHeading(page);
      headings = walk(page.tree, components).filter((s) => levelOf(s.element) !== undefined && !s.phrasing);
    }
    rank(headings, mostProminent(headings, fixed), fixed);
    for (const { element } of headings) element.tag = `h${fixed.get(element) ?? levelOf(element)}`;
  }
}

/** The page's h1: a heading already made one (a component's), else the most prominent, the page's own first. */
function mostProminent(headings: readonly Seen[], fixed: ReadonlyMap<ElementNode, number>): ElementNode | undefined {
  const shown = headings.filter((h) => !h.inState);
  const one = shown.find((h) => fixed.get(h.element) === 1);
  if (one) return one.element;
  let best = shown[0];
  let bestP = -Infinity;
  for (const h of shown) {
    const p = prominence(h.element, levelOf(h.element)!) + (h.shared ? 0 : 0.5);
    if (p > bestP && fixed.get(h.element) === undefined) {
      best = h;
      bestP = p;
    }
  }
  return best?.element;
}

/**
 * An emitter's trees until their outline is settled, with the writes that print them: `settle` outlines the pages
 * and then runs the writes in the order they were given.
 */
export class PageOutline {
  private readonly pages: OutlinePage[] = [];
  private readonly components = new Map<string, VNode>();
  private readonly writes: (() => void)[] = [];

  page(page: OutlinePage, write: () => void): void {
    this.pages.push(page);
    this.writes.push(write);
  }

  component(name: string, tree: VNode, write: () => void): void {
    this.components.set(name, tree);
    this.writes.push(write);
  }

  settle(): void {
    outlinePages(this.pages, this.components);
    for (const write of this.writes) write();
    this.writes.length = 0;
  }
}
