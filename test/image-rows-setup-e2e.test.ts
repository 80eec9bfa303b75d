/**
 * The Image panel's Rows setup end to end in headless Chromium at Figma's default 420×600: the real
 * dist/code.js on the figma simulator and dist/ui.html. Rows mode → the selection's colours as chips and in
 * the style sentence → CSV pasted → every computed prompt shown exactly as it will be sent → errors named
 * (unknown placeholder, bad CSV, bad rules) → the plan's buttons. Screenshots go to test-artifacts/image-rows-setup/.
 */
import { join } from "node:path";
import type { Frame, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { panelScreenshot, ROOT, withPluginPage } from "./harness/plugin-page.js";
import { responsesJson } from "./openai-server/replies.js";
import type { OpenAiTestServer } from "./openai-server/server.js";
import { useModelE2e } from "./helpers/e2e.js";
import { runBrowser, usePageContext } from "./helpers/browser.js";

const ARTIFACTS = join(ROOT, "test-artifacts", "image-rows-setup");
const LOGIN = "figmasharp-login.file.json";
const LOGIN_FRAME = "101:3";
const KEY = "sk-test-batch-7a8b9c0d1e2f";
const VIEWPORT = { width: 900, height: 800 };

const shot = (page: Page, name: string): Promise<void> => panelScreenshot(page, ARTIFACTS, name);
const settings = (url: string) => ({ provider: "openai", baseUrl: url.replace(/\/+$/, ""), model: "gpt-5.4-mini" });
const overflowsSideways = (ui: Frame) => ui.evaluate<boolean>("document.documentElement.scrollWidth > innerWidth");

async function openRows(ui: Frame): Promise<void> {
  await ui.locator(".panel--image").waitFor();
  await ui.getByRole("radio", { name: "Rows" }).click();
  await ui.locator(".setup").waitFor();
}

async function paste(ui: Frame, text: string): Promise<void> {
  const box = ui.getByRole("textbox", { name: "CSV or JSONL rows" });
  if (!(await box.isVisible())) await ui.getByRole("button", { name: "Paste CSV or JSONL" }).click();
  await box.fill(text);
  await ui.getByRole("button", { name: "Use these rows" }).click();
}

describe.runIf(runBrowser)("the Rows setup at 420×600", { timeout: 180_000 }, () => {
  const { browser, startServer } = useModelE2e();
  // Plugin pages reused between tests (no init scripts, routes or listeners of their own): one renderer, not one per
  // test.
  const pages = usePageContext(browser);
  let server: OpenAiTestServer | undefined;

  it("CSV pasted → every row's prompt as it will be sent; errors name what is wrong and lose nothing", async () => {
    server = await startServer();
    const storage = { "figment.settings": settings(server.url), "figment.apiKey": KEY };
    await withPluginPage(
      pages,
      {
        fixture: LOGIN,
        select: [LOGIN_FRAME],
        command: "image",
        storage,
        viewport: VIEWPORT,
        allowOrigins: [new URL(server.url).origin],
      },
      async ({ page, ui }) => {
        await openRows(ui);
        // Opening Rows with a selection reads its colours: chips, and the sentence every prompt ends with.
        const chips = ui.locator(".setup-chip");
        await chips.first().waitFor();
        const chipNames = await chips.locator(".setup-chip__name").allTextContents();
        expect(chipNames.length).toBeGreaterThan(0);
        const sentence = ui.getByLabel("Style sentence");
        expect(await sentence.textContent()).toContain(`Style: Brand colours: ${chipNames[0]}`);
        await shot(page, "1-empty");
        await ui.getByRole("textbox", { name: "Style" }).fill("flat vector, soft light");
        await ui.getByRole("button", { name: "Add selected layers as references" }).click();
        await ui.locator(".setup-ref img").waitFor();
        await shot(page, "2-colours-references");
        // A colour removed leaves the sentence; unticking leaves all colours out.
        const removed = chipNames[0]!;
        await ui.getByRole("button", { name: `Remove colour ${removed}` }).click();
        expect(await sentence.textContent()).not.toContain(removed);
        await ui.getByRole("checkbox", { name: "Write the file's colours into the style" }).uncheck();
        expect(await sentence.textContent()).toBe("Every prompt ends with: Style: flat vector, soft light");
        await ui.getByRole("checkbox", { name: "Write the file's colours into the style" }).check();
        const style = (await sentence.textContent())!.replace(/^Every prompt ends with: /, "");
        await ui.getByRole("textbox", { name: "Prompt template" }).fill("A {mood} hero image for {audience}");
        await paste(ui, 'audience,mood\nkids,calm\n"teens, young adults",bold\nparents,quiet\n');
        const prompts = ui.locator(".setup-prompt");
        await expect.poll(() => prompts.count()).toBe(3);
        expect(server!.requests).toHaveLength(0);
        await expect
          .poll(() => prompts.first().locator(".setup-prompt__text").textContent())
          .toMatch(/^A calm hero image for kids/);
        const texts = await prompts.locator(".setup-prompt__text").allTextContents();
        expect(texts[0]).toBe(`A calm hero image for kids\n\n${style}${/[.!?]$/.test(style) ? "" : "."}`);
        // The user's words and the brand colours are two sentences, the colours on a line of their own, as shown.
        expect(texts[0]).toMatch(/\n\nStyle: flat vector, soft light\.\nBrand colours: #/);
        expect(await prompts.first().locator(".setup-prompt__text").innerText()).toMatch(
          /soft light\.\nBrand colours: #/,
        );
        expect(await sentence.innerText()).toMatch(
          /^Every prompt ends with: Style: flat vector, soft light\.\nBrand colours: #/,
        );
        expect(texts[1]).toMatch(/^A bold hero image for teens, young adults/);
        expect(await prompts.locator(".setup-prompt__stem").allTextContents()).toEqual([
          "1-calm-kids",
          "2-bold-teens-young-adults",
          "3-quiet-parents",
        ]);
        expect(await ui.getByRole("button", { name: "Generate 3 images" }).isEnabled()).toBe(true);
        // The pasted rows are in the table, editable: a cell changed is its prompt changed.
        await ui.getByRole("textbox", { name: "Row 3 audience" }).fill("grandparents");
        await expect
          .poll(() => prompts.nth(2).locator(".setup-prompt__text").textContent())
          .toMatch(/^A quiet hero image for grandparents/);
        // Enter at the last row adds one; an empty row is left out, with a note.
        await ui.getByRole("textbox", { name: "Row 3 mood" }).press("Enter");
        await expect
          .poll(() => ui.evaluate<string>("document.activeElement?.getAttribute('aria-label') ?? ''"))
          .toBe("Row 4 mood");
        await expect.poll(() => ui.getByLabel("Notes").textContent()).toContain("empty row 4 left out");
        // The estimate for every row, the Batch API's half beside it; the Batch API is off while accept-first is on.
        const estimate = ui.locator(".setup-send__estimate");
        await estimate.waitFor({ timeout: 60_000 });
        expect(await estimate.textContent()).toMatch(
          /^≈ [\d,]+ input tokens per image · ≈ \$[\d.]+ for 3 · Batch API ≈ \$[\d.]+ \(50%\)$/,
        );
        const batchApi = ui.getByRole("button", { name: "Send to Batch API" });
        expect(await batchApi.isDisabled()).toBe(true);
        expect(await ui.locator(".setup-send__why").textContent()).toMatch(/takes no reference images/);
        await prompts.first().scrollIntoViewIfNeeded();
        await shot(page, "3-prompts");
        await ui.getByRole("button", { name: /^Remove reference / }).click();
        expect(await ui.locator(".setup-send__why").textContent()).toMatch(/no first image to accept/);
        await ui.getByRole("checkbox", { name: "Accept the first image before the rest" }).uncheck();
        expect(await batchApi.isEnabled()).toBe(true);
        await ui.getByRole("checkbox", { name: "Accept the first image before the rest" }).check();
        await ui.getByRole("textbox", { name: "Grid name" }).scrollIntoViewIfNeeded();
        expect(await ui.getByRole("textbox", { name: "Grid name" }).getAttribute("placeholder")).toBe(
          "Hero image grid",
        );
        await shot(page, "3b-options");

        // A bad CSV names its line and leaves the table (and so the prompts) as they were.
        await paste(ui, 'audience,mood\nkids,"calm\n');
        await expect
          .poll(() => ui.locator('[data-part="paste"]').textContent())
          .toMatch(/line 2, column 6: a quoted field is not closed/);
        expect(await prompts.count()).toBe(3);

        // An unknown placeholder names itself and the columns there are; nothing can be generated.
        await ui.getByRole("textbox", { name: "Prompt template" }).fill("A {mood} hero for {season}");
        await ui.getByRole("button", { name: "Paste CSV or JSONL" }).scrollIntoViewIfNeeded();
        await expect
          .poll(() => ui.locator('[data-part="template"]').textContent())
          .toBe("Template: column 19: unknown placeholder {season}; the rows have {audience}, {mood}");
        expect(await prompts.count()).toBe(0);
        expect(await ui.getByRole("button", { name: /^Generate/ }).isDisabled()).toBe(true);
        // Rules that do not parse say where.
        await ui.getByText("Rules (optional)").click();
        await ui.getByRole("textbox", { name: "Rules as JSON" }).fill('{"rules": [\n  {"if": }\n]}');
        await expect
          .poll(() => ui.locator('[data-part="rules"]').textContent())
          .toBe('Rules: not valid JSON: unexpected "}" at line 2, column 10');
        expect(await ui.locator('[data-part="template"]').textContent()).toMatch(/unknown placeholder \{season\}/);
        await ui.getByRole("textbox", { name: "Prompt template" }).scrollIntoViewIfNeeded();
        expect(await overflowsSideways(ui)).toBe(false);
        await shot(page, "4-errors");
        expect(server!.requests).toHaveLength(0);
      },
    );
  });

  it(
    "Fill from selection: the frame's texts as data, the columns' choices " +
      "in the schema; the model's rows land in the table with its notes",
    async () => {
      server = await startServer();
      server.push(
        responsesJson(
          JSON.stringify({
            rows: [
              { audience: "art lovers", mood: "calm" },
              { audience: "museum members", mood: "bold" },
            ],
            notes: "A museum's sign-in page: visitors and members.",
          }),
        ),
      );
      server.push({ kind: "error", status: 401, message: "Incorrect API key provided" });
      const storage = { "figment.settings": settings(server.url), "figment.apiKey": KEY };
      await withPluginPage(
        pages,
        {
          fixture: LOGIN,
          select: [LOGIN_FRAME],
          command: "image",
          storage,
          viewport: VIEWPORT,
          allowOrigins: [new URL(server.url).origin],
        },
        async ({ page, ui }) => {
          await openRows(ui);
          await ui.getByRole("textbox", { name: "Column 1 name" }).fill("audience");
          await ui.getByRole("button", { name: "+ Column" }).click();
          await ui.getByRole("textbox", { name: "Column 2 name" }).fill("mood: calm|bold");
          await ui.getByRole("spinbutton", { name: "Rows to propose" }).fill("2");
          await ui.getByRole("textbox", { name: "Prompt template" }).fill("A {mood} poster for {audience}");
          await ui.getByRole("button", { name: "Fill from selection" }).click();
          // The notes, or a notice saying why not: a failure names itself at once rather than timing out.
          await ui.locator(".setup-fill__notes, .setup-fill .notice--error").first().waitFor({ timeout: 120_000 });
          expect(await ui.locator(".setup-fill .notice--error").allTextContents()).toEqual([]);
          expect(await ui.locator(".setup-fill__notes").textContent()).toBe(
            "2 rows from 11 texts, editable below. A museum's sign-in page: visitors and members.".replace(
              "11",
              String(await textsSent()),
            ),
          );
          expect(await ui.getByRole("textbox", { name: "Row 2 audience" }).inputValue()).toBe("museum members");
          await expect
            .poll(() => ui.locator(".setup-prompt__text").first().textContent())
            .toMatch(/^A calm poster for art lovers/);
          await ui.getByRole("textbox", { name: "Row 2 audience" }).fill("members");
          await expect
            .poll(() => ui.locator(".setup-prompt__text").nth(1).textContent())
            .toMatch(/^A bold poster for members/);
          await shot(page, "5-filled");

          const request = server!.requests[0]!;
          expect(request.path).toBe("/v1/responses");
          expect(request.schemaErrors).toEqual([]);
          const body = request.body as {
            input: { content: { text: string }[] }[];
            text: {
              format: { schema: { properties: { rows: { items: { properties: { mood: { enum: string[] } } } } } } };
            };
          };
          const data = body.input[0]!.content[0]!.text;
          expect(data).toMatch(/^<frame_texts>\n/);
          expect(data).toContain("[Forgot your password?] Forgot your password?");
          expect(data).toContain("[Log In] Log In");
          expect(body.text.format.schema.properties.rows.items.properties.mood.enum).toEqual(["calm", "bold"]);

          // A refused key is explained like the other model failures; the table keeps the rows it had.
          await ui.getByRole("button", { name: "Fill from selection" }).click();
          const notice = ui.locator(".setup-fill .notice--error");
          await notice.waitFor({ timeout: 60_000 });
          expect(await notice.getAttribute("data-kind")).toBe("unauthorized");
          expect(await notice.locator(".notice__title").textContent()).toBe("The API key was not accepted");
          expect(await ui.getByRole("textbox", { name: "Row 2 audience" }).inputValue()).toBe("members");
          await notice.scrollIntoViewIfNeeded();
          await shot(page, "6-fill-failed");

          async function textsSent(): Promise<number> {
            const sent = (server!.requests[0]!.body as { input: { content: { text: string }[] }[] }).input[0]!
              .content[0]!.text;
            return sent.split("\n").filter((line) => line.startsWith("[")).length;
          }
        },
      );
    },
  );

  it("without a key: the setup and its prompts work, the buttons give way to the key notice", async () => {
    await withPluginPage(
      pages,
      { fixture: LOGIN, select: [LOGIN_FRAME], command: "image", viewport: VIEWPORT },
      async ({ page, ui }) => {
        await openRows(ui);
        await ui.getByRole("textbox", { name: "Prompt template" }).fill("A poster about {subject}");
        await ui.getByRole("textbox", { name: "Row 1 subject" }).fill("tea");
        await expect.poll(() => ui.locator(".setup-prompt__text").first().textContent()).toMatch(/^A poster about tea/);
        expect(await ui.locator(".setup .key-needed").textContent()).toMatch(/^Generating images needs an API key/);
        expect(await ui.getByRole("button", { name: /^Generate/ }).count()).toBe(0);
        expect(await ui.getByRole("button", { name: "Fill from selection" }).isDisabled()).toBe(true);
        await shot(page, "7-no-key");
      },
    );
  });
});
