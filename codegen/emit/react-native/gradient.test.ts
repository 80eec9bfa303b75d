/** CSS linear gradients as react-native-svg documents (gradient.ts). */
import { describe, expect, it } from "vitest";
import { gradientSvg } from "./gradient.js";

describe("gradientSvg", () => {
  it("draws a top-to-bottom gradient's stops along the box's height", () => {
    const svg = gradientSvg("linear-gradient(180deg, #ffffff 0%, #4d1d95 100%)", "a-")!;
    expect(svg).toContain('<linearGradient id="a-0" x1="0.5" y1="0" x2="0.5" y2="1">');
    expect(svg).toContain('<stop offset="0" stop-color="#ffffff"/><stop offset="1" stop-color="#4d1d95"/>');
    expect(svg).toContain('preserveAspectRatio="none"');
  });

  it("reads side keywords, colours with commas and stops without positions; the first layer is drawn on top", () => {
    const svg = gradientSvg(
      "linear-gradient(to right, rgba(0, 0, 0, 0.2), transparent), linear-gradient(#000, #fff)",
      "b-",
    )!;
    expect(svg).toContain('id="b-0" x1="0" y1="0.5" x2="1" y2="0.5"');
    expect(svg).toContain(
      '<stop offset="0" stop-color="rgba(0, 0, 0, 0.2)"/><stop offset="1" stop-color="transparent"/>',
    );
    expect(svg.indexOf('fill="url(#b-1)"')).toBeLessThan(svg.indexOf('fill="url(#b-0)"'));
  });

  it("leaves what is not a linear gradient to the caller", () => {
    expect(gradientSvg("radial-gradient(circle, #000, #fff)", "c-")).toBeUndefined();
    expect(gradientSvg("linear-gradient(180deg, #000 0%)", "c-")).toBeUndefined();
  });
});
