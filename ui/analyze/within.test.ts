/** The selection against the analyzed frames: a layer inside counts as the same, another frame does not. */
import { describe, expect, it } from "vitest";
import { insideFrames, selectionWithin } from "./within.js";

const frame = { id: "1:1", json: { document: { id: "1:1", children: [{ id: "1:2", children: [{ id: "1:3" }] }] } } };

describe("selectionWithin", () => {
  it("the frame, a layer deep inside it, and nothing selected are unchanged; another frame is not", () => {
    expect(insideFrames([frame], "1:1")).toBe(true);
    expect(insideFrames([frame], "1:3")).toBe(true);
    expect(selectionWithin([frame], [])).toBe(true);
    expect(selectionWithin([frame], [{ id: "1:3" }])).toBe(true);
    expect(selectionWithin([frame], [{ id: "1:3" }, { id: "2:1" }])).toBe(false);
    expect(insideFrames([], "1:1")).toBe(false);
  });
});
