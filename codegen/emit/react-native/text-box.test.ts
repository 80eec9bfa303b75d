/**
 * The React Native emitter on texts whose box places them (text-box.ts): zacht's U.S. Map footnote sits at the
 * bottom of its 60 px as React's does.
 */
import { describe, expect, it } from "vitest";
import { generateCode, loadDesign } from "../../index.js";
import { readFixture } from "../../../test/helpers/fixtures.js";
import { alignsCharacters } from "./text-box.js";

async function screen(file: string, frame: string): Promise<string> {
  const doc = loadDesign(readFixture(file), [frame]).document;
  const { files } = await generateCode(doc, { target: "react-native", styling: "css-modules", nodeIds: true });
  return files.find((f) => f.path.startsWith("src/screens/"))!.content;
}

describe("a text whose box places its characters", () => {
  it("is a View round a Text of its characters, the box's flexbox on the View", async () => {
    const code = await screen("../real/zacht-investor-pitch.file.json", "0:67");
    // (Below the design width the box grows with its lines: its style gains that width's entry.)
    expect(code).toContain('<View style={[styles.footnote, vw < 1920 && fluid.footnoteBelow1920]} testID="0:253">');
    expect(code).toMatch(/testID="0:253">\s+<Text style=\{styles.footnoteText\}>/);
    expect(code).toMatch(
      / {2}footnote: \{[^}]*minHeight: 60,\s+flexDirection: "column",\s+justifyContent: "flex-end",/,
    );
    expect(code).toMatch(/ {2}footnoteText: \{\s+fontFamily: "Roboto",/);
  });

  it("is one only when its characters move off the box's top, in a box taller than its content", () => {
    const style = (...entries: [string, string][]) => ({ entries, dropped: [] });
    const keys = new Set(["fontSize"]);
    const bottom: [string, string] = ["justifyContent", '"flex-end"'];
    expect(alignsCharacters(style(bottom, ["minHeight", "60"]), undefined, keys)).toBe(true);
    expect(alignsCharacters(style(bottom), undefined, keys)).toBe(false);
    expect(alignsCharacters(style(["justifyContent", '"flex-start"'], ["height", "60"]), undefined, keys)).toBe(false);
    expect(alignsCharacters(style(["flexDirection", '"row"'], bottom, ["height", "60"]), undefined, keys)).toBe(false);
    const below: [number, [string, string][]][] = [[768, [["fontSize", "20"]]]];
    expect(alignsCharacters(style(bottom, ["height", "60"]), below, keys)).toBe(false);
  });
});
