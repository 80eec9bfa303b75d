/**
 * "Repaint the masked area" end to end in headless Chromium at Figma's default 420×600: the real dist/code.js on
 * the figma simulator and dist/ui.html. A card holds a designer's photo (not made by Figment) and an ellipse drawn
 * over it; selecting both (or a frame holding one image and shapes over it) offers the repaint. With a local SD server
 * (the SD.Next test server, every body checked against SD.Next's fields) it is img2img with the photo as the init image
 * and SD's mask; with the OpenAI mock it is an Images API edit whose mask the server checks (PNG with alpha, the
 * image's size), asked at the image's own shape and scaled back to its size (an answer of another shape is refused, the
 * layer left as it was). Either way the result replaces only that layer's image, its original kept as the version
 * before it. Screenshots in test-artifacts/inpaint-panel/.
 */
import { join } from "node:path";
import type { Frame, Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { decodePng } from "../ai/mask/index.js";
import { ROOT, withPluginPage, panelScreenshot } from "./harness/plugin-page.js";
import { useModelE2e } from "./helpers/e2e.js";
import { runBrowser } from "./helpers/browser.js";
import { recordToasts, toastsShown } from "./helpers/toast-log.js";
import { encodePng } from "./openai-server/png.js";
import { imageReply } from "./openai-server/server.js";
import { startSdNextServer, type SdTestServer } from "./sdnext-server/server.js";

const ARTIFACTS = join(ROOT, "test-artifacts", "inpaint-panel");
const VIEWPORT = { width: 900, height: 800 };
const KEY = "sk-test-inpaint-1a2b3c";
const PHOTO_HASH = "ab".repeat(20);
const OTHER_HASH = "cd".repeat(20);
/** The photo's image: 400 × 200 px in a 200 × 100 layer (FILL). */
const PHOTO = new Uint8Array(encodePng(400, 200, { seed: 3 }));
const OTHER = new Uint8Array(encodePng(64, 64, { seed: 8 }));

/** Where a layer keeps the record of the image Figment put there (plugin/canvas/image-record.ts RECORD_KEY). */
const RECORD_KEY = "figment.image";
const box = (x: number, y: number, width: number, height: number) => ({ x, y, width, height });
const FILE = {
  name: "Inpaint",
  document: {
    id: "0:0",
    type: "DOCUMENT",
    children: [
      {
        id: "0:1",
        type: "CANVAS",
        name: "Page 1",
        children: [
          {
            id: "1:1",
            type: "FRAME",
            name: "Card",
            absoluteBoundingBox: box(0, 0, 400, 300),
            fills: [{ type: "SOLID", color: { r: 1, g: 1, b: 1, a: 1 } }],
            children: [
              {
                id: "1:2",
                type: "RECTANGLE",
                name: "Photo",
                absoluteBoundingBox: box(100, 50, 200, 100),
                fills: [{ type: "IMAGE", imageRef: PHOTO_HASH, scaleMode: "FILL" }],
              },
              // Over the photo's left half: image pixels 100–180 × 20–100 (the layer shows the image at ½).
              {
                id: "1:3",
                type: "ELLIPSE",
                name: "Sky patch",
                absoluteBoundingBox: box(150, 60, 40, 40),
                fills: [{ type: "SOLID", color: { r: 1, g: 0, b: 0, a: 1 } }],
              },
              {
                id: "1:4",
                type: "RECTANGLE",
                name: "Logo",
                absoluteBoundingBox: box(10, 200, 64, 64),
                fills: [{ type: "IMAGE", imageRef: OTHER_HASH, scaleMode: "FIT" }],
              },
            ],
          },
          {
            // A frame holding one image and a shape drawn over it: selecting the frame is enough.
            id: "3:1",
            type: "FRAME",
            name: "Hero",
            absoluteBoundingBox: box(500, 0, 200, 100),
            fills: [],
            children: [
              {
                id: "3:2",
                type: "RECTANGLE",
                name: "Hero photo",
                absoluteBoundingBox: box(500, 0, 200, 100),
                fills: [{ type: "IMAGE", imageRef: PHOTO_HASH, scaleMode: "FILL" }],
              },
              {
                id: "3:3",
                type: "ELLIPSE",
                name: "Sky patch",
                absoluteBoundingBox: box(550, 10, 40, 40),
                fills: [{ type: "SOLID", color: { r: 1, g: 0, b: 0, a: 1 } }],
              },
            ],
          },
        ],
      },
    ],
  },
};
const images = { [PHOTO_HASH]: PHOTO, [OTHER_HASH]: OTHER };

const shot = (page: Page, name: string): Promise<void> => panelScreenshot(page, ARTIFACTS, name);
const overflowsSideways = (ui: Frame) => ui.evaluate<boolean>("document.documentElement.scrollWidth > innerWidth");
type Fill = { type: string; imageHash?: string; scaleMode?: string };
/** The pixel size of an image the plugin put in the file (by its hash). */
const imageSize = (sim: <T>(expr: string) => Promise<T>, hash: string) =>
  sim<{ width: number; height: number }>(
    `(({ width, height }) => ({ width, height }))(sim.record.images.find((i) => i.hash === ${JSON.stringify(hash)}))`,
  );
const fillsOf = (sim: <T>(expr: string) => Promise<T>, id: string) =>
  sim<Fill[]>(`JSON.parse(JSON.stringify(sim.node(${JSON.stringify(id)}).fills))`);

/** Coverage of the mask at an image pixel, as the provider reads it (SD: white; OpenAI: transparent). */
function repaintAt(png: Uint8Array, x: number, y: number, convention: "white" | "transparent"): number {
  const { width, rgba } = decodePng(png);
  const o = (y * width + x) * 4;
  return convention === "white" ? rgba[o]! : 255 - rgba[o + 3]!;
}

describe.runIf(runBrowser)("Repaint the masked area at 420×600", { timeout: 180_000 }, () => {
  const { browser, startServer } = useModelE2e();
  let sdServers: SdTestServer[] = [];
  afterEach(async () => {
    await Promise.all(sdServers.map((s) => s.close()));
    sdServers = [];
  });

  it(
    "a local SD server: img2img with the photo as the init image " +
      "and SD's mask; the repaint replaces only that layer's image",
    async () => {
      const sd = await startSdNextServer({ cors: true });
      sdServers.push(sd);
      const storage = { "figment.settings": { imageSource: "sd", sdBaseUrl: sd.url, sdSampler: "Euler a" } };
      await withPluginPage(
        browser,
        {
          fixture: FILE,
          images,
          select: ["1:2", "1:3"],
          command: "image",
          storage,
          viewport: VIEWPORT,
          allowOrigins: [new URL(sd.url).origin],
        },
        async ({ page, ui, sim }) => {
          const card = ui.getByRole("region", { name: "Repaint the masked area" });
          await card.waitFor();
          expect(await card.textContent()).toContain(
            "The shapes over “Photo” are the mask: what you describe is painted " +
              "there and replaces the layer's image. The original is kept as a version.",
          );
          await card.getByRole("textbox", { name: "What to paint there" }).fill("a red kite in a clear sky");
          await card.getByRole("slider", { name: "Repaint strength" }).fill("0.6");
          await card.locator("summary", { hasText: "Options" }).click();
          await card.getByRole("textbox", { name: "Mask blur" }).fill("8");
          await card.getByRole("checkbox", { name: "Only the masked area, full resolution" }).check();
          await shot(page, "1-sd-card");
          expect(await overflowsSideways(ui)).toBe(false);
          const logoBefore = await fillsOf(sim, "1:4");
          await card.getByRole("button", { name: "Repaint the masked area" }).click();
          await ui.locator(".toast", { hasText: "Repainted the masked area of “Photo”" }).waitFor({ timeout: 60_000 });
          await shot(page, "2-sd-repainted");

          const request = sd.requests.find((r) => r.method === "POST" && r.path === "/sdapi/v1/img2img")!;
          expect(request.errors).toEqual([]);
          const body = request.body as Record<string, unknown>;
          expect(body).toMatchObject({
            prompt: "a red kite in a clear sky",
            denoising_strength: 0.6,
            width: 400,
            height: 200,
            mask_blur: 8,
            inpainting_fill: 1,
            inpaint_full_res: true,
            inpaint_full_res_padding: 32,
          });
          expect(Buffer.from((body["init_images"] as string[])[0]!, "base64").equals(Buffer.from(PHOTO))).toBe(true);
          const mask = new Uint8Array(Buffer.from(body["mask"] as string, "base64"));
          expect(decodePng(mask)).toMatchObject({ width: 400, height: 200 });
          // The ellipse's centre (layer 70, 30 → image 140, 60) is repainted; the photo's right side is kept.
          expect([repaintAt(mask, 140, 60, "white"), repaintAt(mask, 350, 150, "white")]).toEqual([255, 0]);

          // Only the photo's image changed: FILL kept, the shapes and the other image untouched.
          const photo = await fillsOf(sim, "1:2");
          expect(photo).toHaveLength(1);
          expect(photo[0]).toMatchObject({ type: "IMAGE", scaleMode: "FILL" });
          expect(photo[0]!.imageHash).not.toBe(PHOTO_HASH);
          expect(await fillsOf(sim, "1:4")).toEqual(logoBefore);
          expect(await sim<boolean>(`sim.node("1:3").visible !== false`)).toBe(true);
          // The original is kept as the version before the repaint, which the layer's record names as its parent.
          expect(await ui.locator(".version-thumb__label").allTextContents()).toEqual(["v1", "v2"]);
          expect(await ui.locator(".version").textContent()).toMatch(/^v2 · 400×200 · /);
          const record = JSON.parse(
            await sim<string>(`sim.node("1:2").getPluginData(${JSON.stringify(RECORD_KEY)})`),
          ) as { versionId: string; refinedFrom?: string; prompt: string };
          expect(record).toMatchObject({ prompt: "a red kite in a clear sky" });
          expect(record.refinedFrom).toMatch(/-1$/);
          expect(record.versionId).toMatch(/-2$/);
        },
      );
    },
  );

  it(
    "OpenAI: an Images API edit with the photo and OpenAI's mask (checked " +
      "by the server); the repaint replaces only that layer's image",
    async () => {
      const server = await startServer();
      server.push(imageReply());
      const storage = {
        "figment.settings": { provider: "openai", baseUrl: server.url.replace(/\/+$/, ""), model: "gpt-5.4-image-2" },
        "figment.apiKey": KEY,
      };
      await withPluginPage(
        browser,
        {
          fixture: FILE,
          images,
          select: ["1:1"],
          command: "image",
          storage,
          viewport: VIEWPORT,
          allowOrigins: [new URL(server.url).origin],
        },
        async ({ page, ui, sim }) => {
          const log: string[] = [];
          page.on("console", (m) => log.push(m.text()));
          // The card holds two images and a shape: which one is meant is not clear, so nothing is offered.
          await ui.locator(".panel--image").waitFor();
          const card = ui.getByRole("region", { name: "Repaint the masked area" });
          expect(await card.count()).toBe(0);
          await shot(page, "3-openai-frame-not-offered");

          await sim(`sim.select(["3:1"])`);
          await card.waitFor();
          expect(await card.textContent()).toContain("The shapes in “Hero” over its image are the mask");
          await card.getByRole("textbox", { name: "What to paint there" }).fill("a red kite in a clear sky");
          await card.getByRole("button", { name: "Repaint the masked area" }).click();
          const confirm = ui.locator(".image-confirm");
          await confirm.waitFor({ timeout: 60_000 });
          expect(await confirm.textContent()).toContain("Repaints the masked area of “Hero photo”");
          await shot(page, "4-openai-estimate");
          await recordToasts(ui);
          await confirm.getByRole("button", { name: "Send" }).click();
          await ui
            .locator(".toast", { hasText: "Repainted the masked area of “Hero photo”" })
            .waitFor({ timeout: 60_000 });
          await shot(page, "5-openai-repainted");

          const request = server.requests[0]!;
          expect(request.path).toBe("/v1/images/edits");
          expect(request.schemaErrors).toEqual([]);
          const image = request.files.find((f) => f.field === "image" || f.field === "image[]")!;
          expect(image.bytes.equals(Buffer.from(PHOTO))).toBe(true);
          const mask = new Uint8Array(request.files.find((f) => f.field === "mask")!.bytes);
          expect(mask[25]).toBe(6); // RGBA
          // The Hero's ellipse centre (layer 70, 30 → image 140, 60) is transparent; the right side opaque.
          expect([repaintAt(mask, 140, 60, "transparent"), repaintAt(mask, 350, 150, "transparent")]).toEqual([255, 0]);

          const hero = await fillsOf(sim, "3:2");
          expect(hero[0]).toMatchObject({ type: "IMAGE", scaleMode: "FILL" });
          expect(hero[0]!.imageHash).not.toBe(PHOTO_HASH);
          // The other layers with the same or another image are untouched.
          expect((await fillsOf(sim, "1:2"))[0]!.imageHash).toBe(PHOTO_HASH);
          expect((await fillsOf(sim, "1:4"))[0]!.imageHash).toBe(OTHER_HASH);
          expect(await overflowsSideways(ui)).toBe(false);

          // Asked at the photo's own shape (never "auto"), in sizes gpt-image-2 takes; the answer scaled back to the
          // photo's 400×200.
          expect((request.body as { size?: string }).size).toBe("416x208");
          // Read from the record: the toast may have left by now on a busy machine.
          expect(
            (await toastsShown(ui)).filter((t) => t.includes("Scaled from 416×208 to the original's 400×200.")),
          ).toHaveLength(1);
          expect(await imageSize(sim, hero[0]!.imageHash!)).toEqual({ width: 400, height: 200 });

          // An answer of another shape anyway: refused, the layer's image as it was, the answer kept as a version.
          server.push(imageReply({ size: { width: 1024, height: 1024 } }));
          await card.getByRole("button", { name: "Repaint the masked area" }).click();
          await confirm.waitFor({ timeout: 60_000 });
          await confirm.getByRole("button", { name: "Send" }).click();
          const refused = ui.locator(".banner--error", { hasText: "Could not put the repaint on “Hero photo”" });
          await refused.waitFor({ timeout: 60_000 });
          expect(await refused.textContent()).toContain(
            "the model answered 1024×1024 for a 400×200 original; that " +
              "shape would distort the layer's image. It is kept as v",
          );
          expect((await fillsOf(sim, "3:2"))[0]!.imageHash).toBe(hero[0]!.imageHash);
          await shot(page, "6-openai-other-shape-refused");
          // Each placement was noted in History after its version was stored.
          expect(log.join("\n")).not.toContain("could not save to history");
        },
      );
    },
  );
});
