import { describe, expect, it } from "vitest";
import { parseRetryAfterSec } from "./retry-after.js";

describe("parseRetryAfterSec", () => {
  it("reads delta-seconds and HTTP dates; refuses the rest", () => {
    expect(parseRetryAfterSec("7")).toBe(7);
    expect(parseRetryAfterSec(" 1.5 ")).toBe(1.5);
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(parseRetryAfterSec("Thu, 01 Jan 2026 00:00:05 GMT", now)).toBe(5);
    expect(parseRetryAfterSec("Wed, 31 Dec 2025 23:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfterSec("soon")).toBeUndefined();
    expect(parseRetryAfterSec("-1")).toBeUndefined();
    expect(parseRetryAfterSec(null)).toBeUndefined();
    expect(parseRetryAfterSec("")).toBeUndefined();
  });
});
