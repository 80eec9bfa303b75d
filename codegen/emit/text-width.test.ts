/**
 * The printers' display width is the format pass's: every character textWidth answers for is measured against Biome
 * (the emitters' .ts/.tsx formatter; markup_fmt counts with the same unicode-width crate), and the rest throw.
 */
import { describe, expect, it } from "vitest";
import { loadWebFmt } from "../format/web-fmt-load.js";
import { WEB_FMT_CONFIG } from "../format/web-fmt.js";
import { isUnprintable, textWidth } from "./doc-printer.js";

function widthOrUnprintable(text: string): number | "unprintable" {
  try {
    return textWidth(text);
  } catch (error) {
    if (isUnprintable(error)) return "unprintable";
    throw error;
  }
}

describe("textWidth (the formatters' count)", () => {
  it("counts printable ASCII by its length, and Latin-1 one column a character", () => {
    expect(textWidth("")).toBe(0);
    expect(textWidth("className={styles.root}")).toBe(23);
    expect(textWidth("café naïve ÿ")).toBe(12);
    expect(textWidth("ʯ˿")).toBe(2);
  });

  it("counts no column for a combining mark or a soft hyphen, and one for Greek, Cyrillic and maths", () => {
    expect(textWidth("e\u0301")).toBe(1);
    expect(textWidth("hy\u00adphen")).toBe(6);
    expect(textWidth("Телеграм")).toBe(8);
    expect(textWidth("α → ∑")).toBe(5);
  });

  it("throws unprintable for a character whose width the formatters may count otherwise", () => {
    // U+200B: a random design's text of one zero-width space made the React printer break a line Biome kept whole.
    for (const text of ["漢字", "ok 😀", "\u1100", "a\u200bb", "a\tb", "\u0085", "⌚"])
      expect(widthOrUnprintable(text), JSON.stringify(text)).toBe("unprintable");
  });

  it("agrees with Biome on every character it answers for", async () => {
    const { format } = await loadWebFmt();
    const config = { ...WEB_FMT_CONFIG, lineWidth: 40 };
    // `const a = { b: "…", c: 1 };` stays on one line while it fits: the widest padding that keeps it there is 40
    // minus the line's other columns, so the character's width is what that padding falls short of.
    const line = (ch: string, pad: number) => `const a = { b: "${"x".repeat(pad)}${ch}", c: 1 };\n`;
    const others = line("", 0).length - 1;
    const biomeWidth = (ch: string): number => {
      for (let width = 0; width <= 2; width++)
        if (format(line(ch, 40 - others - width), "a.ts", config).split("\n").length === 2) return width;
      return 3;
    };
    expect(biomeWidth("a")).toBe(1);
    expect(biomeWidth("\u200b")).toBe(0);
    const wrong: string[] = [];
    let answered = 0;
    const ranges = [
      [0, 0x2600],
      [0xe000, 0xe100],
      [0xf0000, 0xf0100],
    ] as const;
    for (const [from, to] of ranges)
      for (let cp = from; cp < to; cp++) {
        const ch = String.fromCodePoint(cp);
        if (ch === '"' || ch === "\\" || ch === "\n" || ch === "\r" || (cp >= 0xd800 && cp < 0xe000)) continue;
        const ours = widthOrUnprintable(ch);
        if (ours === "unprintable") continue;
        answered++;
        const theirs = biomeWidth(ch);
        if (ours !== theirs) wrong.push(`U+${cp.toString(16)}: ${ours} ≠ Biome's ${theirs}`);
      }
    expect(wrong).toEqual([]);
    expect(answered).toBeGreaterThan(2000);
  }, 60_000);
});
