/**
 * The image messages through the panel session (plugin/start.ts on the simulator): insert, fill and replace
 * answered with image-placed or a coded error; the selection marks Figment images; the versions store; the
 * relaunch buttons opening the image panel with init.imageNode; the key never in pluginData or messages.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { checkedUiMessages, sendToMain, uiMessages, waitForUi, type FigmaSim } from "../../test/figma-sim/index.js";
import { createFigmaSim, installFigmaSim, type FigmaSimOptions } from "../../test/figma-sim/sim.js";
import { CANVAS_FILE, imageRecord, png } from "../../test/helpers/canvas-file.js";
import { start } from "../start.js";
import { API_KEYS_KEY } from "../storage/key-store.js";

const KEY = "sk-test-Zq8sSECRETkey0123456789";
const RELAUNCH = ["code", "refine-image", "regenerate-image"];

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
  vi.restoreAllMocks();
});

async function boot(options: Partial<FigmaSimOptions> = {}): Promise<FigmaSim> {
  const sim = createFigmaSim({ file: CANVAS_FILE, command: "image", relaunchCommands: RELAUNCH, ...options });
  restore = installFigmaSim(sim);
  await start();
  await waitForUi(sim, "init");
  return sim;
}

/** Runs the plugin again in the same file, as a click on a relaunch button does (Figma selects the node first). */
async function relaunch(sim: FigmaSim, command: string): Promise<void> {
  (sim.figma as { command: string }).command = command;
  await start();
}

const errorFor = (sim: FigmaSim, requestId: string) =>
  waitForUi(sim, "error", { where: (e) => e.requestId === requestId });

describe("insert, fill and replace through the session", () => {
  it("answers insert-image with the new layer, one undo step, and marks it in the next selection summary", async () => {
    const sim = await boot({ selectIds: ["2:1"] });
    const steps = sim.record.undo.steps.length;
    const since = sim.ui.messages.length;
    await sendToMain(sim, "insert-image", {
      requestId: "i1",
      bytes: png(300, 200),
      width: 300,
      height: 200,
      record: imageRecord(),
    });
    const placed = await waitForUi(sim, "image-placed", { since });
    expect(placed).toEqual({ type: "image-placed", requestId: "i1", nodeIds: [expect.stringMatching(/^sim:/)] });
    expect(sim.record.undo.steps.length).toBe(steps + 1);
    const { selection } = await waitForUi(sim, "selection", { since });
    expect(selection.nodes).toEqual([
      {
        id: placed.nodeIds[0],
        name: "A warm hero shot of a reading lamp on an oak desk",
        type: "RECTANGLE",
        width: 300,
        height: 200,
        image: { versionId: "v-1" },
        imageFill: "own",
      },
    ]);
    expect(() => checkedUiMessages(sim)).not.toThrow();
  });

  it("answers each refusal with its code on the request, changing nothing", async () => {
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const sim = await boot({ selectIds: ["2:5"] });
    const gif = new Uint8Array([...new TextEncoder().encode("GIF89a"), 0, 32, 1, 0, 0, 0, 0, 0x3b]);
    await sendToMain(sim, "insert-image", {
      requestId: "big",
      bytes: gif,
      width: 100,
      height: 1,
      record: imageRecord(),
    });
    expect((await errorFor(sim, "big")).reason).toBe("too-large");
    await sendToMain(sim, "fill-selection", {
      requestId: "group",
      bytes: png(10, 10),
      scaleMode: "FIT",
      record: imageRecord(),
    });
    expect((await errorFor(sim, "group")).message).toContain("“Badges” (a group has no fill of its own");
    await sendToMain(sim, "replace-image", {
      requestId: "mine",
      nodeId: "2:2",
      bytes: png(10, 10),
      record: imageRecord(),
    });
    expect((await errorFor(sim, "mine")).reason).toBe("not-generated");
    await sim.ui.send({
      type: "insert-image",
      requestId: "key",
      bytes: png(10, 10),
      width: 10,
      height: 10,
      record: { ...imageRecord(), apiKey: KEY },
    });
    const refused = await errorFor(sim, "key");
    expect(refused.reason).toBe("bad-message");
    expect(refused.message).toContain("record.apiKey must be absent");
    // The refusal is logged by field name, never with the payload.
    expect(logged).toHaveBeenCalledTimes(1);
    expect(JSON.stringify(logged.mock.calls)).not.toContain(KEY);
    expect(refused.message).not.toContain(KEY);
    expect(sim.record.images).toEqual([]);
    expect(sim.record.pluginData).toEqual([]);
    expect(uiMessages(sim, "image-placed")).toEqual([]);
  });

  it("fills the selection and replaces a Figment image by request", async () => {
    const sim = await boot({ selectIds: ["2:2", "2:3"] });
    await sendToMain(sim, "fill-selection", {
      requestId: "f1",
      bytes: png(10, 10),
      scaleMode: "FIT",
      record: imageRecord(),
    });
    expect(await waitForUi(sim, "image-placed")).toEqual({
      type: "image-placed",
      requestId: "f1",
      nodeIds: ["2:2", "2:3"],
    });
    await sendToMain(sim, "replace-image", {
      requestId: "r1",
      nodeId: "2:3",
      bytes: png(10, 10, 4),
      record: imageRecord({ versionId: "v-2", refinedFrom: "v-1" }),
    });
    expect(await waitForUi(sim, "image-placed", { where: (m) => m.requestId === "r1" })).toEqual({
      type: "image-placed",
      requestId: "r1",
      nodeIds: ["2:3"],
    });
    expect(sim.node("2:3").fills).toMatchObject([{ type: "IMAGE", scaleMode: "FIT" }]);
  });

  it("never puts the stored key into a layer: a prompt holding it is refused without quoting it", async () => {
    const sim = await boot({ storage: { [API_KEYS_KEY]: { openai: KEY } } });
    await sendToMain(sim, "insert-image", {
      requestId: "k1",
      bytes: png(10, 10),
      width: 10,
      height: 10,
      record: imageRecord({ prompt: `draw with key ${KEY.slice(0, 4)} ${KEY}` }),
    });
    const error = await errorFor(sim, "k1");
    expect(error.message).toContain("looks like an API key");
    expect(JSON.stringify(sim.ui.messages.filter((m) => m["type"] !== "init"))).not.toContain(KEY);
    expect(sim.record.pluginData).toEqual([]);
    expect(sim.record.images).toEqual([]);
  });

  it("is refused in Dev Mode, which is read-only", async () => {
    const sim = await boot({ editorType: "dev", mode: "inspect" });
    await sendToMain(sim, "insert-image", {
      requestId: "d1",
      bytes: png(10, 10),
      width: 10,
      height: 10,
      record: imageRecord(),
    });
    expect((await errorFor(sim, "d1")).reason).toBe("read-only");
  });
});

