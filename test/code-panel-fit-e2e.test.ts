/**
 * The Code panel at Figma's default plugin size (420×600), from the screenshots of its states (check-ui's fake main
 * thread, real dist/, the Log-In screen of a real file): the preview keeps half the panel under its bars; the
 * problems list opened over a React preview stays above the panel's last row (on 18f401c it ran 40 px over "Refine
 * with AI needs an API key"), and an export's error on the
 * first screen sits under Generate, not between "Design from a prompt…" and "Paste HTML as layers…"; a first screen
 * taller than the panel scrolls (on 18f401c the wheel did nothing: what was below 600 px could not be reached, e.g.
 * "Paste HTML as layers…" under the prompt's cost).
 */
import type { Frame } from "playwright-core";
import { describe, expect, it } from "vitest";
import { LOGIN_SCENARIO, withFakeMain } from "./harness/fake-main-page.js";
import { runBrowser, useBrowser, usePageContext } from "./helpers/browser.js";

/** The top and bottom of the first element matching `selector` (the tests' TypeScript has no DOM types). */
const box = (ui: Frame, selector: string) =>
  ui.evaluate<{ top: number; bottom: number }>(`(() => {
    const r = document.querySelector(${JSON.stringify(selector)}).getBoundingClientRect();
    return { top: r.top, bottom: r.bottom };
  })()`);

/** Generate, then the result's Preview with its "Insert as layers" bar and its score. */
async function showPreview(ui: Frame): Promise<void> {
  await ui.getByRole("button", { name: "Generate", exact: true }).click();
  await ui.locator('.results[data-stage="final"]').waitFor({ timeout: 90_000 });
  await ui.getByRole("tab", { name: "Preview", exact: true }).click();
  await ui.locator(".preview__frame").waitFor({ timeout: 60_000 });
  await ui.locator(".layers__bar").waitFor({ timeout: 30_000 });
  await ui.locator(".score__header").waitFor({ timeout: 30_000 });
}

describe.runIf(runBrowser)("the Code panel at 420×600", { timeout: 120_000 }, () => {
  const pages = usePageContext(useBrowser());

  it("gives the preview half the panel under its bars, and keeps opened problems above the last row", async () => {
    await withFakeMain(pages, LOGIN_SCENARIO, async ({ ui }) => {
      await showPreview(ui);
      // With "Insert as layers", the score, the problems and the key's note all shown, the page itself gets at least
      // half the panel's height (a67cc83: 251 of 600 px, its note on a row of its own under it, the score on two).
      const stage = await box(ui, ".preview__stage");
      expect(stage.bottom - stage.top).toBeGreaterThanOrEqual(300);
      expect(await ui.locator(".preview__note").getAttribute("title")).toContain("React preview");
      await ui.locator(".problems__header").click();
      await ui.locator(".problems__list").waitFor();
      // "Select layer" is an action in the panel's font, not a file:line in the code font (a67cc83: monospace).
      const fonts = await ui.evaluate<string[][]>(`[...document.querySelectorAll(".problem__row")]
        .filter((row) => row.querySelector(".problem__location")?.textContent === "Select layer")
        .map((row) => [".problem__location", ".problem__message"]
          .map((part) => getComputedStyle(row.querySelector(part)).fontFamily))`);
      expect(fonts.length).toBeGreaterThan(0);
      for (const [action, message] of fonts) expect(action).toBe(message);
      const problems = await box(ui, ".problems");
      const lastRow = await box(ui, ".key-needed.refine");
      expect(problems.bottom).toBeLessThanOrEqual(lastRow.top + 0.5);
      expect(lastRow.bottom).toBeLessThanOrEqual(600.5);
    });
  });

  it("with a key, the refine box in place of the key's note, the preview keeps half the panel too", async () => {
    await withFakeMain(pages, { ...LOGIN_SCENARIO, apiKey: "sk-test-fit-0123" }, async ({ ui }) => {
      await showPreview(ui);
      await ui.locator(".refine textarea").waitFor();
      // a67cc83: 239 of 600 px.
      const stage = await box(ui, ".preview__stage");
      expect(stage.bottom - stage.top).toBeGreaterThanOrEqual(300);
    });
  });

  it("shows an export's error under Generate, the other starts below it, all reached by scrolling", async () => {
    const exportError = {
      kind: "input" as const,
      reason: "too-large",
      message: "“Log-In Page” has 12,000 layers; Figment exports up to 5,000. Select a smaller frame.",
    };
    await withFakeMain(pages, { ...LOGIN_SCENARIO, exportError }, async ({ page, ui }) => {
      await ui.getByRole("button", { name: "Generate", exact: true }).click();
      await ui.locator(".notice--warning").waitFor();
      const notice = await box(ui, ".notice--warning");
      const prompt = await box(ui, ".prompt-design__open");
      const paste = await box(ui, ".paste-html");
      expect(notice.bottom).toBeLessThanOrEqual(prompt.top);
      expect(prompt.bottom).toBeLessThanOrEqual(paste.top);

      // Both starts open under the error: taller than the panel, and the wheel reaches the pasted HTML's last row.
      await ui.getByRole("button", { name: "Design from a prompt…" }).click();
      await ui.getByRole("button", { name: "Paste HTML as layers…" }).click();
      const last = ui.locator(".paste-html .layers__bar");
      await last.waitFor();
      expect((await box(ui, ".paste-html .layers__bar")).bottom).toBeGreaterThan(600);
      await page.mouse.move(200, 300);
      await page.mouse.wheel(0, 2000);
      await ui.waitForFunction(
        `document.querySelector(".paste-html .layers__bar").getBoundingClientRect().bottom <= innerHeight`,
      );
    });
  });
});
