/**
 * The Image panel's Rows mode on a local SD server, end to end in headless Chromium at Figma's 420×600 panel:
 * the real dist/code.js on the figma simulator and dist/ui.html, the worker calling the SD.Next test server on
 * 127.0.0.1 (every body checked against SD.Next's fields). A parameter grid: two rows × a CFG sweep of three
 * values, the server's samplers offered, no count control (one image per cell), the first cell's previews on its
 * tile while it forms, accepted, then the rest with its seed; the labelled grid on the canvas (header texts, the
 * cells' image fills under their headers). A strength sweep with a frame selected: img2img per cell with the
 * frame's PNG as the init image; without a selection the strength sweep is refused with why. Screenshots of each
 * state go to test-artifacts/sd-rows/.
 */
import { join } from "node:path";
import type { Frame, Page } from "playwright-core";
import { setUpRows } from "./helpers/rows-setup.js";
import { describe, expect, it } from "vitest";
import { useSdServers } from "./helpers/sd-servers.js";
import { ROOT, withPluginPage, panelScreenshot } from "./harness/plugin-page.js";
import { runBrowser, useBrowser } from "./helpers/browser.js";
import type { SdTestServer } from "./sdnext-server/server.js";

const ARTIFACTS = join(ROOT, "test-artifacts", "sd-rows");
const LOGIN = "figmasharp-login.file.json";
const LOGIN_FRAME = "101:3";
const VIEWPORT = { width: 900, height: 800 };

const shot = (page: Page, name: string): Promise<void> => panelScreenshot(page, ARTIFACTS, name);
const storageFor = (sd: SdTestServer) => ({
  "figment.settings": { imageSource: "sd", sdBaseUrl: sd.url, sdSampler: "Euler a" },
});
const posts = (sd: SdTestServer, path: string) => sd.requests.filter((r) => r.method === "POST" && r.path === path);
function bodies(sd: SdTestServer, path: string): Record<string, unknown>[] {
  return posts(sd, path).map((r) => {
    expect(r.errors).toEqual([]);
    return r.body as Record<string, unknown>;
  });
}
const overflowsSideways = (ui: Frame) => ui.evaluate<boolean>("document.documentElement.scrollWidth > innerWidth");
const summary = (ui: Frame) => ui.locator(".rows-run__summary");
const tile = (ui: Frame, stem: string) => ui.locator(`.rows-tile[aria-label^="${stem}:"]`);
/** A line of the setup is in view: inside the scrolled setup, above the send bar (not under it). */
async function inView(ui: Frame, selector: string): Promise<boolean> {
  return ui.evaluate((sel) => {
    const line = document.querySelector(sel)!.getBoundingClientRect();
    const bar = document.querySelector(".setup-send")!.getBoundingClientRect();
    return line.top >= 0 && line.bottom <= bar.top;
  }, selector);
}

async function sweepColumns(ui: Frame, option: string, values?: string): Promise<void> {
  await ui.getByRole("combobox", { name: "Sweep columns" }).click();
  await ui.getByRole("option", { name: new RegExp(`^${option}`) }).click();
  if (values !== undefined) await ui.getByRole("textbox", { name: "Columns values" }).fill(values);
}

type Box = { x: number; y: number; width: number; height: number };
interface GridChild extends Box {
  name: string;
  type: string;
  characters?: string;
  fill?: string;
  placeholder: string;
}
/** The run's grid frame on the page (by name), with its children in order. */
const gridOf = (name: string) =>
  `sim.currentPage().children.filter((n) => n.type === "FRAME" && n.name === ${JSON.stringify(name)}).map((g) ` +
  `=> ({ layoutWrap: g.layoutWrap, children: g.children.map((c) => ({ name: c.name, type: c.type, x: c.x, y: ` +
  `c.y, width: c.width, height: c.height, characters: c.type === "TEXT" ? c.characters : undefined, fill: ` +
  `c.fills[0]?.type, placeholder: c.getPluginData("figment.grid-placeholder") })) }))`;

