/**
 * A navigation bar's menu (nav-menu.ts) in React Native: as React's, state opens and closes the panel. Below the
 * bar's width the links move into the panel and a menu button (a Pressable drawing the three lines) shows it; wider,
 * the panel is `display: "contents"` (React Native 0.77+, react-native-web) and the links stay the row's items. The
 * button and panel carry `aria-expanded`, `aria-controls` and `id` as react-native-web writes them to the page.
 */
import { jsxAttr } from "../markup.js";
import type { NavMenuNames } from "../nav-menu.js";
import type { ElementNode, Sheet, VNode } from "../vnode.js";

export type RnMenuNames = Extract<NavMenuNames, { kind: "state" }>;

/** The hooks a file's menus need: each one's state and its panel's id. */
export function rnMenuHooks(menus: readonly RnMenuNames[]): { reactImport: string[]; locals: string[] } {
  if (menus.length === 0) return { reactImport: [], locals: [] };
  return {
    reactImport: ['import { useId, useState } from "react";'],
    locals: menus.flatMap((m) => [`const [${m.open}, ${m.setOpen}] = useState(false);`, `const ${m.id} = useId();`]),
  };
}

const attrOf = (node: ElementNode, name: string): ElementNode["attrs"][number][1] | undefined =>
  node.attrs.find(([k]) => k === name)?.[1];
const reactAttrOf = (node: ElementNode, name: string): string | undefined =>
  node.reactAttrs?.find(([k]) => k === name)?.[1];

function isToggle(node: ElementNode): boolean {
  return (
    node.tag === "button" && attrOf(node, "aria-controls") !== undefined && reactAttrOf(node, "onClick") !== undefined
  );
}

/**
 * The menu's parts drawn for React Native: the button's icon an SVG of its own size whose lines have the button's
 * colour (a `currentColor` an SvgXml does not inherit from a Pressable).
 */
export function rnMenuTree(node: VNode, sheet: Sheet): void {
  if (node.type === "if") return rnMenuTree(node.child, sheet);
  if (node.type !== "element") return;
  if (isToggle(node)) {
    const color = sheet.rules.get(node.cls ?? "")?.find(([p]) => p === "color")?.[1] ?? "#000000";
    const icon = node.children.find((c): c is ElementNode => c.type === "element" && c.svgMarkup !== undefined);
    if (icon) {
      const cls = sheet.add("menuIcon", [
        ["width", "24px"],
        ["height", "24px"],
      ]);
      if (cls !== undefined) icon.cls = cls;
      icon.attrs = [["viewBox", "0 0 24 24"]];
      icon.svgMarkup = `<g fill="none" stroke="${color}" stroke-width="2" stroke-linecap="round">${icon.svgMarkup}</g>`;
    }
  }
  for (const c of node.children) rnMenuTree(c, sheet);
}

/** The props of a menu's button (opens and closes the panel) or panel (its id): none for other elements. */
export function rnMenuProps(node: ElementNode): string[] {
  const controls = attrOf(node, "aria-controls");
  if (isToggle(node) && controls !== undefined) {
    const open = reactAttrOf(node, "aria-expanded");
    const label = attrOf(node, "aria-label");
    return [
      `onPress={${reactAttrOf(node, "onClick")!}}`,
      'role="button"',
      ...(label !== undefined ? [jsxAttr("aria-label", label)] : []),
      ...(open !== undefined ? [`aria-expanded={${open}}`] : []),
      jsxAttr("aria-controls", controls),
    ];
  }
  const id = attrOf(node, "id");
  if (node.stateCls && id !== undefined) return [jsxAttr("id", id)];
  return [];
}

/**
 * The style of an element whose class follows a state (the open panel's): `open ? [its open styles] : [its own]`;
 * undefined for other elements.
 */
export function rnStateStyle(node: ElementNode, refs: (cls: string) => string[]): string | undefined {
  if (!node.stateCls || node.cls === undefined) return undefined;
  const list = (cls: string): string => {
    const r = refs(cls);
    return r.length === 1 ? r[0]! : `[${r.join(", ")}]`;
  };
  return `style={${node.stateCls.when} ? ${list(node.stateCls.cls)} : ${list(node.cls)}}`;
}
