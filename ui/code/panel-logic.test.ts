/** The code panel's pure decisions: stale results, the words for refused layers, thumbnails kept for results. */
import { describe, expect, it } from "vitest";
import type { SelectionSummary, UnsupportedNode } from "../../contract/messages.js";
import { generateBlocker } from "./generate-head.js";
import { isStale } from "./stale.js";
import { cardNodeId, ThumbnailCache } from "./thumbnails.js";
import { unsupportedText } from "./unsupported-text.js";

const node = (id: string) => ({ id, name: `Frame ${id}`, type: "FRAME", width: 375, height: 812 });
const refused = (id: string, over: Partial<UnsupportedNode> = {}): UnsupportedNode => ({
  id,
  name: "Endless canvas",
  type: "FRAME",
  width: 1440,
  height: 24_000,
  problem: "too-large",
  reason: "it is 1,440 × 24,000 px, larger than 10,000 px on a side: select a smaller frame or a section of it",
  ...over,
});
const selection = (ids: string[], unsupported: UnsupportedNode[] = []): SelectionSummary => ({
  nodes: ids.map(node),
  unsupported,
});

describe("isStale", () => {
  it("offline results are fresh only while exactly their frames are selected, in any order", () => {
    expect(isStale(["1:1"], selection(["1:1"]))).toBe(false);
    expect(isStale(["1:1", "1:2"], selection(["1:2", "1:1"]))).toBe(false);
    expect(isStale(["1:1"], selection(["1:2"]))).toBe(true);
    expect(isStale(["1:1"], selection(["1:1", "1:2"]))).toBe(true);
    expect(isStale(["1:1", "1:2"], selection(["1:1"]))).toBe(true);
    expect(isStale(["1:1"], selection([]))).toBe(true);
  });

  it("a model result is fresh while its frame is the first selected (the model only gets that one)", () => {
    expect(isStale(["1:1"], selection(["1:1", "1:2"]), { firstOnly: true })).toBe(false);
    expect(isStale(["1:1"], selection(["1:2", "1:1"]), { firstOnly: true })).toBe(true);
    expect(isStale([], selection(["1:1"]), { firstOnly: true })).toBe(true);
  });

  it("a selection that also holds a refused layer did not make any result", () => {
    expect(isStale(["1:1"], selection(["1:1"], [refused("9:1")]))).toBe(true);
    expect(isStale(["1:1"], selection(["1:1"], [refused("9:1")]), { firstOnly: true })).toBe(true);
  });
});

describe("unsupportedText", () => {
  it("names the too-large frame, how large it is, the limit, and what to do — never “Select a frame”", () => {
    const text = unsupportedText([refused("9:1")], 0)!;
    expect(text.title).toBe("“Endless canvas” is too large to export");
    expect(text.lines).toEqual(["It is 24,000 px tall; Figment exports frames up to 10,000 px on a side."]);
    expect(text.next).toBe("Select a smaller frame, or one of the frames inside it.");
    expect(JSON.stringify(text)).not.toMatch(/Select a frame,/);
  });

  it("says wide for a wide frame, and to deselect it when other layers are fine", () => {
    const text = unsupportedText([refused("9:1", { name: "Poster", width: 12_000, height: 800 })], 2)!;
    expect(text.lines[0]).toContain("12,000 px wide");
    expect(text.next).toBe(
      "Deselect it to generate code for the other 2 layers. Select a smaller frame, or one of the frames inside it.",
    );
    expect(unsupportedText([refused("9:1")], 1)!.next).toContain("for the other layer.");
  });

  it("lists several refused layers with their reasons", () => {
    const hidden = refused("9:2", {
      name: "Draft",
      problem: "hidden",
      reason: "it is hidden: show it first",
      width: 100,
      height: 100,
    });
    const slice = refused("9:3", {
      name: "Slice 1",
      type: "SLICE",
      problem: "not-design",
      reason: "a slice is an export area, not a layer: select the frame under it",
    });
    const text = unsupportedText([refused("9:1"), hidden, slice], 0)!;
    expect(text.title).toBe("3 selected layers can't be exported");
    expect(text.lines).toEqual([
      "“Endless canvas” — too large: 24,000 px tall, the limit is 10,000 px",
      "“Draft” — it is hidden: show it first",
      "“Slice 1” — a slice is an export area, not a layer: select the frame under it",
    ]);
    expect(text.next).toBe("Select frames, components or groups that are visible.");
    expect(unsupportedText([slice], 0)).toMatchObject({
      title: "“Slice 1” has no code to write",
      lines: ["A slice is an export area, not a layer: select the frame under it."],
    });
    expect(unsupportedText([], 3)).toBeUndefined();
  });
});

describe("generateBlocker", () => {
  it("is off for nothing selected and for refused layers, on otherwise", () => {
    expect(generateBlocker(selection([]))).toMatch(/Select a frame/);
    expect(generateBlocker(selection([], [refused("9:1")]))).toMatch(/can't be exported/);
    expect(generateBlocker(selection(["1:1"], [refused("9:1")]))).toMatch(/can't be exported/);
    expect(generateBlocker(selection(["1:1"]))).toBeUndefined();
  });
});

describe("thumbnails", () => {
  it("keeps each layer's latest thumbnail, revoking the one it replaces and the least recent beyond the cap", () => {
    const revoked: string[] = [];
    const cache = new ThumbnailCache((url) => revoked.push(url), 2);
    cache.put("a", "blob:a1");
    cache.put("b", "blob:b1");
    cache.put("a", "blob:a2");
    expect(revoked).toEqual(["blob:a1"]);
    cache.put("c", "blob:c1");
    // "b" was stored least recently (a was stored again after it).
    expect(revoked).toEqual(["blob:a1", "blob:b1"]);
    expect([cache.get("a"), cache.get("b"), cache.get("c")]).toEqual(["blob:a2", undefined, "blob:c1"]);
    cache.clear();
    expect(revoked).toEqual(["blob:a1", "blob:b1", "blob:a2", "blob:c1"]);
  });

  it("the card shows the first exportable layer, else a too-large one", () => {
    expect(cardNodeId(selection(["1:1"], [refused("9:1")]))).toBe("1:1");
    expect(cardNodeId(selection([], [refused("9:1")]))).toBe("9:1");
    expect(cardNodeId(selection([], [refused("9:2", { problem: "hidden" })]))).toBeUndefined();
  });
});
