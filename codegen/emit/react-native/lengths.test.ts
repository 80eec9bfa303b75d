/**
 * React Native lengths the emitter once left out (style.ts): a tighter letter spacing in ems under a fluid font
 * size (attic's 670 px "attic" at -0.21em), and an image's width of `calc(100% - 0px - 0px)` between insets of 0
 * (fitma's cards, whose SVG kept its drawn 533 px in a 390 px window).
 */
import { describe, expect, it } from "vitest";
import { generateCode, loadDesign } from "../../index.js";
import { readFixture } from "../../../test/helpers/fixtures.js";
import { rnStyle } from "./style.js";

async function file(fixture: string, frame: string, path: string): Promise<string> {
  const doc = loadDesign(readFixture(fixture), [frame]).document;
  const { files } = await generateCode(doc, { target: "react-native", styling: "css-modules", nodeIds: true });
  return files.find((f) => f.path === path)!.content;
}

describe("React Native lengths", () => {
  it("lets a tighter letter spacing in ems follow a fluid font size", async () => {
    const code = await file("../real/attic-landing.file.json", "1:2", "src/screens/Desktop1.tsx");
    expect(code).toMatch(/ {4}attic2: \{[^}]*letterSpacing:\s+Math\.min\([^;]*\* -0\.21,/);
    const wider = rnStyle([
      ["font-size", "clamp(24px, 2.09vw, 40px)"],
      ["letter-spacing", "0.0365em"],
    ]);
    expect(wider.fluid?.some(([k]) => k === "letterSpacing")).toBe(false);
  });

  it("writes calc(100% - 0px - 0px) as 100%, so an SVG image fills its card", async () => {
    const code = await file("../real/fitma-shop.file.json", "0:12", "src/components/Card.tsx");
    expect(code).toMatch(/ {2}image: \{\s+position: "absolute",[^}]*width: "100%",/);
    expect(rnStyle([["width", "calc(100% - 16px - 0px)"]]).entries).toEqual([]);
  });
});

describe("React Native font weights", () => {
  it("takes a weight between the hundreds as the one CSS's font matching reaches (SF Pro Semibold's 590)", () => {
    const weight = (value: string) => rnStyle([["font-weight", value]]).entries;
    expect(weight("590")).toEqual([["fontWeight", '"600"']]);
    expect(weight("510")).toEqual([["fontWeight", '"600"']]);
    expect(weight("450")).toEqual([["fontWeight", '"500"']]);
    expect(weight("350")).toEqual([["fontWeight", '"300"']]);
    expect(weight("700")).toEqual([["fontWeight", '"700"']]);
    expect(weight("bold")).toEqual([["fontWeight", '"700"']]);
    expect(weight("1000")).toEqual([["fontWeight", '"900"']]);
    expect(rnStyle([["font-weight", "bolder"]]).dropped).toEqual(["font-weight: bolder"]);
  });
});

describe("React Native: a text placed by hand, as wide as drawn", () => {
  it("takes min(54px, 100%) as a least width of 54 from the design's width up, giving way below it", () => {
    const style = rnStyle([
      ["width", "max-content"],
      ["min-width", "min(54px, 100%)"],
      ["max-width", "100%"],
      ["text-align", "center"],
    ]);
    expect(style.fluid).toContainEqual(["minWidth", "Math.max(0, 54 - shrink)"]);
    expect(style.entries).toContainEqual(["maxWidth", '"100%"']);
    expect(style.dropped).not.toContain("min-width: min(54px, 100%)");
  });

  it("centres the iOS status bar's '9:41' in its drawn 54 px, as React does", async () => {
    const doc = loadDesign(readFixture("../composed/ios-settings.nodes.json"), ["1:249"]).document;
    const { files } = await generateCode(doc, { target: "react-native", styling: "css-modules", nodeIds: true });
    const time = files.find((f) => /\btime = "9:41"/.test(f.content))!.content;
    expect(time).toMatch(/minWidth: Math\.max\(0, 54 - shrink\)/);
  });
});
