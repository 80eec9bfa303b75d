/** What Figma calls top-level frames, as `figment frames` lists them and `figment code` converts them. */
import { describe, expect, it } from "vitest";
import { loadDesign } from "../load.js";
import { convertedFrames, topLevelFrames } from "./top-frames.js";

const box = { absoluteBoundingBox: { x: 0, y: 0, width: 100, height: 100 } };
const rect = (id: string) => ({
  id,
  type: "RECTANGLE",
  name: `Rectangle ${id}`,
  ...box,
  fills: [{ type: "SOLID", color: { r: 0, g: 0, b: 0, a: 1 } }],
});
const node = (id: string, type: string, name: string, children: unknown[] = [rect(`${id}r`)]) => ({
  id,
  type,
  name,
  ...box,
  children,
});

const FILE = {
  document: {
    id: "0:0",
    type: "DOCUMENT",
    name: "Document",
    children: [
      {
        id: "0:1",
        type: "CANVAS",
        name: "Screens",
        children: [
          node("1:1", "FRAME", "Home"),
          rect("1:2"),
          { id: "1:3", type: "VECTOR", name: "Vector", ...box },
          { id: "1:4", type: "LINE", name: "Line 1", ...box },
          { id: "1:5", type: "TEXT", name: "Note", characters: "Note", ...box },
          node("1:6", "GROUP", "Group 1"),
          node("1:7", "SECTION", "Flow", [
            node("1:8", "FRAME", "Step 1"),
            rect("1:9"),
            node("1:10", "SECTION", "Inner", [node("1:11", "COMPONENT", "Card")]),
          ]),
          node("1:12", "SECTION", "Loose shapes", [rect("1:13")]),
        ],
      },
      {
        id: "0:2",
        type: "CANVAS",
        name: "Kit",
        children: [
          node("2:1", "COMPONENT_SET", "Button"),
          node("2:2", "INSTANCE", "Header"),
          node("2:3", "FRAME", "Home"),
        ],
      },
    ],
  },
};

describe("topLevelFrames", () => {
  it("keeps a page's frames, components, sets, instances and sections, and the frames in its sections; by page", () => {
    const rows = topLevelFrames(FILE).map((f) => [f.node.id, f.node.type, f.page, f.sections.join(" › "), f.converted]);
    expect(rows).toEqual([
      ["1:1", "FRAME", "Screens", "", true],
      ["1:7", "SECTION", "Screens", "", false],
      ["1:8", "FRAME", "Screens", "Flow", true],
      ["1:10", "SECTION", "Screens", "Flow", false],
      ["1:11", "COMPONENT", "Screens", "Flow › Inner", true],
      // A section without frames is converted as it is.
      ["1:12", "SECTION", "Screens", "", true],
      ["2:1", "COMPONENT_SET", "Kit", "", true],
      ["2:2", "INSTANCE", "Kit", "", true],
      ["2:3", "FRAME", "Kit", "", true],
    ]);
  });

  it("keeps the nodes a nodes reply names, whatever their type (whoever fetched them chose them)", () => {
    const reply = {
      nodes: {
        "5:1": { document: { id: "5:1", type: "VECTOR", name: "Logo", ...box } },
        "5:2": { document: node("5:2", "GROUP", "Card") },
      },
    };
    expect(topLevelFrames(reply).map((f) => [f.node.id, f.page, f.converted])).toEqual([
      ["5:1", "", true],
      ["5:2", "", true],
    ]);
  });

  it("is what loadDesign converts with topLevel: frames; without it, every top-level node as before", () => {
    expect(convertedFrames(FILE).map((n) => n.id)).toEqual(["1:1", "1:8", "1:11", "1:12", "2:1", "2:2", "2:3"]);
    expect(loadDesign(FILE, [], {}, { topLevel: "frames" }).roots.map((r) => r.id)).toEqual([
      "1:1",
      "1:8",
      "1:11",
      "1:12",
      "2:1",
      "2:2",
      "2:3",
    ]);
    expect(loadDesign(FILE).roots.map((r) => r.id)).toContain("1:3");
    // --node still reaches any layer.
    expect(loadDesign(FILE, ["1:3"], {}, { topLevel: "frames" }).roots.map((r) => r.id)).toEqual(["1:3"]);
  });

  it("names the loose layers when a page has no frame at all", () => {
    const loose = {
      document: {
        id: "0:0",
        type: "DOCUMENT",
        name: "D",
        children: [
          {
            id: "0:1",
            type: "CANVAS",
            name: "P",
            children: [rect("1:2"), { id: "1:3", type: "VECTOR", name: "Vector", ...box }],
          },
        ],
      },
    };
    expect(() => loadDesign(loose, [], {}, { topLevel: "frames" })).toThrow(
      "the design has no frames to convert: its pages hold 2 loose layers (rectangle " +
        '"Rectangle 1:2" (1:2), vector "Vector" (1:3)), no frame, component or ' +
        "section; name a layer by its id to convert it (figment code --node ID)",
    );
  });
});
