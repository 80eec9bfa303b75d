import { describe, expect, it } from "vitest";
import { flexOf } from "../design/layout-kind.js";
import type { DesignNode } from "../design/types.js";
import { placementDecls } from "../emit/css.js";
import { inferLayout } from "./index.js";
import { planFlow } from "./spacing.js";
import { find, picture, text } from "../../test/helpers/layout-nodes.js";

const page = (children: DesignNode[]): DesignNode => ({
  id: "1:1",
  name: "Stores",
  kind: "frame",
  w: 1440,
  h: 1200,
  clip: true,
  children,
});
describe("layers drawn past the frame's edges keep their drawn place (issue 49, bleed)", () => {
  it(
    "a first item drawn above the box's start keeps it: a negative " + "margin before it, not everything moved down",
    () => {
      const plan = planFlow("column", { x: 0, y: 0, w: 1440, h: 1200 }, [
        { x: 0, y: -47, w: 1440, h: 600 },
        { x: 120, y: 600, w: 600, h: 40 },
      ]);
      expect(plan.items[0]!.flow.before).toBe(-47);
      expect(plan.layout.padding[0]).toBe(0);
      // The next item keeps its drawn distance from it.
      expect(plan.items[1]!.flow.before).toBeUndefined();
      expect(plan.layout.gap).toBe(47);
    },
  );

  it(
    "a part drawn past a side keeps its box: placed where drawn, " + "as wide as drawn, neither padding nor filling",
    () => {
      const plan = planFlow("column", { x: 0, y: 0, w: 1440, h: 1000 }, [
        { x: 120, y: 0, w: 600, h: 40 },
        { x: -40, y: 100, w: 1520, h: 500 },
      ]);
      expect(plan.items[1]).toEqual({ flow: { offset: -40 }, crossFill: false });
      // A pixel or two past a side is a drawing's rounding, not a bleed.
      const rounding = planFlow("column", { x: 0, y: 0, w: 1440, h: 1000 }, [{ x: -1, y: 0, w: 1442, h: 40 }]);
      expect(rounding.items[0]!.crossFill).toBe(true);
    },
  );

  it("Stores: a hero picture 47 px above the frame's top, everything below it where drawn", () => {
    const drawn = page([
      picture("hero", 0, -47, 1440, 647),
      text("title", 120, 200, 600, 60),
      text("below", 120, 700, 600, 40),
    ]);
    const out = inferLayout({ frames: [drawn], assets: {} }).frames[0]!;
    const first = out.children!.find((c) => !c.absolute)!;
    expect(first.flow?.before).toBe(-47);
    expect(out.layout!.padding[0]).toBe(0);
  });

  it("a picture wider than the frame keeps its drawn box, wider than the column by as much", () => {
    const drawn = page([
      text("title", 120, 40, 600, 60),
      picture("wide", -40, 200, 1520, 500),
      text("t", 120, 800, 600, 40),
    ]);
    const out = inferLayout({ frames: [drawn], assets: {} }).frames[0]!;
    const wide = find(out, "wide")!;
    expect(wide).toMatchObject({ sizeH: "fixed", flow: { offset: -40 } });
    const column = out.children!.find((c) => (c.children ?? []).includes(wide)) ?? out;
    expect(placementDecls(wide, column)).toContainEqual(["max-width", "calc(100% + 80px)"]);
    // On a frame that does not clip, the page would scroll sideways: the picture takes the column's width.
    const open = inferLayout({ frames: [{ ...drawn, clip: undefined }], assets: {} }).frames[0]!;
    expect(find(open, "wide")!.flow?.offset).toBeUndefined();
  });

  it("a picture past the left side of a row keeps its place: a negative margin before it", () => {
    const drawn = page([picture("hero", -200, 0, 600, 945), text("sign in", 860, 200, 380, 60)]);
    const out = inferLayout({ frames: [{ ...drawn, h: 945 }], assets: {} }).frames[0]!;
    expect(flexOf(out)?.dir).toBe("row");
    expect(find(out, "hero")!.flow?.before).toBe(-200);
  });

  it("a section's content running past its base's bottom keeps the base's height at the design width", () => {
    // The picture under a header moved up past the frame's top; the band drawn on it was left where it was.
    const drawn = page([
      picture("hero", 0, -24, 1440, 677),
      text("title", 120, 40, 600, 60),
      { ...picture("band", 0, 200, 1440, 477), fills: [{ kind: "solid", color: "#333333" }] },
      text("below", 120, 800, 600, 40),
    ]);
    const out = inferLayout({ frames: [drawn], assets: {} }).frames[0]!;
    const stack = out.children!.find((c) => find(c, "band"))!;
    expect(stack).toMatchObject({ name: "Stack", growBelow: 1440, sizeV: "fixed", h: 677 });
  });
});
