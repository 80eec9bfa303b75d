/**
 * An instance the component mapping names (codegen/components-map), drawn as the team's own component. Its
 * box — where the design puts it, and its layer id with `nodeIds` — is a wrapping <div> when there is a box to
 * keep: the team's component may not take a className or pass data-node-id through, and the wrapper needs
 * neither. The wrapper is a column flex box, so a component drawn to fill its slot stretches across it.
 */
import type { DesignNode } from "../design/types.js";
import type { MappedInstance, MappedValue } from "../components-map/model.js";
import type { Decl } from "./css.js";
import type { AttrValue, ElementNode, MappedProp, MappedUse, Sheet, VNode } from "./vnode.js";

/** What the build context says about a mapped instance: its mapping resolved, and its name in this file. */
export interface MappedUsage {
  mapped: MappedInstance;
  /** The identifier the file imports it as. */
  local: string;
}

export interface MappedBuild {
  sheet: Sheet;
  /** The instance's layer id with `nodeIds` (in a component file, an expression on the component's own). */
  nodeId: AttrValue | undefined;
  classBase(node: DesignNode, fallback: string): string;
  /** Tokens for the wrapper's placement. */
  decls(node: DesignNode, decls: Decl[]): Decl[];
  /** A layer of the instance (an instance swap, a child) drawn as markup; undefined when it draws nothing. */
  layer(node: DesignNode): VNode | undefined;
}

function propValue(value: MappedValue, build: MappedBuild): MappedProp | undefined {
  if ("literal" in value) return { literal: value.literal };
  if ("code" in value) return { code: value.code };
  const jsx = build.layer(value.node);
  return jsx ? { jsx } : undefined;
}

export function buildMapped(node: DesignNode, placement: Decl[], usage: MappedUsage, build: MappedBuild): VNode {
  const props: [string, MappedProp][] = [];
  for (const [name, value] of usage.mapped.props) {
    const prop = propValue(value, build);
    if (prop) props.push([name, prop]);
  }
  const children = usage.mapped.children
    .map((v) => propValue(v, build))
    .filter((p): p is MappedProp => p !== undefined);
  const use: MappedUse = { type: "mapped", component: usage.local, props, children };
  // The instance's own layers are the component's business: no containing block for them.
  const box = placement.filter(([p, v]) => !(p === "position" && v === "relative"));
  if (box.length === 0 && build.nodeId === undefined) return use;
  const decls = box.length > 0 ? [...box, ["display", "flex"] as Decl, ["flex-direction", "column"] as Decl] : [];
  const cls = build.sheet.add(build.classBase(node, usage.local), build.decls(node, decls));
  const wrapper: ElementNode = {
    type: "element",
    tag: "div",
    attrs: [],
    children: [use],
    ...(cls ? { cls } : {}),
    ...(build.nodeId !== undefined ? { nodeId: build.nodeId } : {}),
  };
  return wrapper;
}
