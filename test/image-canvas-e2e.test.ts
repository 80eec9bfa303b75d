/**
 * The image messages over the real transport, in the browser harness: the UI iframe (dist/ui.html's realm)
 * encodes images with Chromium's own canvas encoders and posts them as Figma's panels do
 * (`parent.postMessage({ pluginMessage })`), the real dist/code.js answers on the simulator. Insert, Fill
 * selection and the WebP refusal, with bytes that crossed a realm boundary as Uint8Array.
 */
import type { Frame } from "playwright-core";
import { describe, expect, it } from "vitest";
import { withPluginPage } from "./harness/plugin-page.js";
import { CANVAS_FILE, imageRecord } from "./helpers/canvas-file.js";
import { runBrowser, useBrowser, usePageContext } from "./helpers/browser.js";

/**
 * Encodes a gradient with the browser's canvas and posts `message` with its bytes as `bytes`, from the UI's
 * realm. Page code is a string: the project's tsconfig has no DOM types.
 */
async function postImage(
  ui: Frame,
  type: "image/png" | "image/webp",
  width: number,
  height: number,
  message: Record<string, unknown>,
): Promise<void> {
  await ui.evaluate(`(async () => {
    const canvas = new OffscreenCanvas(${width}, ${height});
    const ctx = canvas.getContext("2d");
    const gradient = ctx.createLinearGradient(0, 0, ${width}, ${height});
    gradient.addColorStop(0, "#f4a261");
    gradient.addColorStop(1, "#264653");
    ctx.fillStyle = gradient;
    ctx.fillRect(0, 0, ${width}, ${height});
    const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: ${JSON.stringify(type)} })).arrayBuffer());
    parent.postMessage({ pluginMessage: { ...${JSON.stringify(message)}, bytes } }, "*");
  })()`);
}

describe.runIf(runBrowser)("image messages in the browser harness", { timeout: 180_000 }, () => {
  const browser = useBrowser();
  // Plugin pages reused between tests (no init scripts, routes or listeners of their own): one renderer, not one per
  // test.
  const pages = usePageContext(browser);

  it(
    "inserts a Chromium-encoded 1536×1024 PNG beside the " + "selection, fills the selection, and refuses a WebP",
    async () => {
      await withPluginPage(pages, { fixture: CANVAS_FILE, select: ["2:1"], command: "image" }, async ({ ui, sim }) => {
        const record = imageRecord();
        await postImage(ui, "image/png", 1536, 1024, {
          type: "insert-image",
          requestId: "i1",
          width: 1536,
          height: 1024,
          record,
        });
        const placed = await sim<Promise<{ nodeIds: string[] }>>('sim.ui.waitFor("image-placed")');
        const node = await sim<{
          x: number;
          y: number;
          width: number;
          height: number;
          name: string;
          fills: unknown[];
          record: string;
          parent: string;
        }>(
          `(() => { const n = sim.node(${JSON.stringify(placed.nodeIds[0])}); return { x: ` +
            `n.x, y: n.y, width: n.width, height: n.height, name: n.name, fills: n.fills, ` +
            `record: n.getPluginData("figment.image"), parent: n.parent.type }; })()`,
        );
        const image = await sim<{ hash: string; format: string; width: number; height: number }>(
          "sim.record.images[0]",
        );
        expect(image).toMatchObject({ format: "png", width: 1536, height: 1024 });
        expect(node).toEqual({
          x: 860,
          y: 100,
          width: 1536,
          height: 1024,
          name: record.prompt,
          fills: [{ type: "IMAGE", imageHash: image.hash, scaleMode: "FILL" }],
          record: JSON.stringify(record),
          parent: "PAGE",
        });
        expect(await sim<string[]>("sim.currentPage().selection.map((n) => n.id)")).toEqual(placed.nodeIds);
        expect(await sim<number>("sim.record.undo.steps.length")).toBe(1);

        await sim<void>('sim.select(["2:2", "2:3"])');
        await postImage(ui, "image/png", 64, 64, {
          type: "fill-selection",
          requestId: "f1",
          scaleMode: "FIT",
          record: imageRecord({ versionId: "v-2" }),
        });
        expect(
          await sim<Promise<{ nodeIds: string[] }>>(
            'sim.ui.waitFor("image-placed", { where: (m) => m.requestId === "f1" })',
          ),
        ).toMatchObject({ nodeIds: ["2:2", "2:3"] });
        expect(await sim<unknown>('sim.node("2:3").fills[0].scaleMode')).toBe("FIT");

        await postImage(ui, "image/webp", 120, 80, {
          type: "insert-image",
          requestId: "w1",
          width: 120,
          height: 80,
          record,
        });
        const error = await sim<Promise<{ reason: string; message: string }>>(
          'sim.ui.waitFor("error", { where: (m) => m.requestId === "w1" })',
        );
        expect(error.reason).toBe("bad-image");
        expect(error.message).toContain("is a WebP image: Figma places only PNG, JPEG or GIF images");
        expect(await sim<number>("sim.record.images.length")).toBe(2);
        expect(await sim<unknown[]>("sim.record.handlerErrors")).toEqual([]);
      });
    },
  );

  it(
    "places a batch in its grid over the real transport: a new " +
      "wrapping frame, then items by id, a retried one at its place",
    async () => {
      await withPluginPage(pages, { fixture: CANVAS_FILE, select: ["2:1"], command: "image" }, async ({ ui, sim }) => {
        const place = async (
          requestId: string,
          grid: Record<string, string>,
          index: number,
        ): Promise<{ nodeIds: string[] }> => {
          await postImage(ui, "image/png", 256, 160, {
            type: "place-in-grid",
            requestId,
            grid,
            width: 256,
            height: 160,
            name: `Variant ${index + 1}`,
            record: imageRecord({ versionId: `b-${index}` }),
            index,
          });
          return sim<Promise<{ nodeIds: string[] }>>(
            `sim.ui.waitFor("image-placed", { where: (m) => m.requestId === ${JSON.stringify(requestId)} })`,
          );
        };
        const [gridId] = (await place("g0", { name: "Hero batch" }, 0)).nodeIds;
        await place("g2", { id: gridId! }, 2);
        await place("g1", { id: gridId! }, 1);
        const grid = await sim<{ name: string; layoutMode: string; layoutWrap: string; x: number; children: string[] }>(
          `(() => { const g = sim.node(${JSON.stringify(gridId)}); return { name: g.name, layoutMode: ` +
            `g.layoutMode, layoutWrap: g.layoutWrap, x: g.x, children: g.children.map((c) => c.name) }; })()`,
        );
        expect(grid).toEqual({
          name: "Hero batch",
          layoutMode: "HORIZONTAL",
          layoutWrap: "WRAP",
          x: 860,
          children: ["Variant 1", "Variant 2", "Variant 3"],
        });
        expect(await sim<number>("sim.record.undo.steps.length")).toBe(3);
        expect(await sim<unknown[]>("sim.record.handlerErrors")).toEqual([]);
      });
    },
  );
});
