import { describe, expect, it } from "vitest";
import type { FrameFidelity, RestNode } from "./design-nodes.js";
import { probeBoxes, probeSource } from "./probe.js";
import type { WidthFigures } from "./responsive.js";
import type { TextVerdict } from "./classify.js";
import { fidelityScore, layerDiffs } from "./score.js";
import { fidelityScoreField } from "../../contract/fidelity.js";

const box = (x: number, y: number, width: number, height: number) => ({ x, y, width, height });
const frame: RestNode = {
  id: "1:1",
  name: "Page",
  type: "FRAME",
  absoluteBoundingBox: box(100, 100, 400, 300),
  children: [
    { id: "1:2", name: "Title", type: "TEXT", characters: "Hello", absoluteBoundingBox: box(110, 110, 100, 20) },
    { id: "1:3", name: "Hero", type: "RECTANGLE", absoluteBoundingBox: box(100, 140, 400, 100) },
    { id: "1:4", name: "Icon", type: "VECTOR", absoluteBoundingBox: box(120, 260, 16, 16) },
  ],
};
const fidelity = (over: Partial<FrameFidelity>): FrameFidelity => ({
  id: "1:1",
  name: "Page",
  meanIoU: 0.9,
  matched: 0.75,
  textCoverage: 1,
  absoluteInAutoLayout: 0,
  overflowAt80: false,
  width: 400,
  height: 300,
  unmatched: [],
  worst: [],
  ...over,
});
const figures = (width: number, textVisible: number, problems: TextVerdict[] = []): WidthFigures => ({
  width,
  overflowPx: 0,
  overflow: false,
  textVisible,
  textMissing: 0,
  textClipped: 1 - textVisible,
  textCovered: 0,
  textIllegible: 0,
  textTooSmall: 0,
  hiddenByDesign: 0,
  problems,
  blankBelowPx: 0,
  viewportHeight: 844,
  overlappingPairs: 0,
  pairs: [],
  texts: 1,
});

describe("fidelityScore", () => {
  it("lists missing, hidden and off layers worst first, with the design's box and the rendered one", () => {
    const diffs = layerDiffs(
      frame,
      fidelity({
        unmatched: ["1:4", "1:3"],
        worst: [{ id: "1:2", name: "Title", iou: 0.5, design: box(10, 10, 100, 20), rendered: box(50, 10, 100, 20) }],
      }),
    );
    // Two missing layers (IoU 0): the larger first; then the one 40 px off.
    expect(diffs.map((d) => [d.nodeId, d.problem, d.iou])).toEqual([
      ["1:3", "missing", 0],
      ["1:4", "missing", 0],
      ["1:2", "off", 0.5],
    ]);
    expect(diffs[0]!.design).toEqual(box(0, 40, 400, 100));
    expect(diffs[0]!.rendered).toBeUndefined();
    expect(diffs[2]!.rendered).toEqual(box(50, 10, 100, 20));
  });

  it("gives IoU×matched, the design width first and the texts not seen at each width", () => {
    const cut: TextVerdict = {
      id: "1:2",
      name: "Title",
      class: "clipped",
      area: 2000,
      visible: 0.5,
      detail: "cut to “Hel”",
    };
    const score = fidelityScore(frame, fidelity({}), [figures(390, 0.5, [cut]), figures(400, 1)], ["Inter"]);
    expect(score.iouMatched).toBe(0.675);
    expect(score.widths.map((w) => w.width)).toEqual([400, 390]);
    expect(score.widths[0]!.hiddenTexts).toEqual([]);
    expect(score.widths[1]!.hiddenTexts).toEqual([
      { nodeId: "1:2", name: "Title", visible: 0.5, problem: "clipped", detail: "cut to “Hel”" },
    ]);
    expect(score.widths[1]!.text).toEqual({
      visible: 0.5,
      missing: 0,
      clipped: 0.5,
      covered: 0,
      illegible: 0,
      "too-small": 0,
    });
    expect(score.fontsMissing).toEqual(["Inter"]);
  });
});

describe("a layer named with a paragraph", () => {
  it("keeps its name cut to 200 characters, so that the score can be kept (History refuses longer names)", () => {
    const long = "Design tokens are the heart of it. ".repeat(60);
    const named = { ...frame, name: long, children: frame.children!.map((c) => ({ ...c, name: long })) };
    const cut: TextVerdict = {
      id: "1:2",
      name: long,
      class: "clipped",
      area: 2000,
      visible: 0.5,
      detail: "cut to “Hel”",
    };
    const score = fidelityScore(named, fidelity({ unmatched: ["1:3"] }), [figures(390, 0.5, [cut]), figures(400, 1)]);
    expect(fidelityScoreField.check(score, "score")).toEqual(score);
    expect(Array.from(score.frameName)).toHaveLength(200);
    expect(score.frameName.endsWith("…")).toBe(true);
    expect(Array.from(score.worst[0]!.name)).toHaveLength(200);
    expect(Array.from(score.widths[1]!.hiddenTexts[0]!.name)).toHaveLength(200);
  });
});

describe("probeSource", () => {
  it("is the probe's own code, called with its argument as JSON (it runs where the module cannot be imported)", () => {
    const source = probeSource(probeBoxes, { rootId: "1:1", ids: ["1:2"] });
    expect(source.startsWith("(")).toBe(true);
    expect(source).toContain(`{"rootId":"1:1","ids":["1:2"]}`);
    // Self-contained: evaluated with only a stub page, it answers.
    const stub = {
      document: { querySelectorAll: () => [] },
      getComputedStyle: () => ({ position: "static" }),
    };
    const run = new Function("globalThis", `return ${source}`) as (g: unknown) => unknown;
    expect(run(stub)).toEqual({ root: null, elements: [null] });
  });
});
