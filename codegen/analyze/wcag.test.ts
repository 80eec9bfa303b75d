import { describe, expect, it } from "vitest";
import { round } from "../design/color";
import { contrastRatio, hexColor, isLargeText, luminance, over, parseCssColor, requiredRatio, type Rgba } from "./wcag";

const css = (value: string): Rgba => {
  const color = parseCssColor(value);
  if (!color) throw new Error(`unreadable ${value}`);
  return color;
};
const ratio = (a: string, b: string): number => contrastRatio(css(a), css(b));

describe("WCAG contrast ratio", () => {
  it("matches the known pairs", () => {
    expect(round(ratio("#777", "#fff"), 2)).toBe(4.48);
    expect(round(ratio("#767676", "#fff"), 2)).toBe(4.54);
    expect(round(ratio("#000", "#fff"), 2)).toBe(21);
    expect(round(ratio("#fff", "#fff"), 2)).toBe(1);
    // Order does not matter.
    expect(ratio("#fff", "#777")).toBe(ratio("#777", "#fff"));
  });

  it("keeps the unrounded ratio, so 4.48 fails 4.5 and 4.54 passes", () => {
    expect(ratio("#777777", "#ffffff")).toBeLessThan(4.5);
    expect(ratio("#767676", "#ffffff")).toBeGreaterThanOrEqual(4.5);
    // #959595 on white is 2.9999…:1, which rounds to 3.00 but still fails 3:1.
    const nearThree = ratio("#959595", "#ffffff");
    expect(round(nearThree, 2)).toBe(3);
    expect(nearThree).toBeLessThan(3);
  });

  it("uses WCAG's relative luminance", () => {
    expect(luminance(css("#ffffff"))).toBe(1);
    expect(luminance(css("#000000"))).toBe(0);
    expect(luminance(css("#ff0000"))).toBeCloseTo(0.2126, 4);
  });
});

describe("large text", () => {
  it("is 24 px, or 18.66 px bold", () => {
    expect(isLargeText(24, 400)).toBe(true);
    expect(isLargeText(23.9, 400)).toBe(false);
    expect(isLargeText(18.66, 700)).toBe(true);
    expect(isLargeText(18.66, 600)).toBe(false);
    expect(isLargeText(18.5, 700)).toBe(false);
    expect(requiredRatio(true)).toBe(3);
    expect(requiredRatio(false)).toBe(4.5);
  });
});

describe("CSS colours and compositing", () => {
  it("reads hex and rgb(a) colours and nothing else", () => {
    expect(parseCssColor("#0f08")).toEqual({ r: 0, g: 1, b: 0, a: 0x88 / 255 });
    expect(parseCssColor("rgba(255, 0, 0, 0.5)")).toEqual({ r: 1, g: 0, b: 0, a: 0.5 });
    expect(parseCssColor("rgb(0, 0, 255)")).toEqual({ r: 0, g: 0, b: 1, a: 1 });
    expect(parseCssColor("linear-gradient(90deg, #fff 0%, #000 100%)")).toBeUndefined();
    expect(parseCssColor("red")).toBeUndefined();
  });

  it("composites source-over", () => {
    expect(hexColor(over(css("rgba(0, 0, 0, 0.5)"), css("#ffffff")))).toBe("#808080");
    expect(hexColor(over(css("#123456"), css("#ffffff")))).toBe("#123456");
    expect(over(css("rgba(0, 0, 0, 0)"), css("#ff0000"))).toEqual(css("#ff0000"));
    const halfOnHalf = over(css("rgba(255, 255, 255, 0.5)"), css("rgba(0, 0, 0, 0.5)"));
    expect(halfOnHalf.a).toBeCloseTo(0.75, 6);
    expect(hexColor({ ...halfOnHalf, a: 1 })).toBe("#aaaaaa");
  });
});
