import { describe, expect, it } from "vitest";
import { loadDesign } from "./load";

const box = (x: number, y: number, width: number, height: number) => ({ absoluteBoundingBox: { x, y, width, height } });
const WHITE = [{ type: "SOLID", color: { r: 1, g: 1, b: 1, a: 1 } }];

describe("loadDesign's notes", () => {
  it("names an empty frame it skips as Figma does, its id only as the problem's node", () => {
    const page = {
      document: {
        id: "0:1",
        type: "CANVAS",
        name: "Page 1",
        children: [
          { id: "1:2", type: "FRAME", name: "Frame 12", ...box(0, 0, 100, 100), fills: WHITE, children: [] },
          {
            id: "1:3",
            type: "FRAME",
            name: "Card",
            ...box(200, 0, 100, 100),
            fills: WHITE,
            children: [{ id: "1:4", type: "RECTANGLE", name: "Fill", ...box(200, 0, 10, 10), fills: WHITE }],
          },
        ],
      },
    };
    const { problems } = loadDesign(page);
    expect(problems.filter((p) => p.code === "empty-frame")).toEqual([
      {
        severity: "warning",
        code: "empty-frame",
        message: 'frame "Frame 12" has no visible layers; skipped',
        nodeId: "1:2",
      },
    ]);
  });
});
