/**
 * A local Stable Diffusion server in the plugin, end to end in headless Chromium at Figma's default 420×600: the
 * real dist/code.js on the figma simulator and dist/ui.html, the worker calling the SD.Next test server on
 * 127.0.0.1 (every request body checked against SD.Next's fields; jobs advanced by the test, step by step, never
 * by time). Settings: the image source, the server's URL and credentials (stored in the server's own slot), Test
 * connection listing models and samplers. Image panel: generate with previews filling in and the server's
 * progress, Cancel sending the interrupt and keeping what the server returns (placed on the canvas), img2img from
 * the selection with a strength, each image's seed shown and "Same seed" sending it, and the errors with their
 * next step, CORS off naming the flag. Screenshots of each state go to test-artifacts/sd-panel/.
 */
import { join } from "node:path";
import type { Frame, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useSdServers } from "./helpers/sd-servers.js";
import { ROOT, withPluginPage, panelScreenshot } from "./harness/plugin-page.js";
import { runBrowser, useBrowser } from "./helpers/browser.js";
import type { SdTestServer } from "./sdnext-server/server.js";

const ARTIFACTS = join(ROOT, "test-artifacts", "sd-panel");
const LOGIN = "figmasharp-login.file.json";
const LOGIN_FRAME = "101:3";
const AUTH = "ada:s3cret-pw";
const VIEWPORT = { width: 900, height: 800 };

const shot = (page: Page, name: string): Promise<void> => panelScreenshot(page, ARTIFACTS, name);
const origin = (sd: SdTestServer): string => new URL(sd.url).origin;
const sdSettings = (sd: SdTestServer, patch: Record<string, unknown> = {}) => ({
  imageSource: "sd",
  sdBaseUrl: sd.url,
  sdModel: "dreamshaper_8 [879db523c3]",
  sdSampler: "Euler a",
  ...patch,
});
const storageFor = (sd: SdTestServer, patch: Record<string, unknown> = {}) => ({
  "figment.settings": sdSettings(sd, patch),
  "figment.apiKeys": { [`sd ${sd.url}`]: AUTH },
});
const posts = (sd: SdTestServer, path: string) => sd.requests.filter((r) => r.method === "POST" && r.path === path);
const bodyOf = (sd: SdTestServer, path: string, at = -1): Record<string, unknown> => {
  const request = posts(sd, path).at(at);
  if (!request) throw new Error(`no POST ${path}`);
  expect(request.errors).toEqual([]);
  return request.body as Record<string, unknown>;
};
const overflowsSideways = (ui: Frame) => ui.evaluate<boolean>("document.documentElement.scrollWidth > innerWidth");

async function generate(ui: Frame, prompt: string): Promise<void> {
  await ui.getByRole("textbox", { name: "Describe the image" }).fill(prompt);
  await ui.getByRole("button", { name: "Generate image" }).click();
}

/** Unfolds the form's options (they fold once versions exist). */
async function openOptions(ui: Frame): Promise<void> {
  const toggle = ui.getByRole("button", { name: "Options" });
  if ((await toggle.count()) > 0 && (await toggle.getAttribute("aria-expanded")) === "false") await toggle.click();
}

/** The slot's canvas once `n` previews were painted on it. */
const previews = (ui: Frame, n: number) =>
  ui.locator(`.image-slot__canvas[data-partials="${n}"]`).first().waitFor({ timeout: 30_000 });

