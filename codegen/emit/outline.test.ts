import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { DesignNode } from "../design/types";
import { VISUALLY_HIDDEN } from "./build";
import { outlinePages, type OutlinePage } from "./outline";
import { Sheet, type ElementNode, type VNode } from "./vnode";

const text = (tag: string, chars: string, size = 16, weight = 400): ElementNode => ({
  type: "element",
  tag,
  attrs: [],
  children: [{ type: "text", value: chars }],
  textType: { size, weight },
});
const box = (tag: string, children: VNode[], extra: Partial<ElementNode> = {}): ElementNode => ({
  type: "element",
  tag,
  attrs: [],
  children,
  ...extra,
});
const pageOf = (tree: VNode, sheet = new Sheet()): OutlinePage => ({
  tree,
  title: "Log-In Page",
  ctx: { sheet, classBase: (node: DesignNode, fallback: string) => node.name.replace(/\W+/g, "-") || fallback },
});

/** The headings of a tree in document order, as `h2 Title`. */
function headings(node: VNode, components: ReadonlyMap<string, VNode> = new Map()): string[] {
  if (node.type === "if") return headings(node.child, components);
  if (node.type === "use") {
    const used = components.get(node.component);
    return used ? headings(used, components) : [];
  }
  if (node.type !== "element") return [];
  const own = /^h[1-6]$/.test(node.tag)
    ? [`${node.tag} ${node.children.map((c) => (c.type === "text" ? c.value : "")).join("")}`]
    : [];
  return [...own, ...node.children.flatMap((c) => headings(c, components))];
}

describe("outlinePages", () => {
  it("re-ranks the headings in document order: one h1, no level skipped, the type scale's order kept", () => {
    const tree = box("main", [
      text("h1", "Welcome", 40, 700),
      text("h3", "Sign in", 18, 600),
      text("h2", "Create an account", 24, 700),
      box("div", [text("h5", "Terms", 14, 600)]),
    ]);
    outlinePages([pageOf(tree)], new Map());
    expect(headings(tree)).toEqual(["h1 Welcome", "h2 Sign in", "h2 Create an account", "h3 Terms"]);
  });

  it("makes the most prominent heading the h1, wherever it is; the others one below what is above them", () => {
    const tree = box("main", [
      box("header", [text("h2", "Brand", 24, 700)]),
      text("h1", "Big hero title", 48, 700),
      text("h1", "Section", 32, 700),
      text("h2", "Card", 24, 600),
      text("h1", "Another section", 32, 700),
    ]);
    outlinePages([pageOf(tree)], new Map());
    expect(headings(tree)).toEqual(["h2 Brand", "h1 Big hero title", "h2 Section", "h3 Card", "h2 Another section"]);
  });

  it("of equal headings the first is the h1", () => {
    const tree = box("main", [text("h1", "One", 32, 700), text("h1", "Two", 32, 700)]);
    outlinePages([pageOf(tree)], new Map());
    expect(headings(tree)).toEqual(["h1 One", "h2 Two"]);
  });

  it("never counts a text inside a button or a label as a heading", () => {
    const inButton = text("h2", "Inside", 40, 700);
    const tree = box("main", [box("button", [inButton]), text("h3", "Title", 24, 700)]);
    outlinePages([pageOf(tree)], new Map());
    expect(headings(tree)).toEqual(["h2 Inside", "h1 Title"]);
  });

  it("makes a page's most prominent short text its h1 when it has no heading and the text stands out", () => {
    const title = text("p", "Sign in to Figment", 28, 500);
    const tree = box("main", [
      text("p", "A long paragraph of body text, set in the page's body size, which is most of its characters."),
      title,
      text("p", "x".repeat(90), 30, 400),
      text("p", "Forgot password?"),
    ]);
    outlinePages([pageOf(tree)], new Map());
    expect(headings(tree)).toEqual(["h1 Sign in to Figment"]);
  });

  it("gives a page whose texts do not stand out a heading of its frame's name, out of sight", () => {
    const sheet = new Sheet();
    const main = box("main", [text("p", "Email"), text("p", "Password")]);
    const tree = box("div", [main]);
    outlinePages([pageOf(tree, sheet)], new Map());
    expect(headings(tree)).toEqual(["h1 Log-In Page"]);
    const first = main.children[0] as ElementNode;
    expect(first.tag).toBe("h1");
    expect(sheet.rules.get(first.cls!)).toEqual(VISUALLY_HIDDEN);
  });

  it("ranks a component's headings where the page uses it, and keeps the level of its first use", () => {
    const card = box("div", [text("h3", "Card title", 20, 700)]);
    const components = new Map<string, VNode>([["Card", card]]);
    const use: VNode = { type: "use", component: "Card", props: [] };
    const first = box("main", [text("h1", "Shop", 40, 700), use, use]);
    const second = box("main", [text("h1", "Cart", 40, 700), text("h2", "Items", 28, 700), use]);
    outlinePages([pageOf(first), pageOf(second)], components);
    expect(headings(first, components)).toEqual(["h1 Shop", "h2 Card title", "h2 Card title"]);
    // The component's markup is one: its heading stays h2 under the second page's h2.
    expect(headings(second, components)).toEqual(["h1 Cart", "h2 Items", "h2 Card title"]);
  });

  it("makes a navigation inside another part of it, and names the navigations of a page apart", () => {
    const inner = box("nav", [text("p", "Search")], { layerName: "Menu Search" });
    const outer = box("nav", [inner], { layerName: "Menu" });
    const footer = box("nav", [text("p", "About")], { layerName: "Menu" });
    const tree = box("main", [text("h1", "Shop", 40, 700), outer, footer]);
    outlinePages([pageOf(tree)], new Map());
    expect(inner.tag).toBe("div");
    expect(outer.attrs).toEqual([["aria-label", "Menu"]]);
    expect(footer.attrs).toEqual([["aria-label", "Menu 2"]]);
  });

  it("makes a plain button around a component file's button its wrapper, not a second button", () => {
    const icon = box("button", [text("span", "Go")], { attrs: [["type", "button"]] });
    const components = new Map<string, VNode>([["IconButton", icon]]);
    const outer = box("button", [{ type: "use", component: "IconButton", props: [] }], { attrs: [["type", "button"]] });
    const tree = box("main", [text("h1", "Cart", 32, 700), outer]);
    outlinePages([pageOf(tree)], components);
    expect(outer.tag).toBe("div");
    expect(outer.attrs).toEqual([]);
    expect(icon.tag).toBe("button");
  });

  it("leaves a page with one h1 and no skipped level, whatever its headings (property)", () => {
    const heading = fc.record({
      level: fc.integer({ min: 1, max: 6 }),
      size: fc.integer({ min: 10, max: 64 }),
      weight: fc.constantFrom(400, 600, 700),
      depth: fc.integer({ min: 0, max: 3 }),
    });
    fc.assert(
      fc.property(fc.array(heading, { minLength: 1, maxLength: 24 }), (list) => {
        const tree = box(
          "main",
          list.map((h, i) => {
            let node: VNode = text(`h${h.level}`, `t${i}`, h.size, h.weight);
            for (let d = 0; d < h.depth; d++) node = box("div", [node]);
            return node;
          }),
        );
        outlinePages([pageOf(tree)], new Map());
        const levels = headings(tree).map((h) => Number(h[1]));
        expect(levels.filter((l) => l === 1)).toHaveLength(1);
        for (let i = 1; i < levels.length; i++) expect(levels[i]! - levels[i - 1]!).toBeLessThanOrEqual(1);
      }),
    );
  });
});
