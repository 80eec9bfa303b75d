import { describe, expect, it } from "vitest";
import { plural, pluralGrouped } from "./plural.js";

describe("plural", () => {
  it("puts the noun in the singular for one only", () => {
    expect([plural(0, "frame"), plural(1, "frame"), plural(3, "frame"), plural(1312, "frame")]).toEqual(["0 frames", "1 frame", "3 frames", "1312 frames"]);
    expect([plural(1, "entry", "entries"), plural(2, "entry", "entries")]).toEqual(["1 entry", "2 entries"]);
  });

  it("groups the digits when asked, as the panel does", () => {
    expect([pluralGrouped(1, "frame"), pluralGrouped(1312, "frame")]).toEqual(["1 frame", "1,312 frames"]);
  });
});
