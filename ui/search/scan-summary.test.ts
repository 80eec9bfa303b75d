import { describe, expect, it } from "vitest";
import { pluralGrouped as plural } from "../../kernel/plural.js";
import { changesText } from "./scan-summary.js";

describe("scan summary", () => {
  it("says what changed, only what did, or that the index is up to date", () => {
    expect(changesText({ added: ["1:1", "1:2"], reindexed: ["2:1"], dropped: ["3:1"], unchanged: 308 })).toBe(
      "2 new, 1 changed, 1 removed",
    );
    expect(changesText({ added: [], reindexed: ["2:1"], dropped: [], unchanged: 3 })).toBe("1 changed");
    expect(changesText({ added: [], reindexed: [], dropped: [], unchanged: 3 })).toBe("up to date");
    expect(changesText(undefined)).toBe("");
    expect([plural(1, "frame"), plural(1312, "frame")]).toEqual(["1 frame", "1,312 frames"]);
  });
});
