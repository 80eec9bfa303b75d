import { describe, expect, it } from "vitest";
import { drawnSpaces } from "./whitespace.js";

const nb = "\u00a0";

describe("drawnSpaces", () => {
  it("keeps what CSS would collapse: leading spaces, runs, tabs; never changes the length", () => {
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
  });
});
