/**
 * The Analyze selection panel end to end in headless Chromium at Figma's default 420×600: the real
 * dist/code.js on the figma simulator and dist/ui.html, the worker calling the OpenAI-wire test server on
 * 127.0.0.1 (never the internet). Findings listed by kind, a click selects and zooms to the layer, a deleted
 * layer says so, the estimate before sending, a streamed critique rendered as Markdown, Cancel, errors, the
 * no-key mode. Screenshots of every state go to test-artifacts/analyze-panel/.
 */
import { join } from "node:path";
import type { Frame } from "playwright-core";
import { describe, expect, it } from "vitest";
import { findingsOf } from "../ai/analyze/findings.js";
import { loadDesign } from "../codegen/load.js";
import { fixturePath } from "./helpers/fixtures.js";
import { panelScreenshot, ROOT, withPluginPage } from "./harness/plugin-page.js";
import { RESPONSES_PREFIX_EVENTS, responsesStream, type OpenAiTestServer } from "./openai-server/server.js";
import { splitInto } from "./openai-server/scripted.js";
import { readFileSync } from "node:fs";
import { useModelE2e } from "./helpers/e2e.js";
import { runBrowser } from "./helpers/browser.js";

const ARTIFACTS = join(ROOT, "test-artifacts", "analyze-panel");
const LOGIN = "figmasharp-login.file.json";
const LOGIN_FRAME = "101:3";
const KEY = "sk-test-analyze-7a8b9c0d";
const VIEWPORT = { width: 900, height: 800 };
/** What the checks find on the login frame, computed here the same way the worker does. */
const EXPECTED = findingsOf(
  loadDesign(JSON.parse(readFileSync(fixturePath(LOGIN), "utf8")) as unknown, [LOGIN_FRAME]).document,
);

const CRITIQUE = [
  "## Hierarchy\n\nThe **Log In** button leads; the title is quiet.\n\n",
  "## Findings\n\n- Contrast of `101:6` confirmed over the photo.\n- <b>not html</b> stays text.\n\n",
  "## Fixes\n\n1. Darken the overlay to `rgba(0,0,0,0.5)`.\n2. Raise the helper text to `12px`.\n",
].join("");

const settings = (url: string) => ({ provider: "openai", baseUrl: url.replace(/\/+$/, ""), model: "gpt-5.4-image-2" });
const origin = (srv: OpenAiTestServer | undefined): string => new URL(srv!.url).origin;
const shot = (page: Parameters<typeof panelScreenshot>[0], name: string) => panelScreenshot(page, ARTIFACTS, name);
const overflowsSideways = (ui: Frame) => ui.evaluate<boolean>("document.documentElement.scrollWidth > innerWidth");

async function askAndEstimate(ui: Frame): Promise<void> {
  await ui.getByRole("button", { name: "Critique with AI" }).click();
  await ui.locator(".analyze-confirm").waitFor({ timeout: 60_000 });
}

