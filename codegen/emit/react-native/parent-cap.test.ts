/**
 * A `calc(100% ± Npx)` cap as the share of its parent it is at the design width (parent-cap.ts): read against the
 * window (`page + 11`), it never bit inside a card narrower than the window (flora's quotes cut at 390 px).
 */
import { describe, expect, it } from "vitest";
import type { Decl } from "../css.js";
import { parentShareCaps } from "./parent-cap.js";
import { rnStyle, type RnStyle } from "./style.js";
import type { VNode } from "../vnode.js";

const box = (cls: string, children: VNode[] = []): VNode => ({ type: "element", tag: "div", cls, attrs: [], children });

function run(rules: [string, Decl[]][], tree: VNode): Map<string, RnStyle> {
  const sheet = { rules: new Map(rules) };
  const styles = new Map(rules.map(([cls, decls]) => [cls, rnStyle(decls)]));
  parentShareCaps(tree, { sheet, styles });
  return styles;
}

const card: Decl[] = [
  ["width", "405px"],
  ["display", "flex"],
  ["flex-direction", "column"],
  ["padding", "32px"],
];
const column: Decl[] = [
  ["align-self", "stretch"],
  ["display", "flex"],
  ["flex-direction", "column"],
];

describe("React Native: a cap of the parent's width with a length added", () => {
  it("is the share of a fixed parent's content box, through a column stretched across it", () => {
    const quote: Decl[] = [
      ["width", "352px"],
      ["max-width", "calc(100% + 11px)"],
    ];
    const hug: Decl[] = [["max-width", "calc(100% - 41px)"]];
    const styles = run(
      [
        ["card", card],
        ["column", column],
        ["quote", quote],
        ["hug", hug],
      ],
      box("card", [box("column", [box("quote")]), box("hug")]),
    );
    // 341 px inside the card: 352 px is 103.23% of it, 300 px 87.98%.
    expect(styles.get("quote")).toEqual({
      entries: [
        ["width", "352"],
        ["maxWidth", '"103.23%"'],
      ],
      dropped: [],
    });
    expect(styles.get("hug")?.entries).toEqual([["maxWidth", '"87.98%"']]);
    expect(styles.get("hug")?.fluid).toBeUndefined();
  });

  it("stays an expression of the window when the parent's width is not known", () => {
    const cap: Decl[] = [["max-width", "calc(100% + 11px)"]];
    const rowItem: Decl[] = [["flex", "1 1 256px"]];
    const styles = run(
      [
        ["item", rowItem],
        ["cap", cap],
      ],
      box("item", [box("cap")]),
    );
    expect(styles.get("cap")?.fluid).toEqual([["maxWidth", "(page + 11)"]]);
  });

  it("stays one when a class's elements sit in parents of different widths", () => {
    const narrow: Decl[] = [["width", "200px"]];
    const cap: Decl[] = [["max-width", "calc(100% + 10px)"]];
    const styles = run(
      [
        ["card", card],
        ["narrow", narrow],
        ["cap", cap],
      ],
      box("card", [box("cap"), box("narrow", [box("cap")])]),
    );
    expect(styles.get("cap")?.fluid).toEqual([["maxWidth", "(page + 10)"]]);
  });
});
