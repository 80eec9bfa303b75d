/**
 * The built main thread (dist/code.js, as Figma runs it: evaluated in a fresh realm with `figma` as a global)
 * on the simulator: insert an image, relaunch on it, and keep a version — the same bundle the plugin ships.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import vm from "node:vm";
import { describe, expect, it } from "vitest";
import { checkedUiMessages, sendToMain, waitForUi } from "./figma-sim/contract.js";
import { createFigmaSim, type FigmaSim } from "./figma-sim/sim.js";
import { ROOT } from "./harness/plugin-page.js";
import { CANVAS_FILE, imageRecord, png } from "./helpers/canvas-file.js";

const code = readFileSync(join(ROOT, "dist/code.js"), "utf8");

async function run(sim: FigmaSim): Promise<void> {
  const since = sim.ui.messages.length;
  // Figma clones each message into the plugin's realm, so its bytes are that realm's Uint8Array; the simulator
  // clones in this realm, so the plugin's realm shares this Uint8Array (else `instanceof` would tell them apart).
  vm.runInContext(
    code,
    vm.createContext({ figma: sim.figma, __html__: sim.html, console, setTimeout, clearTimeout, Uint8Array }),
    { filename: "dist/code.js" },
  );
  await waitForUi(sim, "init", { since });
}

describe("dist/code.js: images", () => {
  it("inserts an image as one undo step, relaunches on it with its record, and keeps a version", async () => {
    const sim = createFigmaSim({
      file: CANVAS_FILE,
      command: "image",
      selectIds: ["2:1"],
      relaunchCommands: ["code", "refine-image", "regenerate-image"],
    });
    await run(sim);
    const record = imageRecord();
    await sendToMain(sim, "insert-image", {
      requestId: "i1",
      bytes: png(1536, 1024),
      width: 1536,
      height: 1024,
      record,
    });
    const { nodeIds } = await waitForUi(sim, "image-placed");
    const node = sim.node(nodeIds[0]!);
    expect([node.x, node.y, node.width, node.height, node.name]).toEqual([
      860,
      100,
      1536,
      1024,
      "A warm hero shot of a reading lamp on an oak desk",
    ]);
    expect(node.fills).toEqual([{ type: "IMAGE", imageHash: sim.record.images[0]!.hash, scaleMode: "FILL" }]);
    expect(sim.record.undo.steps).toHaveLength(1);
    expect(sim.record.undo.pending).toEqual([]);

    (sim.figma as { command: string }).command = "regenerate-image";
    await run(sim);
    expect((await waitForUi(sim, "init", { where: (m) => m.imageNode !== undefined })).imageNode).toEqual({
      nodeId: node.id,
      record,
      action: "regenerate",
    });

    const version = {
      kind: "image" as const,
      id: "v-1",
      createdAt: record.createdAt,
      record,
      preview: { bytes: png(256, 171), width: 256, height: 171 },
      original: { width: 1536, height: 1024, bytes: 1 },
    };
    await sendToMain(sim, "save-image-version", { requestId: "s1", version });
    await sendToMain(sim, "load-image-versions", { requestId: "l1" });
    expect((await waitForUi(sim, "image-versions")).versions).toEqual([version]);
    expect(sim.record.handlerErrors).toEqual([]);
    expect(() => checkedUiMessages(sim)).not.toThrow();
  });
});
