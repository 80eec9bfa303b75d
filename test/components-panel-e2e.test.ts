/**
 * Settings → Components end to end in the browser harness at Figma's default 420×600 (real dist/code.js on the
 * figma simulator, real dist/ui.html): an instance selected on the canvas is mapped to a code component (props
 * pre-filled from its properties, the JSX preview live), the mapping is kept with the document (figma.root shared
 * plugin data) and Generate code imports the component; a reopened plugin finds the mapping; a bad mapping file
 * shows its notes and changes nothing. Screenshots of each state go to test-artifacts/components/.
 */
import { join } from "node:path";
import type { Frame, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { COMPONENTS_DATA } from "../contract/components.js";
import { ROOT, panelScreenshot, withPluginPage } from "./harness/plugin-page.js";
import { runBrowser, useBrowser, usePageContext } from "./helpers/browser.js";

const ARTIFACTS = join(ROOT, "test-artifacts", "components");
const SELFIE = "figma-differ-selfie.nodes.json";
const SELFIE_FRAME = "33459:3746";
/** "Home Indicator": an instance of a component set with two VARIANT properties (Platform, Dark Mode). */
const HOME_INDICATOR = "33459:3759";

const shot = (page: Page, name: string): Promise<void> => panelScreenshot(page, ARTIFACTS, name);
const storedText = (sim: <R>(fn: string) => Promise<R>) => sim<string>(`sim.document.getSharedPluginData(${JSON.stringify(COMPONENTS_DATA.namespace)}, ${JSON.stringify(COMPONENTS_DATA.key)})`);
/** A setup script that puts `text` where the document keeps the mapping, as a file saved earlier would have it. */
const storedSetup = (text: string) => `window.__figmentSim.document.setSharedPluginData(${JSON.stringify(COMPONENTS_DATA.namespace)}, ${JSON.stringify(COMPONENTS_DATA.key)}, ${JSON.stringify(text)});`;
const section = (ui: Frame) => ui.locator("section.components");

async function openComponents(ui: Frame): Promise<void> {
  await section(ui).waitFor();
  await section(ui).scrollIntoViewIfNeeded();
  await ui.locator(".components__size").filter({ hasText: "stored" }).waitFor();
}

describe.runIf(runBrowser)("Settings → Components at 420×600", { timeout: 180_000 }, () => {
  const browser = useBrowser();
  const pages = usePageContext(browser);
  /** What the first test left in the document, for the reopen. */
  let saved = "";

  it("maps the selected instance (props from its properties, live JSX), keeps it with the document, and Generate imports it", async () => {
    await withPluginPage(pages, { fixture: SELFIE, select: [HOME_INDICATOR], command: "settings" }, async ({ page, ui, sim }) => {
      await openComponents(ui);
      await expect.poll(() => section(ui).textContent()).toContain("No components mapped");
      await shot(page, "1-empty");

      await ui.getByRole("button", { name: "Map to code component…" }).click();
      const form = ui.getByRole("group", { name: /Map .* to a code component/ });
      await form.waitFor();
      expect(await ui.getByLabel("Prop for Platform").inputValue()).toBe("platform");
      expect(await ui.getByLabel("Values for Platform").inputValue()).toMatch(/=/);
      await form.getByRole("textbox").first().fill("@acme/ui");
      const jsx = ui.getByLabel("JSX preview");
      await expect.poll(() => jsx.textContent()).toMatch(/^<HomeIndicator platform="[^"]+" darkMode="[^"]+" \/>$/);
      // The preview follows the fields: a prop left out is gone from it.
      await ui.getByLabel("Prop for Dark Mode").fill("");
      await expect.poll(() => jsx.textContent()).toMatch(/^<HomeIndicator platform="[^"]+" \/>$/);
      await form.scrollIntoViewIfNeeded();
      await shot(page, "2-form");

      await form.getByRole("button", { name: "Save mapping" }).click();
      await ui.getByRole("list", { name: "Mapped components" }).waitFor();
      expect(await ui.getByRole("list", { name: "Mapped components" }).textContent()).toContain("HomeIndicator from @acme/ui");
      saved = await storedText(sim);
      expect(JSON.parse(saved)).toMatchObject({ components: [{ import: { module: "@acme/ui", name: "HomeIndicator" }, props: { platform: { kind: "variant", property: "Platform" } } }] });
      await expect.poll(() => ui.locator(".components__size").textContent()).toMatch(/^\d+\.\d kB of 100 kB stored$/);
      await shot(page, "3-mapped");

      // The Code panel's code for the frame imports the component instead of drawing the layer.
      await sim(`sim.select([${JSON.stringify(SELFIE_FRAME)}])`);
      await ui.locator(".nav").getByRole("button", { name: "Code", exact: true }).click();
      await ui.getByRole("button", { name: "Generate", exact: true }).click();
      await ui.locator('.results[data-stage="final"]').waitFor({ timeout: 90_000 });
      await ui.locator(".tree__row", { hasText: "Selfie.tsx" }).first().click();
      await expect.poll(() => ui.locator(".code").textContent(), { timeout: 10_000 }).toContain('import { HomeIndicator } from "@acme/ui"');
      expect(await ui.locator(".code").textContent()).toMatch(/<HomeIndicator platform="[^"]+"/);
      await shot(page, "4-code");
    });
  });

  it("a reopened plugin finds the mapping in the document; a bad mapping file shows its notes and changes nothing", async () => {
    expect(saved, "the first test stored a mapping").not.toBe("");
    await withPluginPage(pages, { fixture: SELFIE, select: [HOME_INDICATOR], command: "settings", setup: storedSetup(saved) }, async ({ page, ui, sim }) => {
      await openComponents(ui);
      const list = ui.getByRole("list", { name: "Mapped components" });
      await list.waitFor();
      expect(await list.textContent()).toContain("HomeIndicator from @acme/ui");

      await ui.getByLabel("Mapping file to import").setInputFiles({ name: "broken.json", mimeType: "application/json", buffer: Buffer.from('{ "components": [ { "figma": {}, "import": { "module": "" } } ] }') });
      const notes = ui.locator(".components__notes");
      await notes.waitFor();
      expect(await notes.textContent()).toContain("broken.json was not imported");
      expect(await notes.locator(".components__note--error").count()).toBeGreaterThan(0);
      expect(await list.textContent()).toContain("HomeIndicator from @acme/ui");
      expect(await storedText(sim)).toBe(saved);
      await notes.scrollIntoViewIfNeeded();
      await shot(page, "5-bad-import");

      await ui.getByLabel("Mapping file to import").setInputFiles({ name: "notjson.json", mimeType: "application/json", buffer: Buffer.from("{ nope") });
      await expect.poll(() => notes.textContent()).toContain("not valid JSON");
      expect(await storedText(sim)).toBe(saved);
    });
  });
});
