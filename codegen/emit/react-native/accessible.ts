/**
 * The accessible structure of the markup tree in React Native's words (issue 72: every target the same structure):
 * an element's role as the `role` prop (the page's `main`, a heading with its `aria-level`, a navigation, a button,
 * a link), its name as `aria-label`, a region that scrolls as `tabIndex`. react-native-web writes them as HTML's
 * elements and attributes (`role="heading" aria-level={2}` is an `<h2>`); on a phone they are what TalkBack and
 * VoiceOver read. A field named by a `<label>` in HTML (its `for`, or the label around it) is named by the label's
 * text here: React Native has no label element.
 */
import { jsxAttr } from "../markup.js";
import type { ElementNode, VNode } from "../vnode.js";

/** Landmark and widget roles of HTML's elements, as React Native's `role` prop says them. */
const ROLES: Readonly<Record<string, string>> = {
  main: "main",
  nav: "navigation",
  button: "button",
  a: "link",
};

const attrOf = (node: ElementNode, name: string): string | undefined => {
  const value = node.attrs.find(([k]) => k === name)?.[1];
  return typeof value === "string" ? value : value?.html;
};

/** The props that say an element's role, level, name and focus; `given`: props already on it (a menu's button). */
export function rnAccessibleProps(node: ElementNode, given: readonly string[]): string[] {
  const out: string[] = [];
  const has = (prop: string): boolean => given.some((g) => g.startsWith(`${prop}=`));
  const heading = /^h([1-6])$/.exec(node.tag);
  // A role the element states (a picture's box: `role="img"`), else its tag's.
  const role = heading ? "heading" : (attrOf(node, "role") ?? ROLES[node.tag]);
  if (role && !has("role")) out.push(`role="${role}"`);
  if (heading) out.push(`aria-level={${heading[1]}}`);
  const label = attrOf(node, "aria-label");
  if (label !== undefined && !has("aria-label")) out.push(jsxAttr("aria-label", label));
  if (attrOf(node, "tabindex") === "0") out.push("tabIndex={0}");
  return out;
}

/** The characters of a subtree (a label's text), fields left out. */
function textOf(node: VNode): string {
  if (node.type === "text") return node.value;
  if (node.type === "if") return textOf(node.child);
  if (node.type !== "element" || node.tag === "input" || node.tag === "textarea") return "";
  return node.children.map(textOf).join(node.inline ? "" : " ");
}

/**
 * Names each field of `tree` without an `aria-label` by the text of the label that names it in HTML: the label
 * whose `for` is its id, else the label around it.
 */
export function nameFields(tree: VNode): void {
  const labels = new Map<string, ElementNode>();
  const fields: [field: ElementNode, around: ElementNode | undefined][] = [];
  const visit = (node: VNode, around: ElementNode | undefined): void => {
    if (node.type === "if") return visit(node.child, around);
    if (node.type !== "element") return;
    if (node.tag === "label") {
      const target = attrOf(node, "for");
      if (target !== undefined) labels.set(target, node);
    }
    if (node.tag === "input" || node.tag === "textarea") fields.push([node, around]);
    for (const child of node.children) visit(child, node.tag === "label" ? node : around);
  };
  visit(tree, undefined);
  for (const [field, around] of fields) {
    if (attrOf(field, "aria-label") !== undefined) continue;
    const id = attrOf(field, "id");
    const label = (id !== undefined ? labels.get(id) : undefined) ?? around;
    const name = label ? textOf(label).replace(/\s+/g, " ").trim() : "";
    if (name) field.attrs.push(["aria-label", name]);
  }
}
