/**
 * A box whose CSS width is max-content (max-content.ts): its React Native style lets it reach its parent's far
 * edge, so a label wider than the space right of its left offset stays on one line, as React's does.
 */
import { describe, expect, it } from "vitest";
import { generateCode, loadDesign } from "../../index.js";
import { readFixture } from "../../../test/helpers/fixtures.js";
import type { Decl } from "../css.js";
import { maxContentReach, reachUndone } from "./max-content.js";
import { rnStyle } from "./style.js";

const reach = (decls: Decl[]) => maxContentReach(decls, rnStyle(decls).entries);

describe("React Native: a max-content box", () => {
  it("gets a margin of minus its offset on the side it grows to", () => {
    const label: Decl[] = [
      ["position", "absolute"],
      ["left", "36px"],
      ["width", "max-content"],
      ["margin", "0"],
      ["max-width", "100%"],
    ];
    expect(reach(label)).toEqual([["marginRight", "-36"]]);
    const right: Decl[] = [
      ["position", "absolute"],
      ["right", "12px"],
      ["width", "max-content"],
    ];
    expect(reach(right)).toEqual([["marginLeft", "-12"]]);
    // Not for a box of a set width, one in the flow, one at its parent's edge, one placed by both edges, nor one
    // with a margin of its own on that side.
    expect(reach(label.map(([p, v]) => [p, p === "width" ? "120px" : v]))).toEqual([]);
    expect(reach(label.filter(([p]) => p !== "position"))).toEqual([]);
    expect(reach(label.map(([p, v]) => [p, p === "left" ? "0" : v]))).toEqual([]);
    expect(reach([...label, ["right", "4px"]])).toEqual([]);
    expect(reach([...label, ["margin-right", "8px"]])).toEqual([]);
  });

  it("sets the margin back when a narrower screen's rule places the box in the flow, or at another offset", () => {
    const own: Decl[] = [
      ["position", "absolute"],
      ["left", "292px"],
      ["width", "max-content"],
      ["margin", "0"],
    ];
    const flow: Decl[] = [
      ["position", "relative"],
      ["left", "auto"],
      ["width", "auto"],
    ];
    expect(reachUndone(own, flow)).toEqual([["marginRight", "0"]]);
    expect(reachUndone(own, [["left", "40px"]])).toEqual([["marginRight", "-40"]]);
    // A rule that keeps the box where it is, or says the margin itself: nothing to undo.
    expect(reachUndone(own, [["top", "12px"]])).toEqual([]);
    expect(reachUndone(own, [...flow, ["margin-right", "8px"]])).toEqual([]);
    expect(reachUndone(undefined, flow)).toEqual([]);
  });

  it("keeps zacht's Traction axis labels on one line: each reaches the axis's right edge", async () => {
    const doc = loadDesign(readFixture("../real/zacht-investor-pitch.file.json"), ["0:12"]).document;
    const { files } = await generateCode(doc, { target: "react-native", styling: "css-modules", nodeIds: true });
    const code = files.find((f) => f.path.startsWith("src/screens/"))!.content;
    expect(code).toMatch(/ {2}label6: \{[^}]*left: 36,[^}]*marginRight: -36,/);
  });
});
