/**
 * The plugin end to end in headless Chromium: the real dist/code.js runs against the simulated `figma`
 * global (built from real Figma files) and the real dist/ui.html runs in its iframe. Select a frame →
 * Generate → files, preview, zip; settings across a reload; the key only in clientStorage; the
 * empty-selection and oversized-frame messages; confirmations as toasts over the layout and the Provider menu
 * by keyboard, at Figma's default panel size. Screenshots go to test-artifacts/plugin/ and
 * test-artifacts/ui-controls/.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { unzipSync } from "fflate";
import type { Frame, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { typecheckReactProjects } from "./compile.js";
import { ROOT, waitForFinalCode, withPluginPage } from "./harness/plugin-page.js";
import { controlsUnderToasts } from "./helpers/toast-cover.js";
import { downloadedBytes, runBrowser, useBrowser, usePageContext } from "./helpers/browser.js";
import { OUTLINE_SCRIPT } from "../ui/code/score/outline-agent.js";
import { REACT_PREVIEW_CSP } from "../codegen/preview/react-preview.js";

const ARTIFACTS = join(ROOT, "test-artifacts", "plugin");
/** How long a toast stays, ms: ui/controls/toasts.tsx's TOAST_MS (a .tsx module this project cannot import). */
const TOAST_MS = 2500;
const COMPONENT_ARTIFACTS = join(ROOT, "test-artifacts", "ui-controls");
const LOGIN = "figmasharp-login.file.json";
const SELFIE = "figma-differ-selfie.nodes.json";
if (!runBrowser) console.warn("plugin-e2e: Chromium not found and CI unset; skipping the browser tests");

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/** The panel alone, at its size in Figma (the harness's iframe is opened at PANEL.default, 420×600). */
async function panelShot(page: Page, name: string): Promise<void> {
  mkdirSync(COMPONENT_ARTIFACTS, { recursive: true });
  const box = (await page.locator("#plugin-ui").boundingBox())!;
  await page.screenshot({
    path: join(COMPONENT_ARTIFACTS, `${name}.png`),
    clip: { x: box.x + 1, y: box.y + 1, width: 420, height: 600 },
  });
}

async function generate(ui: Frame): Promise<void> {
  await ui.getByRole("button", { name: "Generate", exact: true }).click();
  // The checked and formatted files (the emitters' draft comes first; test/plugin-perf-e2e.test.ts covers it).
  await waitForFinalCode(ui, 90_000);
}

async function fileNames(ui: Frame): Promise<string[]> {
  return (await ui.locator(".tree__row:not(.tree__row--folder) .tree__name").allTextContents()).map((t) => t.trim());
}

