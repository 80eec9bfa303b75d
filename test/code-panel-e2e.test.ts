/**
 * The Generate-code panel as a new user meets it, in the browser harness at Figma's default 420×600 (real
 * dist/code.js on the figma simulator, real dist/ui.html): results name their frame and say when the
 * selection has moved on (Regenerate, offline and with the model); the head shrinks once results exist;
 * the grip resizes (remembered on release only) and Expand/Restore switch to the large working size; model
 * controls without a key say so; a too-large frame is explained; no native <select>. Screenshots of every
 * state go to test-artifacts/code-panel/.
 */
import { join } from "node:path";
import type { Frame, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { PANEL } from "../contract/limits.js";
import { ROOT, withPluginPage, panelScreenshot } from "./harness/plugin-page.js";
import { responsesStream, type OpenAiTestServer } from "./openai-server/server.js";
import { useModelE2e } from "./helpers/e2e.js";
import { linesUnderPill } from "./helpers/draft-pill.js";
import { runBrowser, usePageContext } from "./helpers/browser.js";

const ARTIFACTS = join(ROOT, "test-artifacts", "code-panel");
const SELFIE = "figma-differ-selfie.nodes.json";
const SELFIE_FRAME = "33459:3746";
const TOP_FRAME = "33459:3754";
const BOTTOM_FRAME = "33459:3757";
const KEY = "sk-test-5e6f7a8b9c0d";
/** Room for the expanded panel (960×760) around the harness's iframe. */
const VIEWPORT = { width: 1100, height: 900 };

/** The panel alone, at whatever size it has now. */
const shot = (page: Page, name: string): Promise<void> => panelScreenshot(page, ARTIFACTS, name);

async function generate(ui: Frame): Promise<void> {
  await ui.getByRole("button", { name: "Generate", exact: true }).click();
  await ui.locator(".result-source").waitFor({ timeout: 90_000 });
}

// Run in the panel's page (the tests' own TypeScript has no DOM types, so these are source text).
const panelSize = (ui: Frame) => ui.evaluate<number[]>("[innerWidth, innerHeight]");

/** Code lines wholly inside the code view's visible box. */
const visibleCodeLines = (ui: Frame) =>
  ui.evaluate<number>(`(() => {
    const view = document.querySelector(".code").getBoundingClientRect();
    return [...document.querySelectorAll(".code__line")].filter((line) => {
      const r = line.getBoundingClientRect();
      return r.height > 0 && r.top >= view.top - 0.5 && r.bottom <= view.bottom + 0.5;
    }).length;
  })()`);

/**
 * Texts of elements matching `selector` that do not fit their box (cut or ellipsized, by even a fraction of a pixel).
 */
const cutTexts = (ui: Frame, selector: string) =>
  ui.evaluate<string[]>(`(() => {
    const cut = (e) => {
      const range = document.createRange();
      range.selectNodeContents(e);
      const text = range.getBoundingClientRect();
      const box = e.getBoundingClientRect();
      const style = getComputedStyle(e);
      const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
      return e.scrollWidth > e.clientWidth || text.width > box.width - padding + 0.01;
    };
    return [...document.querySelectorAll(${JSON.stringify(selector)})].filter(cut).map((e) => e.textContent);
  })()`);

/** Nothing sticks out of the panel sideways. */
const overflowsSideways = (ui: Frame) => ui.evaluate<boolean>("document.documentElement.scrollWidth > innerWidth");

/** Resolves once the panel is `width` px wide (the main thread resized it). */
const waitForWidth = (ui: Frame, width: number) => ui.waitForFunction(`innerWidth === ${width}`);

describe.runIf(runBrowser)("the Generate-code panel at 420×600", { timeout: 180_000 }, () => {
  const { browser, startServer } = useModelE2e();
  // Plugin pages reused between tests (no init scripts, routes or listeners of their own): one renderer, not one per
  // test.
  const pages = usePageContext(browser);
  let server: OpenAiTestServer | undefined;

  it(
    "results carry their frame; another selection marks " + "them as earlier, and Regenerate makes them for it",
    async () => {
      await withPluginPage(
        pages,
        { fixture: SELFIE, select: [SELFIE_FRAME], viewport: VIEWPORT },
        async ({ page, ui, sim }) => {
          expect(await panelSize(ui)).toEqual([420, 600]);
          await generate(ui);
          const source = ui.locator(".result-source");
          expect(await source.locator(".result-source__name").textContent()).toBe("Selfie");
          expect(await source.locator(".result-source__thumb img").count()).toBe(1);
          expect(await source.getAttribute("class")).not.toContain("is-stale");
          expect(await ui.getByRole("button", { name: "Download .zip" }).getAttribute("title")).toContain(
            "selfie-react.zip",
          );
          expect(await linesUnderPill(ui)).toEqual([]);
          await shot(page, "1-offline-results");

          // Another frame is selected: the card shows it, the results still name Selfie and say they are earlier.
          await sim(`sim.select([${JSON.stringify(TOP_FRAME)}])`);
          await ui.locator(".result-source.is-stale").waitFor();
          expect(await ui.locator(".selection__title").textContent()).toBe("Top");
          expect(await source.locator(".result-source__name").textContent()).toBe("Selfie");
          expect(await source.textContent()).toContain("From an earlier selection");
          expect(await source.locator(".result-source__meta").textContent()).toMatch(/^\d+ files/);
          expect(await cutTexts(ui, ".result-source__name, .result-source__stale")).toEqual([]);
          expect(await linesUnderPill(ui)).toEqual([]);
          await shot(page, "2-offline-stale");

          // Back to Selfie: current again. Nothing selected: earlier, and nothing to regenerate for.
          await sim(`sim.select([${JSON.stringify(SELFIE_FRAME)}])`);
          await ui.locator(".result-source:not(.is-stale)").waitFor();
          await sim("sim.select([])");
          await ui.locator(".result-source.is-stale").waitFor();
          expect(await source.getByRole("button", { name: "Regenerate" }).isDisabled()).toBe(true);
          expect(await cutTexts(ui, ".result-source__name, .result-source__stale")).toEqual([]);
          await shot(page, "2b-offline-stale-nothing-selected");

          // Regenerate runs the offline generator on what is selected now.
          await sim(`sim.select([${JSON.stringify(TOP_FRAME)}])`);
          await source.getByRole("button", { name: "Regenerate" }).click();
          await ui
            .locator(".result-source:not(.is-stale) .result-source__name", { hasText: "Top" })
            .waitFor({ timeout: 60_000 });
          expect(await ui.getByRole("button", { name: "Download .zip" }).getAttribute("title")).toContain(
            "top-react.zip",
          );
          const exported = await sim<{ nodeId: string; format: string }[]>("sim.record.exports");
          expect(exported.filter((e) => e.format === "JSON_REST_V1").map((e) => e.nodeId)).toEqual([
            SELFIE_FRAME,
            TOP_FRAME,
          ]);
          await shot(page, "3-offline-regenerated");
        },
      );
    },
  );

  it("a model session is marked too, and Regenerate asks the model again with the same instructions", async () => {
    server = await startServer();
    const answer = (file: string, id: string) =>
      responsesStream(
        [
          JSON.stringify({
            notes: `The ${file} screen.`,
            files: [
              {
                path: `src/${file}.tsx`,
                content: `export default function ${file}() {\n  return <main>${file}</main>;\n}\n`,
              },
            ],
          }),
        ],
        { id },
      );
    server.push(answer("Selfie", "resp_selfie"), answer("Top", "resp_top"));
    const settings = { provider: "openai", baseUrl: server.url.replace(/\/+$/, ""), model: "gpt-5.4-image-2" };
    const storage = { "figment.settings": settings, "figment.apiKey": KEY };
    await withPluginPage(
      pages,
      {
        fixture: SELFIE,
        select: [SELFIE_FRAME],
        storage,
        viewport: VIEWPORT,
        allowOrigins: [new URL(server.url).origin],
      },
      async ({ page, ui, sim }) => {
        await ui.getByRole("textbox", { name: "Instructions for the model" }).fill("Use semantic HTML.");
        await ui.getByRole("button", { name: "Generate with AI" }).click();
        await ui.locator(".ai-confirm").getByRole("button", { name: "Send" }).click();
        await ui.locator(".ai-results .result-source").waitFor({ timeout: 60_000 });
        expect(await ui.locator(".result-source__name").textContent()).toBe("Selfie");
        // One prompt box at a time: after the first result, only Refine.
        expect(await ui.getByRole("textbox").count()).toBe(1);
        expect(await ui.getByRole("textbox", { name: "Refine" }).count()).toBe(1);

        await sim(`sim.select([${JSON.stringify(TOP_FRAME)}])`);
        await ui.locator(".ai-results .result-source.is-stale").waitFor();
        expect(await ui.locator(".result-source__name").textContent()).toBe("Selfie");
        expect(await cutTexts(ui, ".result-source__name, .result-source__stale")).toEqual([]);
        await shot(page, "4-model-stale");

        await ui.locator(".result-source").getByRole("button", { name: "Regenerate" }).click();
        const confirm = ui.locator(".ai-confirm");
        await confirm.waitFor({ timeout: 60_000 });
        expect(await confirm.textContent()).toContain("Send “Top”");
        expect(await confirm.textContent()).toContain("With your instructions: “Use semantic HTML.”");
        await shot(page, "5-model-regenerate-confirm");
        await confirm.getByRole("button", { name: "Send" }).click();
        await ui
          .locator(".ai-results .result-source:not(.is-stale) .result-source__name", { hasText: "Top" })
          .waitFor({ timeout: 60_000 });
        expect(JSON.stringify(server!.requests[1]!.body)).toContain("Use semantic HTML.");
        expect(server!.requests).toHaveLength(2);
      },
    );
  });

  it("the head shrinks once results exist, and the results use the room: counts shown, file names whole", async () => {
    await withPluginPage(
      pages,
      { fixture: SELFIE, select: [SELFIE_FRAME], viewport: VIEWPORT },
      async ({ page, ui }) => {
        const target = ui.getByRole("radiogroup", { name: "Target" });
        expect(await target.isVisible()).toBe(true);
        await shot(page, "6-before-results");
        await generate(ui);
        // Options behind a toggle; the results get the height.
        expect(await target.count()).toBe(0);
        const meta = ui.locator(".result-source__meta");
        expect(await meta.isVisible()).toBe(true);
        expect(await meta.textContent()).toMatch(/^\d+ files · React · CSS modules · /);
        expect(await cutTexts(ui, ".result-source__meta")).toEqual([]);
        expect(await cutTexts(ui, ".tree__name")).toEqual([]);
        const names = await ui.locator(".tree__row:not(.tree__row--folder) .tree__name").allTextContents();
        expect(names).toEqual(expect.arrayContaining(["HomeIndicator.module.css", "background-image.svg"]));
        // Before the compact head 15 lines showed at 420×600; the fidelity score's line (issue 25) takes two of the 20.
        const lines = await visibleCodeLines(ui);
        expect(lines).toBeGreaterThanOrEqual(18);
        expect(await overflowsSideways(ui)).toBe(false);
        await shot(page, "7-results-compact");

        const toggle = ui.getByRole("button", { name: "Options" });
        expect(await toggle.getAttribute("aria-expanded")).toBe("false");
        await toggle.click();
        expect(await toggle.getAttribute("aria-expanded")).toBe("true");
        expect(await target.isVisible()).toBe(true);
        expect(await linesUnderPill(ui)).toEqual([]);
        await shot(page, "8-results-options-open");
        await toggle.click();
        expect(await target.count()).toBe(0);

        // The preview gets the room too (it was at 24% of the 375 × 812 frame before).
        await ui.locator(".view-tab", { hasText: "Preview" }).click();
        await ui.waitForSelector("iframe.preview__frame", { timeout: 60_000 });
        const zoom = Number((await ui.locator(".preview__caption").textContent())?.match(/(\d+)%/)?.[1]);
        expect(zoom).toBeGreaterThanOrEqual(32);
        await shot(page, "9-results-preview");
      },
    );
  });

  it("the grip resizes the panel and remembers the size on release only; Expand and Restore", async () => {
    let storage: Record<string, unknown> = {};
    await withPluginPage(
      pages,
      { fixture: SELFIE, select: [SELFIE_FRAME], viewport: VIEWPORT },
      async ({ page, ui, sim }) => {
        await generate(ui);
        const grip = (await ui.locator(".resize-handle").boundingBox())!;
        await page.mouse.move(grip.x + grip.width / 2, grip.y + grip.height / 2);
        await page.mouse.down();
        await page.mouse.move(grip.x + 60, grip.y + 40, { steps: 4 });
        await page.mouse.move(grip.x + 107, grip.y + 67, { steps: 4 });
        await ui.waitForFunction("innerWidth > 500");
        // While dragging, nothing is stored.
        expect(await sim<unknown>('sim.storage.get("figment.panelSize")')).toBeUndefined();
        await page.mouse.up();
        await page.waitForFunction(() =>
          (globalThis as unknown as { __figmentSim: { storage: Map<string, unknown> } }).__figmentSim.storage.has(
            "figment.panelSize",
          ),
        );
        const remembered = await sim<{ width: number; height: number }>('sim.storage.get("figment.panelSize")');
        expect(remembered).toEqual({ width: 520, height: 660 });
        expect(await panelSize(ui)).toEqual([520, 660]);
        await shot(page, "10-resized-520x660");

        // Expand: the large working size, not remembered; Restore: back to the size before.
        await ui.getByRole("button", { name: "Expand panel" }).click();
        await waitForWidth(ui, PANEL.expanded.width);
        expect(await panelSize(ui)).toEqual([PANEL.expanded.width, PANEL.expanded.height]);
        expect(await sim<unknown>('sim.storage.get("figment.panelSize")')).toEqual({ width: 520, height: 660 });
        expect(await cutTexts(ui, ".tree__name")).toEqual([]);
        expect(await visibleCodeLines(ui)).toBeGreaterThanOrEqual(28);
        await shot(page, "11-expanded");
        await ui.getByRole("button", { name: "Restore panel size" }).click();
        await waitForWidth(ui, 520);
        expect(await panelSize(ui)).toEqual([520, 660]);
        storage = await sim<Record<string, unknown>>("Object.fromEntries(sim.storage)");
      },
    );
    // The next open starts at the remembered size.
    await withPluginPage(
      pages,
      { fixture: SELFIE, select: [SELFIE_FRAME], viewport: VIEWPORT, storage },
      async ({ ui, sim }) => {
        expect(
          await sim<{ options: { width?: number; height?: number } }[]>(
            "sim.record.showUI.map((s) => ({ options: { width: s.options.width, height: s.options.height } }))",
          ),
        ).toEqual([{ options: { width: 520, height: 660 } }]);
        expect(await panelSize(ui)).toEqual([520, 660]);
      },
    );
  });

  it("without a key the model controls say so and link to Settings; with one, one prompt box per context", async () => {
    await withPluginPage(
      pages,
      { fixture: SELFIE, select: [SELFIE_FRAME], viewport: VIEWPORT },
      async ({ page, ui }) => {
        expect(await ui.getByRole("textbox").count()).toBe(0);
        expect(await ui.getByRole("checkbox", { name: /offline draft/ }).count()).toBe(0);
        expect(await ui.getByRole("button", { name: "Generate with AI" }).isDisabled()).toBe(true);
        const note = ui.locator(".key-needed");
        expect(await note.textContent()).toBe("Generate with AI needs an API key for OpenAI. Add a key in Settings");
        await shot(page, "12-no-key");
        // The prompt box opened: one note, in the box in place of Design (a67cc83 showed the head's note too).
        await ui.getByRole("button", { name: "Design from a prompt…" }).click();
        const box = ui.locator(".prompt-design");
        await box.waitFor();
        expect(await note.allTextContents()).toEqual([
          "Design from a prompt needs an API key for OpenAI. Add a key in Settings",
        ]);
        expect(await box.locator(".key-needed").count()).toBe(1);
        expect(await box.getByRole("button", { name: "Design…" }).count()).toBe(0);
        await box.getByRole("button", { name: "Close" }).click();
        await generate(ui);
        expect(await ui.getByRole("textbox").count()).toBe(0);
        expect(await note.textContent()).toBe("Refine with AI needs an API key for OpenAI. Add a key in Settings");
        await shot(page, "13-no-key-results");
        await note.getByRole("button", { name: "Add a key in Settings" }).click();
        await ui.locator(".panel--settings").waitFor();
      },
    );
    await withPluginPage(
      pages,
      { fixture: SELFIE, select: [SELFIE_FRAME], viewport: VIEWPORT, storage: { "figment.apiKey": KEY } },
      async ({ ui }) => {
        expect(await ui.locator(".key-needed").count()).toBe(0);
        expect(await ui.getByRole("textbox").count()).toBe(1);
        expect(await ui.getByRole("textbox", { name: "Instructions for the model" }).count()).toBe(1);
        expect(await ui.getByRole("checkbox", { name: /offline draft/ }).count()).toBe(1);
        await generate(ui);
        expect(await ui.getByRole("textbox").count()).toBe(1);
        expect(await ui.getByRole("textbox", { name: "Refine with AI" }).count()).toBe(1);
      },
    );
  });

  it("a too-large frame: says what is too large and what to do, in a layout that fits", async () => {
    const frame = (id: string, name: string, width: number, height: number) => ({
      id,
      name,
      type: "FRAME",
      absoluteBoundingBox: { x: 0, y: 0, width, height },
      children: [
        {
          id: `${id}0`,
          name: "Title",
          type: "TEXT",
          characters: "Hello",
          absoluteBoundingBox: { x: 0, y: 0, width: 200, height: 40 },
          style: { fontFamily: "Inter", fontSize: 32, fontWeight: 700 },
        },
      ],
    });
    const file = {
      document: {
        id: "0:0",
        name: "Document",
        type: "DOCUMENT",
        children: [
          {
            id: "0:1",
            name: "Page 1",
            type: "CANVAS",
            children: [frame("9:1", "Endless canvas", 1440, 24_000), frame("9:2", "Card", 320, 200)],
          },
        ],
      },
      components: {},
      styles: {},
    };
    await withPluginPage(pages, { fixture: file, select: ["9:1"], viewport: VIEWPORT }, async ({ page, ui, sim }) => {
      const notice = ui.locator(".selection-problems");
      await notice.waitFor();
      const text = (await ui.locator(".panel--code").innerText()).replace(/\s+/g, " ");
      expect(text).not.toContain("Select a frame, component or group to generate code");
      expect(await ui.locator(".selection__title").textContent()).toBe("Endless canvas");
      expect(await notice.locator(".notice__title").textContent()).toBe("“Endless canvas” is too large to export");
      expect(text).toContain("It is 24,000 px tall; Figment exports frames up to 10,000 px on a side.");
      expect(text).toContain("Select a smaller frame, or one of the frames inside it.");
      expect(await ui.getByRole("button", { name: "Generate", exact: true }).isDisabled()).toBe(true);
      const box = (await notice.boundingBox())!;
      const panel = (await page.locator("#plugin-ui").boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(panel.x + panel.width);
      expect(await overflowsSideways(ui)).toBe(false);
      expect(await cutTexts(ui, ".selection-problems p")).toEqual([]);
      await shot(page, "14-too-large");

      // With a frame that is fine: deselect the large one to generate the other.
      await sim('sim.select(["9:1", "9:2"])');
      await ui
        .locator(".selection-problems", { hasText: "Deselect it to generate code for the other layer." })
        .waitFor();
      expect(await ui.getByRole("button", { name: "Generate", exact: true }).isDisabled()).toBe(true);
      await shot(page, "15-too-large-and-fine");
      await sim('sim.select(["9:2"])');
      await ui.locator(".selection-problems").waitFor({ state: "detached" });
      expect(await ui.getByRole("button", { name: "Generate", exact: true }).isDisabled()).toBe(false);
    });
  });

  it("pages of the preview are picked in a Figma-like menu; no native <select> anywhere in the panel", async () => {
    const storage = { "figment.settings": { target: "html" } };
    await withPluginPage(
      pages,
      { fixture: SELFIE, select: [TOP_FRAME, BOTTOM_FRAME], viewport: VIEWPORT, storage },
      async ({ page, ui }) => {
        await generate(ui);
        await ui.locator(".view-tab", { hasText: "Preview" }).click();
        const pages = ui.getByRole("combobox", { name: "Page to preview" });
        await pages.waitFor({ timeout: 30_000 });
        expect(await ui.locator(".preview__title").textContent()).toBe("Top");
        await pages.click();
        expect(await pages.getAttribute("aria-expanded")).toBe("true");
        expect(await ui.getByRole("option").allTextContents()).toEqual(["Top", "Bottom"]);
        await shot(page, "16-preview-pages-menu");
        await ui.getByRole("option", { name: "Bottom" }).click();
        expect(await pages.textContent()).toBe("Bottom");
        expect(await ui.locator(".preview__title").textContent()).toBe("Bottom");
        expect(await ui.locator("select").count()).toBe(0);
        await ui.locator(".nav__item", { hasText: "Settings" }).click();
        await ui.locator(".panel--settings").waitFor();
        expect(await ui.locator("select").count()).toBe(0);
      },
    );
  });
});
