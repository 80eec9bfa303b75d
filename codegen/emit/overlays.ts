/**
 * Drawing the prototype's overlays (codegen/prototype/overlays.ts) as native modal dialogs: `<dialog>` opened with
 * `showModal()` (HTML: the `show-modal` command) traps the focus inside, closes on Escape, gives the focus back to the
 * button that opened it, and draws its `::backdrop` — in the overlay's backdrop colour. `closedby="any"` closes it on
 * a click outside when the design says so. It is placed on the viewport as Figma places it on the device (centre, a
 * corner, an edge's middle) or, at a manual position, by its offset from the trigger (CSS anchor positioning). It comes
 * in and goes out with the design's transition (a dissolve, or moving in from a side), without motion for a reader who
 * asks for less.
 */
import type { DesignNode } from "../design/types.js";
import type { OverlayPosition, Transition } from "../prototype/model.js";
import type { Overlay, OverlayPlan } from "../prototype/overlays.js";
import type { BuildContext } from "./build.js";
import { transitionValue } from "./motion.js";
import { dialogRef } from "./overlay-trigger.js";
import type { ElementNode, VNode } from "./vnode.js";

/** The dialog of an overlay around its frame's tree. */
export function dialogElement(overlay: Overlay, content: VNode): ElementNode {
  const attrs: [string, string][] = [
    ["id", overlay.id],
    // (A hover's is shown without a modal.)
    ...(overlay.hover ? [] : [["aria-modal", "true"] as [string, string]]),
    ["aria-label", overlay.name || "Overlay"],
  ];
  if (overlay.settings.closeOnOutsideClick) attrs.push(["closedby", "any"]);
  return { type: "element", tag: "dialog", attrs, children: [content], reactAttrs: [["ref", dialogRef(overlay.id)]] };
}

/**
 * Frame `frame`'s page with the dialogs of the overlays it opens after its layers (closed, they take no room), each
 * built from its own frame; `build` is buildTree (passed in: build.ts draws the buttons through this folder).
 */
export function overlayPage(
  frame: number,
  frames: readonly DesignNode[],
  ctx: BuildContext,
  plan: OverlayPlan,
  build: (node: DesignNode, ctx: BuildContext) => VNode,
): VNode {
  const tree = build(frames[frame]!, { ...ctx, links: plan.links(ctx.links) });
  const dialogs = plan
    .dialogsOf(frame)
    .map((o) => dialogElement(o, noMain(build(frames[o.frame]!, { ...ctx, links: plan.links(ctx.links, o) }))));
  if (dialogs.length === 0 || tree.type !== "element") return tree;
  return { ...tree, children: [...tree.children, ...dialogs] };
}

/** An overlay's frame drawn as a screen is its page's `<main>`: in a dialog, a `<div>` (a page has one main). */
function noMain(tree: VNode): VNode {
  if (tree.type !== "element") return tree;
  if (tree.tag === "main") return { ...tree, tag: "div" };
  return tree.children.length === 1 ? { ...tree, children: [noMain(tree.children[0]!)] } : tree;
}

/** Where each position puts the dialog on the viewport: `inset`, `margin`. */
const PLACES: Record<Exclude<OverlayPosition, "MANUAL">, [string, string]> = {
  CENTER: ["0", "auto"],
  TOP_LEFT: ["0 auto auto 0", "0"],
  TOP_CENTER: ["0 0 auto", "0 auto"],
  TOP_RIGHT: ["0 0 auto auto", "0"],
  BOTTOM_LEFT: ["auto auto 0 0", "0"],
  BOTTOM_CENTER: ["auto 0 0", "0 auto"],
  BOTTOM_RIGHT: ["auto 0 0 auto", "0"],
};

/** Where a transition that moves the overlay in starts it: off the viewport's side it comes from. */
const FROM: Record<NonNullable<Transition["direction"]>, string> = {
  LEFT: "100vw 0",
  RIGHT: "-100vw 0",
  TOP: "0 100vh",
  BOTTOM: "0 -100vh",
};

const MOVES = new Set<Transition["type"]>(["MOVE_IN", "SLIDE_IN", "PUSH"]);

const rule = (selector: string, decls: string[], indent = ""): string =>
  `${indent}${selector} {\n${decls.map((d) => `${indent}  ${d};`).join("\n")}\n${indent}}\n`;

const px = (n: number): string => `${Math.round(n * 100) / 100}px`;

