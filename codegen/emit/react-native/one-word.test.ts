/**
 * A one-word text whose box CSS caps at 100% (one-word.ts): React Native's Text is left uncapped, or it would break
 * the word that CSS lets run past the box (tixup's chips read "Consultin" / "g" at 390 px).
 */
import { describe, expect, it } from "vitest";
import { generateCode, loadDesign } from "../../index.js";
import { readFixture } from "../../../test/helpers/fixtures.js";
import { uncapOneWordTexts } from "./one-word.js";
import type { RnEntry, RnStyle } from "./style.js";
import type { VNode } from "../vnode.js";

const text = (cls: string, value: string, tag = "span"): VNode => ({
  type: "element",
  tag,
  cls,
  attrs: [],
  children: [{ type: "text", value }],
});

describe("React Native: a one-word text's 100% cap", () => {
  it("is dropped for one word, kept for words that may wrap and for a button's box", () => {
    const capped = (): RnStyle => ({
      entries: [
        ["maxWidth", '"100%"'],
        ["fontSize", "14"],
      ],
      dropped: [],
    });
    const styles = new Map([
      ["word", capped()],
      ["words", capped()],
      ["press", capped()],
    ]);
    const below = new Map<string, [number, RnEntry[]][]>([
      ["word", [[753, [["maxWidth", '"100%"']]]]],
      ["words", [[753, [["maxWidth", '"100%"']]]]],
    ]);
    const tree: VNode = {
      type: "element",
      tag: "div",
      attrs: [],
      children: [text("word", "Consulting"), text("words", "cohort one"), text("press", "Go", "button")],
    };
    uncapOneWordTexts(tree, { styles, below });
    expect(styles.get("word")!.entries).toEqual([["fontSize", "14"]]);
    expect(below.has("word")).toBe(false);
    expect(styles.get("words")!.entries).toContainEqual(["maxWidth", '"100%"']);
    expect(below.get("words")).toEqual([[753, [["maxWidth", '"100%"']]]]);
    expect(styles.get("press")!.entries).toContainEqual(["maxWidth", '"100%"']);
  });

  it("leaves tixup's chip labels as wide as their word below 753 px", async () => {
    const doc = loadDesign(readFixture("../real/tixup-marker.nodes.json"), ["37552:6706"]).document;
    const { files } = await generateCode(doc, { target: "react-native", styling: "css-modules", nodeIds: true });
    const code = files.find((f) => f.path.startsWith("src/screens/"))!.content;
    expect(code).toMatch(/<Text style=\{styles\.consulting\} testID="37552:6720">/);
    expect(code).not.toContain("consultingBelow753");
  });
});
