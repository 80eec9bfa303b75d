import { describe, expect, it } from "vitest";
import type { SearchFrameDoc } from "../../contract/search.js";
import { listRows, markWords, queryWords, shapeRows, snippetOf } from "./search-rows.js";

const counts = { buttons: 1, inputs: 0, images: 0, headings: 1, width: 375, height: 812 };
const doc = (id: string, name: string, texts: string[] = [], page = "Screens"): SearchFrameDoc => ({
  id,
  name,
  page,
  pageId: `p-${page}`,
  texts,
  components: [],
  counts,
  summary: `screen 375×812, 1 button`,
  hash: `h${id}`,
});

describe("search rows", () => {
  it("marks the words that start with a query word, keeping the rest as it was", () => {
    expect(queryWords("  Log-in  LOG ")).toEqual(["log", "in"]);
    expect(markWords("Log-In Page", ["log"])).toEqual([
      { text: "Log", mark: true },
      { text: "-In Page", mark: false },
    ]);
    expect(markWords("Blog login", ["log"])).toEqual([
      { text: "Blog ", mark: false },
      { text: "login", mark: true },
    ]);
    expect(markWords("Anything", [])).toEqual([{ text: "Anything", mark: false }]);
  });

  it("shows the text that matched, cut before a long lead, else the summary", () => {
    const d = doc("1:1", "Checkout", [
      "Welcome back",
      `${"A long introduction that goes on ".repeat(3)}then the coupon code field`,
    ]);
    const parts = snippetOf(d, ["coupon"]);
    expect(parts[0]!.text.startsWith("…")).toBe(true);
    expect(parts[0]!.text.length).toBeLessThanOrEqual(41);
    expect(parts.find((p) => p.mark)?.text).toBe("coupon");
    expect(snippetOf(d, ["zebra"])).toEqual([{ text: d.summary, mark: false }]);
    expect(snippetOf(d, ["map"], "A map with pins").find((p) => p.mark)?.text).toBe("map");
  });

  it("scores relative to the best hit and leaves out frames no longer in the index", () => {
    const docs = new Map([doc("1:1", "Login"), doc("1:2", "Login error")].map((d) => [d.id, d]));
    const rows = shapeRows(
      [
        { id: "1:2", score: 4 },
        { id: "9:9", score: 3 },
        { id: "1:1", score: 2 },
      ],
      docs,
      "login",
    );
    expect(rows.map((r) => [r.id, r.relative])).toEqual([
      ["1:2", 1],
      ["1:1", 0.5],
    ]);
    expect(rows[0]!.pageId).toBe("p-Screens");
    expect(rows[0]!.name[0]).toEqual({ text: "Login", mark: true });
    // By meaning every frame scores: those far under the best are left out when asked.
    expect(
      shapeRows(
        [
          { id: "1:2", score: 0.8 },
          { id: "1:1", score: 0.05 },
        ],
        docs,
        "",
        {},
        0.1,
      ).map((r) => r.id),
    ).toEqual(["1:2"]);
  });

  it("lists every frame in the scan's order without a query, up to the limit", () => {
    const docs = [doc("1:1", "A", [], "One"), doc("2:1", "B", [], "Two"), doc("2:2", "C", [], "Two")];
    expect(listRows(docs, 2).map((r) => [r.id, r.page, r.relative])).toEqual([
      ["1:1", "One", undefined],
      ["2:1", "Two", undefined],
    ]);
  });
});
