import { describe, expect, it } from "vitest";
import { drawnTextScale, readText, scaledText } from "./text";

const BLACK = [{ type: "SOLID", color: { r: 0, g: 0, b: 0, a: 1 } }];
const baseStyle = { fontFamily: "Inter", fontSize: 16, fontWeight: 400, lineHeightPx: 24, lineHeightUnit: "PIXELS" };

function textNode(extra: Record<string, unknown>, style: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: "1:1",
    name: "t",
    type: "TEXT",
    characters: "Hello world",
    fills: BLACK,
    style: { ...baseStyle, ...style },
    ...extra,
  };
}

describe("readText: base style", () => {
  it("reads family, size, weight, line height and colour", () => {
    const text = readText(textNode({}), undefined);
    expect(text).toEqual({
      chars: "Hello world",
      style: { family: "Inter", size: 16, weight: 400, lineHeight: 24, color: "#000000" },
      resize: "none",
      alignH: "left",
      alignV: "top",
    });
  });

  it("falls back to sans-serif 12/400 without a style", () => {
    expect(readText({ characters: "x" }, undefined)).toEqual({
      chars: "x",
      style: { family: "sans-serif", size: 12, weight: 400 },
      resize: "none",
      alignH: "left",
      alignV: "top",
    });
  });

  it("has no line height for INTRINSIC_% without a box that holds its lines (the font's normal)", () => {
    const text = readText(textNode({}, { lineHeightPx: 19.36, lineHeightUnit: "INTRINSIC_%" }), undefined);
    expect(text.style.lineHeight).toBeUndefined();
    // Psykolog Jenny (an older file): Poppins 24's auto is given as 28.125 px, its box is 39 px tall.
    const box = (height: number) => ({ absoluteBoundingBox: { x: 0, y: 0, width: 100, height } });
    const poppins = { lineHeightPx: 28.125, lineHeightUnit: "INTRINSIC_%", textAutoResize: "HEIGHT" };
    expect(readText(textNode(box(39), poppins), undefined).style.lineHeight).toBeUndefined();
    // TnT: Inter Bold 40's 48.41 in a 48-px box (the browser's normal would be 49), and two lines in a 97-px one.
    const inter = {
      lineHeightPx: 48.409088134765625,
      lineHeightUnit: "INTRINSIC_%",
      textAutoResize: "WIDTH_AND_HEIGHT",
    };
    expect(readText(textNode(box(48), inter), undefined).style.lineHeight).toBe(48.41);
    expect(readText(textNode(box(97), inter), undefined).style.lineHeight).toBe(48.41);
    // A fixed box holds what it is drawn to (Psykolog Jenny: 9 lines of 23.44 in a 210-px box, by chance).
    expect(readText(textNode(box(48), { ...inter, textAutoResize: "NONE" }), undefined).style.lineHeight).toBe(
      undefined,
    );
    // Percent of font size still has a pixel value.
    expect(
      readText(textNode({}, { lineHeightPx: 19.2, lineHeightUnit: "FONT_SIZE_%" }), undefined).style.lineHeight,
    ).toBe(19.2);
  });

  it(
    "takes a percentage of auto other than 100 as the px Figma " + "computed (Fitma: 120 % of Gothic A1's 15-px line)",
    () => {
      const style = { lineHeightPx: 18, lineHeightPercent: 120, lineHeightPercentFontSize: 150 };
      expect(readText(textNode({}, { ...style, lineHeightUnit: "INTRINSIC_%" }), undefined).style.lineHeight).toBe(18);
      // Auto itself (100 %) without a box stays the font's own line height.
      const auto = { lineHeightPx: 35.544, lineHeightPercent: 100, lineHeightUnit: "INTRINSIC_%" };
      expect(readText(textNode({}, auto), undefined).style.lineHeight).toBeUndefined();
    },
  );

  it("reads Figma's vertical trim (leadingTrim CAP_HEIGHT) as trimmed to the capitals", () => {
    expect(readText(textNode({}, { leadingTrim: "CAP_HEIGHT" }), undefined).trim).toBe("cap");
    expect("trim" in readText(textNode({}, { leadingTrim: "NONE" }), undefined)).toBe(false);
    expect("trim" in readText(textNode({}), undefined)).toBe(false);
  });

  it("maps textCase and textDecoration", () => {
    expect(readText(textNode({}, { textCase: "UPPER", textDecoration: "UNDERLINE" }), undefined).style).toMatchObject({
      case: "upper",
      decoration: "underline",
    });
    expect(
      readText(textNode({}, { textCase: "LOWER", textDecoration: "STRIKETHROUGH" }), undefined).style,
    ).toMatchObject({ case: "lower", decoration: "line-through" });
    expect(readText(textNode({}, { textCase: "TITLE" }), undefined).style.case).toBe("title");
    expect(readText(textNode({}, { textCase: "SMALL_CAPS_FORCED" }), undefined).style.case).toBe("small-caps");
    const plain = readText(textNode({}, { textCase: "ORIGINAL", textDecoration: "NONE" }), undefined).style;
    expect(plain.case).toBeUndefined();
    expect(plain.decoration).toBeUndefined();
  });

  it("drops zero letter spacing, keeps italic and rounds sizes", () => {
    expect(readText(textNode({}, { letterSpacing: 0 }), undefined).style.letterSpacing).toBeUndefined();
    const style = readText(textNode({}, { letterSpacing: -0.324, italic: true, fontSize: 13.333 }), undefined).style;
    expect(style).toMatchObject({ letterSpacing: -0.32, italic: true, size: 13.33 });
  });

  it("folds paint opacity into the colour and reads a gradient's first stop", () => {
    expect(
      readText(textNode({ fills: [{ type: "SOLID", color: { r: 1, g: 1, b: 1, a: 1 }, opacity: 0.5 }] }), undefined)
        .style.color,
    ).toBe("rgba(255, 255, 255, 0.5)");
    const gradient = { type: "GRADIENT_LINEAR", gradientStops: [{ position: 0, color: { r: 0, g: 0, b: 1, a: 1 } }] };
    expect(
      readText(
        textNode({ fills: [{ type: "SOLID", color: { r: 1, g: 0, b: 0, a: 1 }, visible: false }, gradient] }),
        undefined,
      ).style.color,
    ).toBe("#0000ff");
  });

  it("keeps the shared style name", () => {
    expect(readText(textNode({}), "Heading/H1").styleName).toBe("Heading/H1");
  });
});