describe("relaunch buttons", () => {
  it("Refine image / Regenerate image open the image panel with the node and its record in init", async () => {
    const sim = await boot({ selectIds: ["2:1"] });
    const record = imageRecord({ api: "responses", responseId: "resp_7" });
    await sendToMain(sim, "insert-image", { requestId: "i1", bytes: png(30, 20), width: 30, height: 20, record });
    const { nodeIds } = await waitForUi(sim, "image-placed");
    expect(Object.keys(sim.node(nodeIds[0]!).getRelaunchData())).toEqual(["refine-image", "regenerate-image"]);
    for (const [command, action] of [
      ["refine-image", "refine"],
      ["regenerate-image", "regenerate"],
    ] as const) {
      const since = sim.ui.messages.length;
      await relaunch(sim, command);
      const init = await waitForUi(sim, "init", { since });
      expect(init.command).toBe("image");
      expect(init.imageNode).toEqual({ nodeId: nodeIds[0], record, action });
    }
    expect(sim.record.showUI.at(-1)!.options["title"]).toBe("Figment — Generate image");
  });

  it("opens the image panel without a node when the selection holds no Figment image", async () => {
    const sim = await boot({ selectIds: ["2:2"] });
    const since = sim.ui.messages.length;
    await relaunch(sim, "refine-image");
    const init = await waitForUi(sim, "init", { since });
    expect(init.command).toBe("image");
    expect(init.imageNode).toBeUndefined();
  });

  it("exporting an image for code keeps its image buttons beside Generate code", async () => {
    const sim = await boot({ selectIds: ["2:1"] });
    await sendToMain(sim, "insert-image", {
      requestId: "i1",
      bytes: png(30, 20),
      width: 30,
      height: 20,
      record: imageRecord(),
    });
    const { nodeIds } = await waitForUi(sim, "image-placed");
    await sendToMain(sim, "export-selection", { requestId: "e1", png: false });
    await waitForUi(sim, "export-result");
    expect(Object.keys(sim.node(nodeIds[0]!).getRelaunchData())).toEqual(["refine-image", "regenerate-image", "code"]);
  });
});

describe("image versions through the session", () => {
  const version = (id: string) => ({
    kind: "image" as const,
    id,
    createdAt: "2026-05-01T12:00:00.000Z",
    record: imageRecord({ versionId: id }),
    preview: { bytes: png(256, 171), width: 256, height: 171 },
    original: { width: 1536, height: 1024, bytes: 2_000_000 },
  });

  it("saves, lists and deletes versions, each answered with the usage", async () => {
    const sim = await boot();
    await sendToMain(sim, "save-image-version", { requestId: "s1", version: version("v-1") });
    const saved = await waitForUi(sim, "versions-usage", { where: (m) => m.requestId === "s1" });
    expect(saved.usage.bytes).toBeGreaterThan(0);
    await sendToMain(sim, "load-image-versions", { requestId: "l1" });
    const listed = await waitForUi(sim, "image-versions");
    expect(listed.versions.map((v) => v.id)).toEqual(["v-1"]);
    expect(listed.usage).toEqual(saved.usage);
    expect(listed.lost).toBeUndefined();
    await sendToMain(sim, "delete-image-versions", { requestId: "d1", ids: ["v-1"] });
    expect((await waitForUi(sim, "versions-usage", { where: (m) => m.requestId === "d1" })).usage.bytes).toBe(0);
    expect(() => checkedUiMessages(sim)).not.toThrow();
  });

  it("says storage is full with its own code", async () => {
    const sim = await boot();
    // ~199 kB previews (a real PNG header, then padding): about ten fit in the 2 MB budget.
    const padded = new Uint8Array(199_000);
    padded.set(png(256, 171));
    const big = (id: string) => ({ ...version(id), preview: { bytes: padded, width: 256, height: 171 } });
    let id = 0;
    for (;;) {
      const requestId = `s${id}`;
      await sendToMain(sim, "save-image-version", { requestId, version: big(`v-${id++}`) });
      const error = uiMessages(sim, "error").find((e) => e.requestId === requestId);
      if (error) {
        expect(error.reason).toBe("storage-full");
        expect(error.message).toMatch(/^Storage for image versions is full/);
        break;
      }
    }
    expect(id).toBe(11);
  });
});
