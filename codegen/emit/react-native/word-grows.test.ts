/**
 * A one-word text of a drawn width that CSS lets grow to its line (word-grows.ts): React Native's Text starts from
 * that width (a row's flex basis, a column's least width) instead of being held to it, where it breaks its word.
 */
import { describe, expect, it } from "vitest";
import { generateCode, loadDesign } from "../../index.js";
import { readFixture } from "../../../test/helpers/fixtures.js";
import type { Decl } from "../../css/decl.js";
import type { RnEntry, RnStyle } from "./style.js";
import { letWordsGrow } from "./word-grows.js";
import type { VNode } from "../vnode.js";

const text = (cls: string, value: string): VNode => ({
  type: "element",
  tag: "p",
  cls,
  attrs: [],
  children: [{ type: "text", value }],
});
const box = (cls: string, children: VNode[]): VNode => ({ type: "element", tag: "div", cls, attrs: [], children });
const style = (...entries: RnEntry[]): RnStyle => ({ entries, dropped: [] });
const GROWS: Decl[] = [
  ["width", "83px"],
  ["min-width", "fit-content"],
];

describe("React Native: a one-word text that grows to its line", () => {
  it("starts from its drawn width: a row's flex basis, a column's least width at its start (words: wide)", () => {
    const styles = new Map([
      ["row", style(["flexDirection", '"row"'])],
      ["column", style(["flexDirection", '"column"'])],
      ["inRow", style(["width", "210"], ["flexShrink", "0"])],
      ["inColumn", style(["width", "83"])],
      ["words", style(["width", "83"])],
      ["fixed", style(["width", "83"])],
    ]);
    const rules = new Map<string, Decl[]>([
      ["inRow", GROWS],
      ["inColumn", GROWS],
      ["words", GROWS],
      ["fixed", [["width", "83px"]]],
    ]);
    const tree = box("column", [
      box("row", [text("inRow", "abcd123@gmail.com")]),
      text("inColumn", "Chat"),
      text("words", "two words"),
      text("fixed", "Chat"),
    ]);
    const below = new Map<string, [number, RnEntry[]][]>();
    letWordsGrow(tree, { styles, below, rules, designWidth: 1440 });
    expect(styles.get("inRow")!.entries).toEqual([
      ["flexShrink", "0"],
      ["flexBasis", "210"],
    ]);
    expect(styles.get("inColumn")!.entries).toEqual([
      ["minWidth", "83"],
      ["alignSelf", '"flex-start"'],
    ]);
    // Several words: at least its drawn width from the design's width up, that width again below.
    expect(styles.get("words")!.entries).toEqual([
      ["minWidth", "83"],
      ["alignSelf", '"flex-start"'],
    ]);
    expect(below.get("words")).toEqual([
      [
        1440,
        [
          ["width", "83"],
          ["minWidth", "0"],
        ],
      ],
    ]);
    expect(styles.get("fixed")!.entries).toEqual([["width", "83"]]);
  });

  it("leaves a text whose narrower screen sets its width, or whose parent turns, to those rules", () => {
    const styles = new Map([
      ["row", style(["flexDirection", '"row"'])],
      ["sized", style(["width", "83"])],
      ["turned", style(["width", "83"])],
    ]);
    const below = new Map<string, [number, RnEntry[]][]>([
      ["sized", [[768, [["width", '"100%"']]]]],
      ["row", [[768, [["flexDirection", '"column"']]]]],
    ]);
    const rules = new Map<string, Decl[]>([
      ["sized", GROWS],
      ["turned", GROWS],
    ]);
    letWordsGrow(box("row", [text("sized", "Chat"), text("turned", "Chat")]), {
      styles,
      below,
      rules,
      designWidth: 1440,
    });
    expect(styles.get("sized")!.entries).toEqual([["width", "83"]]);
    expect(styles.get("turned")!.entries).toEqual([["width", "83"]]);
  });

  it("takes a share of the parent's width as the least width, at every width (TnT's 'Card Holder')", () => {
    const placed = (width: string, ...more: RnEntry[]): RnStyle =>
      style(["position", '"absolute"'], ["left", '"0.27%"'], ["width", width], ...more);
    const styles = new Map([
      ["card", style(["position", '"relative"'])],
      ["holder", placed('"28.02%"')],
      ["word", placed('"28.02%"')],
      ["capped", placed('"28.02%"', ["minWidth", "40"])],
    ]);
    const nowrap: Decl[] = [
      ["width", "28.02%"],
      ["white-space", "nowrap"],
    ];
    const rules = new Map<string, Decl[]>([
      ["holder", nowrap],
      ["word", nowrap],
      ["capped", nowrap],
    ]);
    const below = new Map<string, [number, RnEntry[]][]>();
    const tree = box("card", [text("holder", "Card\u00a0Holder"), text("word", "Card"), text("capped", "Card Holder")]);
    letWordsGrow(tree, { styles, below, rules, designWidth: 364 });
    const share: RnEntry[] = [
      ["position", '"absolute"'],
      ["left", '"0.27%"'],
      ["minWidth", '"28.02%"'],
    ];
    expect(styles.get("holder")!.entries).toEqual(share);
    expect(styles.get("word")!.entries).toEqual(share);
    // A share scales with its parent: no width again below the design's.
    expect(below.size).toBe(0);
    // A least width of its own beside the share: which is wider depends on the parent, so it is left.
    expect(styles.get("capped")!.entries).toContainEqual(["width", '"28.02%"']);
  });

  it("lets TnT's 'Chat' and e-mail address grow past their drawn 83 and 210 px", async () => {
    const design = loadDesign(readFixture("../real/tnt-website.file.json"));
    const frames = design.document.frames.filter((f) => ["437:239", "238:144"].includes(f.id));
    const { files } = await generateCode(
      { ...design.document, frames },
      { target: "react-native", styling: "css-modules", nodeIds: true },
    );
    const code = files.map((f) => f.content).join("\n");
    const chat = /\n {2}chat: \{\n([^}]*)\}/.exec(code)?.[1] ?? "";
    expect(chat).toContain("minWidth: 83,");
    expect(chat).not.toMatch(/\bwidth: 83,/);
    const mail = /\n {2}abcd123GmailCom: \{\n([^}]*)\}/.exec(code)?.[1] ?? "";
    expect(mail).toContain("flexBasis: 210,");
    expect(mail).not.toMatch(/\bwidth: 210,/);
  });
});
