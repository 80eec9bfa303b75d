/**
 * An item of a row its line overruns (css.ts's overrunFloor, `min-width: min(704px, 100% + 96px)`) in React Native
 * (style.ts): it shrinks into the row as CSS's does, down to its drawn width less what the window lost. Flora's
 * tablet product page: its 704-px modal fits a 390-px screen.
 */
import { describe, expect, it } from "vitest";
import { generateCode, loadDesign } from "../../index.js";
import { readFixture } from "../../../test/helpers/fixtures.js";
import { rnStyle } from "./style.js";

describe("React Native: an item of an overrun row", () => {
  it("shrinks (flexShrink 1) down to its drawn width less how much narrower the window is", () => {
    const style = rnStyle([
      ["width", "704px"],
      ["min-width", "min(704px, 100% + 96px)"],
    ]);
    expect(style.entries).toEqual([
      ["width", "704"],
      ["flexShrink", "1"],
    ]);
    expect(style.fluid).toEqual([["minWidth", "Math.max(0, 704 - shrink)"]]);
    expect(style.dropped).toEqual([]);
  });

  it("lets Flora's tablet modal shrink into a phone's screen", async () => {
    const doc = loadDesign(readFixture("../real/flora.file.json"), ["8238:18874"]).document;
    const { files } = await generateCode(doc, { target: "react-native", styling: "css-modules", nodeIds: true });
    const code = files.find((f) => f.path.startsWith("src/screens/"))!.content;
    expect(code).toMatch(/ {2}modal: \{\s+width: 704,\s+flexShrink: 1,/);
    expect(code).toContain("<View style={[styles.modal, fluid.modal]}");
    expect(code).toMatch(/ {4}modal: \{\s+minWidth: Math.max\(0, 704 - shrink\),/);
  });
});
