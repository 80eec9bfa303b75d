import { describe, expect, it } from "vitest";
import { coverWords } from "./classify.js";

describe("coverWords", () => {
  const names = new Map([
    ["1:5", "Hero"],
    ["I2:3;4:5", "Card"],
  ]);
  const nameOf = (id: string): string | undefined => names.get(id);
  it("names a layer by its name, an element of no layer by its tag, a pseudo-element as its element's", () => {
    expect(coverWords("1:5", nameOf)).toBe("“Hero”");
    expect(coverWords("1:5::after", nameOf)).toBe("the ::after of “Hero”");
    expect(coverWords("I2:3;4:5::before", nameOf)).toBe("the ::before of “Card”");
    expect(coverWords("<div>", nameOf)).toBe("a <div> that is no layer of the design");
    expect(coverWords("<section>::after", nameOf)).toBe("the ::after of a <section> that is no layer of the design");
    // A layer the design does not name: its id.
    expect(coverWords("9:9::after", nameOf)).toBe("the ::after of “9:9”");
  });
});
