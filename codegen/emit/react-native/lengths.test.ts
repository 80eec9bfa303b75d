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
