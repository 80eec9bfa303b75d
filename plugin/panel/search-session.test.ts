/**
 * Search through the panel session (plugin/start.ts on the simulator, a real five-page file): the stored
 * index answered at once, a scan of every page answered with its changes, the index kept across a restart,
 * the model's extras kept, a frame's picture from another page, and the selection's top-level frame.
 */
import { afterEach, describe, expect, it } from "vitest";
import {
  checkedUiMessages,
  readPngSize,
  sendToMain,
  uiMessages,
  waitForUi,
  type FigmaSim,
} from "../../test/figma-sim/index.js";
import { readFigmaFixture } from "../../test/figma-sim/node.js";
import { createFigmaSim, installFigmaSim, type FigmaSimOptions } from "../../test/figma-sim/sim.js";
import { encodeVector } from "../../contract/vector-codec.js";
import { start } from "../start.js";
import { sectionedFile } from "../../test/helpers/sectioned-file.js";

const FILE = "figmagic-design-system.file.json";
let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

async function boot(options: Partial<FigmaSimOptions> = {}): Promise<FigmaSim> {
  restore?.();
  const sim = createFigmaSim({ file: readFigmaFixture(FILE), command: "search", fileKey: "FILE-S", ...options });
  restore = installFigmaSim(sim);
  await start();
  await waitForUi(sim, "init");
  return sim;
}

