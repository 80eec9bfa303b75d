/**
 * Exporting the selection for code, against the simulated figma global built from real Figma files:
 * JSON + PNG per frame, progress, cancellation, the errors a designer can meet, relaunch data, and the
 * cooperative yields that keep Figma responsive.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { loadDesign } from "../../codegen/load.js";
import { readPngSize, sendToMain, uiMessages, waitForUi, type FigmaSim } from "../../test/figma-sim/index.js";
import { simFromFixture } from "../../test/figma-sim/node.js";
import { createFigmaSim, installFigmaSim, type FigmaSimOptions, type Json } from "../../test/figma-sim/sim.js";
import { MAX_LAYERS } from "../../contract/limits.js";
import { MAX_PNG_SCALE, YIELD_EVERY } from "../limits.js";
import { RELAUNCH_CODE } from "../panel/relaunch.js";
import { fitScale } from "./scale.js";
import { DEFAULT_SETTINGS } from "../../contract/settings.js";
import { countDescendants } from "./size.js";
import { start } from "../start.js";
import { SETTINGS_KEY } from "../storage/settings-store.js";

const LOGIN = "figmasharp-login.file.json";

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
  vi.restoreAllMocks();
});

async function boot(sim: FigmaSim): Promise<FigmaSim> {
  restore = installFigmaSim(sim);
  await start();
  await waitForUi(sim, "init");
  return sim;
}

const fixture = (name: string, options: Omit<FigmaSimOptions, "file"> = {}): Promise<FigmaSim> =>
  boot(simFromFixture(name, { command: "code", ...options }));

/** A one-page file holding `frames`. */
function syntheticFile(frames: Json[]): Json {
  return {
    document: {
      id: "0:0",
      type: "DOCUMENT",
      children: [{ id: "0:1", type: "CANVAS", name: "Page 1", children: frames }],
    },
  };
}

/** A frame with `count` rectangles in groups of 100. */
function frameWithLayers(id: string, count: number): Json {
  const groups: Json[] = [];
  for (let g = 0; g * 100 < count; g++) {
    const rects: Json[] = [];
    for (let r = 0; r < 100 && g * 100 + r < count; r++)
      rects.push({
        id: `${id}:r${g}-${r}`,
        type: "RECTANGLE",
        name: "Rect",
        absoluteBoundingBox: { x: 0, y: 0, width: 10, height: 10 },
      });
    groups.push({
      id: `${id}:g${g}`,
      type: "GROUP",
      name: `Group ${g}`,
      absoluteBoundingBox: { x: 0, y: 0, width: 10, height: 10 },
      children: rects,
    });
  }
  return {
    id,
    type: "FRAME",
    name: "Dashboard",
    absoluteBoundingBox: { x: 0, y: 0, width: 1440, height: 900 },
    children: groups,
  };
}

async function exportNow(sim: FigmaSim, requestId: string): Promise<void> {
  await sendToMain(sim, "export-selection", { requestId });
}

