import { describe, expect, it } from "vitest";
import { coloursSentence, styleText } from "./plan.js";

describe("style text", () => {
  const colours = [
    { hex: "#1A2B3C", name: "Primary/500", source: "style" as const, uses: 4 },
    { hex: "#FFFFFF", source: "fill" as const, uses: 2 },
  ];
  it("names the named colours and lists the plain ones", () => {
    expect(coloursSentence(colours)).toBe("Brand colours: #1A2B3C (Primary/500), #FFFFFF.");
    expect(coloursSentence([])).toBe("");
  });
  it("puts the user's words first and leaves the colours out when they are not used", () => {
    expect(styleText({ text: " flat vector, soft light ", colours, useColours: true })).toBe(
      "flat vector, soft light.\nBrand colours: #1A2B3C (Primary/500), #FFFFFF.",
    );
    expect(styleText({ text: "flat vector!", colours, useColours: true })).toBe(
      "flat vector!\nBrand colours: #1A2B3C (Primary/500), #FFFFFF.",
    );
    expect(styleText({ text: "", colours, useColours: true })).toBe("Brand colours: #1A2B3C (Primary/500), #FFFFFF.");
    expect(styleText({ text: "flat vector", colours, useColours: false })).toBe("flat vector");
    expect(styleText({ text: "", colours: [], useColours: true })).toBe("");
  });
});
