import { describe, expect, it } from "vitest";
import type { DesignNode } from "../design/types.js";
import { flowBox, placeInFlow } from "./sizing.js";

/** Attic's nav link: one line of 24-px Space Mono (36-px line) trimmed to its capitals, drawn 17 px tall. */
const link = (trim: boolean): DesignNode => ({
  id: "9:167",
  name: "Download",
  kind: "text",
  x: 341,
  y: 36,
  w: 118,
  h: 17,
  text: {
    chars: "Download",
    style: { family: "Space Mono", size: 24, weight: 700 },
    resize: "width",
    alignH: "left",
    alignV: "top",
    ...(trim ? { trim: "cap" as const } : {}),
  },
});

describe("a text trimmed to its capitals in an inferred flow", () => {
  const place = { dir: "row" as const, flow: {}, crossFill: false, designWidth: 1440 };

  it("keeps its drawn box as its least height and its lines their own height", () => {
    const placed = placeInFlow(link(true), place);
    expect(placed.minH).toBe(17);
    expect(placed.text?.style.lineHeight).toBeUndefined();
    expect(
      flowBox({ ...link(true), text: { ...link(true).text!, style: { ...link(true).text!.style, lineHeight: 36 } } }).h,
    ).toBe(17);
  });

  it("an untrimmed one-line text drawn shorter than its line gets that height as its line (control)", () => {
    expect(placeInFlow(link(false), place).text?.style.lineHeight).toBe(17);
  });
});
