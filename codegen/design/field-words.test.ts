import { describe, expect, it } from "vitest";
import { fieldWords } from "./field-words";

describe("fieldWords", () => {
  it("says Figma's override fields as Figma's panels do, each thing once", () => {
    expect(
      fieldWords(["inheritFillStyleId", "fills", "lineHeightPx", "lineHeightPercent", "itemSpacing", "visible"]),
    ).toEqual(["fill style", "fill", "line height", "gap", "visibility"]);
  });

  it("says a grid's fields as the grid panel does", () => {
    expect(
      fieldWords(["gridColumnsSizing", "gridColumnCount", "gridRowGap", "gridColumnSpan", "gridRowAnchorIndex"]),
    ).toEqual(["grid tracks", "gap", "grid span", "grid position"]);
  });

  it("spells out a field it does not know, without Figma's inherit… and …Id", () => {
    expect(fieldWords(["strokeMiterLimit", "inheritFooStyleId"])).toEqual(["stroke miter limit", "foo style"]);
  });
});
