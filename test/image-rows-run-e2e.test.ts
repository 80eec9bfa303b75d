/**
 * The Image panel's Rows run end to end in headless Chromium at Figma's default 420×600: the real dist/ui.html
 * and dist/code.js on the figma simulator, the worker calling the OpenAI-wire test server on 127.0.0.1. The plan
 * comes from the setup (template + pasted rows → Generate N images; the first image is accepted first, the
 * setup's default). The first image runs alone and waits; accepted, it goes with every later request (Images
 * API edits, valid per the OpenAPI spec); each result lands in the run's grid frame (auto layout, wrap) named
 * by its stem, in order; a failed item is retried alone; Cancel keeps what finished; Edit rows keeps the run.
 * Screenshots go to test-artifacts/image-rows-run/.
 */
import { join } from "node:path";
import type { Frame, Page } from "playwright-core";
import { setUpRows } from "./helpers/rows-setup.js";
import { describe, expect, it } from "vitest";
import { CONSISTENT_NOTE } from "../ai/params/requests.js";
import { panelScreenshot, ROOT, withPluginPage } from "./harness/plugin-page.js";
import { CANVAS_FILE } from "./helpers/canvas-file.js";
import { imageReply, type OpenAiTestServer, type RecordedRequest, type ScriptedReply } from "./openai-server/server.js";
import { useModelE2e } from "./helpers/e2e.js";
import { runBrowser, usePageContext } from "./helpers/browser.js";

const ARTIFACTS = join(ROOT, "test-artifacts", "image-rows-run");
const KEY = "sk-test-batchrun-4d5e6f7a8b9c";
const VIEWPORT = { width: 900, height: 800 };

const shot = (page: Page, name: string): Promise<void> => panelScreenshot(page, ARTIFACTS, name);
const settings = (url: string) => ({ provider: "openai", baseUrl: url.replace(/\/+$/, ""), model: "gpt-5.4-mini" });
const promptOf = (req: RecordedRequest): string => String((req.body as { prompt?: unknown } | undefined)?.prompt ?? "");
const imageRequests = (srv: OpenAiTestServer) => srv.requests.filter((r) => r.path.startsWith("/v1/images/"));

/** Rows mode → template → pasted rows → Generate N images. */
async function startRows(ui: Frame, template: string, csv: string, n: number): Promise<void> {
  await setUpRows(ui, template, csv);
  await ui.getByRole("button", { name: `Generate ${n} images` }).click();
  await ui.locator(".rows-run").waitFor();
}

const summary = (ui: Frame) => ui.locator(".rows-run__summary");
const tile = (ui: Frame, stem: string) => ui.locator(`.rows-tile[aria-label^="${stem}:"]`);

interface Grid {
  id: string;
  name: string;
  layoutMode: string;
  layoutWrap: string;
  children: { name: string; type: string; width: number; height: number; fill: string; record: string }[];
}
/** The run's grid frame on the page (by name), with their images. */
const grids = (name: string) =>
  `sim.currentPage().children.filter((n) => n.type === "FRAME" && n.name === ` +
  `${JSON.stringify(name)}).map((g) => ({ id: g.id, name: g.name, layoutMode: g.layoutMode, ` +
  `layoutWrap: g.layoutWrap, children: g.children.map((c) => ({ name: c.name, type: c.type, width: ` +
  `c.width, height: c.height, fill: c.fills[0]?.type, record: c.getPluginData("figment.image") })) }))`;

