import { describe, expect, it } from "vitest";
import { pageViewport } from "./browser.js";

describe("pageViewport: the sizes Chromium is given", () => {
  it("whole pixels, at least 1", () => {
    expect(pageViewport({ width: 514.4, height: 0.2 })).toEqual({ width: 514, height: 1 });
  });

  it("refuses a size that is no finite number in words (Playwright said: expected integer, got float NaN)", () => {
    expect(() => pageViewport({ width: 390, height: NaN })).toThrow(
      "a page's viewport must be a finite size in px, not 390×NaN",
    );
    expect(() => pageViewport({ width: Infinity, height: 844 })).toThrow(/not Infinity×844/);
  });
});
