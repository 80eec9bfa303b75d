/**
 * Drawing the prototype's links (codegen/prototype/links.ts): the layer a click navigates from becomes a real `<a>`
 * (a page, a URL, an anchor) or `<button>` (back), so that it takes the keyboard's focus and Enter; its look is the
 * drawing's (no underline, its own colour). An instance drawn by a component file is wrapped in an `<a>` that takes
 * the instance's place and that the instance fills (wrappedUse).
 */
import type { DesignNode } from "../design/types.js";
import { anchorName, type Link, type LinkPlan } from "../prototype/links.js";
import type { Decl } from "./css.js";
import type { Semantics } from "./semantics.js";
import type { ComponentUse, ElementNode, Sheet, VNode } from "./vnode.js";
import { overlayTrigger } from "./overlay-trigger.js";

/** The element a link is drawn as, with what only HTML or only React prints (a script for back). */
export interface LinkElement extends Semantics {
  htmlAttrs?: [string, string][];
  reactAttrs?: [string, string][];
}

/** React's back button: the router's `navigate`, from `useNavigate()` at the top of the screen (routerHooks). */
const NAVIGATE_BACK = "() => navigate(-1)";

export function linkSemantics(link: Link): LinkElement {
  if (link.kind === "overlay") return overlayTrigger(link);
  if (link.kind === "back") {
    const back = link.router ? NAVIGATE_BACK : "() => history.back()";
    return {
      tag: "button",
      attrs: [["type", "button"]],
      interactive: true,
      // HTML's pages play the reverse themselves (prototype.js, on leaving); an app's router through transitionBack.
      htmlAttrs: [["onclick", "history.back()"]],
      reactAttrs: [["onClick", link.reverse ? `() => transitionBack(${back})` : back]],
    };
  }
  // React Router's Link draws an <a href> and goes to the route in place (no page load); a page transition plays
  // around that navigation (view-transitions.ts).
  if (link.kind === "route") {
    const go = `() => navigate(${JSON.stringify(link.to)})`;
    const play = link.transition && `(event) => transitionClick(event, ${JSON.stringify(link.transition)}, ${go})`;
    return {
      tag: "Link",
      attrs: [["to", link.to]],
      interactive: true,
      ...(play ? { reactAttrs: [["onClick", play]] } : {}),
    };
  }
  const attrs: [string, string][] = [["href", link.href]];
  if (link.newTab) attrs.push(["target", "_blank"], ["rel", "noopener noreferrer"]);
  if (link.transition) attrs.push(["data-transition", link.transition]);
  return { tag: "a", attrs, interactive: true };
}

/** A link drawn as its layer: the browser's link and button looks go, the drawing's stay. */
export function linkDecls(tag: string, decls: Decl[]): void {
  const has = (prop: string): boolean => decls.some(([p]) => p === prop);
  if (!has("color")) decls.push(["color", "inherit"]);
  if (!has("text-decoration") && !has("text-decoration-line")) decls.push(["text-decoration", "none"]);
  if (!has("display")) decls.push(["display", "block"]);
  if (tag === "button") {
    decls.push(["border", "none"], ["font", "inherit"], ["text-align", "inherit"], ["cursor", "pointer"]);
    if (!has("background") && !has("background-color")) decls.push(["background", "none"]);
    if (!decls.some(([p]) => p.startsWith("padding"))) decls.push(["padding", "0"]);
  }
}

/** What of an instance's placement sizes it along each axis (the wrapper that takes the placement passes it on). */
const SIZES_WIDTH = /^(?:width|min-width|flex|flex-grow|flex-basis)$/;
const SIZES_HEIGHT = /^(?:height|min-height|flex|flex-grow|flex-basis)$/;

/**
 * An instance drawn by a component file (or an icon's SVG), inside its link: the link is the box the screen places
 * (the instance's placement class, drawn as a block) and the instance fills it along the axes the placement sizes, so
 * the layout is the one without the link and the link takes the keyboard's focus and shows it (a `display: contents`
 * link has no box: Chromium neither focuses it nor draws its focus ring). `fillBase`: the inner class's name.
 */
export function wrappedUse<T extends ComponentUse | ElementNode>(
  use: T,
  link: Link,
  sheet: Sheet,
  base: string,
  fillBase = `${base}Fill`,
): ElementNode {
  const element = linkSemantics(link);
  const placement = use.cls !== undefined ? sheet.rules.get(use.cls) : undefined;
  let cls: string | undefined;
  let inner: ComponentUse | ElementNode = use;
  if (use.cls !== undefined && placement) {
    cls = use.cls;
    const stretch = placement.some(([p, v]) => p === "align-self" && v === "stretch");
    const fill: Decl[] = [];
    if (stretch || placement.some(([p]) => SIZES_WIDTH.test(p))) fill.push(["width", "100%"]);
    if (stretch || placement.some(([p]) => SIZES_HEIGHT.test(p))) fill.push(["height", "100%"]);
    linkDecls(element.tag === "button" ? "button" : "a", placement);
    // An SVG is inline: drawn as a block, it has no line's descent below it.
    if (use.type === "element") fill.push(["display", "block"]);
    const { cls: _, ...rest } = use;
    const fillCls = sheet.add(fillBase, fill);
    inner = (fillCls ? { ...rest, cls: fillCls } : rest) as unknown as ComponentUse | ElementNode;
  } else
    cls = sheet.add(`${base}Link`, [
      ["display", "block"],
      ["color", "inherit"],
      ["text-decoration", "none"],
    ]);
  return {
    type: "element",
    tag: element.tag,
    attrs: element.attrs,
    children: [inner],
    ...(cls ? { cls } : {}),
    ...(element.htmlAttrs ? { htmlAttrs: element.htmlAttrs } : {}),
    ...(element.reactAttrs ? { reactAttrs: element.reactAttrs } : {}),
  };
}

