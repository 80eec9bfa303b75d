import { describe, expect, it } from "vitest";
import { relativeTime, timeAgo } from "./time-ago.js";

describe("time ago", () => {
  const now = new Date("2026-11-23T12:00:00Z");

  it("says minutes, hours and days the short way", () => {
    expect(timeAgo("2026-11-23T11:59:30Z", now)).toBe("just now");
    expect(timeAgo("2026-11-23T11:55:00Z", now.getTime())).toBe("5 min ago");
    expect(timeAgo("2026-11-23T09:30:00Z", now)).toBe("2 h ago");
    expect(timeAgo("2026-11-21T11:00:00Z", now)).toBe("2 d ago");
    expect(timeAgo("2026-11-03T12:00:00Z", now)).toBe("20 d ago");
    expect(timeAgo("2026-11-23T12:00:05Z", now)).toBe("just now");
  });

  it("gives the date after a week", () => {
    expect(relativeTime("2026-11-20T12:00:00Z", now)).toBe("3 d ago");
    expect(relativeTime("2026-11-16T12:00:01Z", now)).toBe("6 d ago");
    expect(relativeTime("2026-11-03T12:00:00Z", now)).toBe("Nov 3");
    expect(relativeTime("2025-11-03T12:00:00Z", now)).toBe("Nov 3, 2025");
  });
});
