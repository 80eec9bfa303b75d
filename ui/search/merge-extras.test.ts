import { describe, expect, it } from "vitest";
import type { SearchIndex } from "../../contract/search.js";
import { withExtras } from "./merge-extras.js";

const doc = (id: string, hash: string) => ({
  id,
  name: id,
  page: "P",
  pageId: "0:1",
  texts: [],
  components: [],
  counts: { buttons: 0, inputs: 0, images: 0, headings: 0, width: 1, height: 1 },
  summary: "",
  hash,
});
const vector = (hash: string) => ({ hash, model: "m", dimensions: 1, vector: "AACAPw==" });
const caption = (hash: string) => ({ hash, model: "m", text: "a screen" });

describe("withExtras", () => {
  it("lays a run's additions onto a newer scan, only where the frame kept its hash", () => {
    const made: SearchIndex = {
      docs: [doc("a", "1"), doc("b", "1"), doc("c", "1")],
      vectors: { a: vector("1"), b: vector("1"), c: vector("1") },
      captions: { a: caption("1"), b: caption("1") },
      scannedAt: 1,
    };
    // Since the run started: b was edited, c deleted, d added.
    const newer: SearchIndex = {
      docs: [doc("a", "1"), doc("b", "2"), doc("d", "1")],
      vectors: {},
      captions: {},
      scannedAt: 2,
    };
    const merged = withExtras(newer, made);
    expect(merged.docs).toBe(newer.docs);
    expect(merged.scannedAt).toBe(2);
    expect(Object.keys(merged.vectors)).toEqual(["a"]);
    expect(Object.keys(merged.captions)).toEqual(["a"]);
  });

  it("keeps what the newer index already has", () => {
    const newer: SearchIndex = { docs: [doc("a", "1")], vectors: { a: vector("1") }, captions: {}, scannedAt: 2 };
    expect(withExtras(newer, { docs: [], vectors: {}, captions: {}, scannedAt: 1 }).vectors).toEqual({
      a: vector("1"),
    });
  });
});
