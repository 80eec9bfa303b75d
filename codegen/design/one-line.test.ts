import { describe, expect, it } from "vitest";
import { drawnOnOneLine } from "./one-line.js";

describe("drawnOnOneLine", () => {
  it("is a box under one and a half lines tall with no line break", () => {
    expect(drawnOnOneLine({ chars: "Sign in" }, 20, 20)).toBe(true);
    expect(drawnOnOneLine({ chars: "Sign in" }, 14, 16)).toBe(true);
    expect(drawnOnOneLine({ chars: "Sign in" }, 30, 20)).toBe(false);
    expect(drawnOnOneLine({ chars: "Sign\nin" }, 20, 20)).toBe(false);
    expect(drawnOnOneLine({ chars: "Sign in" }, 20, 0)).toBe(false);
  });
});