describe.runIf(runBrowser)("a local SD server in the plugin at 420×600", { timeout: 180_000 }, () => {
  const browser = useBrowser({ localModelServer: true });
  const start = useSdServers();

  it(
    "Settings: choose the local server, its credentials kept in its " +
      "own slot, Test connection lists models and samplers to pick",
    async () => {
      const sd = await start({ apiAuth: AUTH });
      await withPluginPage(
        browser,
        { fixture: LOGIN, select: [LOGIN_FRAME], command: "settings", viewport: VIEWPORT, allowOrigins: [origin(sd)] },
        async ({ page, ui, sim }) => {
          const images = ui.locator('section[aria-labelledby="images-heading"]');
          await images.scrollIntoViewIfNeeded();
          await images.getByRole("radio", { name: "Local SD server" }).click();
          await images.getByRole("textbox", { name: "Server URL" }).fill(sd.url);
          await images.locator('input[type="password"]').fill(AUTH);
          expect(await images.locator(".key-state").textContent()).toBe("Not saved yet");
          await images.getByRole("button", { name: "Test connection" }).click();
          const result = images.locator(".test-result");
          await result.waitFor({ timeout: 30_000 });
          expect(await result.textContent()).toBe(
            `Connected to ${new URL(sd.url).host}: 2 models, 4 samplers. Loaded: sd_xl_base_1.0 [31e35c80fc].`,
          );
          // The credentials went to this server, with its API's three lists asked.
          expect(sd.requests.map((r) => r.path).sort()).toEqual([
            "/sdapi/v1/options",
            "/sdapi/v1/samplers",
            "/sdapi/v1/sd-models",
          ]);
          expect(sd.requests.every((r) => r.headers["authorization"] === "***")).toBe(true);
          await images.getByRole("combobox", { name: "SD model" }).click();
          await ui.getByRole("option", { name: /dreamshaper_8/ }).click();
          await images.getByRole("combobox", { name: "SD sampler" }).click();
          await ui.getByRole("option", { name: "UniPC" }).click();
          await images.scrollIntoViewIfNeeded();
          await shot(page, "1-settings-tested");
          await ui.getByRole("button", { name: "Save", exact: true }).click();
          await ui.locator(".save-state", { hasText: "Saved" }).waitFor();
          const stored = await sim<Record<string, unknown>>(`sim.storage.get("figment.settings")`);
          expect(stored).toMatchObject({
            imageSource: "sd",
            sdBaseUrl: sd.url,
            sdModel: "dreamshaper_8 [879db523c3]",
            sdSampler: "UniPC",
          });
          expect(await sim<Record<string, string>>(`sim.storage.get("figment.apiKeys")`)).toEqual({
            [`sd ${sd.url}`]: AUTH,
          });
          // Saved: the row says so and never shows them again.
          expect(await images.locator(".key-saved__name").textContent()).toBe(
            `Saved for SD server at ${new URL(sd.url).host}`,
          );
          expect(await ui.evaluate<string>("document.body.innerHTML")).not.toContain(AUTH);
          await shot(page, "2-settings-saved");
          expect(await overflowsSideways(ui)).toBe(false);
        },
      );
    },
  );

  it(
    "generate: previews fill in step by step with the server's " +
      "progress; the version keeps its seed; Same seed sends it",
    async () => {
      const sd = await start({ apiAuth: AUTH });
      sd.next("/sdapi/v1/txt2img", { kind: "job", steps: 3, advance: "manual" });
      await withPluginPage(
        browser,
        {
          fixture: LOGIN,
          select: [],
          command: "image",
          storage: storageFor(sd),
          viewport: VIEWPORT,
          allowOrigins: [origin(sd)],
        },
        async ({ page, ui }) => {
          await ui.locator(".panel--image").waitFor();
          await ui.getByRole("textbox", { name: "Negative prompt" }).fill("blurry, text");
          await ui.getByRole("textbox", { name: "Steps" }).fill("3");
          await shot(page, "3-image-form");
          await generate(ui, "A lighthouse at dusk, watercolour");
          await sd.jobStarted();
          // Nothing paid, so no estimate card: the request went at once.
          expect(await ui.locator(".image-confirm").count()).toBe(0);
          sd.step();
          await previews(ui, 1);
          await ui
            .locator(".image-stream__stage", { hasText: /Step 1 of 3 · about 1 s left/ })
            .waitFor({ timeout: 30_000 });
          expect(await ui.locator(".image-stream progress").getAttribute("value")).toBe("0.33");
          await shot(page, "4-preview-step-1");
          sd.step();
          await previews(ui, 2);
          await ui.locator(".image-stream__stage", { hasText: "Step 2 of 3" }).waitFor({ timeout: 30_000 });
          await shot(page, "5-preview-step-2");
          sd.step();
          await ui.locator(".version").waitFor({ timeout: 30_000 });
          const body = bodyOf(sd, "/sdapi/v1/txt2img");
          expect(body).toMatchObject({
            prompt: "A lighthouse at dusk, watercolour",
            negative_prompt: "blurry, text",
            width: 512,
            height: 512,
            steps: 3,
            cfg_scale: 7,
            sampler_name: "Euler a",
            batch_size: 1,
            override_settings: { sd_model_checkpoint: "dreamshaper_8 [879db523c3]" },
          });
          expect(body["seed"]).toBeUndefined();
          expect(posts(sd, "/sdapi/v1/txt2img")[0]!.headers["authorization"]).toBe("***");
          expect(
            sd.requests.filter((r) => r.path.startsWith("/sdapi/v1/progress")).every((r) => r.errors.length === 0),
          ).toBe(true);
          const seed = /Seed (\d+)/.exec((await ui.locator(".version__sd").textContent()) ?? "")?.[1];
          expect(seed).toMatch(/^\d+$/);
          await shot(page, "6-version-with-seed");
          expect(await overflowsSideways(ui)).toBe(false);

          // Same seed: the same request again, this time with the seed.
          await ui.getByRole("button", { name: "Same seed" }).click();
          await ui.locator(".version", { hasText: "v2" }).waitFor({ timeout: 30_000 });
          const again = bodyOf(sd, "/sdapi/v1/txt2img");
          expect(again).toMatchObject({
            seed: Number(seed),
            prompt: "A lighthouse at dusk, watercolour",
            negative_prompt: "blurry, text",
            steps: 3,
            batch_size: 1,
          });
          expect(await ui.locator(".version__sd").textContent()).toContain(`Seed ${seed}`);
          await openOptions(ui);
          expect(await ui.getByRole("textbox", { name: "Seed" }).inputValue()).toBe(seed);
          await shot(page, "6b-same-seed");
        },
      );
    },
  );

  it(
    "Cancel sends the interrupt and keeps what the " + "server returns, placed on the canvas like any version",
    async () => {
      const sd = await start();
      sd.next("/sdapi/v1/txt2img", { kind: "job", steps: 10, advance: "manual" });
      await withPluginPage(
        browser,
        {
          fixture: LOGIN,
          select: [],
          command: "image",
          storage: storageFor(sd),
          viewport: VIEWPORT,
          allowOrigins: [origin(sd)],
        },
        async ({ page, ui, sim }) => {
          await ui.locator(".panel--image").waitFor();
          await ui.getByRole("radio", { name: "2" }).click();
          await generate(ui, "A paper boat on a pond");
          await sd.jobStarted();
          sd.step(2);
          await previews(ui, 1);
          await ui.locator(".image-stream__stage", { hasText: "Step 2 of 10" }).waitFor({ timeout: 30_000 });
          const stop = ui.getByRole("button", { name: "Cancel" });
          await stop.click();
          await ui.locator(".version").waitFor({ timeout: 30_000 });
          expect(sd.interrupts).toBe(1);
          expect(await ui.locator(".version-thumb").count()).toBe(2);
          await ui
            .locator(".toast", { hasText: "Stopped: kept 2 images the server had made." })
            .waitFor({ timeout: 10_000 });
          await shot(page, "7-cancelled-kept");
          await ui
            .getByRole("button", { name: /^Insert/ })
            .first()
            .click();
          await ui.locator(".toast", { hasText: /Inserted v\d/ }).waitFor({ timeout: 30_000 });
          // On the canvas with its record: the SD parameters and this image's seed.
          const written = await sim<{ key: string; value: string }[]>(
            `sim.record.pluginData.filter((p) => p.key === "figment.image")`,
          );
          expect(written).toHaveLength(1);
          const record = JSON.parse(written[0]!.value) as Record<string, unknown>;
          expect(record).toMatchObject({
            provider: "custom",
            model: "dreamshaper_8 [879db523c3]",
            sd: { steps: 20, cfgScale: 7, sampler: "Euler a", seed: expect.any(Number) },
          });
          await shot(page, "8-kept-and-placed");
        },
      );
    },
  );

  it("img2img from the selection with a strength", async () => {
    const sd = await start();
    await withPluginPage(
      browser,
      {
        fixture: LOGIN,
        select: [LOGIN_FRAME],
        command: "image",
        storage: storageFor(sd),
        viewport: VIEWPORT,
        allowOrigins: [origin(sd)],
      },
      async ({ page, ui, sim }) => {
        await ui.locator(".panel--image").waitFor();
        await ui.getByRole("button", { name: "Selection's shape" }).click();
        await ui.getByRole("checkbox", { name: "Use selection as reference" }).check();
        await ui.getByRole("slider", { name: "Strength" }).fill("0.35");
        await ui.getByRole("textbox", { name: "Seed" }).fill("4242");
        await ui
          .getByRole("textbox", { name: "Describe the image" })
          .fill("The same screen as a polished photo mockup");
        await shot(page, "9-img2img-form");
        await ui.getByRole("button", { name: "Generate image" }).click();
        await ui.locator(".version").waitFor({ timeout: 30_000 });
        const body = bodyOf(sd, "/sdapi/v1/img2img");
        expect(body).toMatchObject({
          denoising_strength: 0.35,
          seed: 4242,
          prompt: "The same screen as a polished photo mockup",
        });
        expect(((body["init_images"] as string[])[0] ?? "").slice(0, 8)).toBe("iVBORw0K");
        expect([body["width"], body["height"]].every((side) => typeof side === "number" && side % 8 === 0)).toBe(true);
        expect(await sim<string[]>("sim.record.exports.map((e) => e.format)")).toContain("PNG");
        expect(await ui.locator(".version__sd").textContent()).toContain(
          "Seed 4242 · 20 steps · CFG 7 · Euler a · strength 0.35",
        );
        await shot(page, "10-img2img-version");
      },
    );
  });

  it(
    "errors say what happened and the next step, and lose nothing: " +
      "401, 422, out of memory, an empty answer, unreachable",
    async () => {
      const sd = await start({ apiAuth: AUTH });
      const prompt = "A tea cup, studio light";
      sd.next(
        "/sdapi/v1/txt2img",
        { kind: "invalid", field: "cfg_scale", msg: "Input should be less than or equal to 30" },
        { kind: "fault", fault: "out-of-memory" },
        { kind: "fault", fault: "empty" },
        { kind: "job" },
      );
      const storage = { ...storageFor(sd), "figment.apiKeys": { [`sd ${sd.url}`]: "ada:wrong" } };
      await withPluginPage(
        browser,
        { fixture: LOGIN, select: [], command: "image", storage, viewport: VIEWPORT, allowOrigins: [origin(sd)] },
        async ({ page, ui }) => {
          await ui.locator(".panel--image").waitFor();
          const notice = ui.locator(".image-error");
          const expectNotice = async (title: RegExp, next: RegExp, name: string) => {
            await notice.waitFor({ timeout: 30_000 });
            expect(await notice.locator(".notice__title").textContent()).toMatch(title);
            expect(await notice.locator(".ai-error__next").textContent()).toMatch(next);
            // Nothing lost: the prompt and the options are as typed.
            expect(await ui.getByRole("textbox", { name: "Describe the image" }).inputValue()).toBe(prompt);
            await openOptions(ui);
            expect(await ui.getByRole("textbox", { name: "Negative prompt" }).inputValue()).toBe("no people");
            await shot(page, name);
            await notice.getByRole("button", { name: "Dismiss" }).click();
          };
          await ui.getByRole("textbox", { name: "Negative prompt" }).fill("no people");
          await generate(ui, prompt);
          await expectNotice(
            /refused the user name and password \(401\)/,
            /--auth for SD\.Next, --api-auth for AUTOMATIC1111\) in Settings/,
            "11-error-401",
          );
          // The right credentials now (the server's own slot); every later request passes.
          sd.options.apiAuth = "";
          await ui.getByRole("button", { name: "Generate image" }).click();
          await expectNotice(
            /refused CFG scale \(422\): Input should be less than or equal to 30/,
            /Change CFG scale/,
            "12-error-422",
          );
          await ui.getByRole("button", { name: "Generate image" }).click();
          await expectNotice(/ran out of GPU memory/, /smaller size or fewer images/, "13-error-oom");
          await ui.getByRole("button", { name: "Generate image" }).click();
          await expectNotice(/answered with no image/, /console/, "14-error-empty");
          await ui.getByRole("button", { name: "Generate image" }).click();
          await ui.locator(".version").waitFor({ timeout: 30_000 });
          // An image placed stays when the next run fails: the server goes away.
          await sd.close();
          await ui.getByRole("button", { name: "Generate image" }).click();
          await expectNotice(
            new RegExp(`Nothing answered at ${sd.url.replace(/[.]/g, "\\.")}`),
            /--api.*server URL in Settings/,
            "15-error-unreachable",
          );
          expect(await ui.locator(".version").count()).toBe(1);
        },
      );
    },
  );

  it("CORS off: the browser blocks the answers, and the panel and Settings name the flag to add", async () => {
    const sd = await start({ cors: false });
    await withPluginPage(
      browser,
      {
        fixture: LOGIN,
        select: [],
        command: "image",
        storage: storageFor(sd),
        viewport: VIEWPORT,
        allowOrigins: [origin(sd)],
      },
      async ({ page, ui }) => {
        await ui.locator(".panel--image").waitFor();
        await generate(ui, "A mountain hut in snow");
        const notice = ui.locator(".image-error");
        await notice.waitFor({ timeout: 30_000 });
        expect(await notice.locator(".notice__title").textContent()).toBe(
          `The browser blocked the answers of the SD server at ${new URL(sd.url).host}`,
        );
        expect(await notice.locator(".ai-error__next").textContent()).toBe(
          `It runs, but does not allow the plugin's origin ("null"). Restart the server with --cors-origins ` +
            `null (SD.Next) or --cors-allow-origins null (AUTOMATIC1111) so it answers the plugin.`,
        );
        await shot(page, "16-cors-image-panel");
        await ui.locator(".nav").getByRole("button", { name: "Settings", exact: true }).click();
        const images = ui.locator('section[aria-labelledby="images-heading"]');
        await images.getByRole("button", { name: "Test connection" }).click();
        const result = images.locator(".test-result");
        await result.waitFor({ timeout: 30_000 });
        expect(await result.getAttribute("data-kind")).toBe("cors");
        expect(await result.textContent()).toContain(
          "--cors-origins null (SD.Next) or --cors-allow-origins null (AUTOMATIC1111)",
        );
        await result.scrollIntoViewIfNeeded();
        await shot(page, "17-cors-settings");
      },
    );
  });
});