describe.runIf(runBrowser)("Rows mode on a local SD server at 420×600", { timeout: 240_000 }, () => {
  const browser = useBrowser({ localModelServer: true });
  const start = useSdServers();

  it(
    "two rows × a CFG sweep: previews on the first tile, accepted, " +
      "the rest with its seed; the labelled grid on the canvas",
    async () => {
      const sd = await start();
      sd.next("/sdapi/v1/txt2img", { kind: "job", steps: 3, advance: "manual" });
      await withPluginPage(
        browser,
        {
          fixture: LOGIN,
          select: [],
          command: "image",
          storage: storageFor(sd),
          viewport: VIEWPORT,
          allowOrigins: [new URL(sd.url).origin],
        },
        async ({ page, ui, sim }) => {
          await setUpRows(ui, "A {mood} lighthouse at dusk", "mood\ncalm\nstormy\n");
          // SD's own options: the server's samplers, no count (one image per cell), no quality.
          await ui.getByRole("combobox", { name: "Sampler" }).click();
          expect(await ui.getByRole("option").allTextContents()).toEqual([
            "Server's default",
            "Euler a",
            "Euler",
            "DPM++ 2M",
            "UniPC",
          ]);
          await ui.getByRole("option", { name: "DPM++ 2M" }).click();
          expect(await ui.getByRole("radiogroup", { name: "Number of images" }).count()).toBe(0);
          expect(await ui.getByRole("combobox", { name: "Quality" }).count()).toBe(0);
          await ui.getByRole("textbox", { name: "Steps" }).fill("3");
          await sweepColumns(ui, "CFG scale", "3, 7, 11");
          const go = ui.getByRole("button", { name: "Generate 6 images" });
          await go.scrollIntoViewIfNeeded();
          await shot(page, "1-setup-cfg-sweep");
          expect(await overflowsSideways(ui)).toBe(false);
          await go.click();
          await ui.locator(".rows-run").waitFor();

          // The first cell draws alone; the server's previews show on its tile while it forms.
          await sd.jobStarted();
          sd.step();
          const first = "1-calm_cfg-3";
          await tile(ui, first).locator("img.rows-tile__partial").waitFor({ timeout: 30_000 });
          await shot(page, "2-first-cell-preview");
          sd.step(2);
          const accept = ui.getByRole("button", { name: "Use as the style for the rest" });
          await accept.waitFor({ timeout: 30_000 });
          expect(posts(sd, "/sdapi/v1/txt2img")).toHaveLength(1);
          await shot(page, "3-accept-first");
          await accept.click();
          await expect.poll(() => summary(ui).textContent(), { timeout: 60_000 }).toBe("6 of 6 done");

          // One request per cell, one at a time, each with its CFG; the rest with the first image's seed.
          const sent = bodies(sd, "/sdapi/v1/txt2img");
          expect(sent.map((b) => [b["prompt"], b["cfg_scale"]])).toEqual([
            ["A calm lighthouse at dusk", 3],
            ["A calm lighthouse at dusk", 7],
            ["A calm lighthouse at dusk", 11],
            ["A stormy lighthouse at dusk", 3],
            ["A stormy lighthouse at dusk", 7],
            ["A stormy lighthouse at dusk", 11],
          ]);
          for (const body of sent)
            expect(body).toMatchObject({ steps: 3, sampler_name: "DPM++ 2M", batch_size: 1, width: 512, height: 512 });
          expect(sent[0]!["seed"]).toBeUndefined();
          const seed = sent[1]!["seed"];
          expect(typeof seed).toBe("number");
          expect(sent.slice(1).map((b) => b["seed"])).toEqual([seed, seed, seed, seed, seed]);

          // The grid: a corner, the column headers, then each row's header and its three cells, the images under their
          // headers.
          await expect
            .poll(
              async () =>
                (await sim<{ children: GridChild[] }[]>(gridOf("Lighthouse at dusk grid")))[0]?.children.filter(
                  (c) => c.fill === "IMAGE",
                ).length,
              { timeout: 30_000 },
            )
            .toBe(6);
          const [grid] = await sim<{ layoutWrap: string; children: GridChild[] }[]>(gridOf("Lighthouse at dusk grid"));
          expect(grid!.layoutWrap).toBe("WRAP");
          const texts = grid!.children.filter((c) => c.type === "TEXT").map((c) => c.characters);
          expect(texts).toEqual(["", "CFG 3", "CFG 7", "CFG 11", "Row 1", "Row 2"]);
          const cells = grid!.children.filter((c) => c.type !== "TEXT");
          expect(cells.map((c) => [c.name, c.fill, c.placeholder, c.width, c.height])).toEqual(
            [
              "1-calm_cfg-3",
              "1-calm_cfg-7",
              "1-calm_cfg-11",
              "2-stormy_cfg-3",
              "2-stormy_cfg-7",
              "2-stormy_cfg-11",
            ].map((name) => [name, "IMAGE", "", 512, 512]),
          );
          const headers = grid!.children.filter((c) => c.type === "TEXT");
          const column = (label: string) => headers.find((h) => h.characters === label)!;
          const row = (label: string) => headers.find((h) => h.characters === label)!;
          cells.forEach((cell, i) => {
            // Under its column's header, beside its row's header, below the one above it.
            expect(cell.x).toBe(column(["CFG 3", "CFG 7", "CFG 11"][i % 3]!).x);
            expect(cell.y).toBe(row(i < 3 ? "Row 1" : "Row 2").y);
            expect(cell.y).toBeGreaterThan(column("CFG 3").y);
          });
          expect(cells[3]!.y).toBeGreaterThanOrEqual(cells[0]!.y + cells[0]!.height);
          await shot(page, "4-grid-placed");
          expect(await overflowsSideways(ui)).toBe(false);
          expect(await sim<unknown[]>("sim.record.handlerErrors")).toEqual([]);
        },
      );
    },
  );

  it("a strength sweep with a frame selected: img2img per cell with the frame's PNG as the init image", async () => {
    const sd = await start();
    await withPluginPage(
      browser,
      {
        fixture: LOGIN,
        select: [LOGIN_FRAME],
        command: "image",
        storage: storageFor(sd),
        viewport: VIEWPORT,
        allowOrigins: [new URL(sd.url).origin],
      },
      async ({ page, ui, sim }) => {
        await setUpRows(ui, "A polished {screen} screen, photographic", "screen\nlogin\n");
        await ui.getByRole("checkbox", { name: "Accept the first image before the rest" }).uncheck();
        await sweepColumns(ui, "Strength", "0.3, 0.6");
        await ui.locator(".setup-sweep__note").waitFor();
        expect(await ui.locator(".setup-sweep__note").textContent()).toBe(
          "Each cell repaints “Log-In Page” (img2img) as much as its strength says.",
        );
        await expect.poll(() => inView(ui, ".setup-sweep__note")).toBe(true);
        const go = ui.getByRole("button", { name: "Generate 2 images" });
        await shot(page, "5-setup-strength-sweep");
        const pngExports = () =>
          sim<number>(
            `sim.record.exports.filter((e) => e.format === "PNG" ` +
              `&& e.nodeId === ${JSON.stringify(LOGIN_FRAME)}).length`,
          );
        const before = await pngExports();
        await go.click();
        await expect.poll(() => summary(ui).textContent(), { timeout: 60_000 }).toBe("2 of 2 done");

        expect(posts(sd, "/sdapi/v1/txt2img")).toHaveLength(0);
        const sent = bodies(sd, "/sdapi/v1/img2img");
        expect(sent.map((b) => b["denoising_strength"])).toEqual([0.3, 0.6]);
        const inits = sent.map((b) => (b["init_images"] as string[])[0] ?? "");
        expect(inits[0]!.slice(0, 8)).toBe("iVBORw0K");
        expect(inits[1]).toBe(inits[0]);
        // The frame exported once more, as PNG, when the run started: one init image for every cell.
        expect(await pngExports()).toBe(before + 1);
        await expect
          .poll(
            async () =>
              (await sim<{ children: GridChild[] }[]>(gridOf("Polished screen photographic grid")))[0]?.children.filter(
                (c) => c.fill === "IMAGE",
              ).length,
            { timeout: 30_000 },
          )
          .toBe(2);
        const [grid] = await sim<{ children: GridChild[] }[]>(gridOf("Polished screen photographic grid"));
        expect(grid!.children.filter((c) => c.type === "TEXT").map((c) => c.characters)).toEqual([
          "Strength 0.3",
          "Strength 0.6",
        ]);
        await shot(page, "6-strength-grid-placed");
      },
    );
  });

  it("a strength sweep without a selection is refused with why; nothing runs", async () => {
    const sd = await start();
    await withPluginPage(
      browser,
      {
        fixture: LOGIN,
        select: [],
        command: "image",
        storage: storageFor(sd),
        viewport: VIEWPORT,
        allowOrigins: [new URL(sd.url).origin],
      },
      async ({ page, ui }) => {
        await setUpRows(ui, "A {mood} lighthouse", "mood\ncalm\n");
        await ui.getByRole("combobox", { name: "Sweep columns" }).click();
        const option = ui.getByRole("option", { name: /^Strength/ });
        expect(await option.textContent()).toBe("Strengthselect a picture first");
        await shot(page, "7-strength-option-says-why");
        await option.click();
        await ui.getByRole("textbox", { name: "Columns values" }).fill("0.3, 0.6");
        const refusal = ui.locator(".setup-sweep .field__error");
        await refusal.waitFor();
        expect(await refusal.textContent()).toBe(
          "Sweep: strength is how much of a starting picture each cell repaints " +
            "(img2img). Select the frame or image to start from, or sweep another parameter.",
        );
        // The prompt is there; the refused sweep holds the grid back.
        const go = ui.getByRole("button", { name: "Generate 1 image" });
        expect(await go.isDisabled()).toBe(true);
        expect(await go.getAttribute("title")).toBe("Fix what is marked above first");
        // Said where the sweep is, scrolled into view above the send bar.
        await expect.poll(() => inView(ui, ".setup-sweep .field__error")).toBe(true);
        await shot(page, "8-strength-refused");
        expect(sd.requests.filter((r) => r.method === "POST")).toEqual([]);
        expect(await overflowsSideways(ui)).toBe(false);
      },
    );
  });
});