describe("search through the session", () => {
  it("answers an empty index, scans every page, keeps the index across a restart", async () => {
    let sim = await boot();
    await sendToMain(sim, "load-search-index", { requestId: "l1" });
    expect((await waitForUi(sim, "search-index", { where: (m) => m.requestId === "l1" })).index).toEqual({
      docs: [],
      vectors: {},
      captions: {},
      scannedAt: 0,
    });
    await sendToMain(sim, "scan-frames", { requestId: "s1" });
    const scanned = await waitForUi(sim, "search-index", { where: (m) => m.requestId === "s1" });
    const pages = new Set(scanned.index.docs.map((d) => d.page));
    expect(pages).toEqual(new Set(["Design Tokens", "Graphics", "Elements", "Components", "Views"]));
    expect(scanned.changes?.added.length).toBe(scanned.index.docs.length);
    expect(scanned.index.scannedAt).toBeGreaterThan(0);
    expect(uiMessages(sim, "export-progress").some((m) => /^Reading page 2 \/ 5 · Graphics/.test(m.label))).toBe(true);
    sim = await boot({ storage: Object.fromEntries(sim.storage) });
    await sendToMain(sim, "load-search-index", { requestId: "l2" });
    expect((await waitForUi(sim, "search-index", { where: (m) => m.requestId === "l2" })).index).toEqual(scanned.index);
    expect(() => checkedUiMessages(sim)).not.toThrow();
  });

  it("keeps extras for current hashes, ignores stale ones, and pictures a frame on another page", async () => {
    const sim = await boot();
    await sendToMain(sim, "scan-frames", { requestId: "s1" });
    const { index } = await waitForUi(sim, "search-index", { where: (m) => m.requestId === "s1" });
    const [a, b] = index.docs;
    const vector = { model: "text-embedding-3-small", dimensions: 3, vector: encodeVector([0.1, 0.2, 0.3]) };
    await sendToMain(sim, "save-search-extras", {
      requestId: "x1",
      vectors: { [a!.id]: { ...vector, hash: a!.hash }, [b!.id]: { ...vector, hash: "stale" } },
      captions: { [b!.id]: { hash: b!.hash, model: "gpt-4.1-mini", text: "A colour swatch grid" } },
    });
    await waitForUi(sim, "done", { where: (m) => m.requestId === "x1" });
    await sendToMain(sim, "load-search-index", { requestId: "l1" });
    const loaded = (await waitForUi(sim, "search-index", { where: (m) => m.requestId === "l1" })).index;
    expect(Object.keys(loaded.vectors)).toEqual([a!.id]);
    expect(loaded.captions[b!.id]?.text).toBe("A colour swatch grid");

    const far = index.docs.find((d) => d.page === "Views")!;
    expect(sim.currentPage().name).not.toBe("Views");
    await sendToMain(sim, "export-frame-image", { requestId: "i1", nodeId: far.id, maxSide: 96 });
    const image = await waitForUi(sim, "frame-image", { where: (m) => m.requestId === "i1" });
    expect(Math.max(image.width, image.height)).toBe(96);
    expect(readPngSize(image.png)).toEqual({ width: image.width, height: image.height });
    await sendToMain(sim, "export-frame-image", { requestId: "i2", nodeId: "404:404", maxSide: 96 });
    expect((await waitForUi(sim, "error", { where: (m) => m.requestId === "i2" })).reason).toBe("not-found");
  });

  it("re-indexes an edited frame alone (its vector dropped), drops a deleted one, keeps a moved one", async () => {
    const sim = await boot();
    await sendToMain(sim, "scan-frames", { requestId: "s1" });
    const { index } = await waitForUi(sim, "search-index", { where: (m) => m.requestId === "s1" });
    const vector = (hash: string) => ({
      hash,
      model: "text-embedding-3-small",
      dimensions: 2,
      vector: encodeVector([1, 0]),
    });
    await sendToMain(sim, "save-search-extras", {
      requestId: "x1",
      vectors: Object.fromEntries(index.docs.map((d) => [d.id, vector(d.hash)])),
    });
    await waitForUi(sim, "done", { where: (m) => m.requestId === "x1" });
    const withText = index.docs.filter((d) => sim.node(d.id).findAll((n) => n.type === "TEXT").length > 0);
    const [edited, deleted, moved] = withText;
    sim.node(edited!.id).findAll((n) => n.type === "TEXT")[0]!.rest["characters"] = "Onboarding with a map";
    sim.node(deleted!.id).remove();
    sim.node(moved!.id).x += 500;
    const exportsBefore = sim.record.exports.length;
    await sendToMain(sim, "scan-frames", { requestId: "s2" });
    const second = await waitForUi(sim, "search-index", { where: (m) => m.requestId === "s2" });
    expect(second.changes).toEqual({
      added: [],
      reindexed: [edited!.id],
      dropped: [deleted!.id],
      unchanged: index.docs.length - 2,
    });
    expect(Object.keys(second.index.vectors).sort()).toEqual(
      index.docs
        .map((d) => d.id)
        .filter((id) => id !== edited!.id && id !== deleted!.id)
        .sort(),
    );
    expect(second.index.vectors[moved!.id]).toEqual(vector(moved!.hash));
    // Every frame is exported again (that is how a change is seen), each page loaded once per scan.
    expect(sim.record.exports.length - exportsBefore).toBe(index.docs.length - 1);
    expect(sim.record.pageLoads.filter((id) => id === sim.pages[2]!.id)).toHaveLength(2);
  });

  it("stops on cancel with a cancelled error, leaving the stored index as it was", async () => {
    const sim = await boot({ exportDelayMs: 5 });
    await sendToMain(sim, "scan-frames", { requestId: "s1" });
    await waitForUi(sim, "search-index", { where: (m) => m.requestId === "s1" });
    const stored = structuredClone(Object.fromEntries(sim.storage));
    sim.node(sim.topLevel().find((n) => n.type === "FRAME")!.id).remove();
    const since = sim.ui.messages.length;
    const scan = sendToMain(sim, "scan-frames", { requestId: "s2" });
    await waitForUi(sim, "export-progress", { since, where: (m) => m.requestId === "s2" && / frames$/.test(m.label) });
    await sendToMain(sim, "cancel", { requestId: "s2" });
    await scan;
    expect((await waitForUi(sim, "error", { where: (m) => m.requestId === "s2" })).reason).toBe("cancelled");
    expect(uiMessages(sim, "search-index").filter((m) => m.requestId === "s2")).toEqual([]);
    expect(Object.fromEntries(sim.storage)).toEqual(stored);
  });

  it("answers the index with notStored when clientStorage is full, and refuses extras with storage-full", async () => {
    const sim = await boot({ storage: { "figment.cache": "x".repeat(4_899_000) } });
    await sendToMain(sim, "scan-frames", { requestId: "s1" });
    const answer = await waitForUi(sim, "search-index", { where: (m) => m.requestId === "s1" });
    expect(answer.index.docs).toHaveLength(46);
    expect(answer.notStored).toMatch(/^The search index of 46 frames needs \d+ kB but only/);
    expect([...sim.storage.keys()].filter((k) => k.startsWith("figment.search/"))).toEqual([]);
    const doc = answer.index.docs[0]!;
    await sendToMain(sim, "save-search-extras", {
      requestId: "x1",
      captions: { [doc.id]: { hash: doc.hash, model: "m", text: "A grid of colours" } },
    });
    expect((await waitForUi(sim, "error", { where: (m) => m.requestId === "x1" })).reason).toBe("storage-full");
  });

  it("tells the selection's top-level frame, through sections", async () => {
    const sim = await boot({ file: sectionedFile() });
    await (sim.figma["setCurrentPageAsync"] as (p: unknown) => Promise<void>)(sim.pages[1]);
    const text = sim.node("101:3").findAll((n) => n.type === "TEXT")[0]!;
    const since = sim.ui.messages.length;
    sim.select([text.id, "101:3", "900:1"]);
    const { selection } = await waitForUi(sim, "selection", { since, where: (m) => m.selection.nodes.length === 3 });
    expect(selection.nodes.map((n) => [n.id, n.frameId])).toEqual([
      [text.id, "101:3"],
      ["101:3", "101:3"],
      ["900:1", undefined],
    ]);
  });

  it("pictures a frame on a page never opened, loading that page first", async () => {
    const sim = await boot();
    const views = sim.pages[4]!;
    const frame = views.childList().find((n) => n.type === "FRAME")!;
    await sendToMain(sim, "export-frame-image", { requestId: "i1", nodeId: frame.id, maxSide: 768 });
    const image = await waitForUi(sim, "frame-image", { where: (m) => m.requestId === "i1" });
    expect(image.nodeId).toBe(frame.id);
    expect(Math.max(image.width, image.height)).toBeLessThanOrEqual(768);
    expect(sim.record.pageLoads).toEqual([views.id]);
  });
});
