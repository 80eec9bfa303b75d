/**
 * The Generate image panel writing to the canvas, end to end in headless Chromium at 420×600: the real
 * dist/ui.html and dist/code.js on the figma simulator (whose createImage behaves as Figma's), the worker
 * calling the OpenAI-wire test server on 127.0.0.1. Insert, Fill selection and Replace make the layers with
 * the right fill, size, name and record (never the key); versions come back after closing and reopening;
 * the relaunch buttons on a layer Figment made open the panel on it. Screenshots to test-artifacts/image-panel/.
 */
import { join } from "node:path";
import type { Frame, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ROOT, withPluginPage, panelScreenshot } from "./harness/plugin-page.js";
import { CANVAS_FILE, imageRecord } from "./helpers/canvas-file.js";
import { imageReply, type OpenAiTestServer } from "./openai-server/server.js";
import { useModelE2e } from "./helpers/e2e.js";
import { runBrowser } from "./helpers/browser.js";

const ARTIFACTS = join(ROOT, "test-artifacts", "image-panel");
const KEY = "sk-test-canvas-1a2b3c4d5e6f";
const VIEWPORT = { width: 900, height: 800 };

const shot = (page: Page, name: string): Promise<void> => panelScreenshot(page, ARTIFACTS, name);

const settings = (url: string) => ({ provider: "openai", baseUrl: url.replace(/\/+$/, ""), model: "gpt-5.4-image-2" });
const origin = (srv: OpenAiTestServer | undefined): string => new URL(srv!.url).origin;

/** Prompt → Square, low → Generate → Send → the version on show. */
async function makeVersion(ui: Frame, prompt: string, n: number): Promise<void> {
  await ui.getByRole("textbox", { name: "Describe the image" }).fill(prompt);
  const size = ui.getByRole("combobox", { name: "Size" });
  if (!(await size.isVisible())) await ui.getByRole("button", { name: "Options" }).click();
  await size.click();
  await ui.getByRole("option", { name: /Square/ }).click();
  await ui.getByRole("combobox", { name: "Quality" }).click();
  await ui.getByRole("option", { name: /Low/ }).click();
  await ui.getByRole("button", { name: "Generate image" }).click();
  await ui.locator(".image-confirm").getByRole("button", { name: "Send" }).click({ timeout: 60_000 });
  await ui.locator(".version__line", { hasText: `v${n} ·` }).waitFor({ timeout: 60_000 });
}

interface Layer {
  id: string;
  type: string;
  name: string;
  width: number;
  height: number;
  fills: { type: string; scaleMode?: string; imageHash?: string }[];
  record: string;
}
/** clientStorage as the main thread left it, byte arrays kept (they travel as base64 out of the page). */
async function storageOf(sim: <T>(expression: string) => Promise<T>): Promise<Record<string, unknown>> {
  const text = await sim<string>(
    `JSON.stringify(Object.fromEntries(sim.storage), (_, v) => { if (!(v instanceof Uint8Array)) return ` +
      `v; let s = ""; for (const b of v) s += String.fromCharCode(b); return { __b64: btoa(s) }; })`,
  );
  return JSON.parse(text, (_, value: unknown) => {
    const b64 = typeof value === "object" && value !== null ? (value as { __b64?: unknown }).__b64 : undefined;
    return typeof b64 === "string" ? new Uint8Array(Buffer.from(b64, "base64")) : value;
  }) as Record<string, unknown>;
}

const layer = (id: string) =>
  `(() => { const n = sim.node(${JSON.stringify(id)}); return { id: n.id, type: n.type, name: n.name, ` +
  `width: n.width, height: n.height, fills: n.fills, record: n.getPluginData("figment.image") }; })()`;

