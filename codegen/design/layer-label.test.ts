import { describe, expect, it } from "vitest";
import { layerName, layerNamesById } from "./layer-label.js";
import type { DesignNode } from "./types.js";

describe("layer names for a reader", () => {
  it("takes the tree's names, the generated ones it dropped, and Figma's own over both", () => {
    const frame: DesignNode = {
      id: "1:1",
      name: "",
      kind: "frame",
      w: 10,
      h: 10,
      children: [{ id: "1:2", name: "Photo", kind: "rect", w: 1, h: 1 }],
    };
    const names = layerNamesById({ frames: [frame], layerNames: { "1:1": "Frame 8" } }, [
      { id: "1:1", name: "Frame 8", children: [{ id: "1:3", name: "Hidden" }] },
    ]);
    expect(Object.fromEntries(names)).toEqual({ "1:1": "Frame 8", "1:2": "Photo", "1:3": "Hidden" });
  });

  it("quotes a name; an unnamed layer is its id", () => {
    expect(layerName("Frame 8", "1:2")).toBe("“Frame 8”");
    expect(layerName(undefined, "1:2")).toBe("layer 1:2");
    expect(layerName(" ", "1:2")).toBe("layer 1:2");
  });
});
