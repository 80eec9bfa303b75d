/**
 * Drawing the prototype's links (codegen/prototype/links.ts): the layer a click navigates from becomes a real `<a>`
 * (a page, a URL, an anchor) or `<button>` (back), so that it takes the keyboard's focus and Enter; its look is the
 * drawing's (no underline, its own colour). An instance drawn by a component file is wrapped in an `<a>` that is no
 * box of its own (`display: contents`): the layout is the same as without it.
 */
import { anchorName, type Link } from "../prototype/links.js";
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
  if (link.kind === "back")
    return {
      tag: "button",
      attrs: [["type", "button"]],
      interactive: true,
      htmlAttrs: [["onclick", "history.back()"]],
      reactAttrs: [["onClick", link.router ? NAVIGATE_BACK : "() => history.back()"]],
    };
  // React Router's Link draws an <a href> and goes to the route in place (no page load).
  if (link.kind === "route") return { tag: "Link", attrs: [["to", link.to]], interactive: true };
  const attrs: [string, string][] = [["href", link.href]];
  if (link.newTab) attrs.push(["target", "_blank"], ["rel", "noopener noreferrer"]);
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

/** An instance drawn by a component file, inside its link: the wrapper lays out nothing (`display: contents`). */
export function wrappedUse(use: ComponentUse, link: Link, sheet: Sheet, base: string): ElementNode {
  const element = linkSemantics(link);
  const cls = sheet.add(`${base}Link`, [["display", "contents"]]);
  return {
    type: "element",
    tag: element.tag,
    attrs: element.attrs,
    children: [use],
    ...(cls ? { cls } : {}),
    ...(element.htmlAttrs ? { htmlAttrs: element.htmlAttrs } : {}),
    ...(element.reactAttrs ? { reactAttrs: element.reactAttrs } : {}),
  };
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
export function routerHooks(tree: VNode): { imports: string[]; locals: string[] } {
  let link = false;
  let back = false;
  const walk = (node: VNode): void => {
    if (node.type === "if") walk(node.child);
    if (node.type !== "element") return;
    if (node.tag === "Link") link = true;
    if (node.reactAttrs?.some(([, expr]) => expr === NAVIGATE_BACK)) back = true;
    node.children.forEach(walk);
  };
  walk(tree);
  const names = [...(link ? ["Link"] : []), ...(back ? ["useNavigate"] : [])];
  return {
    imports: names.length > 0 ? [`import { ${names.join(", ")} } from "react-router";`] : [],
    locals: back ? ["  const navigate = useNavigate();"] : [],
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
