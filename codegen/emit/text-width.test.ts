/** The printers' display widths: the fast answer for plain text and the character-by-character one agree. */
import { describe, expect, it } from "vitest";
import { isUnprintable, textWidth } from "./doc-printer.js";
import { markupWidth } from "./html/markup-doc.js";

describe("textWidth (prettier's and Biome's count)", () => {
  it("counts one column per character below U+0300, Latin-1 and control characters included", () => {
    expect(textWidth("")).toBe(0);
    expect(textWidth("className={styles.root}")).toBe(23);
    expect(textWidth("café naïve ÿ")).toBe(12);
    expect(textWidth("a\tb")).toBe(3);
    expect(textWidth("ʯ˿")).toBe(2);
  });

  it("counts no column for a combining mark and one for Greek, Cyrillic and maths", () => {
    expect(textWidth("e\u0301")).toBe(1);
    expect(textWidth("Телеграм")).toBe(8);
    expect(textWidth("α → ∑")).toBe(5);
  });

  it("throws unprintable for a character whose width the formatters may count otherwise", () => {
    for (const text of ["漢字", "ok 😀", "\u1100"]) {
      let error: unknown;
      try {
        textWidth(text);
      } catch (caught) {
        error = caught;
      }
      expect(isUnprintable(error), text).toBe(true);
    }
  });
});

describe("markupWidth (the unicode-width crate's count)", () => {
  it("counts printable ASCII by its length", () => {
    expect(markupWidth("")).toBe(0);
    expect(markupWidth('<div class="a">~</div>')).toBe(22);
  });

  it("reads a string with any other character one character at a time", () => {
    expect(markupWidth("café")).toBe(4);
    expect(markupWidth("Телеграм")).toBe(8);
  });
});
