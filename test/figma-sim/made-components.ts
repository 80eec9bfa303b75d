/**
 * Components the plugin makes in the simulator: `figma.createComponentFromNode(node)` (Figma's "Create component":
 * a COMPONENT in the node's place, with its properties and children, the node itself gone; refused for a component,
 * a component set, an instance or anything inside one) and `component.createInstance()` (an INSTANCE copying the
 * component's tree, its layers' ids `I<instance>;<layer>` as Figma names them, on the current page). Properties are
 * copied through the nodes' own setters, so every check and the REST JSON stay as for a layer set by hand.
 */

type Json = Record<string, unknown>;

/** What this module reads of a simulator node (sim.ts's SimNode). */
export interface CopyNode {
  readonly id: string;
  readonly type: string;
  readonly rest: Json;
  name: string;
  visible: boolean;
  x: number;
  y: number;
  width: number;
  height: number;
  parent: CopyNode | null;
  childList(): CopyNode[] | undefined;
  resize(width: number, height: number): void;
}

/** Set first: other properties depend on them (auto layout fields need a layout mode, characters a font). */
const FIRST = ["layoutMode", "layoutWrap", "fontName", "fontSize", "characters"];
/** Not copied through setters: identity, tree, and what the copy gets otherwise. */
const SKIP = new Set(["id", "type", "rest", "parent", "children", "created", "removed", "meta"]);
const RANGE_PROPS = ["FontName", "FontSize", "Fills", "LetterSpacing", "LineHeight", "TextDecoration", "TextCase"];

/** Copies `from`'s settable properties onto `to` (a fresh node of the same kind). */
export function copyProps(from: CopyNode, to: CopyNode): void {
  to.name = from.name;
  to.visible = from.visible;
  if (from.width !== to.width || from.height !== to.height)
    to.resize(Math.max(0.01, from.width), Math.max(0.01, from.height));
  const src = from as unknown as Json;
  const dst = to as unknown as Json;
  const keys = [...FIRST, ...Object.keys(from).filter((k) => !FIRST.includes(k))];
  for (const key of keys) {
    if (SKIP.has(key)) continue;
    const out = Object.getOwnPropertyDescriptor(to, key);
    const inn = Object.getOwnPropertyDescriptor(from, key);
    if (!out?.set || !inn?.get) continue;
    const value = src[key];
    if (value === undefined || typeof value === "symbol") continue;
    try {
      dst[key] = value;
    } catch {
      // A property this node refuses in its place (FILL sizing outside auto layout): the caller sets it there.
    }
  }
  const length = typeof src["characters"] === "string" ? (src["characters"] as string).length : 0;
  for (const prop of RANGE_PROPS) {
    const get = src[`getRange${prop}`];
    const set = dst[`setRange${prop}`];
    if (typeof get !== "function" || typeof set !== "function") continue;
    for (let i = 0; i < length; i++) (set as (s: number, e: number, v: unknown) => void)(i, i + 1, get(i, i + 1));
  }
  if ("boundVariables" in from.rest) to.rest["boundVariables"] = structuredClone(from.rest["boundVariables"]);
}

/** Whether Figma refuses to make a component of `node`: a component, set or instance, or a layer inside one. */
export function refusesComponent(node: CopyNode): boolean {
  for (let at: CopyNode | null = node; at; at = at.parent)
    if (at.type === "COMPONENT" || at.type === "COMPONENT_SET" || at.type === "INSTANCE") return true;
  return false;
}
