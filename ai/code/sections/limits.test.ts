import { describe, expect, it } from "vitest";
import { imageTiles } from "../../estimate/estimate.js";
import { imageLimits, providerScale, tilesFor } from "./limits.js";

describe("image limits", () => {
  const high = imageLimits("high");

  it("says how the provider scales a picture at high detail: 2048 long side, then 768 short side", () => {
    expect(providerScale(1440, 900, high)).toBeCloseTo(768 / 900, 5);
    expect(providerScale(1440, 5594, high)).toBeCloseTo(2048 / 5594, 5);
    expect(providerScale(700, 2000, high)).toBe(1);
    expect(providerScale(512, 512, imageLimits("low"))).toBe(1);
    expect(providerScale(1024, 512, imageLimits("low"))).toBe(0.5);
  });

  it("cuts a tall band into tiles the provider leaves unscaled, covering it exactly", () => {
    for (const rect of [
      { x: 0, y: 100, w: 1440, h: 2000 },
      { x: 0, y: 0, w: 375, h: 5000 },
      { x: 0, y: 0, w: 3000, h: 900 },
      { x: 0, y: 7, w: 2880, h: 4096 },
    ]) {
      const tiles = tilesFor(rect, high);
      expect(tiles.length).toBeGreaterThan(1);
      for (const t of tiles) {
        expect(providerScale(t.w, t.h, high)).toBe(1);
        // The estimate's tile count of a tile is the count of the tile as sent (no scaling before tiling).
        expect(imageTiles(t.w, t.h)).toBe(Math.ceil(t.w / 512) * Math.ceil(t.h / 512));
      }
      expect(tiles.reduce((sum, t) => sum + t.w * t.h, 0)).toBe(rect.w * rect.h);
      expect(Math.min(...tiles.map((t) => t.y))).toBe(rect.y);
      expect(Math.max(...tiles.map((t) => t.y + t.h))).toBe(rect.y + rect.h);
    }
  });

  it("keeps a band that fits as one tile", () => {
    expect(tilesFor({ x: 0, y: 0, w: 1440, h: 700 }, high)).toEqual([{ x: 0, y: 0, w: 1440, h: 700 }]);
    expect(tilesFor({ x: 0, y: 0, w: 0, h: 700 }, high)).toEqual([]);
  });
});
