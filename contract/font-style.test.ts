import { describe, expect, it } from "vitest";
import { readStyle, styleFor } from "./font-style.js";

describe("font style names", () => {
  it("names a CSS weight and slant as Figma does, the nearest weight's name", () => {
    expect(styleFor(700, true)).toBe("Bold Italic");
    expect(styleFor(400, true)).toBe("Italic");
    expect(styleFor(400, false)).toBe("Regular");
    expect(styleFor(650, false)).toBe("SemiBold");
    expect(styleFor(950, false)).toBe("Black");
  });

  it("reads a style name back (spaces and hyphens alike, longest name first)", () => {
    expect(readStyle("Semi Bold Italic")).toEqual({ weight: 600, italic: true });
    expect(readStyle("Extra-Bold")).toEqual({ weight: 800, italic: false });
    expect(readStyle("Demi")).toEqual({ weight: 600, italic: false });
    expect(readStyle("Book")).toEqual({ weight: 400, italic: false });
    for (const weight of [100, 200, 300, 400, 500, 600, 700, 800, 900])
      expect(readStyle(styleFor(weight, weight > 500))).toEqual({ weight, italic: weight > 500 });
  });
});
