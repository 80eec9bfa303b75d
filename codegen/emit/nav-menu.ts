/**
 * Navigation bars as menus (issue 37). A row marked `nav` (codegen/layout/nav.ts) is drawn exactly as designed at its
 * `below` width and wider; below it the bar shows what leads it (a logo), what trails it (an avatar, an icon) and a
 * menu button, and the links — the run of the row's items the mark names — move into a disclosure panel that drops
 * below the bar as a column of full-width links.
 *
 * The run is wrapped in one element that is `display: contents` at the wide widths, so its items stay the row's own
 * flex items and nothing moves. The button goes right before it, so the links follow the button in the tab order.
 *
 * - **HTML**: no script. The panel is a popover (`popover`, shown by `<button popovertarget>`): the browser keeps its
 *   state, exposes the button as expanded or collapsed, closes it on Escape or a click elsewhere and gives focus back
 *   to the button; it works in the sandboxed preview, which runs no script. It drops below the bar by anchor
 *   positioning (`anchor-name` on the bar), else at the bar's drawn bottom. Every narrow-screen rule that hides the
 *   links or shows the button is written with a popover pseudo-class, so a browser without popovers drops those
 *   rules and shows the links as before.
 * - **React**: state. `useState` opens and closes the panel (its class follows the state), the button has
 *   `aria-expanded` and `aria-controls` (`useId`), Escape anywhere in the bar closes it and puts focus back on the
 *   button (`useRef`). The panel is positioned under the bar (`position: relative` on the bar below the width).
 */
import { flexOf } from "../design/layout-kind.js";
import type { DesignNode, NavMenu, Paint } from "../design/types.js";
import { flowChildren, linkLike, linksIn } from "../layout/nav.js";
import { PHONE_GUTTER } from "../layout/boxes.js";
import type { Decl } from "./css.js";
import { fluidSide } from "./responsive.js";
import type { Semantics } from "./semantics.js";
import type { AttrValue, ElementNode, Sheet, VNode } from "./vnode.js";

/**
 * What a file calls a menu's parts: HTML its panel's id; React and Vue the state, its setter, the panel's id and the
 * button's ref, and how the file gives the button the focus back (React: `menuButton.current?.focus()`; a Vue
 * template sees its ref unwrapped: `menuButton?.focus()`).
 */
export type NavMenuNames =
  | { kind: "popover"; id: string }
  | { kind: "state"; open: string; setOpen: string; id: string; button: string; focusButton: string };

/** The button is a touch target this large. */
const BUTTON = 44;
/** Each link in the panel is at least this tall (a touch target). */
const LINK_MIN_H = 44;
const HAMBURGER = '<path d="M4 7h16M4 12h16M4 17h16" />';

interface NavBar {
  row: DesignNode;
  bar: DesignNode;
  mark: NavMenu;
  /** The panel's background: the bar's own colour, else what it lies on, opaque. */
  background: string;
  /** The links' text colour (the button's). */
  color: string;
  /** The item that takes the auto margin pushing the button (and trailing items) to the bar's end. */
  pushed?: DesignNode;
  /** The bar's box is an item of a row (a page drawn as one wrapping row). */
  barInRow: boolean;
  /** The row is an item of a row inside the bar's box (beside a row of social links, say). */
  rowInRow: boolean;
  /** The bar's side padding on narrow screens (the panel's too). */
  padding: [left: string, right: string];
  names?: NavMenuNames;
}

type Role = "bar" | "between" | "row" | "brand" | "item" | "links" | "link" | "trailing";

export interface NavBuild {
  sheet: Sheet;
  /** A class name base for a part that is no layer ("menu button"). */
  classBase(name: string): string;
  /** Names for a new menu in this file; undefined where the file cannot hold one. */
  names(): NavMenuNames | undefined;
}

/**
 * Each navigation bar of a tree drawn in one file, and the role of each node of it that the narrow screens restyle.
 * `opaque`: nodes another file draws (a component's instances), whose bars that file plans.
 */
export class NavPlan {
  private readonly roles = new Map<DesignNode, { role: Role; nav: NavBar }[]>();
  /**
   * Instances another file draws whose root is, in that file, a bar (a nav bar drawn as a component): that file
   * restyles the bar's look below `below`; its width on a narrow screen is where it sits, which this file says.
   */
  private readonly placedBars = new Map<DesignNode, { below: number; barInRow: boolean }>();

