import { describe, expect, it } from "vitest";
import type { DesignNode } from "../design/types.js";
import { applyTokens } from "./apply.js";

const heading: DesignNode = {
  id: "h",
  name: "Mega",
  kind: "text",
  w: 340,
  h: 262,
  text: {
    chars: "Vad",
    style: { family: "Poppins", size: 160, weight: 700, lineHeight: 240 },
    resize: "width",
    alignH: "left",
    alignV: "top",
    fluid: [96, 11.11],
  },
};
const bound = { text: { family: "mega-font-family", size: "mega-font-size", lineHeight: "mega-line-height" } };
const ref = (key: string) => `var(--${key})`;

describe("text style tokens", () => {
  it("stand for the design size of a text that keeps it", () => {
    const out = applyTokens(
      [
        ["font-family", "Poppins"],
        ["font-size", "160px"],
        ["line-height", "240px"],
      ],
      heading,
      bound,
      ref,
    );
    expect(out).toEqual([
      ["font-family", "var(--mega-font-family)"],
      ["font-size", "var(--mega-font-size)"],
      ["line-height", "var(--mega-line-height)"],
    ]);
  });

  it("leave a heading that scales with the screen its fluid size and the line height that goes with it", () => {
    const out = applyTokens(
      [
        ["font-family", "Poppins"],
        ["font-size", "clamp(96px, 11.11vw, 160px)"],
        ["line-height", "1.5"],
      ],
      heading,
      bound,
      ref,
    );
    expect(out).toEqual([
      ["font-family", "var(--mega-font-family)"],
      ["font-size", "clamp(96px, 11.11vw, 160px)"],
      ["line-height", "1.5"],
    ]);
  });

  it("leave a text in a box that scales as a unit its floored size", () => {
    const out = applyTokens([["font-size", "max(12px, 11.1cqw)"]], heading, bound, ref);
    expect(out).toEqual([["font-size", "max(12px, 11.1cqw)"]]);
  });

  it(
    "leave a line height layout inference gave the text its own (one line in a box shorter than the style's " +
      "lines)",
    () => {
      const label: DesignNode = { ...heading, text: { ...heading.text!, fluid: undefined } };
      const values: Record<string, string> = { "mega-line-height": "240px" };
      const style = applyTokens([["line-height", "240px"]], label, bound, ref, (key) => values[key]);
      expect(style).toEqual([["line-height", "var(--mega-line-height)"]]);
      const own = applyTokens([["line-height", "14px"]], label, bound, ref, (key) => values[key]);
      expect(own).toEqual([["line-height", "14px"]]);
    },
  );
});