describe("readText: layout", () => {
  it.each([
    ["NONE", "none"],
    ["HEIGHT", "height"],
    ["WIDTH_AND_HEIGHT", "width"],
    ["TRUNCATE", "truncate"],
    [undefined, "none"],
  ])("textAutoResize %s → %s", (raw, resize) => {
    expect(readText(textNode({}, { textAutoResize: raw }), undefined).resize).toBe(resize);
  });

  it("truncation with ENDING wins over the auto-resize mode and keeps maxLines", () => {
    const text = readText(textNode({}, { textAutoResize: "HEIGHT", textTruncation: "ENDING", maxLines: 2 }), undefined);
    expect(text.resize).toBe("truncate");
    expect(text.maxLines).toBe(2);
    const untruncated = readText(
      textNode({}, { textAutoResize: "HEIGHT", textTruncation: "DISABLED", maxLines: 0 }),
      undefined,
    );
    expect(untruncated.resize).toBe("height");
    expect(untruncated.maxLines).toBeUndefined();
  });

  it("maps alignment and paragraph spacing", () => {
    const text = readText(
      textNode({}, { textAlignHorizontal: "JUSTIFIED", textAlignVertical: "BOTTOM", paragraphSpacing: 12 }),
      undefined,
    );
    expect([text.alignH, text.alignV, text.paragraphSpacing]).toEqual(["justify", "bottom", 12]);
    expect(
      readText(
        textNode({}, { textAlignHorizontal: "CENTER", textAlignVertical: "CENTER", paragraphSpacing: 0 }),
        undefined,
      ),
    ).toMatchObject({ alignH: "center", alignV: "center" });
    expect(readText(textNode({}, { paragraphSpacing: 0 }), undefined).paragraphSpacing).toBeUndefined();
  });
});