  constructor(
    root: DesignNode,
    private readonly build: NavBuild,
    opaque: (node: DesignNode) => boolean = () => false,
  ) {
    // One path, pushed and popped: a copy per layer was most of this walk's cost (it runs for every file's tree).
    const ancestors: DesignNode[] = [];
    const visit = (node: DesignNode): void => {
      if (node !== root && opaque(node)) {
        const below = rootBarBelow(node, opaque);
        if (below !== undefined)
          this.placedBars.set(node, { below, barInRow: flexOf(ancestors[ancestors.length - 1])?.dir === "row" });
        return;
      }
      ancestors.push(node);
      if (node.nav) this.add(node, node.nav, [...ancestors]);
      for (const child of node.children ?? []) visit(child);
      ancestors.pop();
    };
    visit(root);
  }

  get empty(): boolean {
    return this.roles.size === 0 && this.placedBars.size === 0;
  }

  private add(row: DesignNode, mark: NavMenu, path: DesignNode[]): void {
    const bar = path[Math.max(0, path.length - 1 - mark.up)]!;
    const children = row.children ?? [];
    const run = children.slice(mark.from, mark.to).filter((c) => !c.hidden);
    const trailing = children.slice(mark.to).filter((c) => !c.hidden && !c.absolute);
    const links = run.flatMap(linksIn);
    const nav: NavBar = {
      row,
      bar,
      mark,
      background: backgroundOf(path.slice(0, path.length - mark.up)),
      color:
        links
          .map((l) => (l.text ?? linksIn(l).flatMap(textOf)[0]?.text)?.style.color)
          .find((c) => c !== undefined && !c.includes("gradient(")) ?? "inherit",
      ...(trailing[0] ? { pushed: trailing[0] } : {}),
      rowInRow: mark.up > 0 && flexOf(path[path.length - 2])?.dir === "row",
      barInRow: flexOf(path[path.length - 2 - mark.up])?.dir === "row",
      padding: [sidePadding(bar, 3), sidePadding(bar, 1)],
    };
    const set = (node: DesignNode, role: Role): void =>
      void this.roles.set(node, [...(this.roles.get(node) ?? []), { role, nav }]);
    set(bar, "bar");
    // Rows between the bar's box and the menu's row: what they hold beside it wraps under it on a phone.
    for (const between of path.slice(path.length - mark.up, path.length - 1))
      if (between !== bar && flexOf(between)?.dir === "row") set(between, "between");
    if (bar !== row && flexOf(bar)?.dir === "row") set(bar, "between");
    set(row, "row");
    for (const c of children.slice(0, mark.from)) if (!c.hidden && !c.absolute) set(c, "brand");
    for (const c of run) {
      set(c, linkLike(c) ? "link" : "item");
      // A box of links (the links' own row) stacks them in the panel.
      if (!linkLike(c))
        for (const box of [c, ...descendants(c)])
          if (box.layout && !linkLike(box) && flowChildren(box).some(linkLike)) set(box, "links");
    }
    for (const l of links) if (!run.includes(l)) set(l, "link");
    for (const t of trailing) set(t, "trailing");
  }

  private rolesOf(node: DesignNode): { role: Role; nav: NavBar }[] {
    return this.roles.get(node) ?? [];
  }

  /** The names of a bar's menu in this file, made on first use (the bar's rules need them before its row is built). */
  private namesOf(nav: NavBar): NavMenuNames | undefined {
    nav.names ??= this.build.names();
    return nav.names;
  }

  /** A link of a bar's menu: drawn as a link (`<a>`), without the resets a named link gets. */
  isLink(node: DesignNode): boolean {
    return this.rolesOf(node).some((r) => r.role === "link");
  }

  /** Tag and attributes: a bar's row is its `<nav>`, each link of its menu an `<a>`. */
  semantics(node: DesignNode, semantics: Semantics, insideInteractive: boolean): Semantics {
    if (insideInteractive) return semantics;
    const roles = this.rolesOf(node).map((r) => r.role);
    if (roles.includes("row") && semantics.tag === "div")
      return { tag: "nav", attrs: semantics.attrs, interactive: false };
    if (roles.includes("link") && !semantics.interactive && /^(div|p|span|h[1-6])$/.test(semantics.tag))
      return { tag: "a", attrs: [["href", "#"]], interactive: true };
    return semantics;
  }

