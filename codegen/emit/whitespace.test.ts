import { describe, expect, it } from "vitest";
import { drawnSpaces } from "./whitespace.js";

const nb = "\u00a0";

describe("drawnSpaces", () => {
  it("keeps what CSS would collapse: leading spaces, runs, tabs; never changes the length but for a last break", () => {
    const cases: [string, string][] = [
      ["plain text", "plain text"],
      ["two  spaces", `two ${nb}spaces`],
      ["  indented", `${nb}${nb}indented`],
      ["a.\n Every", `a.\n${nb}Every`],
      ["\tTabbed", "\u2003Tabbed"],
      ["trailing \nnext", "trailing \nnext"],
      ["smoke,  ", "smoke,  "],
      ["a  \nb", "a  \nb"],
    ];
    for (const [input, output] of cases) {
      expect(drawnSpaces(input)).toBe(output);
      expect(drawnSpaces(input)).toHaveLength(input.length);
    }
    // A last line break is an empty last line in Figma ("…for surfing.\n" in the slideshow's description):
    // a second break draws it, since a <br> ending a block draws nothing.
    expect(drawnSpaces("surfing.\n")).toBe("surfing.\n\n");
    expect(drawnSpaces("a\u2028")).toBe("a\n\n");
  });
});
