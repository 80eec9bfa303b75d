/**
 * This file's Batch API batches in clientStorage (the simulator enforces Figma's 5 MB): per file, compressed,
 * replaced by id, forgotten by id; a batch holding a stored key is refused; over the budget or the quota a
 * save is refused with storage-full and nothing is dropped; nothing goes into the document's pluginData.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createFigmaSim, installFigmaSim, storedBytes, type FigmaSim } from "../../test/figma-sim/sim.js";
import { CANVAS_FILE } from "../../test/helpers/canvas-file.js";
import { pendingBatch } from "../../test/helpers/pending-batch.js";
import { deletePendingBatch, loadPendingBatches, savePendingBatch } from "./pending-batches.js";

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

let files = 0;
function install(storage: Record<string, unknown> = {}, fileKey: string | undefined = `FILE-${++files}`): FigmaSim {
  const sim = createFigmaSim({ file: CANVAS_FILE, ...(fileKey ? { fileKey } : {}), storage });
  restore = installFigmaSim(sim);
  return sim;
}

describe("pending batches store", () => {
  it("keeps batches per file, replaces one by id, forgets one by id", async () => {
    const sim = install();
    expect(await loadPendingBatches()).toEqual([]);
    await savePendingBatch(pendingBatch("b1"), []);
    const two = await savePendingBatch(pendingBatch("b2", { name: "Onboarding" }), []);
    expect(two.map((b) => b.id)).toEqual(["b1", "b2"]);
    const done = pendingBatch("b1", { status: "completed" });
    done.gridId = "5:1";
    await savePendingBatch(done, []);
    const listed = await loadPendingBatches();
    expect(listed.map((b) => [b.id, b.record.runs[0]!.status, b.gridId])).toEqual([
      ["b1", "completed", "5:1"],
      ["b2", "in_progress", undefined],
    ]);
    expect(listed[0]).toEqual(done);
    const keys = [...sim.storage.keys()].filter((k) => k.startsWith("figment.batches/"));
    expect(keys).toEqual([`figment.batches/file:${sim.figma["fileKey"]}`]);
    expect((await deletePendingBatch("b1")).map((b) => b.id)).toEqual(["b2"]);
    expect((await deletePendingBatch("nope")).map((b) => b.id)).toEqual(["b2"]);
    await deletePendingBatch("b2");
    expect([...sim.storage.keys()].filter((k) => k.startsWith("figment.batches/"))).toEqual([]);
  });

  it("another file sees none of them; without a file key the batch id still goes in no pluginData", async () => {
    const sim = install({}, undefined);
    await savePendingBatch(pendingBatch("b1", { batchId: "batch_secret_place" }), []);
    const root = sim.figma["root"] as { getPluginDataKeys(): string[]; getPluginData(key: string): string };
    expect(
      root
        .getPluginDataKeys()
        .map((k) => root.getPluginData(k))
        .join(" "),
    ).not.toContain("batch_secret_place");
    expect([...sim.storage.keys()].filter((k) => k.startsWith("figment.batches/"))).toHaveLength(1);
    expect(JSON.stringify(sim.record.pluginData)).not.toContain("batch_secret_place");
    expect(await loadPendingBatches()).toHaveLength(1);
    restore?.();
    install();
    expect(await loadPendingBatches()).toEqual([]);
  });

  it("compresses: 200 items take a fraction of their JSON", async () => {
    const sim = install();
    const batch = pendingBatch("big", { items: 200 });
    await savePendingBatch(batch, []);
    const [key, value] = [...sim.storage.entries()].find(([k]) => k.startsWith("figment.batches/"))!;
    expect(storedBytes(key, value)).toBeLessThan(JSON.stringify(batch).length / 3);
  });

  it("refuses a batch holding a stored key, saving nothing", async () => {
    const sim = install();
    const batch = pendingBatch("b1");
    batch.record.baseURL = "https://api.openai.com/v1?key=sk-test-secret-9999";
    await expect(savePendingBatch(batch, ["sk-test-secret-9999"])).rejects.toMatchObject({ code: "bad-message" });
    expect([...sim.storage.keys()].filter((k) => k.startsWith("figment.batches/"))).toEqual([]);
  });

  it("refuses a save over the quota or the batches' budget with storage-full, dropping nothing", async () => {
    const sim = install({ "figment.cache": "x".repeat(4_899_900) });
    await expect(savePendingBatch(pendingBatch("b1"), [])).rejects.toMatchObject({
      code: "storage-full",
      message: expect.stringMatching(
        /^This file's batches would need \d+ (bytes|kB) but only .* is free .*Nothing was deleted/,
      ),
    });
    restore?.();
    const other = { v: 1, zipped: new Uint8Array(499_500) };
    const sim2 = install({ "figment.batches/doc:another-file": other });
    await expect(savePendingBatch(pendingBatch("b1"), [])).rejects.toMatchObject({
      code: "storage-full",
      message: expect.stringContaining("batches may take 500 kB in all"),
    });
    expect(sim2.storage.get("figment.batches/doc:another-file")).toBe(other);
    expect(sim.storage.has("figment.cache")).toBe(true);
  });

  it("keeps a stored batch it cannot read (not listed, not dropped by the next save)", async () => {
    const sim = install();
    await savePendingBatch(pendingBatch("b1"), []);
    const key = [...sim.storage.keys()].find((k) => k.startsWith("figment.batches/"))!;
    const { gunzipSync, gzipSync, strFromU8, strToU8 } = await import("fflate");
    const raw = JSON.parse(strFromU8(gunzipSync((sim.storage.get(key) as { zipped: Uint8Array }).zipped))) as unknown[];
    sim.storage.set(key, { v: 1, zipped: gzipSync(strToU8(JSON.stringify([...raw, { id: "damaged", name: 42 }]))) });
    expect((await loadPendingBatches()).map((b) => b.id)).toEqual(["b1"]);
    await savePendingBatch(pendingBatch("b2"), []);
    const after = JSON.parse(strFromU8(gunzipSync((sim.storage.get(key) as { zipped: Uint8Array }).zipped))) as {
      id: string;
    }[];
    expect(after.map((b) => b.id)).toEqual(["b1", "damaged", "b2"]);
  });
});
