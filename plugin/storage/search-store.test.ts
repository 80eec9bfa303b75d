/**
 * The search index in clientStorage (the simulator enforces Figma's 5 MB): per file, compressed; extras kept
 * only for their frame's current hash; an index over its budget is answered, not stored, and nothing else is
 * touched for it.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createFigmaSim, installFigmaSim, storedBytes, type FigmaSim } from "../../test/figma-sim/sim.js";
import { CANVAS_FILE } from "../../test/helpers/canvas-file.js";
import type { FrameVector, SearchFrameDoc } from "../../contract/search.js";
import { encodeVector } from "../../contract/vector-codec.js";
import { DEFAULT_SEARCH_DIMENSIONS } from "../../contract/limits.js";
import { loadSearchIndex, saveSearchExtras, storeScan } from "./search-store.js";

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

let files = 0;
function install(storage: Record<string, unknown> = {}, fileKey = `FILE-${++files}`): FigmaSim {
  const sim = createFigmaSim({ file: CANVAS_FILE, fileKey, storage });
  restore = installFigmaSim(sim);
  return sim;
}

const doc = (id: string, hash: string, words = "Sign in to continue"): SearchFrameDoc => ({
  id,
  name: `Frame ${id}`,
  page: "Page 1",
  pageId: "0:1",
  texts: [words],
  components: [],
  counts: { buttons: 1, inputs: 0, images: 0, headings: 0, width: 375, height: 812 },
  summary: "375×812, 1 button",
  hash,
});
const vector = (hash: string, seed = 1): FrameVector => ({
  hash,
  model: "text-embedding-3-small",
  dimensions: DEFAULT_SEARCH_DIMENSIONS,
  vector: encodeVector(Array.from({ length: DEFAULT_SEARCH_DIMENSIONS }, (_, i) => Math.sin(i * seed))),
});
const caption = (hash: string) => ({ hash, model: "gpt-4.1-mini", text: "A sign-in screen with a map" });

describe("search store", () => {
  it("answers an empty index for a file never scanned, and for a damaged stored one", async () => {
    const sim = install();
    expect(await loadSearchIndex()).toEqual({ docs: [], vectors: {}, captions: {}, scannedAt: 0 });
    await storeScan([doc("1:1", "a")], 1000);
    const key = [...sim.storage.keys()].find((k) => k.startsWith("figment.search/"))!;
    expect(key).toBe("figment.search/file:" + sim.figma["fileKey"]);
    sim.storage.set(key, { v: 1, zipped: new Uint8Array([1, 2, 3]) });
    expect((await loadSearchIndex()).docs).toEqual([]);
  });

  it(
    "keeps the extras of unchanged frames; a changed or " + "deleted frame loses them; stale extras are ignored",
    async () => {
      install();
      await storeScan([doc("1:1", "a"), doc("1:2", "b"), doc("1:3", "c")], 1000);
      await saveSearchExtras(
        { "1:1": vector("a"), "1:2": vector("b"), "1:3": vector("old-c"), "9:9": vector("z") },
        { "1:1": caption("a"), "1:2": caption("b") },
      );
      let index = await loadSearchIndex();
      expect(Object.keys(index.vectors).sort()).toEqual(["1:1", "1:2"]);
      const { changes } = await storeScan([doc("1:1", "a"), doc("1:2", "b2"), doc("1:4", "d")], 2000);
      expect(changes).toEqual({ added: ["1:4"], reindexed: ["1:2"], dropped: ["1:3"], unchanged: 1 });
      index = await loadSearchIndex();
      expect(index.scannedAt).toBe(2000);
      expect(Object.keys(index.vectors)).toEqual(["1:1"]);
      expect(Object.keys(index.captions)).toEqual(["1:1"]);
    },
  );

  it("refuses a vector whose length is not its dimensions, saving nothing", async () => {
    install();
    await storeScan([doc("1:1", "a")], 1000);
    await expect(saveSearchExtras({ "1:1": { ...vector("a"), dimensions: 3 } })).rejects.toMatchObject({
      code: "bad-message",
    });
    expect((await loadSearchIndex()).vectors).toEqual({});
  });

  it("stores 1,000 frames with 256-d vectors and captions compressed, within the search budget", async () => {
    const sim = install();
    const docs = Array.from({ length: 1000 }, (_, i) =>
      doc(`${i}:1`, `h${i}`, `Screen ${i}: order summary, delivery address, pay with card, total ${i * 7} EUR`),
    );
    const { notStored } = await storeScan(docs, 1000);
    expect(notStored).toBeUndefined();
    await saveSearchExtras(
      Object.fromEntries(docs.map((d, i) => [d.id, vector(d.hash, i + 1)])),
      Object.fromEntries(docs.map((d) => [d.id, { ...caption(d.hash), text: "x".repeat(300) }])),
    );
    const [key, value] = [...sim.storage.entries()].find(([k]) => k.startsWith("figment.search/"))!;
    const bytes = storedBytes(key, value);
    expect(bytes).toBeLessThan(1_500_000);
    expect(bytes).toBeLessThan(JSON.stringify(await loadSearchIndex()).length / 1.5);
  });

  it(
    "answers an index that does not fit with notStored, " + "storing and deleting nothing; extras are then refused",
    async () => {
      const history = { "figment.history": { v: 1, entries: [] }, "figment.cache": "x".repeat(4_895_000) };
      const sim = install(history);
      const before = new Map(sim.storage);
      const docs = Array.from({ length: 300 }, (_, i) =>
        doc(`${i}:1`, `h${i}`, `Checkout step ${i} with a unique phrase ${Math.sin(i)}`),
      );
      const { index, notStored } = await storeScan(docs, 1000);
      expect(index.docs).toHaveLength(300);
      expect(notStored).toMatch(
        new RegExp(
          String.raw`^The search index of 300 frames needs \d+ kB but only \d+ (kB|bytes) of Figma's ` +
            String.raw`5\.0 MB for this plugin is free .*kept for this session only.*Nothing was deleted\.$`,
        ),
      );
      expect(sim.storage).toEqual(before);
      // The session still has it: load answers it, extras for it are refused for the same reason.
      expect((await loadSearchIndex()).docs).toHaveLength(300);
      await expect(saveSearchExtras({ "1:1": vector("h1") })).rejects.toMatchObject({
        code: "storage-full",
        message: expect.stringMatching(/were not saved\. Nothing was deleted\.$/),
      });
      expect(sim.storage).toEqual(before);
    },
  );

  it("counts other files' indexes against the budget", async () => {
    const other = { v: 1, zipped: new Uint8Array(1_495_000) };
    install({ "figment.search/doc:another-file": other });
    const docs = Array.from({ length: 200 }, (_, i) => doc(`${i}:1`, `h${i}`, `Settings screen ${i} ${Math.cos(i)}`));
    const { notStored } = await storeScan(docs, 1000);
    expect(notStored).toMatch(/search indexes may take 1\.5 MB in all \(indexes of other files take 1\.5 MB\)/);
  });
});
