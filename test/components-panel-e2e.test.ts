/**
 * Settings → Components end to end in the browser harness at Figma's default 420×600 (real dist/code.js on the
 * figma simulator, real dist/ui.html): an instance selected on the canvas is mapped to a code component (props
 * pre-filled from its properties, each variant's value map from every option its main component's set defines,
 * the JSX preview live), the mapping is kept with the document (figma.root shared plugin data) at once, saying
 * "Saved", and Generate code imports the component. A reopened plugin finds the mapping; editing it with no
 * instance selected previews the JSX from the mapping; a collaborator's save appears when the section is shown
 * again or the panel regains focus; pasted Code Connect text adds its mappings (one with a syntax error changes
 * nothing); Export JSON downloads a file the schema accepts and Import reads back; a bad mapping file and a
 * missing main component say so and lose nothing. Screenshots of each state go to test-artifacts/components/.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Frame, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import Ajv07Module from "ajv";
import { COMPONENTS_DATA } from "../contract/components.js";
import { ROOT, panelScreenshot, withPluginPage } from "./harness/plugin-page.js";
import { downloadedBytes, runBrowser, useBrowser, usePageContext } from "./helpers/browser.js";

const ARTIFACTS = join(ROOT, "test-artifacts", "components");
const SELFIE = "figma-differ-selfie.nodes.json";
const SELFIE_FRAME = "33459:3746";
/** "Home Indicator": an instance of a component set with two VARIANT properties (Platform, Dark Mode). */
const HOME_INDICATOR = "33459:3759";

const shot = (page: Page, name: string): Promise<void> => panelScreenshot(page, ARTIFACTS, name);
const storedText = (sim: <R>(fn: string) => Promise<R>) =>
  sim<string>(
    `sim.document.getSharedPluginData(${JSON.stringify(COMPONENTS_DATA.namespace)}` +
      `, ${JSON.stringify(COMPONENTS_DATA.key)})`,
  );
/** A setup script that puts `text` where the document keeps the mapping, as a file saved earlier would have it. */
const storedSetup = (text: string) =>
  `window.__figmentSim.document.setSharedPluginData(${JSON.stringify(COMPONENTS_DATA.namespace)}` +
  `, ${JSON.stringify(COMPONENTS_DATA.key)}, ${JSON.stringify(text)});`;
const section = (ui: Frame) => ui.locator("section.components");
/**
 * What the Home Indicator's library set defines beyond the one variant the file uses (the REST reply lists only
 * that one): the simulator's main component gets it (test/figma-sim/components.ts).
 */
const librarySetup = `window.__figmentSim.defineComponentProperties("33459:960", ${JSON.stringify({
  Platform: { type: "VARIANT", defaultValue: "iOS", variantOptions: ["iOS", "Android", "Web App"] },
  "Dark Mode": { type: "VARIANT", defaultValue: "No", variantOptions: ["No", "Yes"] },
})});`;
/** A Code Connect file for Selfie's list item (its component set 34409:71372), as a team's repository has it. */
const LIST_ITEM_CODE_CONNECT = `import figma from "@figma/code-connect";
import { ListItem } from "@acme/ui";
import { Icon } from "@acme/icons";

figma.connect(ListItem, "https://www.figma.com/design/KEY/Selfie?node-id=34409-71372", {
  props: { kind: figma.enum("Type", { Primary: "primary", Starred: <Icon name="star" />, Hidden: undefined }) },
  example: ({ kind }) => <ListItem kind={kind} />,
});
`;
// ajv is CJS; under ESM the default import may be the module namespace.
const Ajv07 = ((Ajv07Module as unknown as { default?: typeof Ajv07Module }).default ??
  Ajv07Module) as typeof Ajv07Module;