/** One overlay's rules: its place and size, its backdrop, its transition. */
function overlayCss(overlay: Overlay, width: number): string {
  const id = `#${overlay.id}`;
  const { position, background } = overlay.settings;
  const place: string[] = [];
  if (position === "MANUAL") {
    const [dx, dy] = overlay.offset ?? [0, 0];
    place.push(
      `position-anchor: --${overlay.id}`,
      "inset: auto",
      `top: calc(anchor(top) + ${px(dy)})`,
      `left: calc(anchor(left) + ${px(dx)})`,
      "margin: 0",
    );
  } else place.push(`inset: ${PLACES[position][0]}`, `margin: ${PLACES[position][1]}`);
  const box = [
    ...place,
    `width: ${px(width)}`,
    "max-width: 100%",
    "max-height: none",
    "padding: 0",
    "border: none",
    "background: none",
    "color: inherit",
    "overflow: visible",
    // Shown by a hover (not modal, so not in the top layer): on the viewport, above the page, under no pointer (else
    // the pointer would leave its trigger for it, which closes it).
    ...(overlay.hover ? ["position: fixed", "z-index: 2147483647", "pointer-events: none"] : []),
  ];
  const backdrop = background ?? "transparent";
  const t = overlay.transition;
  const out: string[] = [];
  if (position === "MANUAL") out.push(rule(`[aria-controls="${overlay.id}"]`, [`anchor-name: --${overlay.id}`]));
  if (!t || t.duration <= 0) {
    out.push(rule(id, box), rule(`${id}::backdrop`, [`background-color: ${backdrop}`]));
    return out.join("\n");
  }
  const timing = transitionValue(t);
  const moves = MOVES.has(t.type) && t.direction !== undefined;
  const fades = !moves || t.type === "SLIDE_IN";
  const start = [...(fades ? ["opacity: 0"] : []), ...(moves ? [`translate: ${FROM[t.direction!]}`] : [])];
  const end = [...(fades ? ["opacity: 1"] : []), ...(moves ? ["translate: none"] : [])];
  const props = [...(fades ? ["opacity"] : []), ...(moves ? ["translate"] : [])];
  const discrete = [`overlay ${timing} allow-discrete`, `display ${timing} allow-discrete`];
  out.push(
    rule(id, [...box, ...start, `transition: ${[...props.map((p) => `${p} ${timing}`), ...discrete].join(", ")}`]),
    rule(`${id}[open]`, end),
    `@starting-style {\n${rule(`${id}[open]`, start, "  ")}}\n`,
    rule(`${id}::backdrop`, [
      "background-color: transparent",
      `transition: ${[`background-color ${timing}`, ...discrete].join(", ")}`,
    ]),
    rule(`${id}[open]::backdrop`, [`background-color: ${backdrop}`]),
    `@starting-style {\n${rule(`${id}[open]::backdrop`, ["background-color: transparent"], "  ")}}\n`,
    `@media (prefers-reduced-motion: reduce) {\n${rule(`${id},\n  ${id}::backdrop`, ["transition: none"], "  ")}}\n`,
  );
  return out.join("\n");
}

/** The stylesheet of every overlay of the plan (HTML: at the end of styles.css; React: src/overlays.css). */
export function overlaysCss(plan: OverlayPlan, frames: readonly DesignNode[]): string {
  return (
    "/* The prototype's overlays: modal dialogs, placed and brought in as the design's overlay settings say. */\n" +
    plan.overlays.map((o) => overlayCss(o, frames[o.frame]!.w)).join("\n")
  );
}

/** The refs of a screen's dialogs (React's `useRef`s, Vue's template refs). */
export function dialogRefs(tree: VNode): string[] {
  const refs: string[] = [];
  const walk = (node: VNode): void => {
    if (node.type === "if") walk(node.child);
    if (node.type !== "element") return;
    if (node.tag === "dialog") for (const [k, v] of node.reactAttrs ?? []) if (k === "ref") refs.push(v);
    node.children.forEach(walk);
  };
  walk(tree);
  return refs;
}

/** What a React screen's dialogs need: a ref each (`useRef`), the overlays' stylesheet. */
export function dialogHooks(tree: VNode): { refs: string[]; locals: string[] } {
  const refs = dialogRefs(tree);
  return { refs, locals: refs.map((r) => `  const ${r} = useRef<HTMLDialogElement>(null);`) };
}

/** `imports` with `names` imported from "react" too (into its line when there is one). */
export function withReactImports(imports: readonly string[], names: readonly string[]): string[] {
  if (names.length === 0) return [...imports];
  const at = imports.findIndex((l) => / from "react";$/.test(l));
  if (at < 0) return [`import { ${names.join(", ")} } from "react";`, ...imports];
  const had = /\{ ([^}]*) \}/.exec(imports[at]!)?.[1]?.split(", ") ?? [];
  const all = [...new Set([...had, ...names])].sort();
  return imports.map((l, i) => (i === at ? `import { ${all.join(", ")} } from "react";` : l));
}
