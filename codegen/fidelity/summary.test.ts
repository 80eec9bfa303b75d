import { describe, expect, it } from "vitest";
import { layerWords } from "./report-words.js";
import { boxDelta, percent, roundHalfUp, scoreSummary, shareText, unreadWords } from "./summary.js";
import type { FidelityScore, TextShares, WidthScore } from "./types.js";

const width = (w: number, textVisible: number, overflowPx = 0): WidthScore => ({
  width: w,
  textVisible,
  overflow: overflowPx > 0,
  overflowPx,
  hiddenTexts: [],
});
const score = (iouMatched: number, widths: WidthScore[]): FidelityScore => ({
  frameId: "1:1",
  frameName: "Page",
  iouMatched,
  meanIoU: iouMatched,
  matched: 1,
  designWidth: 1440,
  widths,
  worst: [],
});

describe("scoreSummary", () => {
  it("says how close the design width is and what a phone and a tablet show", () => {
    expect(scoreSummary(score(0.9612, [width(1440, 1), width(390, 1), width(768, 0.871, 40)]))).toBe(
      "Matches the design 96 % · Phone: all text visible · Tablet: 87 % of text visible, scrolls sideways 40 px",
    );
  });
  it("never rounds a near miss up to 100 %, and names the design width only when something is wrong there", () => {
    expect(scoreSummary(score(0.996, [width(1440, 0.5), width(390, 1)]))).toBe(
      "Matches the design 99 % · Design width (1440): 50 % of text visible · Phone: all text visible",
    );
  });
});

describe("what a reader misses, in the summary", () => {
  const shares = (text: Partial<TextShares>): TextShares => {
    const full = { missing: 0, clipped: 0, covered: 0, illegible: 0, "too-small": 0, ...text };
    const lost = full.missing + full.clipped + full.covered + full.illegible + full["too-small"];
    return { visible: 1 - lost, ...full };
  };
  const classed = (w: number, text: Partial<TextShares>): WidthScore => ({
    ...width(w, shares(text).visible),
    text: shares(text),
  });

  it("names illegible and covered text at 390 and 768 whenever there is any, not only among the two largest", () => {
    const phone = classed(390, { clipped: 0.3, "too-small": 0.2, illegible: 0.12, covered: 0.03 });
    const tablet = classed(768, { clipped: 0.1, missing: 0.05, covered: 0.04 });
    // Said at every width alike, so widths with the same figures still share their words.
    const wide = classed(1920, { clipped: 0.1, missing: 0.05, covered: 0.04 });
    expect(scoreSummary(score(0.94, [width(1440, 1), phone, tablet, wide]))).toBe(
      "Matches the design 94 % · Phone: 35 % of text visible (30 % cut off, 20 % too small, 12 % illegible, " +
        "3 % covered) · Tablet, 1920 px: 81 % of text visible (10 % cut off, 5 % missing, 4 % covered)",
    );
  });

  it("adds nothing when no text is illegible or covered, or under half a per cent of it", () => {
    const phone = classed(390, { clipped: 0.3, "too-small": 0.2, missing: 0.1, illegible: 0.004 });
    const tablet = classed(768, { covered: 0, illegible: 0 });
    expect(scoreSummary(score(0.94, [width(1440, 1), phone, tablet]))).toBe(
      "Matches the design 94 % · Phone: 40 % of text visible (30 % cut off, 20 % too small) · Tablet: all text visible",
    );
  });

  it("keeps them among the two largest in size order, said once", () => {
    const phone = classed(390, { illegible: 0.2, covered: 0.1, clipped: 0.05 });
    expect(scoreSummary(score(0.94, [width(1440, 1), phone]))).toBe(
      "Matches the design 94 % · Phone: 65 % of text visible (20 % illegible, 10 % covered)",
    );
  });
});

