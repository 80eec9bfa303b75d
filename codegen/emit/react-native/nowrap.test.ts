/**
 * A text CSS keeps on one line (`white-space: nowrap`) has its spaces written as no-break spaces in React Native
 * (nowrap.ts), where a Text would break the line at them.
 */
import { describe, expect, it } from "vitest";
import type { Decl } from "../../css/decl.js";
import { keepLinesWhole } from "./nowrap.js";
import type { Sheet, VNode } from "../vnode.js";

const NBSP = "\u00a0";
const el = (cls: string | undefined, children: VNode[], tag = "p"): VNode => ({
  type: "element",
  tag,
  ...(cls !== undefined ? { cls } : {}),
  attrs: [],
  children,
});
const chars = (value: string): VNode => ({ type: "text", value });
const textsOf = (node: VNode): string =>
  node.type === "text" ? node.value : node.type === "element" ? node.children.map(textsOf).join("|") : "";

function sheetOf(rules: [string, Decl[]][], below: [string, Decl[]][] = []): Pick<Sheet, "rules" | "below"> {
  return { rules: new Map(rules), below: new Map(below.map(([cls, decls]) => [cls, [[768, decls]]])) };
}

describe("React Native: a text CSS keeps on one line", () => {
  it("joins its words, its runs' and its paragraphs' with no-break spaces, collapsed as CSS collapses them", () => {
    const sheet = sheetOf([
      ["list", [["white-space", "nowrap"]]],
      ["para", [["display", "block"]]],
    ]);
    const tree = el("list", [el("para", [chars("Fabric  Sourcing")], "span"), chars(" Customer Support ")]);
    keepLinesWhole(tree, sheet);
    expect(textsOf(tree)).toBe(`Fabric${NBSP}Sourcing| Customer${NBSP}Support `);
    const runs = el("list", [chars("twitter "), el(undefined, [chars("Twitter")], "span")]);
    keepLinesWhole(runs, sheet);
    expect(textsOf(runs)).toBe(`twitter${NBSP}|Twitter`);
  });

  it("keeps the spaces of a text that wraps on a narrower screen, that wraps, or that has a width of its own", () => {
    const sheet = sheetOf(
      [
        ["narrow", [["white-space", "nowrap"]]],
        ["wraps", []],
        [
          "sized",
          [
            ["width", "99px"],
            ["white-space", "nowrap"],
          ],
        ],
      ],
      [["narrow", [["white-space", "normal"]]]],
    );
    for (const cls of ["narrow", "wraps", "sized"]) {
      const tree = el(cls, [chars("Back to Shopping")]);
      keepLinesWhole(tree, sheet);
      expect(textsOf(tree)).toBe("Back to Shopping");
    }
  });
});
