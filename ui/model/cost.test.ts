import { describe, expect, it } from "vitest";
import { int } from "./cost.js";

describe("int", () => {
  it("writes whole numbers as toLocaleString('en-US') does, without Intl", () => {
    for (const n of [
      0,
      7,
      999,
      1000,
      1234.4,
      1234.5,
      24000,
      999_999,
      1_000_000,
      123_456_789,
      -1,
      -1000,
      -1234567.2,
      2 ** 40,
    ]) {
      expect(int(n), String(n)).toBe(Math.round(n).toLocaleString("en-US"));
    }
  });
});
