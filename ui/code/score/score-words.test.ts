import { describe, expect, it } from "vitest";
import { problemWords } from "./score-view.js";

describe("a layer's difference, in a designer's words", () => {
  const design = { x: 0, y: 0, width: 16, height: 16 };
  it("says a layer is missing or hidden without ids or CSS terms", () => {
    expect(problemWords({ nodeId: "1:4", name: "Icon", problem: "missing", iou: 0, design })).toBe(
      "missing: not in the generated page",
    );
    expect(problemWords({ nodeId: "1:4", name: "Icon", problem: "hidden", iou: 0, design })).toBe(
      "hidden: in the page but not shown",
    );
  });

  it("says how far a layer that is off moved", () => {
    expect(
      problemWords({
        nodeId: "1:4",
        name: "Icon",
        problem: "off",
        iou: 0.5,
        design,
        rendered: { x: 40, y: 0, width: 16, height: 16 },
      }),
    ).toBe("40 px right");
  });
});
