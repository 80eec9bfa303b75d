/**
 * CSS stacking in React Native (stacking.ts): a box of `z-index: auto` carries its layers' order among its
 * siblings, by the layers that may reach outside it when a sibling's z-index lies among theirs.
 */
import { describe, expect, it } from "vitest";
import { generateCode, loadDesign } from "../../index.js";
import { readFixture } from "../../../test/helpers/fixtures.js";
import type { RnEntry, RnStyle } from "./style.js";
import { hoistZ } from "./stacking.js";
import type { VNode } from "../vnode.js";

const box = (cls: string, children: VNode[] = []): VNode => ({ type: "element", tag: "div", cls, attrs: [], children });

/** The Confirm stack's shape: an absolute cart (z 2) and buttons in flow (z 5) in a stack, a list (z 4) after it. */
function page(stack: RnEntry[] = [], list: RnEntry[] = [["zIndex", "4"]]): [VNode, Map<string, RnStyle>] {
  const styles = new Map<string, RnStyle>(
    Object.entries({
      root: [],
      stack,
      cart: [
        ["position", '"absolute"'],
        ["zIndex", "2"],
      ],
      buttons: [["zIndex", "5"]],
      list,
    }).map(([cls, entries]) => [cls, { entries: entries as RnEntry[], dropped: [] }]),
  );
  const tree = box("root", [box("stack", [box("cart"), box("buttons")]), box("list")]);
  return [tree, styles];
}

const z = (styles: Map<string, RnStyle>, cls: string): string | undefined =>
  styles.get(cls)?.entries.find(([k]) => k === "zIndex")?.[1];

describe("React Native: stacking of a box without a z-index", () => {
  it("takes the z of its layers that reach outside it when a sibling's lies among its layers'", () => {
    const [tree, styles] = page();
    hoistZ(tree, styles);
    // CSS: the cart (2) under the list (4), the buttons (5) inside the stack's own box; the highest put the cart over.
    expect(z(styles, "stack")).toBe("2");
    expect(z(styles, "root")).toBe("5");
  });

  it("takes the highest of its layers' when no sibling lies among them (the order is the same)", () => {
    const [tree, styles] = page([], [["zIndex", "6"]]);
    hoistZ(tree, styles);
    expect(z(styles, "stack")).toBe("5");
  });

  it("takes the highest when a sibling is absolute (over the box) or nothing reaches outside it", () => {
    const [overTree, over] = page(
      [],
      [
        ["position", '"absolute"'],
        ["zIndex", "4"],
      ],
    );
    hoistZ(overTree, over);
    expect(z(over, "stack")).toBe("5");
    const [clipTree, clipped] = page([["overflow", '"hidden"']]);
    hoistZ(clipTree, clipped);
    expect(z(clipped, "stack")).toBe("5");
  });

  it("puts fitma Confirm's cart under 'Customers also bought' as CSS does", async () => {
    const doc = loadDesign(readFixture("../real/fitma-shop.file.json"), ["0:387"]).document;
    const { files } = await generateCode(doc, { target: "react-native", styling: "css-modules", nodeIds: true });
    const code = files.find((f) => f.path === "src/screens/OverlayConfirmAddedToCart.tsx")!.content;
    expect(code).toMatch(/ {2}stack: \{[^}]*zIndex: 2,\s+\},/);
    expect(code).toMatch(/ {2}group2: \{[^}]*zIndex: 4,/);
  });
});
