import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { chromiumPath, DEBIAN_CHROMIUMS, pageViewport } from "./browser.js";

describe("chromiumPath: the Chromium launched", () => {
  /** Runs `fn` with CHROMIUM_PATH set to `value` (unset: undefined), then puts it back. */
  function withChromiumPath<T>(value: string | undefined, fn: () => T): T {
    const before = process.env.CHROMIUM_PATH;
    if (value === undefined) delete process.env.CHROMIUM_PATH;
    else process.env.CHROMIUM_PATH = value;
    try {
      return fn();
    } finally {
      if (before === undefined) delete process.env.CHROMIUM_PATH;
      else process.env.CHROMIUM_PATH = before;
    }
  }

  it("CHROMIUM_PATH when set, else Debian's headless shell where installed, else its browser", () => {
    expect(withChromiumPath("/opt/chrome/chrome", chromiumPath)).toBe("/opt/chrome/chrome");
    const installed = DEBIAN_CHROMIUMS.filter((path) => existsSync(path));
    expect(withChromiumPath(" ", chromiumPath)).toBe(installed[0] ?? "/usr/bin/chromium");
    expect(withChromiumPath(undefined, chromiumPath)).toBe(installed[0] ?? "/usr/bin/chromium");
  });

  it.runIf(process.env.CI !== undefined)("in CI the tests run the headless shell (.ci/run installs it)", () => {
    expect(withChromiumPath(undefined, chromiumPath)).toBe("/usr/bin/chromium-headless-shell");
  });
});

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