  /**
   * The rules a node of a bar gets below the bar's width, as [width, declarations]; `placement`: of an instance a
   * component draws, only where it sits (its own look is the component's).
   */
  belowDecls(node: DesignNode, decls: Decl[], placement = false): [number, Decl[]][] {
    const roles = this.rolesOf(node);
    const each = roles.flatMap(({ role, nav }): [number, Decl[]][] => {
      const names = this.namesOf(nav);
      if (!names) return [];
      // A box that is both an item of the panel and a box of links stacks its links: the item's row rules are not for
      // it.
      if (role === "item" && roles.some((r) => r.role === "links"))
        return [[nav.mark.below, placement ? [] : ITEM_PLACE]];
      const all = roleDecls(role, node, decls, nav, names);
      const out = placement ? all.filter(([p]) => PLACEMENT.has(p)) : all;
      return out.length > 0 ? [[nav.mark.below, out]] : [];
    });
    const placedBar = placement ? this.placedBars.get(node) : undefined;
    if (placedBar) {
      const width = barWidthDecls(decls, placedBar.barInRow);
      if (width.length > 0) each.push([placedBar.below, width]);
    }
    // One rule per width (a node can be a box of links and an item of the panel at once).
    const merged = new Map<number, Decl[]>();
    for (const [width, decls] of each) merged.set(width, [...(merged.get(width) ?? []), ...decls]);
    return [...merged];
  }

  /**
   * A bar's row's children with the menu: the run wrapped in the panel, the button before it. `built`: the row's
   * children as built, by index (undefined: not drawn).
   */
  children(row: DesignNode, built: (VNode | undefined)[]): VNode[] {
    const nav = this.rolesOf(row).find((r) => r.role === "row")?.nav;
    const names = nav ? this.namesOf(nav) : undefined;
    const drawn = built.filter((v): v is VNode => v !== undefined);
    return nav && names
      ? menuChildren(nav, names, built, this.build.sheet, (name) => this.build.classBase(name))
      : drawn;
  }

  /** React and Vue: Escape anywhere in the bar's row closes its menu and gives the focus back to the button. */
  rowAttrs(row: DesignNode): [string, string][] | undefined {
    const nav = this.rolesOf(row).find((r) => r.role === "row")?.nav;
    const names = nav ? this.namesOf(nav) : undefined;
    if (names?.kind !== "state") return undefined;
    return [
      [
        "onKeyDown",
        `(event) => { if (event.key === "Escape" && ${names.open}) { ` +
          `${names.setOpen}(false); ${names.focusButton}; } }`,
      ],
    ];
  }
}

/** What an instance's placement class may say (its look is its component's). */
const PLACEMENT = new Set([
  "align-self",
  "width",
  "max-width",
  "min-width",
  "height",
  "margin",
  "margin-left",
  "flex",
  "order",
  "flex-shrink",
]);

const textOf = (n: DesignNode): DesignNode[] =>
  n.text ? [n] : (n.children ?? []).filter((c) => !c.hidden).flatMap(textOf);
const descendants = (n: DesignNode): DesignNode[] =>
  (n.children ?? []).filter((c) => !c.hidden).flatMap((c) => [c, ...descendants(c)]);

function solid(fills: Paint[] | undefined): string | undefined {
  const paint = (fills ?? []).find((f) => f.kind === "solid");
  return paint?.kind === "solid" ? opaque(paint.color) : undefined;
}

/** A colour without its alpha: the panel lies over the page and must hide what is under it. */
function opaque(color: string): string {
  const m = /^rgba\(\s*(\d+),\s*(\d+),\s*(\d+),\s*[\d.]+\s*\)$/.exec(color);
  return m ? `rgb(${m[1]}, ${m[2]}, ${m[3]})` : color;
}

/**
 * The bar's colour: its own fill, a layer spanning it (a section's base drawn under it), else its ancestors', else
 * white.
 */
function backgroundOf(path: DesignNode[]): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const node = path[i]!;
    const own = solid(node.fills);
    if (own) return own;
    const base = (node.children ?? []).find(
      (c) => c.absolute && !c.hidden && c.w >= node.w * 0.85 && c.h >= node.h * 0.85 && solid(c.fills),
    );
    if (base) return solid(base.fills)!;
  }
  return "#ffffff";
}