/**
 * What a screen draws by a component file: not an instance with a link inside it (a layer it clicks from, deeper
 * than the instance itself) — a component's layers link from no screen of their own, so such an instance is drawn on
 * its screen, where its links are (fitma's header with its cart icon, a card's button); nor one `drawnHere` keeps
 * (a toggle: its state is the screen's).
 */
export function usageKeepingLinks<T>(
  usage: (node: DesignNode) => T | undefined,
  links: LinkPlan | undefined,
  drawnHere?: (node: DesignNode) => boolean,
): (node: DesignNode) => T | undefined {
  if (drawnHere) {
    const kept = usageKeepingLinks(usage, links);
    return (node) => (drawnHere(node) ? undefined : kept(node));
  }
  if (!links) return usage;
  const linksInside = new Map<string, boolean>();
  const inside = (node: DesignNode): boolean => {
    let found = linksInside.get(node.id);
    if (found === undefined) {
      found = (node.children ?? []).some((c) => links.linkFor(c.id) !== undefined || inside(c));
      linksInside.set(node.id, found);
    }
    return found;
  };
  return (node) => (inside(node) ? undefined : usage(node));
}

/** A link to an anchor scrolls there smoothly, unless the reader asks for less motion. */
export const SMOOTH_SCROLL =
  "@media (prefers-reduced-motion: no-preference) {\n  html {\n    scroll-behavior: smooth;\n  }\n}\n";

/**
 * The React routes: one per screen, the prototype's flow start (else the first screen) at `/`, the others at their
 * name in lowercase words (`/payment-1`), numbered when taken.
 */
export function routePaths(frames: readonly { id: string; name: string }[], starts: readonly string[]): string[] {
  const startIndex = Math.max(
    0,
    frames.findIndex((f) => starts.includes(f.id)),
  );
  const taken = new Set<string>([""]);
  return frames.map((frame, i) => (i === startIndex ? "/" : `/${anchorName(frame.name || "screen", taken)}`));
}

/** What of React Router a screen's markup uses: its imports and the statements at the top of the component. */
export function routerHooks(tree: VNode, timer?: { transition?: string }): { imports: string[]; locals: string[] } {
  let link = false;
  let back = false;
  /** A link plays a page transition (src/transitions.ts), navigating itself. */
  let moves = false;
  /** A back button plays the reverse of the transition that came (src/transitions.ts). */
  let reverses = false;
  const walk = (node: VNode): void => {
    if (node.type === "if") walk(node.child);
    if (node.type !== "element") return;
    if (node.tag === "Link") link = true;
    if (node.reactAttrs?.some(([, expr]) => expr === NAVIGATE_BACK || expr.includes(`(${NAVIGATE_BACK})`))) back = true;
    if (node.reactAttrs?.some(([, expr]) => expr.includes("transitionClick("))) moves = true;
    if (node.reactAttrs?.some(([, expr]) => expr.includes("transitionBack("))) reverses = true;
    node.children.forEach(walk);
  };
  walk(tree);
  const navigates = back || moves || timer !== undefined;
  const names = [...(link ? ["Link"] : []), ...(navigates ? ["useNavigate"] : [])];
  const helpers = [
    ...(reverses ? ["transitionBack"] : []),
    ...(moves ? ["transitionClick"] : []),
    ...(timer?.transition ? ["withTransition"] : []),
  ];
  return {
    imports: [
      ...(timer ? ['import { useEffect } from "react";'] : []),
      ...(names.length > 0 ? [`import { ${names.join(", ")} } from "react-router";`] : []),
      ...(helpers.length > 0 ? [`import { ${helpers.join(", ")} } from "../transitions";`] : []),
    ],
    locals: navigates ? ["  const navigate = useNavigate();"] : [],
  };
}

/** src/routes.ts: the screens by route, for the router the project's entry sets up (codegen/scaffold). */
export function routesFile(screens: readonly string[], paths: readonly string[]): string {
  return [
    'import type { ComponentType } from "react";',
    ...screens.map((n) => `import { ${n} } from "./screens/${n}";`),
    "",
    "/** One route per screen; links between the screens are the prototype's. */",
    "export const routes: { path: string; Screen: ComponentType }[] = [",
    ...screens.map((n, i) => `  { path: ${JSON.stringify(paths[i])}, Screen: ${n} },`),
    "];",
    "",
  ].join("\n");
}
