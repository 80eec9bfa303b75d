import { describe, expect, it } from "vitest";
import { agree, plural, pluralGrouped } from "./plural.js";

describe("plural", () => {
  it("puts the noun in the singular for one only", () => {
    expect([plural(0, "frame"), plural(1, "frame"), plural(3, "frame"), plural(1312, "frame")]).toEqual([
      "0 frames",
      "1 frame",
      "3 frames",
      "1312 frames",
    ]);
    expect([plural(1, "entry", "entries"), plural(2, "entry", "entries")]).toEqual(["1 entry", "2 entries"]);
  });

  it("groups the digits when asked, as the panel does", () => {
    expect([pluralGrouped(1, "frame"), pluralGrouped(1312, "frame")]).toEqual(["1 frame", "1,312 frames"]);
  });

  it("gives the agreeing word alone, for verbs and nouns written apart from their count", () => {
    expect([agree(1, "is", "are"), agree(0, "is", "are"), agree(2, "picture"), agree(1, "picture")]).toEqual([
      "is",
      "are",
      "pictures",
      "picture",
    ]);
  });
});