describe("readText: runs", () => {
  it("merges equal adjacent runs and drops overrides equal to the base", () => {
    // "Hello world": 0-5 base, 6-7 table 1 (bold), 8-9 table 2 (also bold) → one run 6-10; 10 table 3 = base weight.
    const node = textNode({
      characterStyleOverrides: [0, 0, 0, 0, 0, 0, 1, 1, 2, 2, 3],
      styleOverrideTable: {
        "1": { fontWeight: 700 },
        "2": { fontWeight: 700 },
        "3": { fontWeight: 400, fontFamily: "Inter" },
      },
    });
    expect(readText(node, undefined).runs).toEqual([{ start: 6, end: 10, style: { weight: 700 } }]);
  });

  it("keeps equal runs that are not adjacent apart, and reads colour from a run's fills", () => {
    const node = textNode({
      characterStyleOverrides: [1, 1, 0, 2, 2, 0, 1],
      styleOverrideTable: {
        "1": { fontWeight: 700 },
        "2": { fills: [{ type: "SOLID", color: { r: 1, g: 0, b: 0, a: 1 } }], textDecoration: "UNDERLINE" },
      },
    });
    expect(readText(node, undefined).runs).toEqual([
      { start: 0, end: 2, style: { weight: 700 } },
      { start: 3, end: 5, style: { color: "#ff0000", decoration: "underline" } },
      { start: 6, end: 7, style: { weight: 700 } },
    ]);
  });

  it("has no runs when overrides are missing, empty, all base, or unknown in the table", () => {
    expect(readText(textNode({}), undefined).runs).toBeUndefined();
    expect(readText(textNode({ characterStyleOverrides: [] }), undefined).runs).toBeUndefined();
    expect(readText(textNode({ characterStyleOverrides: [0, 0, 0] }), undefined).runs).toBeUndefined();
    expect(
      readText(textNode({ characterStyleOverrides: [7, 7], styleOverrideTable: {} }), undefined).runs,
    ).toBeUndefined();
  });

  it("never lets a run run past the characters", () => {
    const node = textNode({
      characters: "abc",
      characterStyleOverrides: [0, 1, 1, 1, 1],
      styleOverrideTable: { "1": { fontSize: 20 } },
    });
    expect(readText(node, undefined).runs).toEqual([{ start: 1, end: 3, style: { size: 20 } }]);
  });

  it(
    "counts Figma's overrides by code point and gives the runs " +
      "in UTF-16 units (emoji, ZWJ sequences, CJK, combining marks)",
    () => {
      const UNDERLINE = { "1": { textDecoration: "UNDERLINE" } };
      /** The runs' characters: a run's offsets slice `chars` (UTF-16). */
      const styled = (characters: string, overrides: number[]): string[] => {
        const text = readText(
          textNode({ characters, characterStyleOverrides: overrides, styleOverrideTable: UNDERLINE }),
          undefined,
        );
        return (text.runs ?? []).map((r) => characters.slice(r.start, r.end));
      };
      const ones = (n: number): number[] => Array.from({ length: n }, () => 1);
      // The reported text: 🧭 (one code point, two UTF-16 units), a space, then 14 underlined letters: 16 entries.
      expect(styled("🧭 Get directions", [0, 0, ...ones(14)])).toEqual(["Get directions"]);
      // The emoji itself underlined, and a run after two of them.
      expect(styled("🧭🧭 go", [1, 0, 0, 1, 1])).toEqual(["🧭", "go"]);
      // A ZWJ family: 5 code points (man, ZWJ, woman, ZWJ, girl), 8 UTF-16 units; the word after it.
      const family = "\u{1F468}\u200D\u{1F469}\u200D\u{1F467}";
      expect(styled(`${family} home`, [0, 0, 0, 0, 0, 0, 1, 1, 1, 1])).toEqual(["home"]);
      expect(styled(`${family} home`, [1, 1, 1, 1, 1])).toEqual([family]);
      // CJK: BMP ideographs are one unit each; 𠮷 (Extension B) is a surrogate pair, one entry.
      expect(styled("日本語の本", [0, 0, 0, 1, 1])).toEqual(["の本"]);
      expect(styled("𠮷野家です", [0, 1, 1, 0, 1])).toEqual(["野家", "す"]);
      // Combining marks are code points of their own in both counts: e + U+0301 is two entries.
      expect(styled("Cafe\u0301 ok", [0, 0, 0, 0, 0, 0, 1, 1])).toEqual(["ok"]);
      expect(styled("Cafe\u0301 ok", [0, 0, 0, 1, 1])).toEqual(["e\u0301"]);
      // Entries past the last code point are ignored: a run never ends inside a surrogate pair.
      expect(styled("a🧭", [0, 1, 1])).toEqual(["🧭"]);
    },
  );
});

