import { describe, expect, it } from "vitest";
import { rnStyle } from "./style.js";

const entries = (value: string) => rnStyle([["clip-path", value]]);

describe("a mask's clip in React Native", () => {
  it("clips to the box, rounded as the mask's rectangle, or round for an ellipse over the whole box", () => {
    expect(entries("inset(0 0 0 0)").entries).toEqual([["overflow", '"hidden"']]);
    expect(entries("inset(0 0% 0 0 round 8px)").entries).toEqual([
      ["overflow", '"hidden"'],
      ["borderRadius", "8"],
    ]);
    expect(entries("inset(0 0 0 0 round 1px 2px 3px 4px)").entries).toContainEqual(["borderBottomLeftRadius", "4"]);
    expect(entries("ellipse(50% 50% at 50% 50%)").entries).toEqual([
      ["overflow", '"hidden"'],
      ["borderRadius", '"50%"'],
    ]);
  });
  it("leaves out what it cannot draw: part of the box, a path, an ellipse elsewhere", () => {
    for (const value of ["inset(10% 0 0 0)", 'path("M0 0L10 10Z")', "ellipse(20% 30% at 40% 50%)"]) {
      const got = entries(value);
      expect(got.entries, value).toEqual([]);
      expect(got.dropped, value).toEqual([`clip-path: ${value}`]);
    }
  });
});