describe("export-selection", () => {
  it("exports the login frame: its REST JSON and a PNG at scale ≤ 2, long side ≤ maxImageSize", async () => {
    const sim = await fixture(LOGIN, { selectIds: ["101:3"] });
    await exportNow(sim, "r1");
    const { frames, requestId } = await waitForUi(sim, "export-result");
    expect(requestId).toBe("r1");
    expect(frames).toHaveLength(1);
    const frame = frames[0]!;
    expect(frame).toMatchObject({ id: "101:3", name: "Log-In Page", type: "FRAME", width: 375, height: 667, scale: 2 });
    expect((frame.json as { document: Json }).document).toMatchObject({
      id: "101:3",
      name: "Log-In Page",
      type: "FRAME",
    });
    // The export is what codegen reads.
    expect(loadDesign(frame.json, ["101:3"]).document.frames).toHaveLength(1);
    const png = readPngSize(frame.png!)!;
    expect(png).toEqual({ width: 750, height: 1334 });
    expect(Math.max(png.width, png.height)).toBeLessThanOrEqual(DEFAULT_SETTINGS.maxImageSize);
    expect(sim.record.exports.filter((e) => e.format === "PNG")).toEqual([
      { nodeId: "101:3", format: "PNG", scale: 2, width: 750, height: 1334 },
    ]);
  });

  it("exports only the structure when the PNG is not wanted (offline code)", async () => {
    const sim = await fixture(LOGIN, { selectIds: ["101:3"] });
    await sendToMain(sim, "export-selection", { requestId: "s1", png: false });
    const frame = (await waitForUi(sim, "export-result")).frames[0]!;
    expect(frame.png).toBeUndefined();
    expect(frame.scale).toBe(0);
    expect(sim.record.exports.filter((e) => e.format !== "SVG_STRING").map((e) => e.format)).toEqual(["JSON_REST_V1"]);
  });

  it("scales the PNG down to settings.maxImageSize", async () => {
    const sim = await fixture(LOGIN, {
      selectIds: ["101:3"],
      storage: { [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, maxImageSize: 512 } },
    });
    await exportNow(sim, "r1");
    const frame = (await waitForUi(sim, "export-result")).frames[0]!;
    expect(frame.scale).toBeLessThan(1);
    const png = readPngSize(frame.png!)!;
    expect(Math.max(png.width, png.height)).toBeLessThanOrEqual(512);
    expect(Math.max(png.width, png.height)).toBeGreaterThanOrEqual(511);
  });

  it("reports progress per frame, then the result, and marks the frames for relaunch", async () => {
    const sim = await fixture("figmasharp-bundler-dialog.file.json", { selectIds: ["25:0", "160:199"] });
    await exportNow(sim, "multi");
    const result = await waitForUi(sim, "export-result");
    expect(result.frames.map((f) => f.id)).toEqual(["25:0", "160:199"]);
    const all = uiMessages(sim, "export-progress");
    // Between the frames and "Exported": the images and icons of both (plugin/export/assets.test.ts).
    const assetLabels = new Set(["Fetching images", "Exporting icons"]);
    expect(all.slice(-2, -1).map((p) => p.label)).toEqual(["Exporting icons"]);
    const progress = all.filter((p) => !assetLabels.has(p.label));
    expect(progress.every((p) => p.requestId === "multi" && p.total === 2)).toBe(true);
    expect(progress.map((p) => p.label)).toEqual([
      "Checking “1.0. Bundle Figma Document”",
      "Checking “Solution pad > Project > right-click > Add > Figma Document”",
      "Exporting “1.0. Bundle Figma Document”",
      "Exporting “Solution pad > Project > right-click > Add > Figma Document”",
      "Exported 2 frames",
    ]);
    const done = progress.map((p) => p.done);
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(done.at(-1)).toBe(2);
    // The result comes after the last progress message.
    const types = sim.ui.messages.map((m) => m["type"]);
    expect(types.lastIndexOf("export-progress")).toBeLessThan(types.indexOf("export-result"));
    expect(sim.record.relaunch).toEqual([
      { nodeId: "25:0", data: RELAUNCH_CODE },
      { nodeId: "160:199", data: RELAUNCH_CODE },
    ]);
  });

  it("waits a macrotask after every export, so Figma is never held for long", async () => {
    const sim = await fixture("figmasharp-bundler-dialog.file.json", { selectIds: ["25:0", "160:199"] });
    const timeouts = vi.spyOn(globalThis, "setTimeout");
    await exportNow(sim, "y");
    await waitForUi(sim, "export-result");
    // Two exports per frame, each followed by a macrotask (the simulator's own message delivery adds one).
    expect(timeouts.mock.calls.length).toBeGreaterThanOrEqual(4);
  });

  it("stops when cancelled and replies error cancelled, without a result", async () => {
    const sim = simFromFixture("figmagic-design-system.file.json", { command: "code", exportDelayMs: 5 });
    const ids = sim
      .topLevel()
      .filter((n) => n.type === "FRAME" && n.visible)
      .slice(0, 12)
      .map((n) => n.id);
    sim.select(ids);
    await boot(sim);
    // Not awaited: the simulator's send resolves only once the export has finished.
    const exporting = exportNow(sim, "c1");
    await waitForUi(sim, "export-progress", { where: (p) => p.label.startsWith("Exporting") });
    await sendToMain(sim, "cancel", { requestId: "c1" });
    await exporting;
    const error = await waitForUi(sim, "error");
    expect(error).toEqual({
      type: "error",
      requestId: "c1",
      kind: "cancelled",
      reason: "cancelled",
      message: "Export cancelled.",
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(uiMessages(sim, "export-result")).toEqual([]);
    expect(sim.record.exports.length).toBeLessThan(ids.length * 2);
    expect(sim.record.relaunch).toEqual([]);
    // A late cancel (the job is gone) is not an error.
    await sendToMain(sim, "cancel", { requestId: "c1" });
    expect(uiMessages(sim, "error")).toHaveLength(1);
  });

  it("refuses an empty selection: Select one or more frames first", async () => {
    const sim = await fixture(LOGIN);
    await exportNow(sim, "e");
    expect(await waitForUi(sim, "error")).toEqual({
      type: "error",
      requestId: "e",
      kind: "input",
      reason: "empty-selection",
      message: "Select one or more frames first.",
    });
  });

  it("refuses a frame larger than 10,000 px on a side, saying how big and what to do", async () => {
    const poster = {
      id: "9:1",
      type: "FRAME",
      name: "Poster",
      absoluteBoundingBox: { x: 0, y: 0, width: 20000, height: 800 },
      children: [],
    };
    const sim = await boot(createFigmaSim({ file: syntheticFile([poster]), command: "code", selectIds: ["9:1"] }));
    await exportNow(sim, "big");
    const error = await waitForUi(sim, "error");
    expect(error.reason).toBe("too-large");
    expect(error.requestId).toBe("big");
    expect(error.message).toBe(
      "“Poster” is 20,000 × 800 px; Figment exports frames up to " +
        "10,000 px on a side. Select a smaller frame or a section of it.",
    );
    expect(sim.record.exports).toEqual([]);
  });

  it("refuses a frame with more than 5,000 layers before exporting anything", async () => {
    const sim = await boot(
      createFigmaSim({ file: syntheticFile([frameWithLayers("7:1", 6000)]), command: "code", selectIds: ["7:1"] }),
    );
    await exportNow(sim, "many");
    const error = await waitForUi(sim, "error");
    expect(error.reason).toBe("too-large");
    expect(error.message).toBe(
      "“Dashboard” has more than 5,000 layers, too many to export at once. Select a smaller frame or a section of it.",
    );
    expect(sim.record.exports).toEqual([]);
  });

  it("exports a frame just under the layer limit", async () => {
    const sim = await boot(
      createFigmaSim({ file: syntheticFile([frameWithLayers("7:1", 4000)]), command: "code", selectIds: ["7:1"] }),
    );
    await exportNow(sim, "ok");
    expect((await waitForUi(sim, "export-result")).frames).toHaveLength(1);
  });

  it("refuses slices and hidden layers as unsupported, naming them", async () => {
    const file = syntheticFile([
      { id: "1:1", type: "SLICE", name: "Slice 1", absoluteBoundingBox: { x: 0, y: 0, width: 100, height: 100 } },
      {
        id: "1:2",
        type: "FRAME",
        name: "Card",
        absoluteBoundingBox: { x: 0, y: 0, width: 100, height: 100 },
        children: [],
      },
    ]);
    const sim = await boot(createFigmaSim({ file, command: "code", selectIds: ["1:1", "1:2"] }));
    await exportNow(sim, "s");
    const error = await waitForUi(sim, "error");
    expect(error.reason).toBe("unsupported-node");
    expect(error.message).toMatch(/^Cannot export “Slice 1”: a slice is an export area/);
  });

  it("reports a failed export with the node name and Figma's error text", async () => {
    const sim = await fixture(LOGIN, { selectIds: ["101:3"] });
    sim.failExport("101:3", "Internal error: image too complex");
    await exportNow(sim, "f");
    const error = await waitForUi(sim, "error");
    expect(error).toEqual({
      type: "error",
      requestId: "f",
      kind: "service",
      reason: "export-failed",
      message: "Could not export the structure of “Log-In Page”: Internal error: image too complex",
    });
    expect(sim.record.relaunch).toEqual([]);
  });

  it("refuses a second export with a request id that is still running", async () => {
    const sim = await fixture(LOGIN, { selectIds: ["101:3"], exportDelayMs: 20 });
    const first = exportNow(sim, "dup");
    const second = exportNow(sim, "dup");
    await Promise.all([first, second]);
    expect(uiMessages(sim, "export-result")).toHaveLength(1);
    expect(uiMessages(sim, "error").map((e) => e.reason)).toEqual(["bad-message"]);
  });
});

describe("countDescendants", () => {
  it("counts layers, stops just past the limit, and yields every few hundred nodes", async () => {
    const sim = createFigmaSim({ file: syntheticFile([frameWithLayers("7:1", 6000)]) });
    restore = installFigmaSim(sim);
    const frame = sim.node("7:1") as unknown as SceneNode;
    const timeouts = vi.spyOn(globalThis, "setTimeout");
    expect(await countDescendants(frame, 100_000)).toBe(6000 + 60);
    expect(timeouts.mock.calls.length).toBe(Math.floor(6060 / YIELD_EVERY));
    expect(await countDescendants(frame, MAX_LAYERS)).toBe(MAX_LAYERS + 1);
  });

  it("counts the login frame exactly", async () => {
    const sim = simFromFixture(LOGIN);
    const frame = sim.node("101:3");
    const all = sim.nodes().filter((n) => {
      for (let p = n.parent; p; p = p.parent) if (p === frame) return true;
      return false;
    });
    expect(await countDescendants(frame as unknown as SceneNode, MAX_LAYERS)).toBe(all.length);
  });
});

describe("fitScale", () => {
  it("caps at 2 and keeps the long side within the limit after rounding", () => {
    expect(fitScale(375, 667, 2048, MAX_PNG_SCALE)).toBe(2);
    for (const max of [256, 512, 1000, 1024, 2048, 4096]) {
      for (const long of [257, 333, 667, 1001, 1440, 2020, 3333, 9999, 10_000]) {
        const scale = fitScale(long, long / 3, max, MAX_PNG_SCALE);
        expect(scale).toBeLessThanOrEqual(MAX_PNG_SCALE);
        expect(Math.round(long * scale)).toBeLessThanOrEqual(max);
        expect(Math.round(long * scale)).toBeGreaterThanOrEqual(Math.min(max, long * 2) - 1);
      }
    }
  });
});
