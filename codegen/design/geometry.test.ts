import { describe, expect, it } from "vitest";
import {
  cssRotation,
  readBox,
  readConstraints,
  readFlexLayout,
  readMinMax,
  readSizing,
  unrotatedSize,
} from "./geometry";

describe("cssRotation", () => {
  it("turns Figma's counter-clockwise radians into clockwise CSS degrees", () => {
    expect(cssRotation({ rotation: Math.PI / 2 })).toBe(-90);
    expect(cssRotation({ rotation: -Math.PI / 6 })).toBe(30);
    expect(cssRotation({ rotation: Math.PI / 4 })).toBe(-45);
  });

  it("normalises to (-180, 180]", () => {
    expect(cssRotation({ rotation: Math.PI })).toBe(180);
    expect(cssRotation({ rotation: -Math.PI })).toBe(180);
    // 270° counter-clockwise is 90° clockwise.
    expect(cssRotation({ rotation: (3 * Math.PI) / 2 })).toBe(90);
    expect(cssRotation({ rotation: -(3 * Math.PI) / 2 })).toBe(-90);
  });

  it("is undefined for no or negligible rotation", () => {
    expect(cssRotation({})).toBeUndefined();
    expect(cssRotation({ rotation: 0 })).toBeUndefined();
    expect(cssRotation({ rotation: 0.0005 })).toBeUndefined();
    expect(cssRotation({ rotation: 2 * Math.PI })).toBeUndefined();
    expect(cssRotation({ rotation: "1" })).toBeUndefined();
  });
});

describe("unrotatedSize", () => {
  it("prefers an explicit size", () => {
    expect(unrotatedSize({ size: { x: 100, y: 50 } }, { x: 0, y: 0, width: 1, height: 1 }, 30)).toEqual({
      w: 100,
      h: 50,
    });
  });

  it("is the bounds when unrotated", () => {
    expect(unrotatedSize({}, { x: 0, y: 0, width: 80, height: 20 }, undefined)).toEqual({ w: 80, h: 20 });
  });

  it("swaps width and height at 90°", () => {
    // A 100×50 box turned a quarter has 50×100 bounds.
    const size = unrotatedSize({}, { x: 0, y: 0, width: 50, height: 100 }, -90);
    expect(size.w).toBeCloseTo(100, 6);
    expect(size.h).toBeCloseTo(50, 6);
  });

  it("solves the bounds of a 100×50 box at 30°", () => {
    // bounds = (100·cos30 + 50·sin30, 100·sin30 + 50·cos30) = (111.6025, 93.3013)
    const bounds = { x: 0, y: 0, width: 100 * Math.cos(Math.PI / 6) + 25, height: 50 + 50 * Math.cos(Math.PI / 6) };
    expect(bounds.width).toBeCloseTo(111.6025, 4);
    const size = unrotatedSize({}, bounds, 30);
    expect(size.w).toBeCloseTo(100, 6);
    expect(size.h).toBeCloseTo(50, 6);
  });

  it("assumes a square at 45°", () => {
    const size = unrotatedSize({}, { x: 0, y: 0, width: 100 * Math.SQRT2, height: 100 * Math.SQRT2 }, 45);
    expect(size.w).toBeCloseTo(100, 6);
    expect(size.h).toBeCloseTo(100, 6);
  });
});

describe("readBox", () => {
  it("reads a box and clamps negative sizes; refuses incomplete ones", () => {
    expect(readBox({ x: 1, y: 2, width: -3, height: 4 })).toEqual({ x: 1, y: 2, width: 0, height: 4 });
    expect(readBox({ x: 1, y: 2, width: 3 })).toBeUndefined();
    expect(readBox(null)).toBeUndefined();
  });
});

describe("readFlexLayout", () => {
  it("reads a row with gap, padding and alignment", () => {
    const node = {
      layoutMode: "HORIZONTAL",
      itemSpacing: 8,
      paddingTop: 4,
      paddingRight: 16,
      paddingBottom: 4,
      paddingLeft: 16,
      primaryAxisAlignItems: "CENTER",
      counterAxisAlignItems: "MAX",
    };
    expect(readFlexLayout(node)).toEqual({
      dir: "row",
      gap: 8,
      padding: [4, 16, 4, 16],
      justify: "center",
      align: "end",
    });
  });

  it("drops the gap for space-between and reads wrapping", () => {
    const node = {
      layoutMode: "VERTICAL",
      itemSpacing: 20,
      primaryAxisAlignItems: "SPACE_BETWEEN",
      layoutWrap: "WRAP",
      counterAxisSpacing: 12,
      counterAxisAlignItems: "BASELINE",
    };
    expect(readFlexLayout(node)).toEqual({
      dir: "column",
      gap: 0,
      padding: [0, 0, 0, 0],
      justify: "space-between",
      align: "baseline",
      wrap: true,
      crossGap: 12,
    });
  });

  it("is undefined without auto layout", () => {
    expect(readFlexLayout({ layoutMode: "NONE" })).toBeUndefined();
    expect(readFlexLayout({})).toBeUndefined();
  });
});

