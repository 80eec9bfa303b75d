import { describe, expect, it } from "vitest";
import { cssBlend, cssColor, isTransparent, readColor, round } from "./color";

describe("readColor", () => {
  it("reads Figma's {r,g,b,a} in 0..1", () => {
    expect(readColor({ r: 1, g: 0.5, b: 0, a: 0.25 })).toEqual({ r: 1, g: 0.5, b: 0, a: 0.25 });
  });

  it("reads upper-case keys and a missing alpha as opaque", () => {
    expect(readColor({ R: 0, G: 0.2, B: 1 })).toEqual({ r: 0, g: 0.2, b: 1, a: 1 });
    expect(readColor({ R: 0.1, G: 0.2, B: 0.3, A: 0.4 })).toEqual({ r: 0.1, g: 0.2, b: 0.3, a: 0.4 });
  });

  it("reads {red, green, blue, alpha} and numeric strings", () => {
    expect(readColor({ red: 0, green: "1", blue: 0.5, alpha: 0.5 })).toEqual({ r: 0, g: 1, b: 0.5, a: 0.5 });
    expect(readColor({ Red: 1, Green: 1, Blue: 1, Alpha: 0 })).toEqual({ r: 1, g: 1, b: 1, a: 0 });
  });

  it("scales 0..255 channels (and a 0..255 alpha) down to 0..1", () => {
    const c = readColor({ r: 255, g: 51, b: 0, a: 255 })!;
    expect(c).toEqual({ r: 1, g: 0.2, b: 0, a: 1 });
    expect(readColor({ red: 0, green: 0, blue: 255, alpha: 0.5 })).toEqual({ r: 0, g: 0, b: 1, a: 0.5 });
  });

  it("clamps out-of-range values", () => {
    expect(readColor({ r: -0.5, g: 0.5, b: 0.5, a: -1 })).toEqual({ r: 0, g: 0.5, b: 0.5, a: 0 });
    expect(readColor({ r: 300, g: 0, b: 0 })).toEqual({ r: 1, g: 0, b: 0, a: 1 });
  });

  it("refuses anything without three channels", () => {
    expect(readColor(undefined)).toBeUndefined();
    expect(readColor("#ff0000")).toBeUndefined();
    expect(readColor({ r: 1, g: 1 })).toBeUndefined();
    expect(readColor({ r: 1, g: "x", b: 1 })).toBeUndefined();
  });
});

describe("cssColor", () => {
  it("prints opaque colors as #rrggbb", () => {
    expect(cssColor({ r: 1, g: 0.5, b: 0, a: 1 })).toBe("#ff8000");
    expect(cssColor({ r: 0, g: 0, b: 0, a: 1 })).toBe("#000000");
    expect(cssColor({ r: 0x12 / 255, g: 0xab / 255, b: 0xef / 255, a: 1 })).toBe("#12abef");
  });

  it("prints translucent colors as rgba with the opacity multiplied in", () => {
    expect(cssColor({ r: 1, g: 0.5, b: 0, a: 0.5 })).toBe("rgba(255, 128, 0, 0.5)");
    expect(cssColor({ r: 0, g: 0, b: 0, a: 1 }, 0.25)).toBe("rgba(0, 0, 0, 0.25)");
    expect(cssColor({ r: 0, g: 0, b: 1, a: 0.5 }, 0.5)).toBe("rgba(0, 0, 255, 0.25)");
    expect(cssColor({ r: 1, g: 1, b: 1, a: 0 })).toBe("rgba(255, 255, 255, 0)");
  });

  it("rounds alpha to 3 digits, so 0.9999 counts as opaque", () => {
    expect(cssColor({ r: 1, g: 1, b: 1, a: 0.9999 })).toBe("#ffffff");
    expect(cssColor({ r: 1, g: 1, b: 1, a: 0.12345 })).toBe("rgba(255, 255, 255, 0.123)");
  });

  it("isTransparent recognises alpha 0 only", () => {
    expect(isTransparent("rgba(255, 255, 255, 0)")).toBe(true);
    expect(isTransparent("rgba(255, 255, 255, 0.5)")).toBe(false);
    expect(isTransparent("#000000")).toBe(false);
  });
});

describe("cssBlend / round", () => {
  it("maps Figma blend modes to mix-blend-mode", () => {
    expect(cssBlend("MULTIPLY")).toBe("multiply");
    expect(cssBlend("COLOR_DODGE")).toBe("color-dodge");
    expect(cssBlend("LINEAR_DODGE")).toBe("color-dodge");
    expect(cssBlend("LINEAR_BURN")).toBe("color-burn");
    expect(cssBlend("SOFT_LIGHT")).toBe("soft-light");
    expect(cssBlend("LUMINOSITY")).toBe("luminosity");
  });

  it("has no CSS for normal, pass-through and unknown modes", () => {
    expect(cssBlend("NORMAL")).toBeUndefined();
    expect(cssBlend("PASS_THROUGH")).toBeUndefined();
    expect(cssBlend("NOT_A_MODE")).toBeUndefined();
    expect(cssBlend(3)).toBeUndefined();
  });

  it("round never returns -0", () => {
    expect(Object.is(round(-0.001), 0)).toBe(true);
    expect(round(1.005, 1)).toBe(1);
    expect(round(2.456)).toBe(2.46);
  });
});
