/**
 * The search worker's protocol and index keeper without a browser: requests checked on arrival, an index built from
 * documents and stored vectors, queries by words, by vector and both, `exclude`, a replaced index, and
 * specific errors for what cannot be answered.
 */
import { describe, expect, it } from "vitest";
import type { SearchFrameDoc } from "../../contract/search.js";
import { encodeVector } from "../../contract/vector-codec.js";
import { SearchIndexKeeper } from "./index-keeper.js";
import { parseSearchReply, parseSearchRequest, ProtocolError, type SearchOkReply } from "./index-protocol.js";

const counts = { buttons: 0, inputs: 0, images: 0, headings: 0, width: 375, height: 812 };
const doc = (id: string, name: string, texts: string[]): SearchFrameDoc => ({
  id,
  name,
  page: "Screens",
  pageId: "0:1",
  texts,
  components: [],
  counts,
  summary: "375×812",
  hash: `h${id}`,
});
const DOCS = [
  doc("1:1", "Beach list", ["Beach towels", "Sun cream"]),
  doc("1:2", "Ocean landing", ["Waves and sand", "Book a trip"]),
  doc("1:3", "Settings", ["Language", "Privacy"]),
];
const VECTORS = { "1:1": encodeVector([1, 0, 0]), "1:2": encodeVector([0, 1, 0]), "1:3": encodeVector([0, 0, 1]) };

/**
 * Sends `data` through the request check and the index keeper, and the answer through the reply check, as the worker
 * does.
 */
async function ask(keeper: SearchIndexKeeper, data: unknown): Promise<SearchOkReply> {
  const reply = parseSearchReply(await keeper.handle(parseSearchRequest(data)));
  if (!reply.ok) throw new Error(reply.failure.message);
  return reply;
}
const hitIds = (reply: SearchOkReply) => (reply.kind === "query" ? reply.hits.map((h) => h.id) : []);

describe("the search worker's index keeper", () => {
  it("builds an index (decoding the vectors) and answers by words", async () => {
    const keeper = new SearchIndexKeeper();
    expect(await ask(keeper, { kind: "index", id: "i1", docs: DOCS, vectors: VECTORS, dimensions: 3 })).toMatchObject({
      kind: "index",
      id: "i1",
      frames: 3,
      vectors: 3,
    });
    const reply = await ask(keeper, { kind: "query", id: "q1", term: "privacy", limit: 10 });
    expect(reply).toMatchObject({ kind: "query", id: "q1" });
    expect(hitIds(reply)).toEqual(["1:3"]);
  });

  it("answers words of any script as the CLI's index does (codegen/search/tokens.ts)", async () => {
    const keeper = new SearchIndexKeeper();
    const docs = [...DOCS, doc("1:4", "Телеграм", ["Кейсы"]), doc("1:5", "Σκιές", []), doc("1:6", "設定", [])];
    await ask(keeper, { kind: "index", id: "i1", docs, vectors: {}, dimensions: 3 });
    for (const [term, id] of [
      ["телеграм", "1:4"],
      ["КЕЙСЫ", "1:4"],
      ["σκιες", "1:5"],
      ["設", "1:6"],
    ] as const)
      expect(hitIds(await ask(keeper, { kind: "query", id: "q", term, limit: 1 })), term).toEqual([id]);
  });

  it("ranks by a vector alone and by words and vector (hybrid), and leaves `exclude`d frames out", async () => {
    const keeper = new SearchIndexKeeper();
    await ask(keeper, { kind: "index", id: "i1", docs: DOCS, vectors: VECTORS, dimensions: 3 });
    expect(hitIds(await ask(keeper, { kind: "query", id: "q1", vector: [0.1, 0.9, 0], limit: 1 }))).toEqual(["1:2"]);
    expect(
      hitIds(await ask(keeper, { kind: "query", id: "q2", vector: [0.1, 0.9, 0], limit: 3, exclude: ["1:2"] }))[0],
    ).toBe("1:1");
    expect(hitIds(await ask(keeper, { kind: "query", id: "q3", term: "sea", vector: [0, 1, 0], limit: 1 }))).toEqual([
      "1:2",
    ]);
  });

  it(
    "replacing the index drops the old frames; vectors that " + "do not decode or fit leave frames findable by words",
    async () => {
      const keeper = new SearchIndexKeeper();
      await ask(keeper, { kind: "index", id: "i1", docs: DOCS, vectors: VECTORS, dimensions: 3 });
      const next = [doc("2:1", "Checkout", ["Coupon code"]), doc("2:2", "Privacy policy", ["Cookies"])];
      const built = await ask(keeper, {
        kind: "index",
        id: "i2",
        docs: next,
        vectors: { "2:1": "not base64!", "2:2": encodeVector([1, 0]) },
        dimensions: 3,
      });
      expect(built).toMatchObject({ frames: 2, vectors: 0 });
      expect(hitIds(await ask(keeper, { kind: "query", id: "q1", term: "privacy", limit: 10 }))).toEqual(["2:2"]);
      expect(hitIds(await ask(keeper, { kind: "query", id: "q2", term: "beach", limit: 10 }))).toEqual([]);
    },
  );

  it("says why it cannot answer: no index yet, a vector of the wrong length", async () => {
    const keeper = new SearchIndexKeeper();
    await expect(ask(keeper, { kind: "query", id: "q1", term: "x", limit: 5 })).rejects.toThrow(/not built yet/);
    await ask(keeper, { kind: "index", id: "i1", docs: DOCS, vectors: VECTORS, dimensions: 3 });
    await expect(ask(keeper, { kind: "query", id: "q2", vector: [1, 0], limit: 5 })).rejects.toThrow(
      "the query vector has 2 dimensions but the index's have 3",
    );
  });
});

describe("the search worker's protocol", () => {
  it("refuses a malformed request with the id it carried and the field at fault", () => {
    const bad = (data: unknown) => {
      try {
        parseSearchRequest(data);
      } catch (error) {
        return error;
      }
      throw new Error("accepted");
    };
    expect(bad({ kind: "query", id: "q1", term: "x" })).toMatchObject({
      name: "ProtocolError",
      id: "q1",
      message: expect.stringMatching(/limit/),
    });
    expect(bad({ kind: "query", id: "q2", limit: 5, vector: ["a"] })).toBeInstanceOf(ProtocolError);
    expect(bad({ kind: "index", id: "i1", docs: [{ id: "1:1" }], vectors: {} })).toMatchObject({ id: "i1" });
    expect(bad({ kind: "drop-table", id: "x" })).toMatchObject({ message: expect.stringMatching(/index, query/) });
    expect(bad(null)).toMatchObject({ id: undefined });
  });

  it("reads failed replies, and refuses replies of the wrong shape", () => {
    const failed = { id: "q1", ok: false, failure: { kind: "input", reason: "no-index", message: "boom" } };
    expect(parseSearchReply(failed)).toEqual(failed);
    expect(() => parseSearchReply({ kind: "query", id: "q1", ok: true, hits: [{ id: "1:1" }] })).toThrow(ProtocolError);
  });
});
