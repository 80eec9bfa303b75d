import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { frameDocs, type FrameDoc } from "./frame-doc.js";
import { applyIndexUpdate, createFrameIndex, planIndexUpdate, searchFrames } from "./frame-index.js";

const fixture = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../test/fixtures/figma/${name}`, import.meta.url), "utf8"));
type FileJson = { document: { children: { children: { id: string; name: string; children?: unknown[] }[] }[] } };

describe("searchFrames (full-text)", () => {
  const docs = frameDocs(fixture("figmagic-design-system.file.json"));

  it.each([
    ["3214:739", "cubic-bezier"],
    ["2657:12", "letter spacing tight"],
    ["2772:26", "heading large"],
    ["2605:28", "font light"],
    ["2874:73", "microcopy body"],
  ])("finds frame %s by words from its own text (%s) in the top 3", async (id, words) => {
    const doc = docs.find((d) => d.id === id)!;
    // The words really are the frame's text, not its name.
    expect(doc.texts.join(" ").toLowerCase()).toContain(words.split(" ")[0]);
    const hits = await searchFrames(await createFrameIndex(docs), { term: words, limit: 3 });
    expect(hits.map((h) => h.id)).toContain(id);
  });

  it("returns id, name, page and score, best first", async () => {
    const hits = await searchFrames(await createFrameIndex(docs), { term: "shadows", limit: 5 });
    expect(hits[0]).toMatchObject({ id: "2657:121", name: "Shadows", page: "Design Tokens" });
    expect(hits.every((h, i) => i === 0 || h.score <= hits[i - 1]!.score)).toBe(true);
  });

  it("finds nothing for words no frame has, and nothing for an empty query", async () => {
    const index = await createFrameIndex(docs);
    expect(await searchFrames(index, { term: "zebracorn" })).toEqual([]);
    expect(await searchFrames(index, { term: "  " })).toEqual([]);
  });
});

describe("vector and hybrid search", () => {
  const frames: FrameDoc[] = frameDocs(fixture("figmasharp-login.file.json")).concat(
    frameDocs(fixture("figma-differ-selfie.nodes.json")),
  );
  it("ranks by the query vector, and mixes words in hybrid mode", async () => {
    const index = await createFrameIndex(
      [
        { ...frames[0]!, embedding: [1, 0, 0] },
        { ...frames[1]!, embedding: [0, 1, 0] },
      ],
      3,
    );
    expect((await searchFrames(index, { vector: [0.1, 0.9, 0] }))[0]!.name).toBe("Selfie");
    expect((await searchFrames(index, { vector: [0.9, 0.1, 0] }))[0]!.name).toBe("Log-In Page");
    expect((await searchFrames(index, { term: "password", vector: [0.9, 0.1, 0] }))[0]!.name).toBe("Log-In Page");
  });
});

describe("incremental indexing", () => {
  it("re-indexes exactly the changed frame, adds new ones and drops deleted ones", async () => {
    const json = fixture("figmagic-design-system.file.json") as FileJson;
    const first = frameDocs(json);
    const index = await createFrameIndex(first);
    const easings = json.document.children[0]!.children.find((f) => f.name === "Easings")!;
    easings.name = "Motion curves";
    const removed = json.document.children[0]!.children.splice(0, 1)[0]!;
    json.document.children[1]!.children.push({ ...structuredClone(easings), id: "999:1", name: "Motion copy" });
    const plan = planIndexUpdate(
      first.map(({ id, hash }) => ({ id, hash })),
      frameDocs(json),
    );
    expect(plan.reindex.map((d) => d.name)).toEqual(["Motion curves"]);
    expect(plan.add.map((d) => d.id)).toEqual(["999:1"]);
    expect(plan.drop).toEqual([removed.id]);
    expect(plan.unchanged.length).toBe(first.length - 2);
    await applyIndexUpdate(index, plan);
    const hits = await searchFrames(index, { term: "motion curves", limit: 3 });
    expect(hits[0]!.id).toBe(easings.id);
    expect(await searchFrames(index, { term: removed.name })).not.toContainEqual(
      expect.objectContaining({ id: removed.id }),
    );
  });

  it("plans nothing when nothing changed", () => {
    const docs = frameDocs(fixture("figmasharp-login.file.json"));
    expect(planIndexUpdate(docs, frameDocs(fixture("figmasharp-login.file.json")))).toEqual({
      add: [],
      reindex: [],
      drop: [],
      unchanged: [docs[0]!.id],
    });
  });
});
