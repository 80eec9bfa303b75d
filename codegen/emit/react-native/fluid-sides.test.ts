/** A padding or margin shorthand with sides that follow the window, split into its sides (fluid-sides.ts). */
import { describe, expect, it } from "vitest";
import { fluidSides } from "./fluid-sides.js";
import { rnLength, rnStyle, type RnEntry } from "./style.js";

describe("React Native: a fluid padding shorthand", () => {
  it("writes its plain sides as lengths and its fluid ones as expressions of the window", () => {
    const out: RnEntry[] = [];
    const fluid: RnEntry[] = [];
    const value = "39px clamp(16px, calc(517px - (1171px - 100%) * 0.5), 517px) 39px 12px";
    expect(fluidSides("padding", value, rnLength, out, fluid)).toBe(true);
    expect(out).toEqual([
      ["paddingTop", "39"],
      ["paddingBottom", "39"],
      ["paddingLeft", "12"],
    ]);
    expect(fluid).toEqual([["paddingRight", "Math.min(Math.max(16, (517 - shrink * 0.5)), 517)"]]);
  });

  it("leaves a plain shorthand, and one with a side it cannot write, to its caller", () => {
    expect(fluidSides("padding", "10px 20px", rnLength, [], [])).toBe(false);
    expect(fluidSides("margin", "clamp(1em, 2vw, 3em) 0", rnLength, [], [])).toBe(false);
  });

  it("is how rnStyle reads a padding whose sides follow the window", () => {
    const style = rnStyle([["padding", "50px clamp(16px, calc(50px - (870px - 100%) * 0.5), 50px)"]]);
    expect(style.dropped).toEqual([]);
    expect(style.fluid?.map(([k]) => k)).toEqual(["paddingRight", "paddingLeft"]);
  });
});
