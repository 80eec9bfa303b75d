/**
 * The designer's own wide side padding on screens narrower than the design. Auto layout is emitted as drawn, so a
 * dialog padded 64 px inside a page padded 80 px keeps 288 px of padding on a 390-px phone and leaves its content
 * 102 px wide: a heading's word runs past the dialog's clip. The designers' own phone frames of such pages pad
 * 16–20 px. A designer's layout whose side padding is wider than FIXED_PADDING gives way as an inferred one does
 * (FlexLayout.fluidSides; codegen/emit/responsive.ts fluidSide): each side loses its share of the missing width, down
 * to a phone's gutter, exactly as drawn at the design width and never more than drawn on a wider screen.
 *
 * Only where a percentage of padding has a width to refer to: the screen's root, or a box that is not sized by its
 * content (fixed or fill) inside a box that is not either. Components' insides (an instance, a component) are
 * shared by their every use, each as wide as its own place: they keep their padding.
 */
import { copyNode } from "../design/node.js";
import type { DesignNode } from "../design/types.js";

/** Side padding up to this stays fixed (codegen/emit/responsive.ts FIXED_PADDING). */
export const FIXED_PADDING = 32;

const isComponent = (n: DesignNode): boolean => n.kind === "instance" || n.kind === "component";

/** Whether `node`'s designer layout has side padding that gives way on narrower screens. */
function givesWay(node: DesignNode): boolean {
  const layout = node.layout;
  if (!layout || layout.inferred || layout.fluidSides !== undefined) return false;
  return Math.max(layout.padding[1], layout.padding[3]) > FIXED_PADDING;
}

/**
 * The frame with its designer's wide side padding marked to give way (a new tree; nodes unchanged are shared).
 * `within`: the width the root's percentages refer to at the design width (its own). Idempotent.
 */
export function markGutters(node: DesignNode, within = node.w, parent?: DesignNode): DesignNode {
  if (isComponent(node)) return node;
  const sized = parent === undefined || (node.sizeH !== "hug" && parent.sizeH !== "hug" && !node.absolute);
  const marked = sized && givesWay(node);
  const pad = node.layout?.padding ?? [0, 0, 0, 0];
  const content = node.w - pad[1] - pad[3];
  const children = changedChildren(node, (c) => markGutters(c, content, node));
  if (!children && !marked) return node;
  const out = copyNode(node, node.children ? { children: children ?? [...node.children] } : undefined);
  if (marked) out.layout = { ...node.layout!, fluidSides: Math.round(within) };
  return out;
}

/**
 * A box of a fixed height whose flow wraps to more lines on narrower screens (a row that wraps or reflows, a grid that
 * drops columns, an inferred grid of buttons, a form whose rows of fields reflow, however deep in boxes that hug them)
 * keeps its drawn height from the design width up and grows with its content below it (`growBelow`): a fixed height
 * that clips a wrapped line, or lets it run over the section below (or, its content centred, above), hides what the
 * drawing shows.
 * So does a box of a fixed height around one that grows, and one that fills its height (its share of the drawn
 * height, at least, and more when its content needs it). Not a box placed absolutely, nor one that scales as a unit,
 * nor a section kept as drawn (those stack below the design width on their own). Idempotent.
 */
export function markGrowth(node: DesignNode, designWidth: number, root = true): DesignNode {
  return grown(node, designWidth, root).node;
}

/** `node` with its boxes marked to grow, and whether its content gets taller on narrower screens. */
function grown(node: DesignNode, designWidth: number, root: boolean): { node: DesignNode; grows: boolean } {
  if (node.scaled || node.stackBelow !== undefined) return { node, grows: false };
  let kidsGrow = false;
  const wrapsItems = wrappingRow(node);
  const children = changedChildren(node, (c) => {
    if (c.absolute || c.hidden) return c;
    const kid = grown(c, designWidth, false);
    kidsGrow ||= kid.grows;
    // An item drawn shorter than its content in a row that wraps below the design width (a promo's 300-px picture
    // centred in a 170-px box): wrapped under its neighbours, what runs past its box ran over their texts.
    if (((wrapsItems && overruns(kid.node)) || fixedParagraph(kid.node, node)) && kid.node.growBelow === undefined)
      return copyNode(kid.node, { growBelow: Math.round(designWidth) });
    return kid.node;
  });
  const layout = node.layout;
  const wraps =
    layout !== undefined &&
    (layout.wrap === true ||
      layout.wrapBelow !== undefined ||
      layout.reflow !== undefined ||
      (layout.kind === "grid" && layout.collapse !== undefined));
  const grows = wraps || kidsGrow;
  const marked =
    !root &&
    grows &&
    layout !== undefined &&
    (node.sizeV === "fixed" || node.sizeV === "fill") &&
    node.growBelow === undefined;
  if (!children && !marked) return { node, grows };
  const out = copyNode(node, node.children ? { children: children ?? [...node.children] } : undefined);
  if (marked) out.growBelow = Math.round(designWidth);
  return { node: out, grows };
}

/** A row of the designer's whose items go to more lines below the design width. */
function wrappingRow(node: DesignNode): boolean {
  const layout = node.layout;
  if (!layout || layout.kind === "grid" || layout.dir !== "row") return false;
  return (
    layout.wrap === true ||
    layout.wrapBelow !== undefined ||
    layout.reflow !== undefined ||
    layout.fitBelow !== undefined
  );
}

/**
 * A text of several words in a box of a fixed size, an item of a flow (zacht's footnote: 30 px type in a box 840 × 60,
 * aligned to its bottom): on a narrower screen it wraps to more lines than its box holds, and they ran out of it.
 */
const fixedParagraph = (node: DesignNode, parent: DesignNode): boolean =>
  parent.layout !== undefined &&
  node.text !== undefined &&
  node.text.resize === "none" &&
  /\S\s+\S/.test(node.text.chars);

/** A box of a fixed height, not clipping, with an item of its flow taller than it. */
const overruns = (node: DesignNode): boolean =>
  node.layout !== undefined &&
  !node.clip &&
  node.sizeV === "fixed" &&
  (node.children ?? []).some((c) => !c.absolute && !c.hidden && c.h > node.h + 1);

/**
 * `node`'s children each passed through `f`, as a new list only when one of them changed (undefined otherwise): a
 * walk of a tree that changes a few boxes allocates nothing for the others.
 */
function changedChildren(node: DesignNode, f: (child: DesignNode) => DesignNode): DesignNode[] | undefined {
  const list = node.children;
  if (!list) return undefined;
  let out: DesignNode[] | undefined;
  for (let i = 0; i < list.length; i++) {
    const child = f(list[i]!);
    if (out) out.push(child);
    else if (child !== list[i]) {
      out = list.slice(0, i);
      out.push(child);
    }
  }
  return out;
}
