/**
 * The Generate image panel end to end in headless Chromium at Figma's default 420×600: the real dist/code.js
 * on the figma simulator and dist/ui.html, the worker calling the OpenAI-wire test server on 127.0.0.1 (real
 * PNG bytes of the asked size; never the internet). Prompt → estimate → Send → partial images painted as they
 * arrive → the version; refine builds on it; Cancel keeps nothing; refusals and rate limits explained; the key
 * is never in logs. Screenshots of every state go to test-artifacts/image-panel/.
 */
import { join } from "node:path";
import type { Frame, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ROOT, withPluginPage, panelScreenshot } from "./harness/plugin-page.js";
import { imageReply, moderationError, type OpenAiTestServer } from "./openai-server/server.js";
import { useModelE2e } from "./helpers/e2e.js";
import { runBrowser } from "./helpers/browser.js";

const ARTIFACTS = join(ROOT, "test-artifacts", "image-panel");
const LOGIN = "figmasharp-login.file.json";
const LOGIN_FRAME = "101:3";
const KEY = "sk-test-img-3c4d5e6f7a8b";
const VIEWPORT = { width: 900, height: 800 };

/** The panel alone, at its size. */
const shot = (page: Page, name: string): Promise<void> => panelScreenshot(page, ARTIFACTS, name);

const settings = (url: string, patch: Record<string, unknown> = {}) => ({
  provider: "openai",
  baseUrl: url.replace(/\/+$/, ""),
  model: "gpt-5.4-image-2",
  ...patch,
});
const origin = (srv: OpenAiTestServer | undefined): string => new URL(srv!.url).origin;

/** Texts that do not fit their box sideways. */
const overflowsSideways = (ui: Frame) => ui.evaluate<boolean>("document.documentElement.scrollWidth > innerWidth");

async function prompt(ui: Frame, text: string): Promise<void> {
  await ui.getByRole("textbox", { name: "Describe the image" }).fill(text);
}

async function generate(ui: Frame): Promise<void> {
  await ui.getByRole("button", { name: "Generate image" }).click();
  await ui.locator(".image-confirm").waitFor({ timeout: 60_000 });
}

