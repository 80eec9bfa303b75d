/**
 * Search through the panel session (plugin/start.ts on the simulator, a real five-page file): the stored
 * index answered at once, a scan of every page answered with its changes, the index kept across a restart,
 * the model's extras kept, a frame's picture from another page, and the selection's top-level frame.
 */
import { afterEach, describe, expect, it } from "vitest";
import { checkedUiMessages, readPngSize, sendToMain, uiMessages, waitForUi, type FigmaSim } from "../../test/figma-sim/index.js";
import { readFigmaFixture } from "../../test/figma-sim/node.js";
import { createFigmaSim, installFigmaSim, type FigmaSimOptions } from "../../test/figma-sim/sim.js";
import { encodeVector } from "../../contract/vector-codec.js";
import { start } from "../start.js";

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
    expect((await waitForUi(sim, "search-index", { where: (m) => m.requestId === "l1" })).index).toEqual({ docs: [], vectors: {}, captions: {}, scannedAt: 0 });
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
    await sendToMain(sim, "save-search-extras", { requestId: "x1", vectors: { [a!.id]: { ...vector, hash: a!.hash }, [b!.id]: { ...vector, hash: "stale" } }, captions: { [b!.id]: { hash: b!.hash, model: "gpt-4.1-mini", text: "A colour swatch grid" } } });
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
    expect((await waitForUi(sim, "error", { where: (m) => m.requestId === "i2" })).code).toBe("not-found");
  });
});
