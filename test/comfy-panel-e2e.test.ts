/**
 * ComfyUI in the plugin, end to end in headless Chromium at Figma's default 420×600: the real dist/code.js on the
 * figma simulator and dist/ui.html, the worker talking to the ComfyUI test server (test/comfyui-server/, built from
 * ComfyUI's server.py and execution.py) on 127.0.0.1 over HTTP and its WebSocket; the sampler advanced by the test,
 * step by step, never by time. Settings: the ComfyUI source, its URL following to 8188, the --enable-cors-header
 * note, Test connection saying what the server has. Image panel: generate with previews painted from the socket's
 * binary frames, Cancel interrupting and keeping what was saved (inserted on the canvas with its record), the
 * user's own workflow file with placeholders, and failures in one sentence: server down, CORS off naming the flag,
 * a node_errors refusal named by node and input. Screenshots of each state go to test-artifacts/comfy-panel/.
 */
import { join } from "node:path";
import type { Frame, Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { panelScreenshot, ROOT, withPluginPage } from "./harness/plugin-page.js";
import { runBrowser, useBrowser } from "./helpers/browser.js";
import { teamWorkflow } from "./comfyui-server/team-workflow.js";
import { type ComfyServerOptions, type ComfyTestServer, startComfyServer } from "./comfyui-server/server.js";

const ARTIFACTS = join(ROOT, "test-artifacts", "comfy-panel");
const LOGIN = "figmasharp-login.file.json";
const VIEWPORT = { width: 900, height: 800 };

const shot = (page: Page, name: string): Promise<void> => panelScreenshot(page, ARTIFACTS, name);
const origin = (comfy: ComfyTestServer): string => new URL(comfy.url).origin;
const storageFor = (comfy: ComfyTestServer, patch: Record<string, unknown> = {}) => ({
  "figment.settings": { imageSource: "comfyui", sdBaseUrl: comfy.url, sdModel: "dreamshaper_8.safetensors", ...patch },
});
const pageFor = (comfy: ComfyTestServer, select: string[] = []) => ({
  fixture: LOGIN,
  select,
  command: "image" as const,
  storage: storageFor(comfy),
  viewport: VIEWPORT,
  allowOrigins: [origin(comfy)],
});
/** The KSampler of the last prompt ComfyUI accepted. */
const sampler = (comfy: ComfyTestServer): Record<string, unknown> => {
  const prompt = comfy.prompts.at(-1)?.prompt ?? {};
  const node = Object.values(prompt).find((n) => n.class_type === "KSampler");
  if (!node) throw new Error("no KSampler in the last prompt");
  return node.inputs ?? {};
};

async function generate(ui: Frame, prompt: string): Promise<void> {
  await ui.getByRole("textbox", { name: "Describe the image" }).fill(prompt);
  await ui.getByRole("button", { name: "Generate image" }).click();
}

/** The slot's canvas once `n` previews were painted on it. */
const previews = (ui: Frame, n: number) =>
  ui.locator(`.image-slot__canvas[data-partials="${n}"]`).first().waitFor({ timeout: 30_000 });

describe.runIf(runBrowser)("ComfyUI in the plugin at 420×600", { timeout: 180_000 }, () => {
  const browser = useBrowser({ localModelServer: true });
  let servers: ComfyTestServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.map((s) => s.close()));
    servers = [];
  });
  // --enable-cors-header: ComfyUI's flag that lets the plugin's origin (null) read its answers.
  const start = async (options: ComfyServerOptions = { cors: "*" }): Promise<ComfyTestServer> => {
    const comfy = await startComfyServer(options);
    servers.push(comfy);
    return comfy;
  };

  it("Settings: ComfyUI as the source, its URL at 8188, Test connection says what the server has", async () => {
    const comfy = await start();
    await withPluginPage(
      browser,
      { fixture: LOGIN, select: [], command: "settings", viewport: VIEWPORT, allowOrigins: [origin(comfy)] },
      async ({ page, ui, sim }) => {
        const images = ui.locator('section[aria-labelledby="images-heading"]');
        await images.scrollIntoViewIfNeeded();
        await images.getByRole("radio", { name: "ComfyUI" }).click();
        const url = images.getByRole("textbox", { name: "Server URL" });
        // Left at SD's default, the URL follows to ComfyUI's.
        expect(await url.inputValue()).toBe("http://127.0.0.1:8188");
        expect(await images.locator(".field__help").first().textContent()).toContain("--enable-cors-header");
        // ComfyUI has no credentials of its own: no credentials row.
        expect(await images.locator('input[type="password"]').count()).toBe(0);
        await url.fill(comfy.url);
        await images.getByRole("button", { name: "Test connection" }).click();
        const result = images.locator(".test-result");
        await result.waitFor({ timeout: 30_000 });
        expect(await result.textContent()).toMatch(
          new RegExp(`^Connected to ${new URL(comfy.url).host} \\(ComfyUI [^)]+\\): 2 checkpoints, \\d+ samplers\\.$`),
        );
        expect(comfy.requests.map((r) => r.path)).toContain("/system_stats");
        expect(comfy.requests.some((r) => r.path.startsWith("/object_info"))).toBe(true);
        await images.getByRole("combobox", { name: "SD model" }).click();
        await ui.getByRole("option", { name: "dreamshaper_8.safetensors" }).click();
        await images.scrollIntoViewIfNeeded();
        await shot(page, "1-settings-tested");
        await ui.getByRole("button", { name: "Save", exact: true }).click();
        await ui.locator(".save-state", { hasText: "Saved" }).waitFor();
        expect(await sim<Record<string, unknown>>(`sim.storage.get("figment.settings")`)).toMatchObject({
          imageSource: "comfyui",
          sdBaseUrl: comfy.url,
          sdModel: "dreamshaper_8.safetensors",
        });
      },
    );
  });

  it("generate: previews painted from the WebSocket's frames step by step, the version keeps its seed", async () => {
    const comfy = await start();
    comfy.next({ advance: "manual" });
    await withPluginPage(browser, pageFor(comfy), async ({ page, ui }) => {
      await ui.locator(".panel--image").waitFor();
      await ui.getByRole("textbox", { name: "Negative prompt" }).fill("blurry, text");
      await ui.getByRole("textbox", { name: "Steps" }).fill("3");
      await shot(page, "2-image-form");
      await generate(ui, "A lighthouse at dusk, watercolour");
      await comfy.samplerWaiting();
      expect(await ui.locator(".image-confirm").count()).toBe(0);
      comfy.step();
      await previews(ui, 1);
      await ui.locator(".image-stream__stage", { hasText: /Step 1 of 3/ }).waitFor({ timeout: 30_000 });
      await shot(page, "3-preview-step-1");
      await comfy.samplerWaiting();
      comfy.step();
      await previews(ui, 2);
      await shot(page, "4-preview-step-2");
      await comfy.samplerWaiting();
      comfy.step();
      await ui.locator(".version").waitFor({ timeout: 30_000 });
      expect(sampler(comfy)).toMatchObject({ steps: 3, cfg: 7, sampler_name: "euler", denoise: 1 });
      const prompt = comfy.prompts[0]!.prompt;
      const texts = Object.values(prompt)
        .filter((n) => n.class_type === "CLIPTextEncode")
        .map((n) => n.inputs?.["text"]);
      expect(texts).toEqual(["A lighthouse at dusk, watercolour", "blurry, text"]);
      const seed = /Seed (\d+)/.exec((await ui.locator(".version__sd").textContent()) ?? "")?.[1];
      expect(Number(seed)).toBe(sampler(comfy)["seed"]);
      await shot(page, "5-version-with-seed");
      expect(await ui.evaluate<boolean>("document.documentElement.scrollWidth > innerWidth")).toBe(false);
    });
  });

  it("Cancel interrupts the run and keeps the image saved, inserted on the canvas with its record", async () => {
    const comfy = await start();
    comfy.next({}, { advance: "manual" });
    await withPluginPage(browser, pageFor(comfy), async ({ page, ui, sim }) => {
      await ui.locator(".panel--image").waitFor();
      await ui.getByRole("radio", { name: "2" }).click();
      await generate(ui, "A paper boat on a pond");
      // The first image is made at once; the second run's sampler waits.
      await comfy.samplerWaiting();
      comfy.step();
      await previews(ui, 1);
      await ui.getByRole("button", { name: "Cancel" }).click();
      await ui.locator(".version").waitFor({ timeout: 30_000 });
      expect(comfy.interrupts).toBe(1);
      expect(await ui.locator(".version-thumb").count()).toBe(1);
      await ui.locator(".toast", { hasText: "Stopped: kept 1 image the server had made." }).waitFor();
      await shot(page, "6-cancelled-kept");
      await ui
        .getByRole("button", { name: /^Insert/ })
        .first()
        .click();
      await ui.locator(".toast", { hasText: /Inserted v\d/ }).waitFor({ timeout: 30_000 });
      const written = await sim<{ key: string; value: string }[]>(
        `sim.record.pluginData.filter((p) => p.key === "figment.image")`,
      );
      expect(written).toHaveLength(1);
      expect(JSON.parse(written[0]!.value)).toMatchObject({
        model: "dreamshaper_8.safetensors",
        sd: { steps: 20, cfgScale: 7, seed: comfy.prompts[0]!.prompt["6"]?.inputs?.["seed"] },
      });
      await shot(page, "7-inserted");
    });
  });

  it("the user's own workflow file: its placeholders listed, filled, and a node_errors refusal named", async () => {
    const comfy = await start();
    const workflow = (ckpt: string) => teamWorkflow(ckpt, 4);
    await withPluginPage(browser, pageFor(comfy), async ({ page, ui }) => {
      await ui.locator(".panel--image").waitFor();
      const file = ui.getByLabel("Workflow file (API format)");
      await file.setInputFiles({ name: "ui.json", mimeType: "application/json", buffer: Buffer.from('{"nodes":[]}') });
      // Not API format: said at once, under the row.
      await ui.locator(".sd-workflow .field__error").waitFor();
      expect(await ui.locator(".sd-workflow .field__error").textContent()).toContain("not a ComfyUI API-format");
      await file.setInputFiles({
        name: "team.json",
        mimeType: "application/json",
        buffer: Buffer.from(workflow("dreamshaper_8.safetensors")),
      });
      await ui.locator(".sd-workflow__file", { hasText: "team.json" }).waitFor();
      expect(await ui.locator(".sd-workflow__file").textContent()).toBe(
        "team.json · {{prompt}} {{negative}} {{width}} {{height}} {{seed}}",
      );
      // The file keeps its own steps, CFG and sampler: those fields are not offered while it is picked.
      expect(await ui.getByRole("textbox", { name: "Steps" }).isDisabled()).toBe(true);
      expect(await ui.getByRole("textbox", { name: "CFG scale" }).isDisabled()).toBe(true);
      expect(await ui.getByRole("textbox", { name: "Seed" }).isDisabled()).toBe(false);
      await ui.getByRole("textbox", { name: "Seed" }).fill("77");
      await shot(page, "8-workflow-picked");
      await generate(ui, "A red bicycle");
      await ui.locator(".version").waitFor({ timeout: 30_000 });
      const sent = comfy.prompts[0]!.prompt;
      expect(sent["2"]?.inputs?.["text"]).toBe("A red bicycle, film grain");
      expect(sent["4"]?.inputs).toMatchObject({ width: 512, height: 512 });
      expect(sent["5"]?.inputs).toMatchObject({ seed: 77, scheduler: "karras", steps: 4 });

      // A checkpoint the server does not have: ComfyUI's node_errors, named by node and input. With a version shown
      // the form is compact: its options open behind the Options button.
      await ui.getByRole("button", { name: "Options" }).click();
      await file.setInputFiles({
        name: "old.json",
        mimeType: "application/json",
        buffer: Buffer.from(workflow("sd_v1-5_pruned.ckpt")),
      });
      await ui.locator(".sd-workflow__file", { hasText: "old.json" }).waitFor();
      await ui.getByRole("button", { name: "Generate image" }).click();
      const notice = ui.locator(".image-error");
      await notice.waitFor({ timeout: 30_000 });
      expect(await notice.locator(".notice__title").textContent()).toMatch(
        /^ComfyUI refused node 1 \(CheckpointLoaderSimple\), input “ckpt_name”: Value not in list/,
      );
      await shot(page, "9-node-error");
    });
  });

  it("failures in one sentence: nothing at the URL, and CORS off naming ComfyUI's flag", async () => {
    const down = await start();
    const downUrl = down.url;
    await down.close();
    servers = [];
    const closed = { url: downUrl } as ComfyTestServer;
    await withPluginPage(browser, { ...pageFor(closed), allowOrigins: [new URL(downUrl).origin] }, async (p) => {
      await p.ui.locator(".panel--image").waitFor();
      await generate(p.ui, "A mountain hut in snow");
      const notice = p.ui.locator(".image-error");
      await notice.waitFor({ timeout: 30_000 });
      expect(await notice.locator(".notice__title").textContent()).toBe(`Nothing answered at ${downUrl}`);
      await shot(p.page, "10-server-down");
    });
    const noCors = await start({});
    await withPluginPage(browser, pageFor(noCors), async ({ page, ui }) => {
      await ui.locator(".panel--image").waitFor();
      await generate(ui, "A mountain hut in snow");
      const notice = ui.locator(".image-error");
      await notice.waitFor({ timeout: 30_000 });
      expect(await notice.locator(".ai-error__next").textContent()).toContain(
        "Restart ComfyUI with --enable-cors-header (or --enable-cors-header null) so it answers the plugin.",
      );
      await shot(page, "11-cors-off");
    });
  });
});