describe.runIf(runBrowser)("the Rows run at 420×600", { timeout: 240_000 }, () => {
  const { browser, startServer } = useModelE2e();
  // Plugin pages reused between tests (no init scripts, routes or listeners of their own): one renderer, not one per
  // test.
  const pages = usePageContext(browser);
  let server: OpenAiTestServer | undefined;

  it(
    "accept first → the rest carry the first image; the grid fills " +
      "in order; a failed item is retried alone and lands in its place",
    async () => {
      let winterTries = 0;
      server = await startServer((req): ScriptedReply => {
        const prompt = promptOf(req);
        // The first image stops after its first partial until the test has seen it; winter fails once with a 500.
        if (prompt.startsWith("A calm hero image for spring")) return imageReply({ pauseAtPartials: 1, seed: 2 });
        if (prompt.startsWith("A calm hero image for winter") && winterTries++ === 0)
          return { kind: "error", status: 500, message: "The server had an error while processing your request." };
        return imageReply({ seed: 3 + (prompt.length % 5) });
      });
      const storage = { "figment.settings": settings(server.url), "figment.apiKey": KEY };
      await withPluginPage(
        pages,
        {
          fixture: CANVAS_FILE,
          select: [],
          command: "image",
          storage,
          viewport: VIEWPORT,
          allowOrigins: [new URL(server.url).origin],
        },
        async ({ page, ui, sim }) => {
          await startRows(
            ui,
            "A {mood} hero image for {season}",
            "season,mood\nspring,calm\nsummer,calm\nwinter,calm\nautumn,calm\n",
            4,
          );
          const stems = ["1-calm-spring", "2-calm-summer", "3-calm-winter", "4-calm-autumn"];

          // The first runs alone, its partial image on its tile while it forms.
          await tile(ui, stems[0]!).locator("img.rows-tile__partial").waitFor({ timeout: 30_000 });
          expect(await tile(ui, stems[1]!).getAttribute("aria-label")).toBe(
            `${stems[1]}: Waits until you accept the first image`,
          );
          await shot(page, "1-running-partial");
          server!.resume();

          // Done, it waits for the user: nothing else was sent, nothing placed.
          const ask = ui.getByRole("button", { name: "Use as the style for the rest" });
          await ask.waitFor({ timeout: 30_000 });
          expect(imageRequests(server!)).toHaveLength(1);
          expect(await summary(ui).textContent()).toMatch(
            /^1 of 4 done · 3 waiting until you accept the first · \$\d+\.\d+ so far$/,
          );
          expect(await sim<Grid[]>(grids("Hero image grid"))).toEqual([]);
          await shot(page, "2-accept-first");
          await ask.click();

          // The rest go with the first image as a reference (an edit) and the consistency sentence; winter fails.
          await tile(ui, stems[2]!)
            .getByRole("button", { name: `Retry ${stems[2]}` })
            .waitFor({ timeout: 60_000 });
          await expect
            .poll(() => summary(ui).textContent(), { timeout: 30_000 })
            .toMatch(/^3 of 4 done · 1 failed · \$\d+\.\d+$/);
          expect(await tile(ui, stems[2]!).locator(".rows-tile__reason").textContent()).toBe(
            "The provider had a server error",
          );
          const later = imageRequests(server!).slice(1);
          expect(later.map((r) => r.path)).toEqual(["/v1/images/edits", "/v1/images/edits", "/v1/images/edits"]);
          for (const r of later) {
            expect(r.schemaErrors).toEqual([]);
            expect(promptOf(r).endsWith(CONSISTENT_NOTE)).toBe(true);
            expect(r.files.map((f) => f.filename)).toEqual(["first.png"]);
          }
          expect(imageRequests(server!)[0]!.path).toBe("/v1/images/generations");
          await expect
            .poll(async () => (await sim<Grid[]>(grids("Hero image grid")))[0]?.children.length, { timeout: 30_000 })
            .toBe(3);
          await ui.getByRole("button", { name: "Select grid" }).waitFor();
          await shot(page, "3-one-failed");

          // Retry: that item alone is sent again, and goes to its own place in the grid.
          const before = server!.routeCounts();
          await tile(ui, stems[2]!)
            .getByRole("button", { name: `Retry ${stems[2]}` })
            .click();
          await expect.poll(() => summary(ui).textContent(), { timeout: 60_000 }).toMatch(/^4 of 4 done · \$\d+\.\d+$/);
          const after = server!.routeCounts();
          expect((after["POST /v1/images/edits"] ?? 0) - (before["POST /v1/images/edits"] ?? 0)).toBe(1);
          expect(promptOf(server!.requests.at(-1)!)).toMatch(/^A calm hero image for winter/);
          await expect
            .poll(async () => (await sim<Grid[]>(grids("Hero image grid")))[0]?.children.length, { timeout: 30_000 })
            .toBe(4);
          const [grid] = await sim<Grid[]>(grids("Hero image grid"));
          expect(grid).toMatchObject({ layoutMode: "HORIZONTAL", layoutWrap: "WRAP" });
          expect(grid!.children.map((c) => c.name)).toEqual(stems);
          // Browsable layers (long side 512 px) filled with the image; the record holds the computed prompt, not the
          // style note.
          for (const c of grid!.children)
            expect(c).toMatchObject({ type: "RECTANGLE", width: 512, height: 512, fill: "IMAGE" });
          const record = JSON.parse(grid!.children[2]!.record) as Record<string, unknown>;
          expect(record).toMatchObject({
            prompt: expect.stringMatching(/^A calm hero image for winter/),
            model: "gpt-image-2",
            api: "images",
            size: "1024x1024",
          });
          expect(String(record["prompt"])).not.toContain("Consistency:");

          // Select grid selects it on the canvas.
          await ui.getByRole("button", { name: "Select grid" }).click();
          await expect.poll(() => sim<string[]>("sim.currentPage().selection.map((n) => n.id)")).toEqual([grid!.id]);

          // Every result is kept as an image version (History): the first, the two that went, and the retried one.
          await expect
            .poll(() =>
              sim<number>('[...sim.storage.keys()].filter((k) => k.startsWith("figment.history/image/")).length'),
            )
            .toBe(4);
          expect(await ui.evaluate<boolean>("document.documentElement.scrollWidth > innerWidth")).toBe(false);
          await shot(page, "4-finished");
          expect(await sim<unknown[]>("sim.record.handlerErrors")).toEqual([]);
        },
      );
    },
  );

  it(
    "a new start asks while items run; Cancel stops what runs and keeps what " +
      "finished (placed); Edit rows keeps the run; a deleted grid is offered anew",
    async () => {
      server = await startServer(
        (req): ScriptedReply => (promptOf(req).startsWith("A bold poster for kids") ? { kind: "hang" } : imageReply()),
      );
      const storage = { "figment.settings": settings(server.url), "figment.apiKey": KEY };
      await withPluginPage(
        pages,
        {
          fixture: CANVAS_FILE,
          select: [],
          command: "image",
          storage,
          viewport: VIEWPORT,
          allowOrigins: [new URL(server.url).origin],
        },
        async ({ page, ui, sim }) => {
          await startRows(
            ui,
            "A {mood} poster for {audience}",
            "audience,mood\nteens,bold\nparents,bold\nkids,bold\n",
            3,
          );
          await ui.getByRole("button", { name: "Use as the style for the rest" }).click({ timeout: 30_000 });
          await expect
            .poll(() => summary(ui).textContent(), { timeout: 60_000 })
            .toMatch(/^2 of 3 done · 1 drawing · /);
          await expect
            .poll(async () => (await sim<Grid[]>(grids("Poster grid")))[0]?.children.length, { timeout: 30_000 })
            .toBe(2);

          // A new start while an item still draws asks first; "Keep running" leaves the run as it was.
          await ui.getByRole("button", { name: "Edit rows" }).click();
          await ui.getByRole("button", { name: "Generate 3 images" }).click();
          const replace = ui.locator(".rows-run__replace");
          await replace.waitFor();
          expect(await replace.textContent()).toContain("1 image is still to come in this run");
          await shot(page, "6-replace-asks");
          const sentBefore = server!.requests.length;
          await replace.getByRole("button", { name: "Keep running" }).click();
          expect(await replace.count()).toBe(0);
          expect(server!.requests.length).toBe(sentBefore);
          expect(await summary(ui).textContent()).toMatch(/^2 of 3 done · 1 drawing · /);

          await ui.getByRole("button", { name: "Cancel" }).click();
          await expect.poll(() => summary(ui).textContent()).toMatch(/^2 of 3 done · 1 cancelled · \$\d+\.\d+$/);
          expect(await tile(ui, "3-bold-kids").getAttribute("aria-label")).toBe("3-bold-kids: Cancelled");
          const [grid] = await sim<Grid[]>(grids("Poster grid"));
          expect(grid!.children.map((c) => c.name)).toEqual(["1-bold-teens", "2-bold-parents"]);
          expect(await ui.getByRole("button", { name: "Cancel" }).count()).toBe(0);

          // Back to the setup and to the run again: the results are still there.
          await ui.getByRole("button", { name: "Edit rows" }).click();
          await ui.locator(".setup").waitFor();
          expect(await ui.locator(".rows-return").textContent()).toContain("2 of 3 done · 1 cancelled");
          await shot(page, "7-edit-rows");
          await ui.getByRole("button", { name: "Back to the run" }).click();
          await expect.poll(() => ui.locator(".rows-tile img").count()).toBe(2);

          // The grid is deleted on the canvas; the cancelled item, retried, is refused with the way on offered.
          await sim<void>(`sim.node(${JSON.stringify(grid!.id)}).remove()`);
          server!.push(imageReply());
          await tile(ui, "3-bold-kids").getByRole("button", { name: "Retry 3-bold-kids" }).click();
          const anew = ui.getByRole("button", { name: "Place in a new grid" });
          await anew.waitFor({ timeout: 60_000 });
          expect(await tile(ui, "3-bold-kids").locator(".rows-tile__note").textContent()).toBe(
            "Not placed: the grid was deleted",
          );
          expect(await ui.getByRole("button", { name: "Select grid" }).count()).toBe(0);
          await shot(page, "5-grid-deleted");
          await anew.click();
          await expect
            .poll(async () => (await sim<Grid[]>(grids("Poster grid")))[0]?.children.map((c) => c.name), {
              timeout: 30_000,
            })
            .toEqual(["3-bold-kids"]);
        },
      );
    },
  );
});
