/** The layer description's arrival check: a tree the reader writes passes; wrong payloads, runs and sizes fail. */
import { describe, expect, it } from "vitest";
import { checkLayerDocument, checkLayerNode, type LayerNode, MAX_LAYER_NODES } from "./layers.js";

const black = { r: 0, g: 0, b: 0, a: 1 };
const text: LayerNode = {
  kind: "text",
  name: "Title",
  box: { x: 16, y: 16, w: 200, h: 24 },
  text: {
    characters: "Hello world",
    runs: [
      {
        start: 0,
        end: 6,
        family: "Inter",
        weight: 400,
        italic: false,
        size: 16,
        letterSpacing: 0,
        decoration: "NONE",
        textCase: "ORIGINAL",
        fill: black,
      },
      {
        start: 6,
        end: 11,
        family: "Inter",
        weight: 700,
        italic: true,
        size: 16,
        lineHeight: 24,
        letterSpacing: 0,
        decoration: "UNDERLINE",
        textCase: "ORIGINAL",
        fill: black,
      },
    ],
    align: "LEFT",
    alignVertical: "TOP",
    autoResize: "HEIGHT",
  },
};
const frame: LayerNode = {
  kind: "frame",
  name: "card",
  box: { x: 0, y: 0, w: 320, h: 200 },
  autoLayout: {
    mode: "VERTICAL",
    gap: 8,
    padding: { top: 16, right: 16, bottom: 16, left: 16 },
    primaryAlign: "MIN",
    counterAlign: "MIN",
    wrap: false,
  },
  fills: [
    { type: "SOLID", color: { r: 1, g: 1, b: 1, a: 1 } },
    {
      type: "GRADIENT_LINEAR",
      handles: [
        { x: 0, y: 0.5 },
        { x: 1, y: 0.5 },
        { x: 0, y: 1 },
      ],
      stops: [
        { position: 0, color: black },
        { position: 1, color: black },
      ],
    },
  ],
  radii: { topLeft: 8, topRight: 8, bottomRight: 8, bottomLeft: 8 },
  effects: [{ type: "DROP_SHADOW", color: black, offset: { x: 0, y: 2 }, spread: 0, radius: 4 }],
  children: [
    text,
    {
      kind: "vector",
      name: "icon",
      box: { x: 0, y: 0, w: 24, h: 24 },
      svg: "<svg/>",
      parts: [{ sourceId: "1:2", box: { x: 2, y: 2, w: 20, h: 20 } }],
    },
  ],
};

describe("checkLayerNode", () => {
  it("accepts a tree as the reader writes it", () => {
    expect(checkLayerNode(frame)).toEqual(frame);
    const doc = { name: "page", width: 1440, root: frame, notes: [], elements: 3, truncated: false };
    expect(checkLayerDocument(doc)).toEqual(doc);
  });

  it.each([
    [{ ...text, text: undefined }, "root.text must be present on a text layer"],
    [{ ...frame, svg: "<svg/>" }, "root.svg must be absent"],
    [{ ...text, children: [] }, "root.children must be absent"],
    [{ ...frame, fills: [{ type: "PATTERN" }] }, "root.fills[0].type must be a paint"],
    [
      { ...text, text: { ...text.text, runs: [{ ...text.text!.runs[1], start: 0, end: 12 }] } },
      "root.text.runs[0] must be a range",
    ],
    [{ ...frame, blendMode: "multiply" }, "root.blendMode must be one of"],
  ])("refuses %#", (node, message) => {
    expect(() => checkLayerNode(node)).toThrow(message);
  });

  it("refuses a tree over the layer limit", () => {
    const leaf = { kind: "frame", name: "x", box: { x: 0, y: 0, w: 1, h: 1 } };
    const wide = { ...leaf, children: Array.from({ length: MAX_LAYER_NODES }, () => leaf) };
    expect(() => checkLayerNode(wide)).toThrow(`within ${MAX_LAYER_NODES} layers`);
  });
});
