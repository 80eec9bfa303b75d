/**
 * The prototype's scrolling (codegen/prototype): a layer fixed when the page scrolls (`scrollBehavior: FIXED`), one
 * that sticks at the top once it reaches it (STICKY_SCROLLS), and a frame that scrolls its content inside
 * (`overflowDirection`), at its drawn size. At the design width, before any scrolling, each is where drawn.
 */
import type { LayerPrototype, Prototype } from "../prototype/model.js";
import type { DesignNode } from "../design/types.js";
import type { Decl } from "./css.js";

const OVERFLOW: Record<NonNullable<LayerPrototype["overflow"]>, Decl[]> = {
  x: [
    ["overflow-x", "auto"],
    ["overflow-y", "hidden"],
  ],
  y: [
    ["overflow-x", "hidden"],
    ["overflow-y", "auto"],
  ],
  both: [["overflow", "auto"]],
};

/**
 * A layer fixed on the viewport where it is drawn on the screen, which is centred on a wider viewport: its sides
 * measured from the screen's (at the design width and narrower, the viewport's).
 */
function onViewport(decls: Decl[], screenWidth: number): void {
  const margin = `max(0px, 50vw - ${screenWidth / 2}px)`;
  decls.forEach(([p, v], i) => {
    if ((p === "left" || p === "right") && /^-?[\d.]+px$|^0$/.test(v))
      decls[i] = [p, v === "0" ? margin : `calc(${margin} + ${v})`];
  });
}

/**
 * What of `layer`'s scrolling CSS can do, written into `decls` (the element's, placement first); false when the layer
 * is sticky but placed absolutely (CSS sticks only a box in flow), which the caller names in a note. `screenWidth`:
 * the screen's, for a layer of the screen itself (undefined for a deeper one).
 */
export function scrollDecls(setting: LayerPrototype, decls: Decl[], screenWidth?: number): boolean {
  // Figma fixes and sticks only a screen's own layers (its direct children); deeper, the setting does nothing.
  const layer = screenWidth === undefined ? { overflow: setting.overflow } : setting;
  let done = true;
  const at = decls.findIndex(([p]) => p === "position");
  const position = at < 0 ? undefined : decls[at]![1];
  if (layer.scroll === "fixed") {
    // Drawn on the page's top-left corner, a layer placed absolutely on it is placed so on the viewport; one in flow
    // keeps its place in the flow and sticks from the top where it is drawn.
    const fixed: Decl = position === "absolute" ? ["position", "fixed"] : ["position", "sticky"];
    if (at < 0) decls.push(fixed);
    else decls[at] = fixed;
    if (position === "absolute" && screenWidth !== undefined) onViewport(decls, screenWidth);
    if (position !== "absolute" && !decls.some(([p]) => p === "top")) decls.push(["top", "0"]);
  } else if (layer.scroll === "sticky") {
    if (position === "absolute") done = false;
    else {
      if (at < 0) decls.push(["position", "sticky"]);
      else decls[at] = ["position", "sticky"];
      if (!decls.some(([p]) => p === "top")) decls.push(["top", "0"]);
    }
  }
  // Above what scrolls beneath it, as Figma paints a fixed layer.
  if (layer.scroll && done && !decls.some(([p]) => p === "z-index")) decls.push(["z-index", "1"]);
  if (layer.overflow) {
    const kept = decls.filter(([p]) => p !== "overflow" && p !== "overflow-x" && p !== "overflow-y");
    // No scrollbar takes the content's space (the drawing has none): the frame scrolls by wheel, touch and keys.
    decls.splice(0, decls.length, ...kept, ...OVERFLOW[layer.overflow], ["scrollbar-width", "none"]);
  }
  return done;
}

/**
 * A screen's root (and the page layer its clip may move to) that hides its overflow clips it instead (`overflow:
 * clip`) when one of its layers sticks in the flow: a box that hides its overflow is a scroll container, and a sticky
 * layer sticks within its scroll container, never to the viewport (fitma's headers scrolled away with the page).
 */
export function clipForSticky(
  root: DesignNode,
  decls: Decl[],
  scrolling: (id: string) => LayerPrototype | undefined,
): Decl[] {
  const sticks = (root.children ?? []).some((c) => {
    const scroll = scrolling(c.id)?.scroll;
    return scroll !== undefined && !!root.layout && !c.absolute && !c.hidden;
  });
  return sticks ? decls.map(([p, v]): Decl => (p === "overflow" && v === "hidden" ? [p, "clip"] : [p, v])) : decls;
}

/** The layers' scroll settings, when the prototype has any. */
export function scrollingOf(doc: { prototype?: Prototype }): ((id: string) => LayerPrototype | undefined) | undefined {
  const layers = doc.prototype?.layers;
  if (!layers || !Object.values(layers).some((l) => l.scroll || l.overflow)) return undefined;
  return (id) => {
    const layer = layers[id];
    return layer?.scroll || layer?.overflow ? layer : undefined;
  };
}
