import { describe, expect, it } from "vitest";
import { clampWidth, maxWidth, previewLayout, widthOf } from "./preview-size.js";

const design = { width: 1440, height: 4000 };

describe("preview widths", () => {
  it(
    "presets are 390, 768 and the design's width; a dragged " +
      "width stays within 320 and 1920 (or the design's, if wider)",
    () => {
      expect(widthOf("phone", design)).toBe(390);
      expect(widthOf("tablet", design)).toBe(768);
      expect(widthOf("design", design)).toBe(1440);
      expect(widthOf(100, design)).toBe(320);
      expect(clampWidth(5000, design)).toBe(1920);
      expect(maxWidth({ width: 2051, height: 734 })).toBe(2051);
      expect(clampWidth(612.4, design)).toBe(612);
    },
  );

  it(
    "at the design width a frame that fits legibly is shown whole; else the page is " +
      "laid out at the real width, scaled to the room's width, as tall as the room shows",
    () => {
      const room = { width: 360, height: 500 };
      // A phone screen: whole, at 62.5 %.
      expect(previewLayout(room, { width: 375, height: 800 }, "design")).toEqual({
        viewport: { width: 375, height: 800 },
        scale: 0.625,
      });
      // A long desktop page: whole it would be 12.5 %; fitted by its width (25 %), it scrolls.
      expect(previewLayout(room, design, "design")).toEqual({ viewport: { width: 1440, height: 2000 }, scale: 0.25 });
      const phone = previewLayout(room, design, "phone");
      expect(phone.viewport.width).toBe(390);
      expect(phone.scale).toBeCloseTo(360 / 390, 6);
      expect(phone.viewport.height).toBe(Math.floor(500 / (360 / 390)));
      // Never enlarged past 100 %.
      expect(previewLayout({ width: 2000, height: 2000 }, design, "tablet")).toEqual({
        viewport: { width: 768, height: 2000 },
        scale: 1,
      });
      // Before the room is measured: the viewport at scale 1.
      expect(previewLayout({ width: 0, height: 0 }, design, "phone")).toEqual({
        viewport: { width: 390, height: 4000 },
        scale: 1,
      });
    },
  );
});