const px = (v: number): string => (v === 0 ? "0" : `${Math.round(v * 100) / 100}px`);

/** A side's padding on narrow screens: drawn padding wider than a phone's gutter shrinks with the screen. */
function sidePadding(bar: DesignNode, side: 1 | 3): string {
  const p = bar.layout?.padding[side] ?? 0;
  if (p <= PHONE_GUTTER) return px(PHONE_GUTTER);
  // Inferred padding gives way as responsive.ts writes it; the designer's is written as drawn and shrinks here.
  const inferred = bar.layout?.inferred;
  if (inferred && inferred.within > 0)
    return fluidSide(p, bar.layout!.padding[1] + bar.layout!.padding[3], inferred.within);
  const vw = Math.round((p / Math.max(bar.w, 1)) * 10000) / 100;
  return `clamp(${PHONE_GUTTER}px, ${vw}vw, ${px(p)})`;
}

const value = (decls: Decl[], property: string): string | undefined => decls.find(([p]) => p === property)?.[1];

/**
 * A menu link's own look as an `<a>`: its colour and display kept (a named link's resets are not for it), no underline.
 */
export function navLinkDecls(node: DesignNode, decls: Decl[]): void {
  if (node.kind !== "text" && value(decls, "color") === undefined) decls.push(["color", "inherit"]);
  if (node.text?.style.decoration !== "underline") decls.push(["text-decoration", "none"]);
  if (value(decls, "display") === undefined) decls.push(["display", "block"]);
}

function roleDecls(role: Role, node: DesignNode, decls: Decl[], nav: NavBar, names: NavMenuNames): Decl[] {
  switch (role) {
    case "bar":
      return barDecls(node, decls, nav, names);
    case "row":
      return rowDecls(node, decls, nav);
    case "between":
      return [["flex-wrap", "wrap"]];
    case "brand":
      // A logo without text may shrink beside the button rather than push the bar wider than a phone.
      return node.text || textOf(node).length > 0
        ? []
        : [
            ["min-width", "0"],
            ["flex-shrink", "1"],
            ["overflow", "hidden"],
          ];
    case "trailing":
      return [["order", "1"], ...(nav.pushed === node ? ([["margin-left", "auto"]] as Decl[]) : [])];
    case "links":
      return [
        ["flex-direction", "column"],
        ["align-items", "stretch"],
        ["justify-content", "flex-start"],
        ["gap", "0"],
        ["flex-wrap", "nowrap"],
        ["width", "auto"],
        ["height", "auto"],
        ["padding-left", "0"],
        ["padding-right", "0"],
      ];
    case "item":
      return itemDecls(node);
    case "link":
      return linkDecls(node, decls);
  }
}

function barDecls(node: DesignNode, decls: Decl[], nav: NavBar, names: NavMenuNames): Decl[] {
  const out: Decl[] = [];
  const html = names.kind === "popover";
  if (html) out.push(["anchor-name", `--${names.id}`]);
  // Above what follows it on the page (content drawn later, and a React panel hanging below it).
  if (value(decls, "position") === undefined) out.push(["position", "relative"]);
  if (value(decls, "z-index") === undefined) out.push(["z-index", "10"]);
  // The panel hangs out of the bar's box: the bar must not clip it.
  if (value(decls, "overflow") !== undefined) out.push(["overflow", "visible"]);
  out.push(...barWidthDecls(decls, nav.barInRow));
  const [, right, , left] = node.layout?.padding ?? [0, 0, 0, 0];
  // The designer's own padding is written in px: wider than a gutter, it gives way (inferred padding already does).
  if (!node.layout?.inferred && Math.max(left, right) > PHONE_GUTTER)
    out.push(["padding-left", nav.padding[0]], ["padding-right", nav.padding[1]]);
  return out;
}

/** Drawn at a fixed width, the bar takes the screen's: across its column, or the whole line of a row. */
function barWidthDecls(decls: Decl[], barInRow: boolean): Decl[] {
  if (!value(decls, "width")?.endsWith("px")) return [];
  return [
    ...(barInRow
      ? ([["width", "100%"]] as Decl[])
      : ([
          ["width", "auto"],
          ["align-self", "stretch"],
        ] as Decl[])),
    ["max-width", "100%"],
    ["min-width", "0"],
  ];
}