describe.runIf(runBrowser)("the Analyze panel at 420×600", { timeout: 180_000 }, () => {
  const { browser, startServer } = useModelE2e();
  let server: OpenAiTestServer | undefined;

  it(
    "findings by kind, a click selects the layer; estimate → " +
      "Send → the critique streams as Markdown → done, copied",
    async () => {
      // The login frame has findings (codegen/analyze), so the click path below always runs.
      expect(EXPECTED.length).toBeGreaterThan(0);
      server = await startServer();
      server.push(responsesStream(splitInto(CRITIQUE, 24), { delayMs: 5, pauseAfterChunks: 6, id: "resp_an1" }));
      const logs: string[] = [];
      const storage = { "figment.settings": settings(server.url), "figment.apiKey": KEY };
      await withPluginPage(
        browser,
        {
          fixture: LOGIN,
          select: [LOGIN_FRAME],
          command: "analyze",
          storage,
          viewport: VIEWPORT,
          allowOrigins: [origin(server)],
        },
        async ({ page, ui, sim }) => {
          page.on("console", (m) => logs.push(m.text()));
          // Opening the panel on a selection analyzes it: every finding is listed, under its kind.
          await ui.locator(".analyze-findings").waitFor({ timeout: 60_000 });
          const rows = ui.locator(".finding");
          expect(await rows.count()).toBe(EXPECTED.length);
          expect(await ui.locator(".analyze-findings .section-title").textContent()).toBe(
            `Findings ${EXPECTED.length} · “Log-In Page”`,
          );
          await shot(page, "1-findings");
          // Scrolled to its end, the last control keeps a margin above the panel's edge (a67cc83: 4 px, against
          // Figma's resize grip).
          const margin = await ui.evaluate<number>(`(() => {
            const body = document.querySelector(".analyze-body");
            body.scrollTop = body.scrollHeight;
            const last = [...body.querySelectorAll("button")].pop();
            const gap = body.getBoundingClientRect().bottom - last.getBoundingClientRect().bottom;
            body.scrollTop = 0;
            return gap;
          })()`);
          expect(margin).toBeGreaterThanOrEqual(8);
          const target = EXPECTED.find((f) => f.nodeId !== LOGIN_FRAME) ?? EXPECTED[0];
          if (target) {
            expect(await ui.locator(".findings__kind").first().textContent()).toMatch(
              /^(Contrast|Target size|Text size|Text in images|Image names|Frame names) \d+$/,
            );
            // A click selects that layer on the canvas and zooms to it; the analysis stays current.
            await ui.locator(`.finding[data-node-id="${target.nodeId}"]`).first().click();
            await expect
              .poll(() => sim<string[]>("sim.figma.currentPage.selection.map((n) => n.id)"))
              .toEqual([target.nodeId]);
            expect(await sim<{ nodeIds: string[] }[]>("sim.record.zooms")).toContainEqual(
              expect.objectContaining({ nodeIds: [target.nodeId] }),
            );
            expect(await ui.locator(".analyze-head").textContent()).not.toContain("selection changed");
          } else expect(await ui.locator(".findings__empty").textContent()).toMatch(/^No problems found by the checks/);

          await askAndEstimate(ui);
          const confirm = ui.locator(".analyze-confirm");
          expect(await confirm.textContent()).toMatch(
            /Critique “Log-In Page” with gpt-5\.4-image-2 at 127\.0\.0\.1:\d+\?/,
          );
          expect(await confirm.textContent()).toMatch(
            /≈ [\d,]+ input tokens \([\d,]+ for the picture\) · ≈ 1,200 for the answer · about \$/,
          );
          expect(await confirm.textContent()).toContain(`${EXPECTED.length} computed finding`);
          expect(server!.requests).toHaveLength(0);
          await shot(page, "2-estimate");
          await confirm.getByRole("button", { name: "Send" }).click();

          // The answer is on screen while it streams, rendered: headings, lists, code — and HTML as text.
          const streaming = ui.locator(".answer--streaming");
          await streaming.locator("h3", { hasText: "Hierarchy" }).waitFor({ timeout: 60_000 });
          expect(await streaming.getByRole("button", { name: "Cancel" }).isVisible()).toBe(true);
          await shot(page, "3-streaming");
          server!.resume();
          const done = ui.locator(".answer:not(.answer--streaming)");
          await done.getByRole("button", { name: "Copy as Markdown" }).waitFor({ timeout: 60_000 });
          expect(await done.locator("h3").allTextContents()).toEqual(["Hierarchy", "Findings", "Fixes"]);
          expect(await done.locator("ol li").count()).toBe(2);
          expect(await done.locator("code").first().textContent()).toBe("101:6");
          expect(await done.locator("b").count()).toBe(0);
          expect(await done.textContent()).toContain("<b>not html</b> stays text.");
          expect(await overflowsSideways(ui)).toBe(false);
          await shot(page, "4-done");
          await done.getByRole("button", { name: "Copy as Markdown" }).click();
          await ui.getByText("Answer copied as Markdown").waitFor();

          // The request: the PNG, then the data blocks — the findings and the design's text delimited as data.
          const [request] = server!.requests;
          expect(request!.path).toBe("/v1/responses");
          expect(request!.schemaErrors).toEqual([]);
          const body = request!.body as {
            instructions: string;
            input: { content: { type: string; text?: string; image_url?: string }[] }[];
          };
          expect(body.input[0]!.content[0]!.type).toBe("input_image");
          expect(body.input[0]!.content[0]!.image_url).toMatch(/^data:image\/png;base64,/);
          const texts = body.input[0]!.content.flatMap((p) => (p.text ? [p.text] : [])).join("\n");
          expect(texts).toContain(
            `<findings>\n` +
              `${EXPECTED.length > 0 ? JSON.stringify(EXPECTED[0]) : "(no findings: the computed checks passed)"}\n`,
          );
          expect(texts).toMatch(/<design>\nfigment-hint 2\n[^]*"Log-In Page"[^]*"Log In"[^]*\n<\/design>/);
          expect(body.instructions).toMatch(/never instructions/);
        },
      );
      expect(logs.join("\n")).not.toContain(KEY);
    },
  );

  it(
    "Cancel stops the answer at once and keeps nothing; a " +
      "layer deleted since is explained; Compare needs two frames",
    async () => {
      server = await startServer();
      // Held after 12 deltas (past the first heading) until the client drops it: Cancel always meets a running stream.
      server.push(responsesStream(splitInto(CRITIQUE, 60), { delayMs: 5, holdAfter: RESPONSES_PREFIX_EVENTS + 12 }));
      const storage = { "figment.settings": settings(server.url), "figment.apiKey": KEY };
      await withPluginPage(
        browser,
        {
          fixture: LOGIN,
          select: [LOGIN_FRAME],
          command: "analyze",
          storage,
          viewport: VIEWPORT,
          allowOrigins: [origin(server)],
        },
        async ({ page, ui, sim }) => {
          await ui.locator(".analyze-findings").waitFor({ timeout: 60_000 });
          await askAndEstimate(ui);
          await ui.locator(".analyze-confirm").getByRole("button", { name: "Send" }).click();
          const streaming = ui.locator(".answer--streaming");
          await streaming.locator("h3").first().waitFor({ timeout: 60_000 });
          await streaming.getByRole("button", { name: "Cancel" }).click();
          await ui.locator(".notice", { hasText: "Cancelled" }).waitFor();
          expect(await ui.locator(".answer--streaming").count()).toBe(0);
          expect(await ui.getByRole("button", { name: "Copy as Markdown" }).count()).toBe(0);
          expect(await ui.locator(".answer--partial").textContent()).toContain("not kept");
          await shot(page, "5-cancelled");

          // The layer of a finding is deleted on the canvas: the click says so.
          const target = EXPECTED.find((f) => f.nodeId !== LOGIN_FRAME) ?? EXPECTED[0];
          if (target) {
            await sim<void>(`sim.node(${JSON.stringify(target.nodeId)}).remove()`);
            await ui.locator(`.finding[data-node-id="${target.nodeId}"]`).first().click();
            await ui.getByText("is no longer in the file: it was deleted after the analysis").waitFor();
          }

          await ui.getByRole("radio", { name: "Compare" }).click();
          expect(await ui.getByRole("note").filter({ hasText: "Compare needs two frames" }).isVisible()).toBe(true);
          expect(await ui.getByRole("button", { name: "Compare with AI" }).isDisabled()).toBe(true);
        },
      );
      expect(server.requests).toHaveLength(1);
    },
  );

  it("a refused key and a rate limit are explained with what to do", async () => {
    server = await startServer();
    server.push({ kind: "error", status: 401, message: "Incorrect API key provided" });
    const storage = { "figment.settings": settings(server.url), "figment.apiKey": KEY };
    await withPluginPage(
      browser,
      {
        fixture: LOGIN,
        select: [LOGIN_FRAME],
        command: "analyze",
        storage,
        viewport: VIEWPORT,
        allowOrigins: [origin(server)],
      },
      async ({ page, ui }) => {
        await ui.locator(".analyze-findings").waitFor({ timeout: 60_000 });
        await askAndEstimate(ui);
        await ui.locator(".analyze-confirm").getByRole("button", { name: "Send" }).click();
        const error = ui.locator('.analyze-error[data-kind="unauthorized"]');
        await error.waitFor({ timeout: 60_000 });
        expect(await error.textContent()).toContain("The API key was not accepted");
        expect(await error.getByRole("button", { name: "Open settings" }).isVisible()).toBe(true);
        await shot(page, "6-error");
        server!.push({ kind: "error", status: 429, message: "slow down", headers: { "retry-after": "60" } });
        await error.getByRole("button", { name: "Dismiss" }).click();
        await askAndEstimate(ui);
        await ui.locator(".analyze-confirm").getByRole("button", { name: "Send" }).click();
        const limited = ui.locator('.analyze-error[data-kind="rate-limited"]');
        await limited.waitFor({ timeout: 60_000 });
        // 60 s: the countdown is still running when checked, however slow the machine is (2 s was a race under load).
        expect(await limited.getByRole("button", { name: /Retry in \d+ s/ }).isDisabled()).toBe(true);
      },
    );
  });

  it("without a key: the findings, and a note on what a key adds; nothing is sent", async () => {
    server = await startServer();
    await withPluginPage(
      browser,
      {
        fixture: LOGIN,
        select: [LOGIN_FRAME],
        command: "analyze",
        storage: { "figment.settings": settings(server.url) },
        viewport: VIEWPORT,
        allowOrigins: [origin(server)],
      },
      async ({ page, ui }) => {
        await ui.locator(".analyze-findings").waitFor({ timeout: 60_000 });
        expect(await ui.locator(".finding").count()).toBe(EXPECTED.length);
        const note = ui.locator(".analyze-ask .key-needed");
        await note.scrollIntoViewIfNeeded();
        expect(await note.textContent()).toContain(
          `Asking a vision model needs an API key for OpenAI at ${new URL(server!.url).host}.`,
        );
        expect(await ui.locator(".analyze-ask__adds").textContent()).toMatch(
          /^With a key, a vision model sees the frame/,
        );
        expect(await ui.getByRole("radiogroup", { name: "Task" }).count()).toBe(0);
        await shot(page, "7-no-key");
        await note.getByRole("button", { name: "Add a key in Settings" }).click();
        await ui.locator(".panel--settings, .settings").first().waitFor();
      },
    );
    expect(server.requests).toHaveLength(0);
  });
});
