/**
 * The model path of the panel end to end in headless Chromium: the real dist/code.js and dist/ui.html in the
 * harness, the engine worker calling the OpenAI-wire test server on 127.0.0.1 (never the internet).
 * Generate with AI → estimate → Send → streamed notes and file names → files; refine; go back to a turn;
 * Cancel mid-stream; errors with their next step. Every request body is validated against the OpenAPI spec.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Frame, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ROOT, withPluginPage } from "./harness/plugin-page.js";
import { responsesStream, type OpenAiTestServer } from "./openai-server/server.js";
import { useModelE2e } from "./helpers/e2e.js";
import { runBrowser } from "./helpers/browser.js";

const ARTIFACTS = join(ROOT, "test-artifacts", "plugin-ai");
const LOGIN = "figmasharp-login.file.json";
const KEY = "sk-test-9d8c7b6a5f4e";

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

type File = { path: string; content: string };
const APP: File = {
  path: "src/App.tsx",
  content:
    'import { Header } from "./components/Header";\n\n' +
    "export default function App() {\n" +
    "  return (\n" +
    "    <main>\n" +
    '      <Header title="YOUR ART MUSEUM" />\n' +
    "      <button>Log In</button>\n" +
    "    </main>\n" +
    "  );\n" +
    "}\n",
};
const HEADER: File = {
  path: "src/components/Header.tsx",
  content:
    'import styles from "./Header.module.css";\n\n' +
    "export function Header({ title }: { title: string }) {\n" +
    "  return <header className={styles.header}>{title}</header>;\n" +
    "}\n",
};
const HEADER_CSS: File = { path: "src/components/Header.module.css", content: ".header {\n  padding: 16px;\n}\n" };
const STICKY_CSS: File = {
  path: "src/components/Header.module.css",
  content: ".header {\n  position: sticky;\n  top: 0;\n  padding: 16px;\n}\n",
};

/**
 * The answer as the model streams it (notes first, as the schema orders), in small chunks; `pauseBeforeLast` holds
 * the stream before its last chunk until the server's resume().
 */
function answer(files: File[], notes: string, id: string, { delayMs = 15, pieces = 24, pauseBeforeLast = false } = {}) {
  const text = JSON.stringify({ notes, files });
  const size = Math.ceil(text.length / pieces);
  const chunks = Array.from({ length: pieces }, (_, i) => text.slice(i * size, (i + 1) * size)).filter(Boolean);
  return responsesStream(chunks, { id, delayMs, ...(pauseBeforeLast ? { pauseAfterChunks: chunks.length - 1 } : {}) });
}

const settings = (url: string) => ({
  provider: "openai",
  baseUrl: url.replace(/\/+$/, ""),
  model: "gpt-5.4-image-2",
  target: "react",
  styling: "css-modules",
});

const origin = (srv: OpenAiTestServer | undefined): string => new URL(srv!.url).origin;

async function fileNames(ui: Frame): Promise<string[]> {
  return (await ui.locator(".tree__row:not(.tree__row--folder) .tree__name").allTextContents()).map((t) => t.trim());
}

async function startAi(ui: Frame): Promise<void> {
  await ui.getByRole("button", { name: "Generate with AI" }).click();
}