describe.runIf(runBrowser)("the Generate image panel on the canvas", { timeout: 240_000 }, () => {
  const { browser, startServer } = useModelE2e();
  let server: OpenAiTestServer | undefined;

  it(
    "Insert, Fill selection (Fit) and Replace: fill, size, name " +
      "and record on each layer, one undo step each, never the key",
    async () => {
      server = await startServer();
      server.push(imageReply(), imageReply({ seed: 6 }));
      const storage = { "figment.settings": settings(server.url), "figment.apiKey": KEY };
      const logs: string[] = [];
      await withPluginPage(
        browser,
        {
          fixture: CANVAS_FILE,
          select: ["2:1"],
          command: "image",
          storage,
          viewport: VIEWPORT,
          allowOrigins: [origin(server)],
        },
        async ({ page, ui, sim }) => {
          page.on("console", (m) => logs.push(m.text()));
          await makeVersion(ui, "A warm hero shot of a reading lamp on an oak desk", 1);
          const v1 = JSON.parse(JSON.stringify(await ui.locator(".version__line").textContent()));
          expect(v1).toMatch(/^v1 · 1024×1024 · gpt-image-2/);
          await shot(page, "17-actions");

          // Insert: a new rectangle beside the Card, 1024×1024 at 1×, named from the prompt, selected, with its record.
          await ui.getByRole("button", { name: "Insert", exact: true }).click();
          await ui.locator(".toast", { hasText: "Inserted v1." }).waitFor();
          const [insertedId] = await sim<string[]>("sim.currentPage().selection.map((n) => n.id)");
          const inserted = await sim<Layer>(layer(insertedId!));
          const image = await sim<{ hash: string; format: string; width: number; height: number }>(
            "sim.record.images[0]",
          );
          expect(image).toMatchObject({ format: "png", width: 1024, height: 1024 });
          expect(inserted).toMatchObject({
            type: "RECTANGLE",
            name: "A warm hero shot of a reading lamp on an oak desk",
            width: 1024,
            height: 1024,
            fills: [{ type: "IMAGE", scaleMode: "FILL", imageHash: image.hash }],
          });
          const record = JSON.parse(inserted.record) as Record<string, unknown>;
          expect(record).toMatchObject({
            prompt: "A warm hero shot of a reading lamp on an oak desk",
            model: "gpt-image-2",
            provider: "openai",
            api: "images",
            size: "1024x1024",
            quality: "low",
            count: 1,
            index: 0,
          });
          // One undo step holds the whole insert (the versions store's file id, written once, is a step of its own).
          const steps = await sim<string[][]>("sim.record.undo.steps");
          expect(steps.filter((step) => step.some((change) => change.includes(insertedId!)))).toHaveLength(1);
          await shot(page, "18-inserted");

          // Fill selection, Fit: the two shapes keep their size and show the whole image.
          await sim<void>('sim.select(["2:2", "2:3"])');
          await ui.locator(".image-actions").getByRole("radio", { name: "Fit" }).click();
          await ui.getByRole("button", { name: "Fill selection" }).click();
          await ui.locator(".toast", { hasText: "Filled 2 layers with v1." }).waitFor();
          expect(await sim<Layer>(layer("2:3"))).toMatchObject({
            width: 40,
            height: 40,
            fills: [{ type: "IMAGE", scaleMode: "FIT" }],
          });
          const afterFill = await sim<string[][]>("sim.record.undo.steps");
          expect(afterFill.slice(steps.length)).toEqual([expect.arrayContaining(["fills 2:2", "fills 2:3"])]);

          // Replace: a second version swaps the image of the layer Insert made, and its record says so.
          await makeVersion(ui, "The same lamp at dusk, cool blue light", 2);
          await sim<void>(`sim.select([${JSON.stringify(insertedId)}])`);
          const replace = ui.getByRole("button", { name: "Replace" });
          await ui.waitForFunction(
            "[...document.querySelectorAll('.image-actions button')].some((b) " +
              "=> b.textContent === 'Replace' && !b.disabled)",
          );
          await replace.scrollIntoViewIfNeeded();
          await shot(page, "19-replace-ready");
          await replace.click();
          await ui.locator(".toast", { hasText: "Replaced the image with v2." }).waitFor();
          const replaced = await sim<Layer>(layer(insertedId!));
          const second = await sim<{ hash: string }>("sim.record.images.at(-1)");
          expect(replaced.fills).toEqual([expect.objectContaining({ type: "IMAGE", imageHash: second.hash })]);
          expect(replaced.fills[0]!.imageHash).not.toBe(image.hash);
          expect(JSON.parse(replaced.record)).toMatchObject({ prompt: "The same lamp at dusk, cool blue light" });
          const afterReplace = await sim<string[][]>("sim.record.undo.steps");
          expect(afterReplace.slice(afterFill.length)).toEqual([expect.arrayContaining([`fills ${insertedId!}`])]);

          // The key: never in the file, never in the console.
          expect(JSON.stringify(await sim<unknown>("sim.record.pluginData"))).not.toContain(KEY);
          expect(await sim<unknown[]>("sim.record.handlerErrors")).toEqual([]);
        },
      );
      expect(logs.join("\n")).not.toContain(KEY);
    },
  );

  it(
    "versions survive closing and reopening: previews and how each " +
      "was made come back, and the panel says the full image did not",
    async () => {
      server = await startServer();
      server.push(imageReply());
      let stored: Record<string, unknown> = {};
      let fileId = "";
      await withPluginPage(
        browser,
        {
          fixture: CANVAS_FILE,
          select: [],
          command: "image",
          storage: { "figment.settings": settings(server.url), "figment.apiKey": KEY },
          viewport: VIEWPORT,
          allowOrigins: [origin(server)],
        },
        async ({ ui, sim }) => {
          await makeVersion(ui, "A reading lamp, line drawing", 1);
          await ui.locator(".versions__kept", { hasText: /Kept after closing: .* \([1-9]\d* kB of 2 MB\)/ }).waitFor();
          stored = await storageOf(sim);
          fileId = await sim<string>('sim.figma.root.getPluginData("figment.fileId")');
        },
      );
      // The preview and the record are stored apart from the keys, and never hold one.
      const versionEntries = Object.entries(stored).filter(([key]) => key.startsWith("figment.history/image/"));
      expect(versionEntries).toHaveLength(1);
      expect(JSON.stringify(versionEntries)).not.toContain(KEY);
      // Reopened in the same file (its id in the document), with the storage the first session left.
      const setup = `window.__figmentSim.figma.root.setPluginData("figment.fileId", ${JSON.stringify(fileId)});`;
      await withPluginPage(
        browser,
        {
          fixture: CANVAS_FILE,
          select: ["2:2"],
          command: "image",
          storage: stored,
          setup,
          viewport: VIEWPORT,
          allowOrigins: [origin(server)],
        },
        async ({ page, ui }) => {
          await ui.locator(".version-thumb", { hasText: "v1" }).waitFor();
          await ui.locator(".version-thumb img").waitFor();
          expect(await ui.locator(".version__line").textContent()).toMatch(/^v1 · 1024×1024 · gpt-image-2/);
          expect(await ui.locator(".version__prompt").textContent()).toBe("A reading lamp, line drawing");
          expect(await ui.locator(".version__preview-only").textContent()).toContain("256 px preview");
          expect(await ui.getByRole("button", { name: "Insert", exact: true }).isDisabled()).toBe(true);
          await shot(page, "20-reopened");
        },
      );
    },
  );

  it(
    "“Refine image” on a layer Figment made opens the panel on it and builds " +
      "on its response; “Regenerate image” asks again with the same settings",
    async () => {
      server = await startServer();
      server.push(imageReply({ responseId: "resp_refined" }));
      const record = imageRecord({
        versionId: "vseed-3",
        api: "responses",
        model: "gpt-5.4-image-2",
        responseId: "resp_lamp",
        size: "1024x1024",
        quality: "medium",
      });
      const setup =
        `window.__figmentSim.node("2:2").setPluginData("figment.image", ` +
        `${JSON.stringify(JSON.stringify(record))});`;
      const storage = { "figment.settings": settings(server.url), "figment.apiKey": KEY };
      await withPluginPage(
        browser,
        {
          fixture: CANVAS_FILE,
          select: ["2:2"],
          command: "refine-image",
          setup,
          storage,
          viewport: VIEWPORT,
          allowOrigins: [origin(server)],
        },
        async ({ page, ui }) => {
          await ui.locator(".version__line", { hasText: "v3 · 1024×1024" }).waitFor();
          expect(await ui.locator(".version__prompt").textContent()).toBe(record.prompt);
          expect(await ui.locator(".version-thumb").count()).toBe(1);
          await ui.locator(".version__preview-only", { hasText: "refining starts from the layer's picture" }).waitFor();
          await ui.waitForFunction("document.activeElement?.getAttribute('aria-label') === 'Refine'");
          // The layer's picture (the sim exports it in the layer's red fill) shows, in the layer's shape (120×80), in
          // the version and its thumbnail: no blank square (issue 40: a white export in a 1024×1024 box).
          const pictures = () =>
            ui.evaluate<{ pixel: number[]; ratio: number }[]>(
              `Promise.all([...document.querySelectorAll(".version__image img, .version-thumb__image ` +
                `img")].map(async (img) => {
          await img.decode();
          const canvas = document.createElement("canvas");
          canvas.width = img.naturalWidth;
          canvas.height = img.naturalHeight;
          const g = canvas.getContext("2d");
          g.drawImage(img, 0, 0);
          const r = img.getBoundingClientRect();
          return { pixel: [...g.getImageData(img.naturalWidth >> 1, img.naturalHeight >> 1, 1, 1).data.slice(0, ` +
                `3)], ratio: Math.round((r.width / r.height) * 100) / 100 };
        }))`,
            );
          await expect.poll(async () => (await pictures()).length).toBe(2);
          const [main, thumb] = await pictures();
          expect(main).toEqual({ pixel: [230, 51, 51], ratio: 1.5 });
          expect(thumb!.pixel).toEqual([230, 51, 51]);
          await shot(page, "21-relaunch-refine");
          await ui.getByRole("textbox", { name: "Refine" }).fill("brighter, morning light");
          await ui.getByRole("button", { name: "Refine", exact: true }).click();
          await ui
            .locator(".image-confirm", { hasText: "Refining v3" })
            .getByRole("button", { name: "Send" })
            .click({ timeout: 60_000 });
          await ui.locator(".version-thumb", { hasText: "v4" }).waitFor({ timeout: 60_000 });
          const sent = server!.requests[0]!;
          expect(sent.path).toBe("/v1/responses");
          expect(sent.schemaErrors).toEqual([]);
          expect((sent.body as { previous_response_id?: string }).previous_response_id).toBe("resp_lamp");
          expect(await ui.locator(".version__prompt").textContent()).toBe("Refines v3: brighter, morning light");
        },
      );
      await withPluginPage(
        browser,
        {
          fixture: CANVAS_FILE,
          select: ["2:2"],
          command: "regenerate-image",
          setup,
          storage,
          viewport: VIEWPORT,
          allowOrigins: [origin(server)],
        },
        async ({ page, ui }) => {
          const confirm = ui.locator(".image-confirm");
          await confirm.waitFor({ timeout: 60_000 });
          expect(await ui.getByRole("textbox", { name: "Describe the image" }).inputValue()).toBe(record.prompt);
          expect(await confirm.textContent()).toContain("gpt-5.4-image-2 (draws with gpt-image-2)");
          await shot(page, "22-relaunch-regenerate");
        },
      );
    },
  );

  it("a full versions store keeps the new version on screen, marked not kept with why, and drops nothing", async () => {
    server = await startServer();
    server.push(imageReply());
    const elsewhere = {
      kind: "image",
      id: "other-file-1",
      scope: "doc:anotherfile00001",
      createdAt: "2026-04-01T10:00:00.000Z",
      bytes: 1_999_000,
    };
    const storage = {
      "figment.settings": settings(server.url),
      "figment.apiKey": KEY,
      "figment.history": { v: 1, entries: [elsewhere] },
    };
    await withPluginPage(
      browser,
      {
        fixture: CANVAS_FILE,
        select: [],
        command: "image",
        storage,
        viewport: VIEWPORT,
        allowOrigins: [origin(server)],
      },
      async ({ page, ui, sim }) => {
        await makeVersion(ui, "A reading lamp, watercolour", 1);
        const notKept = ui.locator(".version__not-kept");
        await notKept.waitFor();
        expect(await notKept.textContent()).toContain("Storage for image versions is full");
        expect(await notKept.textContent()).toContain("by versions of other files");
        expect(await ui.locator(".versions__kept").textContent()).toContain("1 not kept: the store is full");
        expect(await ui.locator(".version-thumb.is-not-kept").count()).toBe(1);
        // The full image is still here to place, and the other file's version was not touched.
        expect(await ui.getByRole("button", { name: "Insert", exact: true }).isDisabled()).toBe(false);
        expect(await sim<unknown>('sim.storage.get("figment.history").entries')).toEqual([elsewhere]);
        await shot(page, "23-store-full");
      },
    );
  });
});