/**
 * The width below which an instance drawn by another file is, in that file, a navigation bar: a menu's row in it
 * whose bar is its root (or would be above it: that file's bar is its root then). Nested instances are their files'.
 */
function rootBarBelow(instance: DesignNode, opaque: (node: DesignNode) => boolean): number | undefined {
  let below: number | undefined;
  const visit = (node: DesignNode, depth: number): void => {
    if (node !== instance && opaque(node)) return;
    if (node.nav && node.nav.up >= depth) below = Math.max(below ?? 0, node.nav.below);
    for (const child of node.children ?? []) visit(child, depth + 1);
  };
  visit(instance, 0);
  return below;
}

function rowDecls(node: DesignNode, decls: Decl[], nav: NavBar): Decl[] {
  const out: Decl[] = [["flex-wrap", "nowrap"]];
  if ((flexOf(node)?.gap ?? 0) > PHONE_GUTTER) out.push(["gap", `${PHONE_GUTTER}px`]);
  // Inside the bar's box beside other items, the row takes the line: the button goes to the bar's end, they wrap below.
  if (nav.rowInRow)
    out.push(
      ["flex", "1 1 auto"],
      ["min-width", "0"],
      ...(value(decls, "width")?.endsWith("px")
        ? ([
            ["width", "auto"],
            ["max-width", "100%"],
          ] as Decl[])
        : []),
    );
  return out;
}

/** A box of the panel, full width. */
const ITEM_PLACE: Decl[] = [
  ["margin", "0"],
  ["order", "0"],
  ["align-self", "stretch"],
  ["width", "auto"],
  ["max-width", "none"],
  ["min-width", "0"],
  ["flex", "none"],
];

/** An item of the panel other than a link: full width when it shows text, a graphic at its own size. */
function itemDecls(node: DesignNode): Decl[] {
  if (textOf(node).length === 0)
    return [
      ["margin", "0"],
      ["order", "0"],
      ["align-self", "flex-start"],
    ];
  const out: Decl[] = [...ITEM_PLACE];
  if (flexOf(node)?.dir === "row")
    out.push(
      ["justify-content", "flex-start"],
      ["flex-wrap", "wrap"],
      ["padding-top", "8px"],
      ["padding-bottom", "8px"],
    );
  return out;
}

/**
 * A link in the panel: a full-width row, tall enough to tap, its text at the start — or, drawn as a button (a
 * shape behind its label), a full-width button.
 */
function linkDecls(node: DesignNode, decls: Decl[]): Decl[] {
  // A box that scales as a unit (a text with its marker drawn over it) keeps its drawn size: stretched, it would grow.
  if (node.scaled)
    return [
      ["align-self", "flex-start"],
      ["margin", "10px 0"],
      ["flex", "none"],
    ];
  const out: Decl[] = [
    ["align-self", "stretch"],
    ["width", "auto"],
    ["max-width", "none"],
    ["min-width", "0"],
    ["height", "auto"],
    ["min-height", `${LINK_MIN_H}px`],
    ["margin", "0"],
    ["flex", "none"],
  ];
  const shaped = (node.fills ?? []).length > 0 || node.stroke !== undefined;
  if (shaped) return [...out, ["margin-top", "8px"]];
  const padded = (node.layout?.padding ?? [0, 0, 0, 0]).some((p) => p > 0);
  if (!padded) out.push(["padding-top", "10px"], ["padding-bottom", "10px"]);
  if (node.text)
    out.push(["display", "flex"], ["align-items", "center"], ["text-align", "left"], ["white-space", "normal"]);
  else if (value(decls, "display") === "flex" || node.layout)
    out.push(
      ["display", "flex"],
      ["align-items", "center"],
      [flexOf(node)?.dir === "column" ? "align-items" : "justify-content", "flex-start"],
    );
  return out;
}