describe("readSizing", () => {
  it("uses layoutSizingHorizontal/Vertical when present", () => {
    expect(readSizing({ layoutSizingHorizontal: "FILL", layoutSizingVertical: "HUG", layoutGrow: 0 }, "row")).toEqual({
      h: "fill",
      v: "hug",
    });
    expect(
      readSizing({ layoutSizingHorizontal: "FIXED", layoutSizingVertical: "FIXED", layoutGrow: 1 }, "row"),
    ).toEqual({ h: "fixed", v: "fixed" });
  });

  it("derives fill from layoutGrow on the parent's axis and layoutAlign STRETCH across it", () => {
    expect(readSizing({ type: "RECTANGLE", layoutGrow: 1, layoutAlign: "STRETCH" }, "row")).toEqual({
      h: "fill",
      v: "fill",
    });
    expect(readSizing({ type: "RECTANGLE", layoutGrow: 1, layoutAlign: "INHERIT" }, "column")).toEqual({
      h: "fixed",
      v: "fill",
    });
    expect(readSizing({ type: "RECTANGLE", layoutAlign: "STRETCH" }, "column")).toEqual({ h: "fill", v: "fixed" });
    expect(readSizing({ type: "RECTANGLE" }, "row")).toEqual({ h: "fixed", v: "fixed" });
  });

  it("derives hug from the auto-layout frame's own sizing modes", () => {
    expect(
      readSizing(
        { layoutMode: "HORIZONTAL", primaryAxisSizingMode: "AUTO", counterAxisSizingMode: "FIXED" },
        undefined,
      ),
    ).toEqual({ h: "hug", v: "fixed" });
    expect(
      readSizing({ layoutMode: "VERTICAL", primaryAxisSizingMode: "FIXED", counterAxisSizingMode: "AUTO" }, undefined),
    ).toEqual({ h: "hug", v: "fixed" });
    // As a child, layoutGrow still wins on the parent's axis.
    expect(
      readSizing(
        { layoutMode: "VERTICAL", primaryAxisSizingMode: "AUTO", counterAxisSizingMode: "AUTO", layoutGrow: 1 },
        "row",
      ),
    ).toEqual({ h: "fill", v: "hug" });
  });

  it("reads a missing sizing mode as AUTO (REST omits default values)", () => {
    // Real replies leave out primaryAxisSizingMode / counterAxisSizingMode when they are AUTO (hug).
    expect(readSizing({ layoutMode: "HORIZONTAL" }, undefined)).toEqual({ h: "hug", v: "hug" });
    expect(readSizing({ layoutMode: "HORIZONTAL", primaryAxisSizingMode: "FIXED" }, undefined)).toEqual({
      h: "fixed",
      v: "hug",
    });
    expect(readSizing({ layoutMode: "VERTICAL", counterAxisSizingMode: "FIXED" }, undefined)).toEqual({
      h: "fixed",
      v: "hug",
    });
  });

  it("derives hug for auto-resizing text", () => {
    expect(readSizing({ type: "TEXT", style: { textAutoResize: "WIDTH_AND_HEIGHT" } }, "row")).toEqual({
      h: "hug",
      v: "hug",
    });
    expect(readSizing({ type: "TEXT", style: { textAutoResize: "HEIGHT" } }, "row")).toEqual({ h: "fixed", v: "hug" });
    expect(readSizing({ type: "TEXT", style: { textAutoResize: "NONE" } }, "row")).toEqual({ h: "fixed", v: "fixed" });
    // A grid frame in an older reply (no layoutSizing fields) is as drawn; a grid's child never reads flex fields.
    expect(readSizing({ type: "FRAME", layoutMode: "GRID" }, undefined)).toEqual({ h: "fixed", v: "fixed" });
    expect(readSizing({ type: "FRAME", layoutGrow: 1, layoutAlign: "STRETCH" }, "grid")).toEqual({
      h: "fixed",
      v: "fixed",
    });
  });

  it("says nothing for a plain node outside auto layout", () => {
    expect(readSizing({ type: "RECTANGLE" }, undefined)).toEqual({});
  });
});

describe("readConstraints / readMinMax", () => {
  it("maps constraints; left/top are the default and omitted", () => {
    expect(readConstraints({ constraints: { horizontal: "RIGHT", vertical: "BOTTOM" } })).toEqual({
      constraintH: "right",
      constraintV: "bottom",
    });
    expect(readConstraints({ constraints: { horizontal: "LEFT_RIGHT", vertical: "TOP_BOTTOM" } })).toEqual({
      constraintH: "left-right",
      constraintV: "top-bottom",
    });
    expect(readConstraints({ constraints: { horizontal: "CENTER", vertical: "SCALE" } })).toEqual({
      constraintH: "center",
      constraintV: "scale",
    });
    expect(readConstraints({ constraints: { horizontal: "LEFT", vertical: "TOP" } })).toEqual({});
    expect(readConstraints({})).toEqual({});
  });

  it("keeps positive, finite min/max sizes", () => {
    expect(readMinMax({ minWidth: 120.456, maxWidth: 1e7, minHeight: 0, maxHeight: 480 })).toEqual({
      minW: 120.46,
      maxH: 480,
    });
  });
});
