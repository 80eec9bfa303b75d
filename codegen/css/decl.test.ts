import { describe, expect, it } from "vitest";
import { type Decl, lastValue } from "./decl.js";

describe("lastValue", () => {
  it("is the last declaration's value of a property, trimmed (the one CSS applies)", () => {
    const decls: Decl[] = [
      ["display", "flex"],
      ["width", "10px"],
      ["display", " none "],
    ];
    expect(lastValue(decls, "display")).toBe("none");
    expect(lastValue(decls, "width")).toBe("10px");
    expect(lastValue(decls, "height")).toBeUndefined();
  });
});