const validMappingFile = new Ajv07({ allErrors: true, allowUnionTypes: true }).compile(
  JSON.parse(readFileSync(join(ROOT, "codegen/components-map/components.schema.json"), "utf8")) as object,
);
const listText = (ui: Frame) => ui.getByRole("list", { name: "Mapped components" }).textContent();
/** The panel's window regains focus (Figma gives it back when the designer returns to the plugin). */
const refocus = (ui: Frame) => ui.evaluate(() => window.dispatchEvent(new Event("focus")));

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

  it(
    "maps the selected instance (props from its properties, live " +
      "JSX), keeps it with the document, and Generate imports it",
    async () => {
      await withPluginPage(
        pages,
        { fixture: SELFIE, select: [HOME_INDICATOR], command: "settings", setup: librarySetup },
        async ({ page, ui, sim }) => {
          await openComponents(ui);
          await expect.poll(() => section(ui).textContent()).toContain("No components mapped");
          expect(await section(ui).textContent()).toContain("Saved to this file as you change them");
          await shot(page, "1-empty");

          await ui.getByRole("button", { name: "Map to code component…" }).click();
          const form = ui.getByRole("group", { name: /Map .* to a code component/ });
          await form.waitFor();
          expect(await ui.getByLabel("Prop for Platform").inputValue()).toBe("platform");
          // Every option of the set, not only the instance's own (iOS): read from the main component on the main
          // thread.
          await expect
            .poll(() => ui.getByLabel("Values for Platform").inputValue())
            .toBe("iOS=ios, Android=android, Web App=web-app");
          expect(await ui.getByLabel("Values for Dark Mode").inputValue()).toBe("No=no, Yes=yes");
          await form.getByRole("textbox").first().fill("@acme/ui");
          const jsx = ui.getByLabel("JSX preview");
          await expect.poll(() => jsx.textContent()).toBe('<HomeIndicator platform="ios" darkMode="no" />');
          // A value map that leaves an option out says which.
          await ui.getByLabel("Values for Platform").fill("iOS=ios, Android=android");
          await expect.poll(() => form.textContent()).toContain("Not mapped (prop left out): Web App");
          // The preview follows the fields: a prop left out is gone from it.
          await ui.getByLabel("Prop for Dark Mode").fill("");
          await expect.poll(() => jsx.textContent()).toMatch(/^<HomeIndicator platform="[^"]+" \/>$/);
          // The note names the layer and what changed as Figma does; the layer's id is only a detail to copy.
          const note = form.locator(".components__note").first();
          await expect
            .poll(() => note.textContent())
            .toContain('"Home Indicator" changes the fill style of its layer "Home Indicator"');
          expect(await note.textContent()).not.toMatch(/inherit|StyleId|overrides/);
          expect(await note.locator(".components__note-id code").textContent()).toMatch(/^I33459:3759;/);
          await form.scrollIntoViewIfNeeded();
          await shot(page, "2-form");

          await form.getByRole("button", { name: "Save mapping" }).click();
          await ui.getByRole("list", { name: "Mapped components" }).waitFor();
          expect(await ui.getByRole("list", { name: "Mapped components" }).textContent()).toContain(
            "HomeIndicator from @acme/ui",
          );
          saved = await storedText(sim);
          expect(JSON.parse(saved)).toMatchObject({
            components: [
              {
                import: { module: "@acme/ui", name: "HomeIndicator" },
                props: {
                  platform: { kind: "variant", property: "Platform", values: { iOS: "ios", Android: "android" } },
                },
              },
            ],
          });
          await expect
            .poll(() => ui.locator(".components__size").textContent())
            .toMatch(/^\d+\.\d kB of 100 kB stored$/);
          // Saved at once, and it says so (the footer's Save is for the other settings).
          expect(await ui.locator(".components__status").textContent()).toBe("Saved");
          await shot(page, "3-mapped");

          // The Code panel's code for the frame imports the component instead of drawing the layer.
          await sim(`sim.select([${JSON.stringify(SELFIE_FRAME)}])`);
          await ui.locator(".nav").getByRole("button", { name: "Code", exact: true }).click();
          await ui.getByRole("button", { name: "Generate", exact: true }).click();
          await ui.locator('.results[data-stage="final"]').waitFor({ timeout: 90_000 });
          await ui.locator(".tree__row", { hasText: "Selfie.tsx" }).first().click();
          await expect
            .poll(() => ui.locator(".code").textContent(), { timeout: 10_000 })
            .toContain('import { HomeIndicator } from "@acme/ui"');
          expect(await ui.locator(".code").textContent()).toMatch(/<HomeIndicator platform="[^"]+"/);
          await shot(page, "4-code");
        },
      );
    },
  );

  it(
    "a reopened plugin finds the mapping; edit previews from the mapping; a collaborator's " +
      "save appears; Code Connect paste, Export and Import; bad input changes nothing",
    async () => {
      expect(saved, "the first test stored a mapping").not.toBe("");
      await withPluginPage(
        pages,
        { fixture: SELFIE, select: [HOME_INDICATOR], command: "settings", setup: storedSetup(saved) },
        async ({ page, ui, sim }) => {
          await openComponents(ui);
          const list = ui.getByRole("list", { name: "Mapped components" });
          await list.waitFor();
          expect(await list.textContent()).toContain("HomeIndicator from @acme/ui");
          const setStored = (text: string) =>
            sim(
              `sim.document.setSharedPluginData(${JSON.stringify(COMPONENTS_DATA.namespace)}` +
                `, ${JSON.stringify(COMPONENTS_DATA.key)}, ${JSON.stringify(text)})`,
            );

          // Editing with no instance of the component selected: the JSX comes from the mapping, and says so.
          await sim(`sim.select([${JSON.stringify(SELFIE_FRAME)}])`);
          await expect.poll(() => section(ui).textContent()).toContain("is not an instance");
          await ui.getByRole("button", { name: "Edit HomeIndicator" }).click();
          const form = ui.getByRole("group", { name: /Map .* to a code component/ });
          await form.waitFor();
          expect(await form.locator(".components__preview-label").textContent()).toBe(
            "Preview from the mapping (no instance of this component is selected)",
          );
          const jsx = ui.getByLabel("JSX preview");
          await expect.poll(() => jsx.textContent()).toBe('<HomeIndicator platform="ios" />');
          await ui.getByLabel("Prop for Platform").fill("os");
          await expect.poll(() => jsx.textContent()).toBe('<HomeIndicator os="ios" />');
          await form.scrollIntoViewIfNeeded();
          await shot(page, "6-edit-preview");
          await form.getByRole("button", { name: "Cancel" }).click();

          // A collaborator saves a mapping: it appears when the panel regains focus, and when the section is shown
          // again.
          const theirs = JSON.stringify({
            components: [
              ...(JSON.parse(saved) as { components: unknown[] }).components,
              { figma: { nodeId: "33367:6239" }, import: { module: "@acme/ui", name: "Title" }, props: {} },
            ],
          });
          await setStored(theirs);
          await refocus(ui);
          await expect.poll(() => listText(ui)).toContain("Title from @acme/ui");
          await list.scrollIntoViewIfNeeded();
          await shot(page, "7-collaborator");
          await ui.locator(".nav").getByRole("button", { name: "Code", exact: true }).click();
          await setStored(saved);
          await ui.locator(".nav").getByRole("button", { name: "Settings", exact: true }).click();
          await openComponents(ui);
          await expect.poll(() => listText(ui)).not.toContain("Title from @acme/ui");
          expect(await listText(ui)).toContain("HomeIndicator from @acme/ui");

          // Pasted Code Connect text: one with a syntax error is a note naming its line, the text stays to fix, nothing
          // is stored.
          await ui.getByRole("button", { name: "Paste Code Connect…" }).click();
          const paste = ui.getByLabel("Code Connect file");
          const broken = LIST_ITEM_CODE_CONNECT.replace("undefined })", "undefined )");
          await paste.fill(broken);
          await ui.getByRole("button", { name: "Read Code Connect" }).click();
          const notes = ui.locator(".components__notes");
          // The first paste loads the project pass (TypeScript) into the engine: slow on a busy machine.
          await expect
            .poll(() => notes.textContent(), { timeout: 120_000 })
            .toContain("pasted.figma.tsx:6: syntax error");
          expect(await notes.textContent()).toContain("the file's mapping is unchanged");
          expect(await paste.inputValue()).toBe(broken);
          expect(await storedText(sim)).toBe(saved);
          expect(await listText(ui)).toContain("HomeIndicator from @acme/ui");
          await notes.scrollIntoViewIfNeeded();
          await shot(page, "8-code-connect-error");
          // The text fixed: its mapping joins the list and the document, saved at once.
          await paste.fill(LIST_ITEM_CODE_CONNECT);
          await ui.getByRole("button", { name: "Read Code Connect" }).click();
          await expect.poll(() => listText(ui), { timeout: 60_000 }).toContain("ListItem from @acme/ui");
          expect(await listText(ui)).toContain("HomeIndicator from @acme/ui");
          await expect.poll(() => ui.locator(".components__status").textContent()).toBe("Saved");
          expect(JSON.parse(await storedText(sim))).toMatchObject({
            components: [
              { import: { name: "HomeIndicator" } },
              {
                figma: { nodeId: "34409:71372" },
                import: { module: "@acme/ui", name: "ListItem" },
                props: { kind: { kind: "variant", property: "Type", values: { Primary: "primary" } } },
              },
            ],
          });
          await list.scrollIntoViewIfNeeded();
          await shot(page, "9-code-connect");

          // Edited in the form, the mapping keeps what Code Connect wrote that the form has no field for (JSX,
          // omissions).
          await ui.getByRole("button", { name: "Edit ListItem" }).click();
          await form.waitFor();
          expect(await form.locator(".components__kept").textContent()).toBe(
            "Kept from the mapping: JSX for Starred; left out on purpose: Hidden",
          );
          await form.scrollIntoViewIfNeeded();
          await shot(page, "9b-edit-kept");
          await ui.getByLabel("Prop for Type").fill("variant");
          await form.getByRole("button", { name: "Save mapping" }).click();
          // Stored once the prop has its new name ("variant" is in the stored text before the save too: a kind's
          // value).
          const storedListItem = async () =>
            (JSON.parse(await storedText(sim)) as { components: { props: Record<string, unknown> }[] }).components[1]!;
          await expect.poll(async () => Object.keys((await storedListItem()).props)).toEqual(["variant"]);
          const listItem = await storedListItem();
          expect(listItem.props).toEqual({
            variant: {
              kind: "variant",
              property: "Type",
              values: { Primary: "primary" },
              jsx: { Starred: { code: '<Icon name="star" />', imports: [{ module: "@acme/icons", name: "Icon" }] } },
              omit: ["Hidden"],
            },
          });

          // Export JSON: a file the schema accepts, which Import reads back into a document whose mapping was cleared.
          const [download] = await Promise.all([
            page.waitForEvent("download"),
            ui.getByRole("button", { name: "Export JSON" }).click(),
          ]);
          expect(download.suggestedFilename()).toBe("components.json");
          const exported = (await downloadedBytes(download)).toString("utf8");
          const file = JSON.parse(exported) as { components: { import: { name: string } }[] };
          expect(validMappingFile(file), JSON.stringify(validMappingFile.errors)).toBe(true);
          expect(file.components.map((m) => m.import.name)).toEqual(["HomeIndicator", "ListItem"]);
          // The file says what the mapping is, not where this document's copy came from.
          expect(exported).not.toContain('"source"');
          await setStored("");
          await ui.evaluate(() => document.dispatchEvent(new Event("visibilitychange")));
          await expect.poll(() => section(ui).textContent()).toContain("No components mapped");
          await ui
            .getByLabel("Mapping file to import")
            .setInputFiles({ name: "components.json", mimeType: "application/json", buffer: Buffer.from(exported) });
          await expect.poll(() => listText(ui)).toContain("ListItem from @acme/ui");
          expect(JSON.parse(await storedText(sim))).toEqual(file);
          const stored = await storedText(sim);

          // A missing main component: the form says so and still opens with the instance's own values.
          await sim(`sim.loseMainComponent("33459:967")`);
          await sim(`sim.select([${JSON.stringify(HOME_INDICATOR)}])`);
          await ui.getByRole("button", { name: "Map to code component…" }).click();
          await form.waitFor();
          await expect.poll(() => form.textContent()).toContain("The main component of “Home Indicator” is missing");
          expect(await ui.getByLabel("Values for Platform").inputValue()).toBe("iOS=ios");
          await form.scrollIntoViewIfNeeded();
          await shot(page, "10-missing-main");
          await form.getByRole("button", { name: "Cancel" }).click();

          await ui.getByLabel("Mapping file to import").setInputFiles({
            name: "broken.json",
            mimeType: "application/json",
            buffer: Buffer.from('{ "components": [ { "figma": {}, "import": { "module": "" } } ] }'),
          });
          await expect.poll(() => notes.textContent()).toContain("broken.json was not imported");
          expect(await notes.locator(".components__note--error").count()).toBeGreaterThan(0);
          expect(await list.textContent()).toContain("HomeIndicator from @acme/ui");
          expect(await storedText(sim)).toBe(stored);
          // No "Saved" from the import before suggests this one was kept.
          expect(await ui.locator(".components__status").count()).toBe(0);
          await notes.scrollIntoViewIfNeeded();
          await shot(page, "5-bad-import");

          await ui
            .getByLabel("Mapping file to import")
            .setInputFiles({ name: "notjson.json", mimeType: "application/json", buffer: Buffer.from("{ nope") });
          await expect.poll(() => notes.textContent()).toContain("not valid JSON");
          expect(await storedText(sim)).toBe(stored);
        },
      );
    },
  );
});
