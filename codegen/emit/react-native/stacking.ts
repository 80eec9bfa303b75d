/**
 * CSS stacking in React Native. CSS paints the layers of a box of `z-index: auto` (which makes no stacking context)
 * in the nearest context above, among the box's siblings; React Native orders siblings only (and react-native-web
 * gives every View `z-index: 0`, a context of its own). So a box without a z-index over layers that have one
 * carries their order among its siblings as its own zIndex.
 *
 * One zIndex cannot repeat layers on both sides of a sibling: fitma's Confirm stack holds its cart (z 2, absolute,
 * over the whole stack) and its buttons (z 5, in the stack's flow), next to "Customers also bought" (z 4). Taking the
 * highest put the cart over the list where CSS has it under. Between boxes in flow, only the layers that may paint
 * outside their box (absolute ones, and what those inside reach) can overlap a sibling: the rest stay inside the box,
 * which the flow keeps apart from its siblings. So when a sibling's z lies among its layers', such a box carries the
 * highest z of its reaching layers; a box that is absolute itself, or has an absolute sibling over it, overlaps with
 * everything inside: the highest of all. With no sibling among them either order is the same; it keeps the highest.
 */
import type { RnStyle } from "./style.js";
import type { VNode } from "../vnode.js";

/** The z-indices of a box's layers, as CSS stacks them: the highest of all, and of those that may reach outside it. */
interface Layers {
  all?: number;
  reach?: number;
}

type Styles = ReadonlyMap<string, RnStyle>;

const entry = (styles: Styles, cls: string | undefined, key: string): string | undefined =>
  cls === undefined ? undefined : styles.get(cls)?.entries.find(([k]) => k === key)?.[1];

const higher = (a: number | undefined, b: number | undefined): number | undefined =>
  a === undefined ? b : b === undefined ? a : Math.max(a, b);

function clsOf(node: VNode): string | undefined {
  if (node.type === "if") return clsOf(node.child);
  return node.type === "element" || node.type === "use" ? node.cls : undefined;
}

const absolute = (styles: Styles, node: VNode): boolean => entry(styles, clsOf(node), "position") === '"absolute"';

/**
 * Gives each box without a zIndex over layers that have one the zIndex its layers take among its siblings (see the
 * module's comment), inner boxes first; `tree` is the file's root, which takes the highest of its layers.
 */
export function hoistZ(tree: VNode, styles: Map<string, RnStyle>): void {
  const root = layersOf(tree, styles);
  const cls = clsOf(tree);
  if (root.all !== undefined && entry(styles, cls, "zIndex") === undefined && cls !== undefined)
    styles.get(cls)?.entries.push(["zIndex", String(root.all)]);
}

/**
 * The zIndex of a box whose layers' highest z is `all` and whose reaching ones' highest is `reach`, next to siblings
 * in flow of z `others` (none when a box of the parent is absolute): the reaching layers' when a sibling's z lies
 * among the box's layers' (from `reach` to `all`), where the two differ; else the highest, as before.
 */
function hoisted(all: number, reach: number | undefined, others: readonly (number | undefined)[]): number {
  const among = reach !== undefined && others.some((z) => z !== undefined && z >= reach && z <= all);
  return among ? reach : all;
}

function layersOf(node: VNode, styles: Map<string, RnStyle>): Layers {
  if (node.type === "if") return layersOf(node.child, styles);
  const own = entry(styles, clsOf(node), "zIndex");
  if (node.type === "use") return own === undefined ? {} : { all: Number(own) };
  if (node.type !== "element") return {};
  const children = node.children.map((c) => ({ c, layers: layersOf(c, styles), absolute: absolute(styles, c) }));
  const apart = children.every((k) => !k.absolute);
  let all: number | undefined;
  let reach: number | undefined;
  for (const { c, layers, absolute: out } of children) {
    const cls = clsOf(c);
    if (layers.all !== undefined && cls !== undefined && entry(styles, cls, "zIndex") === undefined) {
      const others = children.filter((k) => k.c !== c).map((k) => k.layers.all);
      styles.get(cls)?.entries.push(["zIndex", String(hoisted(layers.all, layers.reach, apart ? others : []))]);
    }
    all = higher(all, layers.all);
    reach = higher(reach, out ? layers.all : layers.reach);
  }
  if (entry(styles, node.cls, "overflow") === '"hidden"') reach = undefined;
  if (own === undefined) return { all, reach };
  return { all: Number(own), ...(reach !== undefined ? { reach: Number(own) } : {}) };
}