describe.runIf(runBrowser)("the plugin in the browser harness", { timeout: 180_000 }, () => {
  const browser = useBrowser();
  // Plugin pages reused between tests (no init scripts, routes or listeners of their own): one renderer, not one per
  // test.
  const pages = usePageContext(browser);

  it(
    "select a frame → Generate → files, a preview with the " + "frame's texts, and a zip whose React project compiles",
    async () => {
      await withPluginPage(pages, { fixture: LOGIN, select: ["101:3"] }, async ({ page, ui, sim }) => {
        await ui.waitForSelector(".selection__title");
        expect(await ui.locator(".selection__title").textContent()).toContain("Log-In Page");
        await shot(page, "1-selected");
        await generate(ui);
        const names = await fileNames(ui);
        expect(names).toEqual(expect.arrayContaining(["LogInPage.tsx", "LogInPage.module.css", "index.ts"]));
        await shot(page, "2-code");

        // The main thread exported the frame as JSON_REST_V1 and a PNG no larger than 2048 px on its long side.
        const exports =
          await sim<{ nodeId: string; format: string; scale?: number; width?: number; height?: number }[]>(
            "sim.record.exports",
          );
        expect(exports.some((e) => e.nodeId === "101:3" && e.format === "JSON_REST_V1")).toBe(true);
        const png = exports.find(
          (e) => e.nodeId === "101:3" && e.format === "PNG" && e.scale !== undefined && e.scale <= 2,
        );
        expect(png).toBeDefined();
        expect(Math.max(png!.width ?? 0, png!.height ?? 0)).toBeLessThanOrEqual(2048);

        // Preview: the React output as it ships, run by the preview runtime — sandboxed (no same-origin), its CSP
        // allowing no network (no connect-src: fetch, XHR and beacons refused) — with the panel's outline script,
        // rendering the frame's texts.
        await ui.locator(".view-tab", { hasText: "Preview" }).click();
        const frameHandle = await ui.waitForSelector("iframe.preview__frame", { timeout: 60_000 });
        expect(await frameHandle.getAttribute("sandbox")).toBe("allow-scripts");
        const srcdoc = (await frameHandle.getAttribute("srcdoc")) ?? "";
        expect(srcdoc).toContain(`content="${REACT_PREVIEW_CSP}"`);
        expect(srcdoc).not.toContain("connect-src");
        expect(srcdoc).toContain(`<script>${OUTLINE_SCRIPT.text}</script>`);
        expect(srcdoc).toContain("LogInPage.tsx");
        const preview = await frameHandle.contentFrame();
        await preview!.waitForSelector("main");
        const previewText = (await preview!.locator("body").innerText()).replace(/\s+/g, " ");
        for (const text of ["Log In", "Forgot your password?", "YOUR ART MUSEUM"]) expect(previewText).toContain(text);
        // The login's field texts are the placeholders of real inputs.
        expect(await preview!.locator('input[type="email"][placeholder="Email address"]').count()).toBe(1);
        expect(await preview!.locator('input[type="password"][placeholder="Password"]').count()).toBe(1);
        await shot(page, "3-preview");

        // Zip: a runnable React project that compiles.
        await ui.locator(".view-tab", { hasText: "Code" }).click();
        const [download] = await Promise.all([
          page.waitForEvent("download"),
          ui.locator("button", { hasText: "Download .zip" }).click(),
        ]);
        const zip = unzipSync(new Uint8Array(await downloadedBytes(download)));
        const paths = Object.keys(zip).sort();
        expect(paths).toEqual(
          expect.arrayContaining([
            "package.json",
            "index.html",
            "src/main.tsx",
            "src/screens/LogInPage.tsx",
            "src/screens/LogInPage.module.css",
            "tsconfig.json",
          ]),
        );
        const pkg = JSON.parse(new TextDecoder().decode(zip["package.json"])) as {
          dependencies?: Record<string, string>;
          scripts?: Record<string, string>;
        };
        expect(Object.keys(pkg.dependencies ?? {})).toEqual(expect.arrayContaining(["react", "react-dom"]));
        expect(pkg.scripts?.["build"]).toBeDefined();
        const sources = paths
          .filter((p) => /\.(tsx?|d\.ts)$/.test(p) && !p.endsWith("vite.config.ts"))
          .map((p) => ({ path: p, content: new TextDecoder().decode(zip[p]) }));
        const compiled = typecheckReactProjects([sources]);
        expect(compiled.errors[0], compiled.errors[0]?.join("\n")).toEqual([]);
      });
    },
  );

  it("Copy all confirms with a toast over the panel: the results bar does not move, and the toast leaves", async () => {
    // A key, so the Refine box is there (without one, a note says a key is needed): nothing is sent before Send.
    await withPluginPage(
      pages,
      { fixture: LOGIN, select: ["101:3"], storage: { "figment.apiKey": "sk-test-0a1b2c3d4e5f" } },
      async ({ page, ui }) => {
        expect(await ui.evaluate("[innerWidth, innerHeight]")).toEqual([420, 600]);
        await generate(ui);
        const bar = ui.locator(".results__bar");
        const before = [await bar.boundingBox(), await ui.locator(".workspace").boundingBox()];
        // The panel's clock stands still from here: the toast stays while the test looks at it, however slow the
        // machine, and leaves when its own time (TOAST_MS on that clock) has run, which the test moves on.
        await page.clock.install();
        await page.clock.pauseAt(Date.now() + 1000);
        await ui.getByRole("button", { name: "Copy all" }).click();
        const toast = ui.locator(".toast", { hasText: /^Copied \d+ files$/ });
        await toast.waitFor({ state: "visible" });
        // A toast, not a banner: nothing in the layout moved.
        expect(await ui.locator(".banner").count()).toBe(0);
        expect([await bar.boundingBox(), await ui.locator(".workspace").boundingBox()]).toEqual(before);
        expect(await ui.locator(".toasts").getAttribute("aria-live")).toBe("polite");
        const box = (await toast.boundingBox())!;
        expect(box.y + box.height).toBeLessThanOrEqual(600);
        await page.mouse.move(5, 5);
        await panelShot(page, "code-copy-toast");
        await page.clock.runFor(TOAST_MS - 100);
        expect(await toast.count()).toBe(1);
        await page.clock.runFor(100);
        await toast.waitFor({ state: "detached" });
        await page.clock.resume();
        expect(await ui.locator(".toast").count()).toBe(0);
        expect([await bar.boundingBox(), await ui.locator(".workspace").boundingBox()]).toEqual(before);

        // The Refine box grows with its text and sends on Cmd/Ctrl+Enter: the request's estimate comes up to confirm.
        const refine = ui.getByRole("textbox", { name: "Refine with AI" });
        const empty = (await refine.boundingBox())!.height;
        await refine.fill("use semantic sections\nand a sticky header\nand a footer");
        expect((await refine.boundingBox())!.height).toBeGreaterThan(empty);
        await refine.press("Control+Enter");
        await ui.locator(".ai-confirm", { hasText: "use semantic sections" }).waitFor({ timeout: 60_000 });
      },
    );
  });

  it("HTML target: index.html and styles.css, and the zip holds them at its root", async () => {
    await withPluginPage(
      pages,
      { fixture: SELFIE, select: ["33459:3746"], storage: { "figment.settings": { target: "html" } } },
      async ({ page, ui }) => {
        await generate(ui);
        expect(await fileNames(ui)).toEqual(expect.arrayContaining(["index.html", "styles.css"]));
        const [download] = await Promise.all([
          page.waitForEvent("download"),
          ui.locator("button", { hasText: "Download .zip" }).click(),
        ]);
        const zip = unzipSync(new Uint8Array(await downloadedBytes(download)));
        expect(Object.keys(zip)).toEqual(expect.arrayContaining(["index.html", "styles.css"]));
        expect(new TextDecoder().decode(zip["index.html"])).toContain("Place your face in the frame");
        // The download's toast is shown, over no control (it covered "Add a key in Settings").
        await ui.locator(".toast", { hasText: "Downloaded" }).waitFor();
        expect(await controlsUnderToasts(ui)).toEqual([]);
        await shot(page, "4-html-selfie");
      },
    );
  });

  it("HTML target: answered when the formatters its job waits for arrive after the Generate", async () => {
    // The code-format part's source is held at the relay until the panel posts the generate request (released from
    // the panel at once, not by the test: the panel gives the main thread 30 s to send it), so the part reaches the
    // worker after the job. The selfie's HTML leaves a file to the format pass: the job waits for the part, whose
    // arrival must wake it (it hung at "Draft · formatting…" when the part woke only its own bundle's copy of the
    // waiters, ui/engine/code-parts/parts.ts).
    const held = "get-worker-source:code-format";
    await withPluginPage(
      pages,
      { fixture: SELFIE, select: ["33459:3746"], storage: { "figment.settings": { target: "html" } }, hold: [held] },
      async ({ ui, relay }) => {
        await ui.evaluate((key) => {
          const post = Worker.prototype.postMessage;
          Worker.prototype.postMessage = function (
            this: Worker,
            message: unknown,
            options?: StructuredSerializeOptions | Transferable[],
          ) {
            post.call(this, message, options as StructuredSerializeOptions);
            if ((message as { kind?: unknown } | null)?.kind !== "generate") return;
            (parent as unknown as { __figmentRelay: { release(type: string): void } }).__figmentRelay.release(key);
          };
        }, held);
        await ui.getByRole("button", { name: "Generate", exact: true }).click();
        await waitForFinalCode(ui, 90_000);
        expect(await fileNames(ui)).toEqual(expect.arrayContaining(["index.html", "styles.css"]));
        // The part was asked for once (after the job was posted: the hold saw to that).
        expect((await relay.traffic()).filter((m) => m.part === "code-format").length).toBe(1);
      },
    );
  });

  it("settings survive a reload, and the API key is found only in clientStorage", async () => {
    const key = "sk-test-4f7c2a9e1b3d5f6a";
    let storage: Record<string, unknown> = {};
    await withPluginPage(
      pages,
      { fixture: LOGIN, select: ["101:3"], command: "settings" },
      async ({ page, ui, sim }) => {
        await ui.waitForSelector(".panel--settings");
        // The Provider menu, by keyboard: open, move to OpenRouter, Enter.
        const provider = ui.getByRole("combobox", { name: "Provider" });
        expect(await provider.textContent()).toBe("OpenAI");
        await provider.focus();
        await provider.press("ArrowDown");
        expect(await provider.getAttribute("aria-expanded")).toBe("true");
        await panelShot(page, "settings-provider-menu-open");
        await provider.press("ArrowDown");
        await provider.press("Enter");
        expect(await provider.getAttribute("aria-expanded")).toBe("false");
        expect(await provider.textContent()).toBe("OpenRouter");
        // The provider's defaults follow.
        expect(await ui.locator('input[type="url"]').getAttribute("placeholder")).toBe("https://openrouter.ai/api/v1");
        await ui.locator('input[type="password"]').fill(key);
        await ui.locator("button", { hasText: /^\s*Save\s*$/ }).click();
        await ui.waitForSelector(".key-saved");
        await shot(page, "5-settings-saved");
        storage = await sim<Record<string, unknown>>("Object.fromEntries(sim.storage)");
        // Filed under the provider it was saved for, so it only ever goes to openrouter.ai.
        expect(storage["figment.apiKeys"]).toEqual({ openrouter: key });
        expect((storage["figment.settings"] as { provider?: string }).provider).toBe("openrouter");
        // Nowhere else: not in plugin data, notifications, the DOM, or any message but the one that hands it over.
        const record = await sim<{ pluginData: unknown[]; notifications: unknown[] }>("sim.record");
        expect(JSON.stringify(record.pluginData)).not.toContain(key);
        expect(JSON.stringify(record.notifications)).not.toContain(key);
        expect(await ui.content()).not.toContain(key);
        const messages = await sim<{ type: string }[]>("sim.ui.messages");
        expect(messages.filter((m) => m.type !== "init" && JSON.stringify(m).includes(key))).toEqual([]);
      },
    );
    await withPluginPage(
      pages,
      { fixture: LOGIN, select: ["101:3"], command: "settings", storage },
      async ({ ui, sim }) => {
        await ui.waitForSelector(".panel--settings");
        expect(await ui.getByRole("combobox", { name: "Provider" }).textContent()).toBe("OpenRouter");
        expect(await ui.locator(".key-saved").isVisible()).toBe(true);
        expect(await ui.content()).not.toContain(key);
        const init = (await sim<{ type: string; apiKeys?: Record<string, string> }[]>("sim.ui.messages")).find(
          (m) => m.type === "init",
        );
        expect(init?.apiKeys).toEqual({ openrouter: key });
      },
    );
  });

  it("a problem that names a layer selects it on the canvas and zooms to it", async () => {
    await withPluginPage(pages, { fixture: SELFIE, select: ["33459:3746"] }, async ({ page, ui, sim }) => {
      await generate(ui);
      const header = ui.locator(".problems__header");
      if ((await header.getAttribute("aria-expanded")) !== "true") await header.click();
      const row = ui.locator("button.problem__row", { hasText: "Background image" }).first();
      expect(await row.locator(".problem__location").textContent()).toBe("Select layer");
      await row.click();
      await page.waitForFunction(
        () =>
          (globalThis as unknown as { __figmentSim: { record: { zooms: unknown[] } } }).__figmentSim.record.zooms
            .length > 0,
      );
      expect(await sim<{ nodeIds: string[] }[]>("sim.record.zooms")).toEqual([
        { nodeIds: ["33459:3747"], pageId: expect.any(String) },
      ]);
      expect(await sim<string[]>("sim.currentPage().selection.map((n) => n.id)")).toEqual(["33459:3747"]);
      await shot(page, "7-problem-selects-layer");
    });
  });

  it("says what to do with nothing selected", async () => {
    await withPluginPage(pages, { fixture: LOGIN, select: [] }, async ({ page, ui }) => {
      await ui.waitForSelector(".selection--empty");
      expect(await ui.locator(".panel--code").innerText()).toContain("Select a frame");
      expect(await ui.getByRole("button", { name: "Generate", exact: true }).isDisabled()).toBe(true);
      await shot(page, "6-empty-selection");
    });
  });

  it("a failing step in the harness carries what the page logged meanwhile", async () => {
    const failed = await withPluginPage(pages, { fixture: LOGIN, select: [] }, async ({ ui }) => {
      await ui.evaluate(() => console.error("figment-harness: the panel logged this"));
      await ui.locator(".never-there").waitFor({ timeout: 1500 });
    }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failed).toBeInstanceOf(Error);
    const message = (failed as Error).message;
    expect(message).toContain("locator.waitFor");
    expect(message).toContain("The page said");
    expect(message).toContain("error: figment-harness: the panel logged this");
  });

  it("explains an oversized frame and what to do about it", async () => {
    const huge = {
      document: {
        id: "0:0",
        name: "Document",
        type: "DOCUMENT",
        children: [
          {
            id: "0:1",
            name: "Page 1",
            type: "CANVAS",
            children: [
              {
                id: "9:1",
                name: "Endless canvas",
                type: "FRAME",
                absoluteBoundingBox: { x: 0, y: 0, width: 1440, height: 24_000 },
                children: [
                  {
                    id: "9:2",
                    name: "Title",
                    type: "TEXT",
                    characters: "Hello",
                    absoluteBoundingBox: { x: 0, y: 0, width: 200, height: 40 },
                    style: { fontFamily: "Inter", fontSize: 32, fontWeight: 700 },
                  },
                ],
              },
            ],
          },
        ],
      },
      components: {},
      styles: {},
    };
    await withPluginPage(pages, { fixture: huge, select: ["9:1"] }, async ({ page, ui }) => {
      // The selection summary already says so: Generate stays off and the reason says what to do.
      await ui.waitForSelector(".selection-problems", { timeout: 30_000 });
      expect(await ui.getByRole("button", { name: "Generate", exact: true }).isDisabled()).toBe(true);
      const text = await ui.locator(".panel--code").innerText();
      expect(text).toMatch(/Endless canvas/);
      expect(text).toMatch(/24[,.]?000/);
      expect(text).toMatch(/smaller|section/i);
      await shot(page, "7-too-large");
    });
  });
});