describe("the text a phone and a tablet reader cannot read, said first in the panel's closed line", () => {
  const shares = (text: Partial<TextShares>): TextShares => {
    const full = { missing: 0, clipped: 0, covered: 0, illegible: 0, "too-small": 0, ...text };
    const lost = full.missing + full.clipped + full.covered + full.illegible + full["too-small"];
    return { visible: 1 - lost, ...full };
  };
  const classed = (w: number, text: Partial<TextShares>): WidthScore => ({
    ...width(w, shares(text).visible),
    text: shares(text),
  });

  it("says covered and illegible text at 390 and 768 with the summary's figures, in its order", () => {
    const phone = classed(390, { clipped: 0.3, "too-small": 0.2, illegible: 0.12, covered: 0.03 });
    const tablet = classed(768, { covered: 0.04, clipped: 0.1 });
    const s = score(0.94, [width(1440, 1), phone, tablet]);
    expect(unreadWords(s)).toBe("Phone: 12 % illegible, 3 % covered · Tablet: 4 % covered");
    // The same words as the line opened (and the CLI) says them at those widths.
    expect(scoreSummary(s)).toContain("12 % illegible, 3 % covered)");
    expect(scoreSummary(s)).toContain("(10 % cut off, 4 % covered)");
  });

  it("lets a phone and a tablet with the same figures share them, in the panel's order of widths", () => {
    const same = { "too-small": 0.48, covered: 0.14, illegible: 0.09 };
    const s = score(0.94, [classed(375, same), classed(768, same), classed(390, same), classed(1920, same)]);
    expect(unreadWords({ ...s, designWidth: 375 })).toBe("Phone, Tablet: 14 % covered, 9 % illegible");
  });

  it("says nothing of the design width, of wider screens, or of less than what rounds to 1 %", () => {
    const lost = { covered: 0.2, illegible: 0.2 };
    expect(unreadWords(score(0.94, [classed(1440, lost), width(390, 1), classed(1920, lost)]))).toBeUndefined();
    const phone = classed(390, { clipped: 0.3, illegible: 0.004, covered: 0.0049 });
    expect(unreadWords(score(0.94, [width(1440, 1), phone, classed(768, { clipped: 0.1, covered: 0.005 })]))).toBe(
      "Tablet: 1 % covered",
    );
    // All text visible, as the summary rounds it: nothing to say, although a hair of it is covered.
    expect(unreadWords(score(0.94, [width(1440, 1), classed(390, { covered: 0.004 })]))).toBeUndefined();
    // A score kept before the classes existed says no class.
    expect(unreadWords(score(0.94, [width(1440, 1), width(390, 0.5)]))).toBeUndefined();
  });
});

describe("rounding the score's figures", () => {
  it("rounds half up as the figure is written, not as the float is stored", () => {
    // 0.965.toFixed(2) is "0.96" and 0.285 × 100 is 28.499…: both must round up, like the per cent beside them.
    expect(roundHalfUp(0.965, 2)).toBe(0.97);
    expect(roundHalfUp(28.5)).toBe(29);
    expect(roundHalfUp(0.285 * 100)).toBe(29);
    expect(roundHalfUp(0.9649, 2)).toBe(0.96);
    expect(percent(0.965)).toBe("97 %");
    expect(percent(0.285)).toBe("29 %");
    expect(percent(0.005)).toBe("1 %");
  });

  it("writes a share with its decimals the way the per cent rounds it, and never as 1 below 1", () => {
    for (const share of [0.965, 0.285, 0.915, 0.945, 0.005, 0.5, 0.994, 0.12345]) {
      expect(shareText(share, 2), `${share}`).toBe((Number.parseInt(percent(share), 10) / 100).toFixed(2));
    }
    expect(shareText(0.965, 2)).toBe("0.97");
    expect(shareText(0.9965, 3)).toBe("0.997");
    expect(shareText(0.996, 2)).toBe("0.99");
    expect(percent(0.996)).toBe("99 %");
    expect(shareText(1, 2)).toBe("1.00");
    expect(shareText(0, 3)).toBe("0.000");
  });
});

describe("layer words", () => {
  it("says by how much a box is off, and when a layer is missing or hidden", () => {
    expect(boxDelta({ x: 10, y: 10, width: 100, height: 20 }, { x: 50, y: 10, width: 88, height: 20 })).toBe(
      "40 px right, 12 px narrower",
    );
    expect(boxDelta({ x: 10, y: 10, width: 100, height: 20 }, { x: 10.4, y: 9.8, width: 100, height: 20 })).toBe(
      "in place",
    );
    expect(
      layerWords({
        nodeId: "1:4",
        name: "Icon",
        problem: "missing",
        iou: 0,
        design: { x: 0, y: 0, width: 16, height: 16 },
      }),
    ).toBe("Icon — missing (not in the generated page)");
  });
});
