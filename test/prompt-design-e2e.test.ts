/**
 * "Design from a prompt" in the real panel (dist/), against the OpenAI-wire test server on 127.0.0.1: opened by the
 * plugin's menu command (the prompt open at once), the login file's 16 local variables and the frame's fonts go with
 * the brief, its cost shown before anything is sent, the page streamed (and cancelled), sent again: an HTML +
 * Tailwind result whose preview shows the page styled by the compiled Tailwind, with Insert as layers; while results
 * show, the head's More menu (keyboard) opens the prompt and Paste HTML; a refinement is a second turn built on the
 * first; a 401 explained; the designed pages are in History and reopen. Screenshots of each state at the panel's
 * default size in test-artifacts/prompt-design/.
 */
import { join } from "node:path";
import type { Frame, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { panelScreenshot, ROOT, withPluginPage } from "./harness/plugin-page.js";
import { errorBody, responsesStream } from "./openai-server/server.js";
import { splitInto } from "./openai-server/scripted.js";
import { serverOrigin, useModelE2e } from "./helpers/e2e.js";
import { loginVariables } from "./helpers/token-fixtures.js";

const ARTIFACTS = join(ROOT, "test-artifacts", "prompt-design");
const LOGIN = { fixture: "figmasharp-login.file.json", frame: "101:3" };
const shot = (page: Page, name: string): Promise<void> => panelScreenshot(page, ARTIFACTS, name);

const page = (title: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${title}</title>
<link rel="stylesheet" href="styles.css"></head>
<body class="bg-slate-50 font-sans text-slate-900">
<header class="flex items-center justify-between bg-indigo-600 px-8 py-4 text-white">
<h1 class="text-2xl font-bold">${title}</h1>
<a href="#plans" class="rounded-lg bg-white px-4 py-2 text-indigo-700">Start free</a>
</header>
<main id="plans" class="grid grid-cols-3 gap-6 p-8">
<section class="rounded-xl bg-white p-6 shadow"><h2 class="text-lg font-semibold">Free</h2><p>$0</p></section>
<section class="rounded-xl bg-white p-6 shadow"><h2 class="text-lg font-semibold">Pro</h2><p>$8</p></section>
<section class="rounded-xl bg-white p-6 shadow"><h2 class="text-lg font-semibold">Team</h2><p>$20</p></section>
</main><script>alert(1)</script></body></html>`;
const answer = (title: string, notes: string) =>
  JSON.stringify({
    notes,
    files: [
      { path: "index.html", content: page(title) },
      { path: "tailwind.css", content: '@import "tailwindcss";\n' },
    ],
  });
const reply = (text: string, id: string, holdAfter?: number) =>
  responsesStream(splitInto(text, 10), { id, delayMs: 5, ...(holdAfter !== undefined ? { holdAfter } : {}) });

/** The preview's page: the first heading's text and background colour, as the sandboxed iframe renders them. */
async function previewHeader(ui: Frame): Promise<{ title: string; background: string }> {
  const results = ui.locator(".ai-results");
  await results.getByRole("tab", { name: "Preview", exact: true }).click();
  const frame = ui.frameLocator(".ai-results iframe").first();
  const header = frame.locator("header");
  await header.waitFor({ timeout: 60_000 });
  return {
    title: (await header.locator("h1").textContent()) ?? "",
    background: await header.evaluate((el) => getComputedStyle(el).backgroundColor),
  };
}

describe("design from a prompt in the panel", () => {
  const { browser, startServer } = useModelE2e();

  it("prices the brief, streams the page, shows it styled in the preview, refines it and explains a 401", async () => {
    const server = await startServer();
    server.push(
      reply(answer("Notely", "held"), "resp_held", 8),
      reply(answer("Notely", "A calm pricing page."), "resp_page"),
      reply(answer("Notely Pro", "Renamed."), "resp_refined"),
      { kind: "json", status: 401, body: errorBody(401, "Incorrect API key provided") },
    );
    const storage = {
      "figment.settings": {
        provider: "openai",
        baseUrl: server.url.replace(/\/+$/, ""),
        model: "gpt-4.1",
        target: "react",
        styling: "css-modules",
      },
      "figment.apiKey": "sk-test-page-1234",
    };
    await withPluginPage(
      browser,
      {
        fixture: LOGIN.fixture,
        select: [LOGIN.frame],
        storage,
        allowOrigins: [serverOrigin(server)],
        // The menu's "Design from a prompt…" (manifest.json), in a file with its own variables.
        command: "design-page",
        variables: loginVariables(),
      },
      async ({ page: host, ui }) => {
        // Opened by the menu command: the prompt is open at once.
        const box = ui.getByRole("form", { name: "Design from a prompt" });
        await box.waitFor();
        expect(await box.textContent()).toContain(
          "The file's design system (its variables and fonts, and the selected frame's) goes with it",
        );
        await shot(host, "1-prompt-open");
        // Closed, the first screen offers it again, and Paste HTML.
        await box.getByRole("button", { name: "Close" }).click();
        await ui.getByRole("button", { name: "Paste HTML as layers…" }).waitFor();
        await shot(host, "0-first-screen");
        await ui.getByRole("button", { name: "Design from a prompt…" }).click();
        await box.waitFor();
        await box.getByRole("textbox", { name: "Describe the page" }).fill("a pricing page for a notes app");
        await box.getByRole("button", { name: "Design…" }).click();

        const card = ui.locator(".ai-confirm");
        await card.waitFor({ timeout: 60_000 });
        const text = (await card.textContent()) ?? "";
        expect(text).toContain("Design a page with gpt-4.1 at 127.0.0.1");
        expect(text).toMatch(/Estimate: ≈ [\d,]+ input tokens · ≈ 4,500 output · ≈ \$0\.0\d+/);
        expect(text).toContain("variables and fonts go with it");
        expect(server.requests).toHaveLength(0);
        await shot(host, "2-cost");

        // Streaming, held by the server: the progress shows, Cancel stops it.
        await card.getByRole("button", { name: "Send" }).click();
        await ui.locator(".ai-stream").waitFor({ timeout: 60_000 });
        await ui
          .locator(".ai-stream__notes")
          .waitFor({ timeout: 60_000 })
          .catch(() => undefined);
        await shot(host, "3-streaming");
        await box.getByRole("button", { name: "Cancel" }).click();
        await ui.getByText("The request was stopped").waitFor({ timeout: 30_000 });

        await box.getByRole("button", { name: "Design…" }).click();
        await ui.locator(".ai-confirm").getByRole("button", { name: "Send" }).click();
        const turns = ui.locator(".turn");
        await expect.poll(() => turns.count(), { timeout: 120_000 }).toBe(1);
        const body = server.requests[1]!.body as { instructions: string; input: { content: { text: string }[] }[] };
        const texts = body.input[0]!.content.map((c) => c.text).join("\n");
        expect(texts).toMatch(/<design_system>[\s\S]*Montserrat/);
        // The file's design system: all 16 local variables as theme tokens (the frame's export binds none of them).
        const theme = /<design_system>[\s\S]*?@theme static \{([^}]*)\}/.exec(texts)?.[1] ?? "";
        expect((theme.match(/^\s*--[a-z0-9-]+: /gm) ?? []).length).toBe(16);
        expect(theme).toMatch(/--color-palette-red-500: /);
        const first = await previewHeader(ui);
        expect(first).toEqual({ title: "Notely", background: "oklch(0.511 0.262 276.966)" });
        // The page goes onto the canvas from its preview; the prompt gave it the room.
        await ui.locator(".ai-results").getByRole("button", { name: "Insert as layers" }).first().waitFor();
        expect(await box.count()).toBe(0);
        await shot(host, "4-result-preview");

        // While results show: the head's More menu, by keyboard, opens the prompt and Paste HTML.
        const more = ui.getByRole("button", { name: "More ways to start" });
        await more.focus();
        await host.keyboard.press("Enter");
        const menu = ui.getByRole("menu", { name: "More ways to start" });
        await menu.waitFor();
        // The menu moves the focus once it has opened (and on each key): wait for that state, then check it.
        await ui.waitForFunction(() => document.activeElement?.textContent === "Design from a prompt…");
        const focused = () => ui.evaluate(() => document.activeElement?.textContent ?? "");
        expect(await focused()).toBe("Design from a prompt…");
        await host.keyboard.press("ArrowDown");
        await ui.waitForFunction(() => document.activeElement?.textContent === "Paste HTML as layers…");
        expect(await focused()).toBe("Paste HTML as layers…");
        await shot(host, "5-more-menu");
        await host.keyboard.press("Escape");
        await menu.waitFor({ state: "detached" });
        expect(await more.evaluate((el) => el === document.activeElement)).toBe(true);
        await host.keyboard.press("Enter");
        // Each key once the menu is in the state it acts on (a key pressed before the menu is open is lost).
        await menu.waitFor();
        await ui.waitForFunction(() => document.activeElement?.textContent === "Design from a prompt…");
        await host.keyboard.press("ArrowDown");
        await ui.waitForFunction(() => document.activeElement?.textContent === "Paste HTML as layers…");
        await host.keyboard.press("Enter");
        await ui.getByRole("textbox", { name: "HTML to insert as layers" }).waitFor();
        await shot(host, "5-more-paste-html");
        await ui.getByRole("button", { name: "Hide pasted HTML" }).click();

        // Refine: a second turn built on the first (previous_response_id), its page on show.
        await ui.getByRole("textbox", { name: "Refine", exact: true }).fill("call it Notely Pro");
        await ui.getByRole("button", { name: "Refine", exact: true }).click();
        await expect.poll(() => turns.count(), { timeout: 120_000 }).toBe(2);
        expect((server.requests[2]!.body as { previous_response_id?: string }).previous_response_id).toBe("resp_page");
        expect((await previewHeader(ui)).title).toBe("Notely Pro");
        await shot(host, "5-refined");

        // A 401: explained, with the way to Settings. The prompt, from the More menu while results show.
        await more.click();
        await menu.getByRole("menuitem", { name: "Design from a prompt…" }).click();
        await box.waitFor();
        await box.getByRole("textbox", { name: "Describe the page" }).fill("a pricing page for a notes app");
        await shot(host, "5-more-prompt-open");
        await box.getByRole("button", { name: "Design…" }).click();
        await ui.locator(".ai-confirm").getByRole("button", { name: "Send" }).click();
        const error = ui.locator(".ai-error");
        await error.waitFor({ timeout: 60_000 });
        expect(await error.textContent()).toMatch(/key/i);
        await shot(host, "6-error");

        // History keeps the designed pages (each turn), under the brief; one reopens in the Code panel.
        await ui.locator("nav").getByRole("button", { name: "History" }).click();
        const rows = ui.locator('.history-row[data-kind="code"]');
        await expect.poll(() => rows.count(), { timeout: 30_000 }).toBe(2);
        expect(await rows.first().textContent()).toContain("a pricing page for a notes app");
        await shot(host, "7-history");
        await rows.first().getByRole("button", { name: "Open in Code panel" }).click();
        const note = ui.locator(".saved-note");
        await note.waitFor();
        expect(await note.textContent()).toContain("Design again starts a new one from the page's brief");
        expect(await ui.locator(".result-source__stale").count()).toBe(0);
        await ui.getByRole("tab", { name: "Preview", exact: true }).click();
        const reopened = ui.frameLocator("iframe").first().locator("header h1");
        expect(await reopened.textContent({ timeout: 60_000 })).toBe("Notely Pro");
        // At the width it was designed at, as it is inserted.
        await ui
          .getByText(/^1280 × \d+/)
          .first()
          .waitFor();
        await ui.getByRole("button", { name: "Insert as layers" }).first().waitFor();
        await ui.getByRole("textbox", { name: "Design again", exact: true }).waitFor();
        await shot(host, "8-history-reopened");
      },
    );
  }, 400_000);
});