describe.runIf(runBrowser)("the model path in the browser harness", { timeout: 180_000 }, () => {
  const { browser, startServer } = useModelE2e();
  let server: OpenAiTestServer | undefined;

  it(
    "Generate with AI: estimate, streamed notes and " + "files, the answer, a refinement, and going back a turn",
    async () => {
      server = await startServer();
      // The first answer waits before its last chunk until the test has seen the progress.
      server.push(
        answer([APP, HEADER, HEADER_CSS], "A header component and the app.", "resp_first", {
          delayMs: 5,
          pauseBeforeLast: true,
        }),
        answer([APP, HEADER, STICKY_CSS], "The header is sticky now.", "resp_second"),
      );
      const storage = { "figment.settings": settings(server.url), "figment.apiKey": KEY };
      await withPluginPage(
        browser,
        { fixture: LOGIN, select: ["101:3"], storage, allowOrigins: [origin(server)] },
        async ({ page, ui }) => {
          await ui.locator(".ai-options__instructions").fill("Use semantic HTML.");
          await startAi(ui);
          const confirm = ui.locator(".ai-confirm");
          await confirm.waitFor({ timeout: 60_000 });
          const estimate = (await confirm.textContent()) ?? "";
          expect(estimate).toMatch(/≈ [\d,]+ input tokens \([\d,]+ for the image\)/);
          expect(estimate).toContain("gpt-5.4-image-2");
          expect(estimate).toContain("127.0.0.1");
          expect(server!.requests).toHaveLength(0); // nothing is sent before Send
          await shot(page, "1-estimate");
          await confirm.getByRole("button", { name: "Send" }).click();

          // Progress while the answer streams: the notes, then the file names as they become known.
          await ui.locator(".ai-stream__notes", { hasText: "A header component" }).waitFor({ timeout: 30_000 });
          await ui.locator(".ai-stream__files li", { hasText: "src/App.tsx" }).waitFor({ timeout: 30_000 });
          await shot(page, "2-streaming");
          server!.resume();
          await ui.locator(".ai-results .results").waitFor({ timeout: 60_000 });
          expect(await fileNames(ui)).toEqual(expect.arrayContaining(["App.tsx", "Header.tsx", "Header.module.css"]));
          expect(await ui.locator(".turn-summary__notes").textContent()).toContain("A header component and the app.");
          await shot(page, "3-answer");

          // The preview runs the model's React files themselves, sandboxed: scripts, no same-origin, no network.
          await ui.locator(".ai-results .view-tab", { hasText: "Preview" }).click();
          const frameHandle = await ui.waitForSelector("iframe.preview__frame--scripted", { timeout: 30_000 });
          expect(await frameHandle.getAttribute("sandbox")).toBe("allow-scripts");
          expect(await frameHandle.getAttribute("srcdoc")).toContain("default-src 'none'; script-src 'unsafe-inline'");
          const preview = await frameHandle.contentFrame();
          await preview!.locator("header", { hasText: "YOUR ART MUSEUM" }).waitFor();
          expect(await preview!.locator("button").textContent()).toBe("Log In");
          await shot(page, "3b-preview");
          await ui.locator(".ai-results .view-tab", { hasText: "Code" }).click();

          const first = server!.requests[0]!;
          expect(first.path).toBe("/v1/responses");
          expect(first.schemaErrors).toEqual([]);
          expect(first.headers["authorization"]).toBe(`***${KEY.slice(-4)}`);
          const body = JSON.stringify(first.body);
          expect(body).toContain('"type":"input_image"');
          expect(body).toContain("<design>");
          expect(body).toContain("Use semantic HTML.");

          // Refine: builds on the first answer by id, and the new files replace the view.
          await ui.locator(".refine__input").fill("make the header sticky");
          await ui.getByRole("button", { name: "Refine", exact: true }).click();
          await ui.locator(".turn").nth(1).waitFor({ timeout: 60_000 });
          await ui.locator(".turn-summary__notes", { hasText: "sticky" }).waitFor({ timeout: 30_000 });
          const second = server!.requests[1]!;
          expect(second.schemaErrors).toEqual([]);
          expect((second.body as { previous_response_id?: string }).previous_response_id).toBe("resp_first");
          expect(JSON.stringify((second.body as { input: unknown }).input)).toContain("make the header sticky");
          await ui.locator(".tree__name", { hasText: "Header.module.css" }).click();
          await ui.locator(".code", { hasText: "position: sticky" }).waitFor();
          await shot(page, "4-refined");

          // Every turn is kept: going back shows the first answer's files.
          await ui.locator(".turn").first().click();
          await ui.locator(".tree__name", { hasText: "Header.module.css" }).click();
          await ui.locator(".turn-summary__notes", { hasText: "A header component" }).waitFor();
          expect(await ui.locator(".code").first().textContent()).not.toContain("sticky");
        },
      );
    },
  );

  it("Cancel mid-stream stops at once and keeps nothing half-written", async () => {
    server = await startServer();
    // Half the answer (the notes and part of the files), then the stream stays open with the rest unsent.
    const slow = answer([APP, HEADER, HEADER_CSS], "Working on it, slowly.", "resp_slow", { pieces: 60 });
    const held = Math.floor(slow.events.length / 2);
    server.push({ ...slow, holdAfter: held });
    const storage = { "figment.settings": settings(server.url), "figment.apiKey": KEY };
    await withPluginPage(
      browser,
      { fixture: LOGIN, select: ["101:3"], storage, allowOrigins: [origin(server)] },
      async ({ page, ui }) => {
        await startAi(ui);
        await ui.locator(".ai-confirm").getByRole("button", { name: "Send" }).click();
        await ui.locator(".ai-stream__notes").waitFor();
        await expect.poll(() => server!.writes.length).toBe(held); // the server holds: mid-answer, the rest unsent
        await ui.locator(".panel__head").getByRole("button", { name: "Cancel" }).click();
        await ui.locator(".notice", { hasText: "Cancelled" }).waitFor();
        expect(await ui.locator(".ai-results").count()).toBe(0);
        await shot(page, "5-cancelled");
        // The connection was dropped: the client, not the server, ends the held stream, with the rest never sent.
        // (Waited on as a state — the server seeing the socket close — never a time, so a starved browser cannot fail
        // it.)
        const drop = await server!.dropped();
        expect(drop).toEqual({ path: "/v1/responses", written: held });
        expect(server!.writes.length).toBe(held);
        expect(await ui.locator(".ai-results").count()).toBe(0);
      },
    );
  });

  it("errors show their next step: no key, 401, 429 with retry-after, then 500 and a successful retry", async () => {
    server = await startServer();
    // No key: the panel says so before the click, naming the endpoint the key is for, and nothing is exported or sent.
    await withPluginPage(
      browser,
      {
        fixture: LOGIN,
        select: ["101:3"],
        storage: { "figment.settings": settings(server.url) },
        allowOrigins: [origin(server)],
      },
      async ({ ui, sim }) => {
        expect(await ui.getByRole("button", { name: "Generate with AI" }).isDisabled()).toBe(true);
        const note = ui.locator(".key-needed");
        expect(await note.textContent()).toContain(
          `Generate with AI needs an API key for OpenAI at ${new URL(server!.url).host}.`,
        );
        expect(await note.getByRole("button", { name: "Add a key in Settings" }).count()).toBe(1);
        expect(await sim<string[]>("sim.record.exports.map((e) => e.format)")).not.toContain("JSON_REST_V1");
      },
    );
    expect(server.requests).toHaveLength(0);

    server.push({ kind: "error", status: 401, message: "Incorrect API key provided" });
    server.push({ kind: "error", status: 429, message: "Rate limit reached", headers: { "retry-after": "60" } });
    server.push({ kind: "error", status: 500, message: "The server had an error" });
    server.push(answer([APP, HEADER, HEADER_CSS], "Recovered.", "resp_ok"));
    const storage = { "figment.settings": settings(server.url), "figment.apiKey": KEY };
    await withPluginPage(
      browser,
      { fixture: LOGIN, select: ["101:3"], storage, allowOrigins: [origin(server)] },
      async ({ page, ui }) => {
        const send = async () => {
          await startAi(ui);
          await ui.locator(".ai-confirm").getByRole("button", { name: "Send" }).click();
        };
        // The panel's clock is Playwright's (running at real speed), so the test can move past the retry-after
        // instead of sleeping through it, and a 60 s retry-after holds the countdown however slow the machine is.
        await page.clock.install();
        await send();
        const unauthorized = ui.locator('.ai-error[data-kind="unauthorized"]');
        await unauthorized.waitFor({ timeout: 60_000 });
        expect(await unauthorized.textContent()).toContain("Check the API key in Settings");
        expect(await unauthorized.textContent()).toContain("401");
        await shot(page, "6-unauthorized");

        await send();
        const limited = ui.locator('.ai-error[data-kind="rate-limited"]');
        await limited.waitFor({ timeout: 30_000 });
        const retry = limited.getByRole("button", { name: /Retry in \d+ s/ });
        expect(await retry.isDisabled()).toBe(true);
        await shot(page, "7-rate-limited");
        // retry-after honoured: the button comes back once its 60 s have passed on the panel's clock, then resends (→
        // 500).
        await page.clock.fastForward("01:01");
        await limited.getByRole("button", { name: "Try again" }).waitFor();
        await limited.getByRole("button", { name: "Try again" }).click();
        const server500 = ui.locator('.ai-error[data-kind="server"]');
        await server500.waitFor({ timeout: 30_000 });
        expect(await server500.textContent()).toContain("try again in a minute");
        await server500.getByRole("button", { name: "Try again" }).click();
        await ui.locator(".ai-results .results").waitFor({ timeout: 60_000 });
        expect(await fileNames(ui)).toContain("App.tsx");
        for (const request of server!.requests) expect(request.schemaErrors).toEqual([]);
        expect(server!.requests).toHaveLength(4);
      },
    );
  });
});
