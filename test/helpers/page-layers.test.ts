/**
 * The Design2Code measure's text fit (page-layers.ts textFits): a text layer is held against its own line boxes in
 * the page. Page 350's paragraph, 600 px of lines in a 508 px column, built as one 2,560 px line, scored as an element
 * would have passed; held against its lines it scores near 0, while the fixed-width box of its column scores 1.
 */
import { describe, expect, it } from "vitest";
import { textFits } from "./page-layers.js";

const chars = "Innovaide provides Verilog and C language based verification environments.";
/** Seven 15 px lines of up to 500 px in a column 508 px wide at x 80. */
const page = [
  {
    chars: chars.replace(/\s+/g, ""),
    lines: Array.from({ length: 7 }, (_, i) => ({ x: 80, y: 300 + i * 15, width: i === 6 ? 230 : 500, height: 15 })),
    lineHeight: 15,
    container: { x: 80, width: 508 },
  },
];

describe("textFits", () => {
  it("scores a fixed-width text as wide as its column 1 and the same text as one 2,560 px line near 0", () => {
    const column = textFits([{ chars, box: { x: 80, y: 300, width: 508, height: 105 } }], page, 1280);
    expect(column.fits[0]).toBeGreaterThan(0.98);
    expect(column.outside).toBe(0);
    const oneLine = textFits([{ chars, box: { x: 80, y: 300, width: 2560, height: 15 } }], page, 1280);
    expect(oneLine.fits[0]).toBeLessThan(0.1);
    expect(oneLine.outside).toBe(1);
  });

  it("scores a text that wraps one line more lower, and leaves a text the page does not have unmeasured", () => {
    const wrapped = textFits([{ chars, box: { x: 80, y: 300, width: 508, height: 120 } }], page, 1280);
    expect(wrapped.fits[0]).toBeLessThan(0.9);
    expect(textFits([{ chars: "•", box: { x: 60, y: 300, width: 7, height: 15 } }], page, 1280).fits).toEqual([]);
  });
});