/** The panel's look when open: a column of the links under the bar, as wide as it. */
function panelDecls(nav: NavBar, names: NavMenuNames): Decl[] {
  const html = names.kind === "popover";
  const place: Decl[] = html
    ? [
        // In the top layer: its containing block is the page. Placed under the bar by its anchor, else where drawn.
        ["position", "absolute"],
        ["inset", "auto"],
        ["top", px(Math.round(nav.bar.h))],
        ["top", `anchor(--${names.id} bottom)`],
        ["left", "0"],
        ["left", `anchor(--${names.id} left)`],
        ["right", "0"],
        ["right", `anchor(--${names.id} right)`],
        ["width", "auto"],
        ["height", "auto"],
        ["border", "0"],
        ["color", "inherit"],
        ["overflow", "visible"],
      ]
    : [
        ["position", "absolute"],
        ["top", "100%"],
        ["left", "0"],
        ["right", "0"],
        ["z-index", "10"],
      ];
  return [
    ["display", "flex"],
    ["flex-direction", "column"],
    ["align-items", "stretch"],
    ...place,
    ["margin", "0"],
    // Longhands: a side's value may hold spaces (clamp(…)), which a shorthand's Tailwind classes would split.
    ["padding-top", "8px"],
    ["padding-right", nav.padding[1]],
    ["padding-bottom", "16px"],
    ["padding-left", nav.padding[0]],
    ["background-color", nav.background],
    ["box-shadow", "0 12px 24px rgba(0, 0, 0, 0.16)"],
  ];
}

const BUTTON_BASE: Decl[] = [
  // Positioned, as the row's items are: above a background layer drawn under the row.
  ["position", "relative"],
  ["display", "none"],
  ["align-items", "center"],
  ["justify-content", "center"],
  ["flex-shrink", "0"],
  ["width", `${BUTTON}px`],
  ["height", `${BUTTON}px`],
  ["padding", "0"],
  ["border", "none"],
  ["background", "none"],
  ["font", "inherit"],
  ["cursor", "pointer"],
];

/** The row's children with the run wrapped in the panel and the button before it. */
function menuChildren(
  nav: NavBar,
  names: NavMenuNames,
  built: (VNode | undefined)[],
  sheet: Sheet,
  classBase: (name: string) => string,
): VNode[] {
  const drawn = (list: (VNode | undefined)[]): VNode[] => list.filter((v): v is VNode => v !== undefined);
  const { from, to, below } = nav.mark;
  const html = names.kind === "popover";
  const button = sheet.add(classBase("menu button"), [...BUTTON_BASE, ["color", nav.color]])!;
  // HTML: shown only where popovers work (the pseudo-class always matches the button there; elsewhere the rule is
  // dropped).
  sheet.addBelow(
    button,
    below,
    [["display", "flex"], ["order", "2"], ...(nav.pushed ? [] : ([["margin-left", "auto"]] as Decl[]))],
    html ? ":not(:popover-open)" : undefined,
  );
  const panel = sheet.add(classBase("menu"), [["display", "contents"]])!;
  const icon: ElementNode = {
    type: "element",
    tag: "svg",
    attrs: [
      ["viewBox", "0 0 24 24"],
      ["width", "24"],
      ["height", "24"],
      ["fill", "none"],
      ["stroke", "currentColor"],
      ["stroke-width", "2"],
      ["stroke-linecap", "round"],
      ["aria-hidden", "true"],
    ],
    children: [],
    svgMarkup: HAMBURGER,
  };
  const controls: AttrValue = names.kind === "state" ? { expr: names.id, html: "menu" } : names.id;
  const toggle: ElementNode = {
    type: "element",
    tag: "button",
    cls: button,
    attrs: [
      ["type", "button"],
      ["aria-label", "Menu"],
      ["aria-controls", controls],
    ],
    children: [icon],
  };
  const list: ElementNode = {
    type: "element",
    tag: "div",
    cls: panel,
    attrs: [["id", controls]],
    children: drawn(built.slice(from, to)),
  };
  if (names.kind === "popover") {
    toggle.htmlAttrs = [["popovertarget", names.id]];
    list.htmlAttrs = [["popover", "auto"]];
    sheet.addBelow(panel, below, [["display", "none"]], ":not(:popover-open)");
    sheet.addBelow(panel, below, panelDecls(nav, names), ":popover-open");
  } else {
    toggle.reactAttrs = [
      ["ref", names.button],
      ["aria-expanded", names.open],
      ["onClick", `() => ${names.setOpen}(!${names.open})`],
    ];
    sheet.addBelow(panel, below, [["display", "none"]]);
    const open = sheet.reserve(classBase("menu open"));
    sheet.rules.set(open, [["display", "contents"]]);
    sheet.addBelow(open, below, panelDecls(nav, names));
    list.stateCls = { when: names.open, cls: open };
  }
  return [...drawn(built.slice(0, from)), toggle, list, ...drawn(built.slice(to))];
}