describe("a text scaled with its instance (Fitma's thumbnail, issue 49)", () => {
  // "reviewer details": a 14-px label with 17.5-px lines in a 7-px box, its glyphs 5.8 px tall: drawn at 0.4.
  const reviewer = textNode(
    { characters: "First Last  |  Location, CA" },
    { fontSize: 14, lineHeightPx: 17.5, lineHeightUnit: "INTRINSIC_%", letterSpacing: 0.28, textAutoResize: "HEIGHT" },
  );

  it("is drawn at its box's share of its lines: type, line height and spacing scaled", () => {
    const text = readText(reviewer, undefined);
    const scale = drawnTextScale(reviewer, text, 7);
    expect(scale).toBe(0.4);
    expect(scaledText(text, scale!, 17.5).style).toMatchObject({ size: 5.6, lineHeight: 7, letterSpacing: 0.11 });
  });

  it("a text as wide as its lines counts its line breaks and paragraph spacing (a footer's 4 lines in 50.8 px)", () => {
    const footer = textNode(
      { characters: "About Fitma\nOur Values\nFabric\nCareers" },
      { fontSize: 14, lineHeightPx: 21, paragraphSpacing: 14, textAutoResize: "WIDTH_AND_HEIGHT" },
    );
    expect(drawnTextScale(footer, readText(footer, undefined), 50.8)).toBe(0.403);
  });

  it("is nothing for a text drawn at its lines' height, a fixed box, or a trimmed text", () => {
    expect(drawnTextScale(reviewer, readText(reviewer, undefined), 18)).toBeUndefined();
    const fixed = textNode({}, { lineHeightPx: 17.5, textAutoResize: "NONE" });
    expect(drawnTextScale(fixed, readText(fixed, undefined), 7)).toBeUndefined();
    const trimmed = textNode({}, { lineHeightPx: 35.5, textAutoResize: "WIDTH_AND_HEIGHT", leadingTrim: "CAP_HEIGHT" });
    expect(drawnTextScale(trimmed, readText(trimmed, undefined), 17)).toBeUndefined();
  });
});

describe("italic from a font style's name", () => {
  it("an override naming an upright style over an italic base is upright; an Italic style is italic", () => {
    const node = textNode(
      { characterStyleOverrides: [0, 0, 1, 1], styleOverrideTable: { 1: { fontStyle: "Regular", fontWeight: 400 } } },
      { italic: true, fontStyle: "Italic", fontWeight: 400 },
    );
    const text = readText({ ...node, characters: "abcd" }, undefined);
    expect(text.style.italic).toBe(true);
    expect(text.runs).toEqual([{ start: 2, end: 4, style: { italic: false } }]);
    expect(readText(textNode({}, { fontStyle: "Bold Italic" }), undefined).style.italic).toBe(true);
  });
});
