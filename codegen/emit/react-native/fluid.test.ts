/** CSS's fluid lengths as expressions of the window's size (fluid.ts), for React Native. */
import { describe, expect, it } from "vitest";
import { fluidExpression, fluidInputs } from "./fluid.js";

/** The expression's value for a window `vw` wide and `vh` high, on a design `design` wide. */
function valueAt(expression: string, vw: number, vh = 800, design = 1440): number {
  const shrink = Math.max(0, design - vw);
  const page = Math.min(vw, design);
  return new Function("vw", "vh", "shrink", "page", `return ${expression};`)(vw, vh, shrink, page) as number;
}

describe("fluidExpression", () => {
  it("reads a heading's clamp() of vw as CSS does at each width", () => {
    const e = fluidExpression("clamp(38px, 4.45vw, 64px)")!;
    expect(e).toBe("Math.min(Math.max(38, (4.45 * vw) / 100), 64)");
    expect(valueAt(e, 390)).toBe(38);
    expect(valueAt(e, 1000)).toBeCloseTo(44.5);
    expect(valueAt(e, 1920)).toBe(64);
  });

  it("reads a padding that gives way as its container narrows: the container's width less 100% is shrink", () => {
    const e = fluidExpression("clamp(16px, calc(80px - (1440px - 100%) * 0.5), 80px)")!;
    expect(fluidInputs([e])).toEqual(new Set(["shrink"]));
    expect(valueAt(e, 1440)).toBe(80);
    expect(valueAt(e, 1340)).toBe(30);
    expect(valueAt(e, 390)).toBe(16);
  });

  it("reads min() with vh and nested calls", () => {
    const e = fluidExpression("min(1024px, 100vh)")!;
    expect(valueAt(e, 390, 800)).toBe(800);
    const nested = fluidExpression("clamp(min(402px, calc((100vw - 32px) * 0.4499)), 46.53vw, 670px)")!;
    expect(valueAt(nested, 390)).toBeCloseTo(Math.max((390 - 32) * 0.4499, 0.4653 * 390));
  });

  it("a percentage stands for the page only in a cap; what it cannot read is undefined", () => {
    expect(fluidExpression("calc(100% - 32px)")).toBeUndefined();
    const cap = fluidExpression("calc(100% - 32px)", true)!;
    expect(valueAt(cap, 390)).toBe(358);
    expect(valueAt(cap, 1920)).toBe(1408);
    expect(fluidExpression("calc(2em + 4px)")).toBeUndefined();
    expect(fluidExpression("16px")).toBeUndefined();
    expect(fluidExpression("calc(var(--gap) * 2)")).toBeUndefined();
  });
});