describe.runIf(runBrowser)("the Generate image panel at 420×600", { timeout: 180_000 }, () => {
  const { browser, startServer } = useModelE2e();
  let server: OpenAiTestServer | undefined;
  const logs: string[] = [];

  it("prompt → estimate → Send → partial images as they arrive → the version", async () => {
    server = await startServer();
    server.push(imageReply({ pauseAtPartials: 2 }));
    const storage = { "figment.settings": settings(server.url), "figment.apiKey": KEY };
    await withPluginPage(
      browser,
      {
        fixture: LOGIN,
        select: [LOGIN_FRAME],
        command: "image",
        storage,
        viewport: VIEWPORT,
        allowOrigins: [origin(server)],
      },
      async ({ page, ui }) => {
        page.on("console", (m) => logs.push(m.text()));
        await ui.locator(".panel--image").waitFor();
        await shot(page, "1-empty");
        await prompt(ui, "A hero shot for a tea brand, morning light");
        await ui.getByRole("combobox", { name: "Size" }).click();
        await ui.getByRole("option", { name: /Square/ }).click();
        await ui.getByRole("combobox", { name: "Quality" }).click();
        await ui.getByRole("option", { name: /Low/ }).click();
        await generate(ui);
        const confirm = ui.locator(".image-confirm");
        expect(await confirm.textContent()).toMatch(/≈ [\d,]+ input tokens · ≈ 200 image tokens · ≈ /);
        expect(server!.requests).toHaveLength(0);
        await shot(page, "2-estimate");
        await confirm.getByRole("button", { name: "Send" }).click();
        await ui.locator(".image-slot__canvas[data-index]").waitFor({ timeout: 60_000 });
        await shot(page, "3-partial");
        server!.resume();
        await ui.locator('.image-slot__canvas[data-index="1"]').waitFor({ timeout: 60_000 });
        server!.resume();
        await ui.locator(".version").waitFor({ timeout: 60_000 });
        await ui.locator(".version__image img").waitFor();
        await shot(page, "4-version");
        // Each partial replaced the one before, painted within a frame of its arrival.
        const paints =
          await ui.evaluate<{ index: number; arrivedAt: number; paintedAt: number }[]>("figmentImageStats()");
        expect(paints.map((p) => p.index).filter((i) => i < 10)).toEqual([0, 1]);
        for (const paint of paints) expect(paint.paintedAt).toBeGreaterThanOrEqual(paint.arrivedAt);
        expect(await overflowsSideways(ui)).toBe(false);
        const request = server!.requests[0]!;
        expect(request.path).toBe("/v1/images/generations");
        expect(request.schemaErrors).toEqual([]);
        expect(request.body).toMatchObject({
          model: "gpt-image-2",
          size: "1024x1024",
          quality: "low",
          stream: true,
          partial_images: 2,
        });
      },
    );
    expect(logs.join("\n")).not.toContain(KEY);
  });

  it(
    "Reason first with the selection as reference: reasoning above the image, the frame's " +
      "PNG and structure sent; Refine builds on the response; two versions side by side",
    async () => {
      server = await startServer();
      server.push(
        imageReply({
          reasoning: ["The login screen is dark; ", "a hero in the same palette, ", "with room for the title."],
          responseId: "resp_first",
          pauseAtPartials: 1,
        }),
        imageReply({ responseId: "resp_second", seed: 5 }),
      );
      const storage = { "figment.settings": settings(server.url), "figment.apiKey": KEY };
      await withPluginPage(
        browser,
        {
          fixture: LOGIN,
          select: [LOGIN_FRAME],
          command: "image",
          storage,
          viewport: VIEWPORT,
          allowOrigins: [origin(server)],
        },
        async ({ page, ui, sim }) => {
          page.on("console", (m) => logs.push(m.text()));
          await prompt(ui, "A polished hero image in the style of this screen");
          await ui.getByRole("combobox", { name: "Size" }).click();
          await ui.getByRole("option", { name: /Selection's shape/ }).click();
          await ui.getByRole("checkbox", { name: "Use selection as reference" }).check();
          await ui.getByRole("checkbox", { name: "Reason first" }).check();
          await shot(page, "5-reason-first-form");
          await generate(ui);
          const confirm = ui.locator(".image-confirm");
          expect(await confirm.textContent()).toContain("gpt-5.4-image-2 (draws with gpt-image-2)");
          expect(await confirm.textContent()).toContain("as the reference (its picture and layer structure)");
          expect(await sim<string[]>("sim.record.exports.map((e) => e.format)")).toContain("PNG");
          await shot(page, "6-reason-first-estimate");
          await confirm.getByRole("button", { name: "Send" }).click();
          await ui
            .locator(".image-stream__reasoning", { hasText: "The login screen is dark" })
            .waitFor({ timeout: 60_000 });
          await shot(page, "7-reasoning");
          server!.resume();
          await ui.locator(".version").waitFor({ timeout: 60_000 });
          expect(await ui.locator(".version__text summary").textContent()).toBe("What the model said");
          const first = server!.requests[0]!;
          expect(first.path).toBe("/v1/responses");
          expect(first.schemaErrors).toEqual([]);
          const body = JSON.stringify(first.body);
          expect(body).toContain('"type":"input_image"');
          expect(body).toContain("figment-hint");
          expect(body).toContain("A polished hero image");

          // Refine builds on the response by its id; the new version is v2, and v1 is kept.
          await ui.getByRole("textbox", { name: "Refine" }).fill("warmer light");
          await ui.getByRole("button", { name: "Refine", exact: true }).click();
          await ui.locator(".image-confirm", { hasText: "Refining v1: “warmer light”" }).waitFor({ timeout: 60_000 });
          // Refine is typed at the bottom; the estimate it leads to is brought into view at the top.
          await ui.waitForFunction(
            "(() => { const r = document.querySelector('.image-confirm').getBoundingClientRect(); " +
              "return r.top >= 0 && r.bottom <= innerHeight; })()",
          );
          await shot(page, "8-refine-estimate");
          await ui.locator(".image-confirm").getByRole("button", { name: "Send" }).click();
          await ui.locator(".version-thumb", { hasText: "v2" }).waitFor({ timeout: 60_000 });
          const second = server!.requests[1]!;
          expect(second.schemaErrors).toEqual([]);
          expect((second.body as { previous_response_id?: string }).previous_response_id).toBe("resp_first");
          expect(JSON.stringify(second.body)).toContain("warmer light");
          expect(await ui.locator(".version__prompt").textContent()).toBe("Refines v1: warmer light");
          await shot(page, "9-refined");

          await ui.locator(".version").getByRole("button", { name: "Compare" }).click();
          const compare = ui.locator(".compare");
          await compare.waitFor();
          expect(await compare.locator(".compare__line").allTextContents()).toEqual([
            expect.stringMatching(/^v2 · /),
            expect.stringMatching(/^v1 · /),
          ]);
          expect(await overflowsSideways(ui)).toBe(false);
          await shot(page, "10-compare");
          await compare.getByRole("button", { name: "Done comparing" }).click();
          await ui.locator(".version").waitFor();
        },
      );
      expect(logs.join("\n")).not.toContain(KEY);
    },
  );

  it("two images stream side by side; an Images API refinement is an edit with that version's image", async () => {
    server = await startServer();
    server.push(
      imageReply({ pauseAtPartials: 1 }),
      imageReply({ pauseAtPartials: 1, seed: 4 }),
      imageReply({ seed: 9 }),
    );
    const storage = { "figment.settings": settings(server.url), "figment.apiKey": KEY };
    await withPluginPage(
      browser,
      { fixture: LOGIN, select: [], command: "image", storage, viewport: VIEWPORT, allowOrigins: [origin(server)] },
      async ({ page, ui }) => {
        await prompt(ui, "Two takes on a poster for a jazz night");
        await ui.getByRole("combobox", { name: "Size" }).click();
        await ui.getByRole("option", { name: /Landscape/ }).click();
        await ui.getByRole("radio", { name: "2" }).click();
        await generate(ui);
        expect(await ui.locator(".image-confirm").textContent()).toContain("× 2");
        await ui.locator(".image-confirm").getByRole("button", { name: "Send" }).click();
        await ui.locator(".image-slots--2").waitFor({ timeout: 60_000 });
        await ui.locator(".image-slot__canvas[data-index]").nth(1).waitFor({ timeout: 60_000 });
        await shot(page, "11-two-streaming");
        server!.resume();
        await ui.locator(".version-thumb", { hasText: "v2" }).waitFor({ timeout: 60_000 });
        expect(await ui.locator(".version-thumb").count()).toBe(2);
        await shot(page, "12-two-versions");
        // Refine v2: an edit whose input image is v2's bytes as served.
        await ui.locator(".version-thumb", { hasText: "v2" }).click();
        await ui.getByRole("textbox", { name: "Refine" }).fill("more brass");
        await ui.getByRole("button", { name: "Refine", exact: true }).click();
        await ui.locator(".image-confirm").getByRole("button", { name: "Send" }).click();
        await ui.locator(".version-thumb", { hasText: "v3" }).waitFor({ timeout: 60_000 });
        const edit = server!.requests.at(-1)!;
        expect(edit.path).toBe("/v1/images/edits");
        expect(edit.schemaErrors).toEqual([]);
        expect(edit.files).toHaveLength(1);
        expect(edit.files[0]!.filename).toBe("version-2.png");
        expect((edit.body as { size?: string }).size).toBe("1536x1024");
      },
    );
  });

  it("Cancel mid-stream stops at once and keeps nothing", async () => {
    server = await startServer();
    // The first partial image, then the stream stays open with the rest unsent until the client drops it.
    server.push(imageReply({ partials: 3, holdAfter: 1 }));
    const storage = { "figment.settings": settings(server.url), "figment.apiKey": KEY };
    await withPluginPage(
      browser,
      { fixture: LOGIN, select: [], command: "image", storage, viewport: VIEWPORT, allowOrigins: [origin(server)] },
      async ({ page, ui }) => {
        await prompt(ui, "A slow image");
        await generate(ui);
        await ui.locator(".image-confirm").getByRole("button", { name: "Send" }).click();
        await ui.locator(".image-slot__canvas[data-index]").waitFor({ timeout: 60_000 });
        await ui.locator(".image-form").getByRole("button", { name: "Cancel" }).click();
        await ui.locator(".notice", { hasText: "Cancelled" }).waitFor();
        expect(await ui.locator(".image-slot").count()).toBe(0);
        expect(await ui.locator(".version, .version-thumb").count()).toBe(0);
        await shot(page, "13-cancelled");
        // The client dropped the held stream (a state the server reports, never a time): nothing past the partial was
        // sent.
        expect(await server!.dropped()).toEqual({ path: "/v1/images/generations", written: 1 });
        expect(server!.writes.length).toBe(1);
        expect(await ui.locator(".version, .version-thumb").count()).toBe(0);
      },
    );
  });

  it("a refused prompt and a rate limit are explained, and Try again waits for the retry-after", async () => {
    server = await startServer();
    server.push(
      moderationError(),
      { kind: "error", status: 429, message: "Rate limit reached for images", headers: { "retry-after": "60" } },
      imageReply(),
    );
    const storage = { "figment.settings": settings(server.url), "figment.apiKey": KEY };
    await withPluginPage(
      browser,
      { fixture: LOGIN, select: [], command: "image", storage, viewport: VIEWPORT, allowOrigins: [origin(server)] },
      async ({ page, ui }) => {
        page.on("console", (m) => logs.push(m.text()));
        await prompt(ui, "Something the safety system refuses");
        await generate(ui);
        await ui.locator(".image-confirm").getByRole("button", { name: "Send" }).click();
        const refused = ui.locator('.image-error[data-kind="moderation"]');
        await refused.waitFor({ timeout: 60_000 });
        expect(await refused.textContent()).toContain("Refused by the provider's safety system");
        expect(await refused.textContent()).toContain("Describe the image differently");
        expect(await refused.getByRole("button", { name: "Try again" }).count()).toBe(0);
        await shot(page, "14-moderation");

        // The panel's clock is Playwright's (at real speed): the test moves past the retry-after instead of sleeping
        // through it, and a 60 s retry-after holds the countdown however slow the machine is.
        await page.clock.install();
        await prompt(ui, "A calm landscape");
        await generate(ui);
        await ui.locator(".image-confirm").getByRole("button", { name: "Send" }).click();
        const limited = ui.locator('.image-error[data-kind="rate-limited"]');
        await limited.waitFor({ timeout: 60_000 });
        expect(await limited.getByRole("button", { name: /Retry in \d+ s/ }).isDisabled()).toBe(true);
        await shot(page, "15-rate-limited");
        await page.clock.fastForward("01:01");
        await limited.getByRole("button", { name: "Try again" }).click();
        await ui.locator(".version").waitFor({ timeout: 60_000 });
        expect(server!.requests).toHaveLength(3);
        for (const request of server!.requests) expect(request.schemaErrors).toEqual([]);
      },
    );
    expect(logs.join("\n")).not.toContain(KEY);
  });

  it(
    "without a key the panel says so and links to Settings; " +
      "a size the model does not take is caught before sending",
    async () => {
      server = await startServer();
      await withPluginPage(
        browser,
        {
          fixture: LOGIN,
          select: [LOGIN_FRAME],
          command: "image",
          storage: { "figment.settings": settings(server.url) },
          viewport: VIEWPORT,
          allowOrigins: [origin(server)],
        },
        async ({ page, ui }) => {
          const note = ui.locator(".image-form .key-needed");
          expect(await note.textContent()).toContain(
            `Generating images needs an API key for OpenAI at ${new URL(server!.url).host}.`,
          );
          expect(await ui.getByRole("button", { name: "Generate image" }).count()).toBe(0);
          // The hint does not send the user to a button that is not there (a67cc83: "Describe an image and press…").
          const hint = await ui.locator(".image-body .hint").textContent();
          expect(hint).toMatch(/^Once a key is added, describe an image/);
          await prompt(ui, "A poster");
          await ui.getByRole("combobox", { name: "Size" }).click();
          await ui.getByRole("option", { name: /Custom/ }).click();
          await ui.getByRole("textbox", { name: "Width in pixels" }).fill("1000");
          await ui.getByRole("textbox", { name: "Height in pixels" }).fill("1000");
          const problem = ui.locator(".image-size__problem");
          expect(await problem.textContent()).toContain("multiples of 16");
          await shot(page, "16-no-key-bad-size");
          await problem.getByRole("button", { name: "Use 992×992" }).click();
          expect(await problem.count()).toBe(0);
          expect(await ui.getByRole("textbox", { name: "Width in pixels" }).inputValue()).toBe("992");
          await note.getByRole("button", { name: "Add a key in Settings" }).click();
          await ui.locator(".panel--settings, .settings").first().waitFor();
        },
      );
      expect(server.requests).toHaveLength(0);
    },
  );
});
