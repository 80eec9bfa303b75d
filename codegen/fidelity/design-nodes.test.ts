import { describe, expect, it } from "vitest";
import { boundsOf, designViewport, iou, visibleNodes, type RestNode } from "./design-nodes.js";
import { measurePlan } from "./measurement.js";

const box = (x: number, y: number, width: number, height: number) => ({ x, y, width, height });
/** A box as a re-saved file may hold it: "NaN" (a C# writer's NaN), null or nothing where a number belongs. */
const broken = (value: unknown) =>
  ({ x: 0, y: 0, width: value, height: 20 }) as unknown as RestNode["absoluteBoundingBox"];

const frame: RestNode = {
  id: "1:1",
  name: "Page",
  type: "FRAME",
  absoluteBoundingBox: box(100, 100, 400, 300),
  children: [
    { id: "1:2", name: "Title", type: "TEXT", characters: "Hello", absoluteBoundingBox: box(110, 110, 100, 20) },
    { id: "1:3", name: "NaN", type: "TEXT", characters: "Lost", absoluteBoundingBox: broken("NaN") },
    { id: "1:4", name: "Null", type: "RECTANGLE", absoluteBoundingBox: broken(null) },
    { id: "1:5", name: "Infinite", type: "RECTANGLE", absoluteBoundingBox: broken(Infinity) },
    { id: "1:6", name: "None", type: "RECTANGLE" },
  ],
};

describe("a design's boxes as the score reads them (issue 38)", () => {
  it("boundsOf takes four finite numbers as a box, anything else as none", () => {
    expect(boundsOf(frame)).toEqual(box(100, 100, 400, 300));
    expect(frame.children!.slice(1).map(boundsOf)).toEqual([undefined, undefined, undefined, undefined]);
  });

  it("a layer without a box of numbers is not measured; the frame's viewport and every step are whole pixels", () => {
    expect(visibleNodes(frame).map((v) => v.node.id)).toEqual(["1:1", "1:2"]);
    expect(designViewport(frame)).toEqual({ width: 400, height: 300 });
    const plan = measurePlan(frame);
    expect(plan.texts.texts.map((t) => t.id)).toEqual(["1:2"]);
    for (const step of plan.steps)
      expect(
        Number.isInteger(step.width) && Number.isInteger(step.height) && step.width >= 1 && step.height >= 1,
        JSON.stringify(step),
      ).toBe(true);
  });

  it("a frame whose own box holds NaN is refused in words, never measured in a NaN viewport", () => {
    const lost = { ...frame, absoluteBoundingBox: { ...box(0, 0, 400, 0), height: "NaN" } } as unknown as RestNode;
    expect(() => designViewport(lost)).toThrow("frame “Page” has no absoluteBoundingBox (id 1:1)");
    expect(() => measurePlan(lost)).toThrow("frame “Page” has no absoluteBoundingBox (id 1:1)");
  });
});

describe("a line as the score reads it (issue 49)", () => {
  it("is the band its stroke paints: a 5-px rule above its 0-px box, as a reader sees it", () => {
    const slide: RestNode = {
      id: "0:254",
      name: "Timeline",
      type: "FRAME",
      absoluteBoundingBox: box(6360, 5120, 1920, 1080),
      children: [
        {
          id: "0:268",
          name: "Baseline",
          type: "LINE",
          absoluteBoundingBox: box(6480, 5660, 1810, 0),
          ...({
            absoluteRenderBounds: box(6480, 5655, 1800, 5),
            strokes: [{ type: "SOLID", color: { r: 0.2, g: 0.2, b: 0.2, a: 1 } }],
            strokeWeight: 5,
          } as Partial<RestNode>),
        },
      ],
    };
    const line = visibleNodes(slide).find((v) => v.node.id === "0:268")!;
    expect(line.box).toEqual(box(120, 535, 1810, 5));
    // The band rendered where Figma paints it matches; the 0-px box thickened below the line no longer does.
    expect(iou(box(120, 535, 1810, 5), line.box)).toBe(1);
    expect(iou(box(120, 540, 1810, 5), line.box)).toBe(0);
  });
});

describe("IoU at a half-pixel edge (issue 49)", () => {
  it("a box a few hundredths off a half pixel is the box the reader sees, snapped or not", () => {
    // Fitma's menu icon: a 1-px rule at y 81.5, rendered by the icon's SVG at 81.498 (snapped: rows 82 and 81).
    expect(iou(box(25, 81.5, 14, 1), box(24.995, 81.498, 13.995, 0.9996))).toBeGreaterThan(0.99);
    expect(iou(box(369.5, 70, 16.5, 10.5), box(369.464, 70.002, 16.494, 10.496))).toBeGreaterThan(0.99);
    // A 1-px rule laid out 0.2 px lower is painted on the same row: still 1 (snapped).
    expect(iou(box(0, 40, 300, 1), box(0, 40.2, 300, 1))).toBe(1);
    // A rule a whole pixel off is off.
    expect(iou(box(0, 40, 300, 1), box(0, 41, 300, 1))).toBe(0);
  });
});
