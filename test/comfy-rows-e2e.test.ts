/**
 * The Image panel's Rows mode with the ComfyUI source, end to end in headless Chromium at Figma's 420×600 panel: the
 * real dist/code.js on the figma simulator and dist/ui.html, the worker running each row through ai/comfyui against
 * the ComfyUI test server (test/comfyui-server/, built from ComfyUI's server.py and execution.py) over HTTP and its
 * WebSocket, the sampler advanced by the test, never by time. A parameter grid — two rows × a CFG sweep: ComfyUI's
 * samplers offered, one workflow run per cell with its cfg, the first cell's previews painted on its tile from the
 * socket's frames, accepted, the rest with its seed; the labelled grid on the canvas, each cell's record naming the
 * checkpoint, cfg and seed. Out of memory on one cell: its tile says why, the others are drawn and placed, Retry
 * draws it. The user's own workflow file: a CFG sweep refused (the file keeps its own settings), a seed sweep filled
 * into its placeholders. Screenshots of each state go to test-artifacts/comfy-rows/.
 */
import { join } from "node:path";
import type { Frame, Page } from "playwright-core";
import { afterEach, describe, expect, it } from "vitest";
import { SAMPLERS } from "./comfyui-server/nodes.js";
import { type ComfyTestServer, startComfyServer } from "./comfyui-server/server.js";
import type { Prompt } from "./comfyui-server/validate.js";
import { panelScreenshot, ROOT, withPluginPage } from "./harness/plugin-page.js";
import { runBrowser, useBrowser } from "./helpers/browser.js";
import { setUpRows } from "./helpers/rows-setup.js";
import { teamWorkflow } from "./comfyui-server/team-workflow.js";

const ARTIFACTS = join(ROOT, "test-artifacts", "comfy-rows");
const LOGIN = "figmasharp-login.file.json";
const VIEWPORT = { width: 900, height: 800 };
const CHECKPOINT = "dreamshaper_8.safetensors";

const shot = (page: Page, name: string): Promise<void> => panelScreenshot(page, ARTIFACTS, name);
const pageFor = (comfy: ComfyTestServer) => ({
  fixture: LOGIN,
  select: [],
  command: "image" as const,
  storage: { "figment.settings": { imageSource: "comfyui", sdBaseUrl: comfy.url, sdModel: CHECKPOINT } },
  viewport: VIEWPORT,
  allowOrigins: [new URL(comfy.url).origin],
});
const overflowsSideways = (ui: Frame) => ui.evaluate<boolean>("document.documentElement.scrollWidth > innerWidth");
const summary = (ui: Frame) => ui.locator(".rows-run__summary");
const tile = (ui: Frame, stem: string) => ui.locator(`.rows-tile[aria-label^="${stem}:"]`);
const nodeOf = (prompt: Prompt, classType: string): Record<string, unknown> =>
  Object.values(prompt).find((n) => n.class_type === classType)?.inputs ?? {};
/** Each prompt ComfyUI accepted: its positive text, cfg and seed. */
const received = (comfy: ComfyTestServer): [unknown, unknown, unknown][] =>
  comfy.prompts.map(({ prompt }) => {
    const k = nodeOf(prompt, "KSampler");
    const positive = prompt[(k["positive"] as [string, number])[0]]?.inputs?.["text"];
    return [positive, k["cfg"], k["seed"]];
  });

async function sweepColumns(ui: Frame, option: string, values: string): Promise<void> {
  await ui.getByRole("combobox", { name: "Sweep columns" }).click();
  await ui.getByRole("option", { name: new RegExp(`^${option}`) }).click();
  await ui.getByRole("textbox", { name: "Columns values" }).fill(values);
}

interface GridChild {
  name: string;
  type: string;
  x: number;
  y: number;
  width: number;
  characters?: string;
  fill?: string;
  record: string;
}
/** The run's grid frame on the page (by name): its children in order, each with its image record. */
const gridOf = (name: string) =>
  `sim.currentPage().children.filter((n) => n.type === "FRAME" && n.name === ${JSON.stringify(name)}).map((g) ` +
  `=> g.children.map((c) => ({ name: c.name, type: c.type, x: c.x, y: c.y, width: c.width, characters: c.type === ` +
  `"TEXT" ? c.characters : undefined, fill: c.fills[0]?.type, record: c.getPluginData("figment.image") })))[0]`;
const imagesIn = async (sim: <T>(expr: string) => Promise<T>, name: string): Promise<number | undefined> =>
  (await sim<GridChild[] | undefined>(gridOf(name)))?.filter((c) => c.fill === "IMAGE").length;

describe.runIf(runBrowser)("Rows mode with the ComfyUI source at 420×600", { timeout: 240_000 }, () => {
  const browser = useBrowser({ localModelServer: true });
  let servers: ComfyTestServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.map((s) => s.close()));
    servers = [];
  });
  const start = async (): Promise<ComfyTestServer> => {
    const comfy = await startComfyServer({ cors: "*" });
    servers.push(comfy);
    return comfy;
  };

  it("2 rows × a CFG sweep: previews on the first tile, accepted, the rest on its seed, grid placed", async () => {
    const comfy = await start();
    comfy.next({ advance: "manual" });
    await withPluginPage(browser, pageFor(comfy), async ({ page, ui, sim }) => {
      await setUpRows(ui, "A {mood} lighthouse at dusk", "mood\ncalm\nstormy\n");
      // ComfyUI's own samplers, as its /object_info lists them; one image per cell, no quality.
      await ui.getByRole("combobox", { name: "Sampler" }).click();
      expect(await ui.getByRole("option").allTextContents()).toEqual(["Server's default", ...SAMPLERS]);
      await ui.getByRole("option", { name: "dpmpp_2m", exact: true }).click();
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

      // The first cell runs alone; ComfyUI's preview frames paint its tile while it forms.
      const first = "1-calm_cfg-3";
      await comfy.samplerWaiting();
      comfy.step();
      await tile(ui, first).locator("img.rows-tile__partial").waitFor({ timeout: 30_000 });
      await shot(page, "2-first-cell-preview");
      await comfy.samplerWaiting();
      comfy.step(2);
      const accept = ui.getByRole("button", { name: "Use as the style for the rest" });
      await accept.waitFor({ timeout: 30_000 });
      expect(comfy.prompts).toHaveLength(1);
      await shot(page, "3-accept-first");
      await accept.click();
      await expect.poll(() => summary(ui).textContent(), { timeout: 60_000 }).toBe("6 of 6 done");

      // One ComfyUI run per cell, one at a time, each with its cfg; the rest with the first image's seed.
      const sent = received(comfy);
      expect(sent.map(([text, cfg]) => [text, cfg])).toEqual([
        ["A calm lighthouse at dusk", 3],
        ["A calm lighthouse at dusk", 7],
        ["A calm lighthouse at dusk", 11],
        ["A stormy lighthouse at dusk", 3],
        ["A stormy lighthouse at dusk", 7],
        ["A stormy lighthouse at dusk", 11],
      ]);
      const seed = sent[0]![2];
      expect(typeof seed).toBe("number");
      // What the server has is read when the panel lists its samplers and kept for the run: not once per cell.
      const stats = comfy.requests.filter((r) => r.path === "/system_stats").length;
      expect(stats).toBeGreaterThan(0);
      expect(stats).toBeLessThan(3);
      expect(sent.map(([, , s]) => s)).toEqual([seed, seed, seed, seed, seed, seed]);
      for (const { prompt } of comfy.prompts) {
        expect(nodeOf(prompt, "KSampler")).toMatchObject({ steps: 3, sampler_name: "dpmpp_2m", denoise: 1 });
        expect(nodeOf(prompt, "CheckpointLoaderSimple")["ckpt_name"]).toBe(CHECKPOINT);
        expect(nodeOf(prompt, "EmptyLatentImage")["batch_size"]).toBe(1);
      }

      // The labelled grid: the column headers, each row's header and its three cells, each with its record.
      const name = "Lighthouse at dusk grid";
      await expect.poll(() => imagesIn(sim, name), { timeout: 30_000 }).toBe(6);
      const grid = (await sim<GridChild[]>(gridOf(name)))!;
      expect(grid.filter((c) => c.type === "TEXT").map((c) => c.characters)).toEqual([
        "",
        "CFG 3",
        "CFG 7",
        "CFG 11",
        "Row 1",
        "Row 2",
      ]);
      const cells = grid.filter((c) => c.type !== "TEXT");
      expect(cells.map((c) => c.name)).toEqual([
        "1-calm_cfg-3",
        "1-calm_cfg-7",
        "1-calm_cfg-11",
        "2-stormy_cfg-3",
        "2-stormy_cfg-7",
        "2-stormy_cfg-11",
      ]);
      const records = cells.map((c) => JSON.parse(c.record) as { model: string; sd: Record<string, unknown> });
      expect(records.map((r) => [r.model, r.sd["cfgScale"], r.sd["seed"]])).toEqual(
        [3, 7, 11, 3, 7, 11].map((cfg) => [CHECKPOINT, cfg, seed]),
      );
      const column = (label: string) => grid.find((h) => h.characters === label)!;
      cells.forEach((cell, i) => expect(cell.x).toBe(column(["CFG 3", "CFG 7", "CFG 11"][i % 3]!).x));
      await shot(page, "4-grid-placed");
      expect(await overflowsSideways(ui)).toBe(false);
      expect(await sim<unknown[]>("sim.record.handlerErrors")).toEqual([]);
    });
  });

  it("out of memory on one cell: its tile says why, the others are placed; Retry draws it", async () => {
    const comfy = await start();
    comfy.next({}, { fail: { classType: "KSampler", kind: "out-of-memory" } });
    await withPluginPage(browser, pageFor(comfy), async ({ page, ui, sim }) => {
      await setUpRows(ui, "A {animal} lighthouse keeper", "animal\ncat\ndog\nowl\n");
      await ui.getByRole("checkbox", { name: "Accept the first image before the rest" }).uncheck();
      await ui.getByRole("textbox", { name: "Steps" }).fill("2");
      await ui.getByRole("button", { name: "Generate 3 images" }).click();
      await expect.poll(() => summary(ui).textContent(), { timeout: 60_000 }).toBe("2 of 3 done · 1 failed");
      const failed = tile(ui, "2-dog");
      expect(await failed.locator(".rows-tile__reason").textContent()).toBe("The server ran out of GPU memory");
      expect(await failed.locator(".rows-tile__detail").textContent()).toMatch(
        /^ComfyUI ran out of GPU memory at node 6 \(KSampler\)/,
      );
      await expect.poll(() => imagesIn(sim, "Lighthouse keeper grid"), { timeout: 30_000 }).toBe(2);
      await failed.scrollIntoViewIfNeeded();
      await shot(page, "5-oom-on-one-cell");
      expect(comfy.prompts).toHaveLength(3);

      await ui.getByRole("button", { name: "Retry 2-dog" }).click();
      await expect.poll(() => summary(ui).textContent(), { timeout: 60_000 }).toBe("3 of 3 done");
      expect(received(comfy).map(([text]) => text)).toEqual([
        "A cat lighthouse keeper",
        "A dog lighthouse keeper",
        "A owl lighthouse keeper",
        "A dog lighthouse keeper",
      ]);
      await expect.poll(() => imagesIn(sim, "Lighthouse keeper grid"), { timeout: 30_000 }).toBe(3);
      const names = (await sim<GridChild[]>(gridOf("Lighthouse keeper grid")))!.map((c) => c.name);
      expect(names).toEqual(["1-cat", "2-dog", "3-owl"]);
      await shot(page, "6-retried-placed");
    });
  });

  it("the user's workflow file: a CFG sweep refused (it keeps its settings), a seed sweep filled in", async () => {
    const comfy = await start();
    const workflow = teamWorkflow(CHECKPOINT, 2);
    await withPluginPage(browser, pageFor(comfy), async ({ page, ui }) => {
      await setUpRows(ui, "A {mood} harbour", "mood\nfoggy\n");
      await ui.getByRole("checkbox", { name: "Accept the first image before the rest" }).uncheck();
      await ui.getByLabel("Workflow file (API format)").setInputFiles({
        name: "team.json",
        mimeType: "application/json",
        buffer: Buffer.from(workflow),
      });
      await ui.locator(".sd-workflow__file", { hasText: "team.json" }).waitFor();
      await sweepColumns(ui, "CFG scale", "4, 8");
      const refusal = ui.locator(".setup-sweep .field__error");
      await refusal.waitFor();
      expect(await refusal.textContent()).toBe(
        "Sweep: cfg: a workflow file is sent with its own settings and only its placeholders filled (prompt, " +
          "negative, seed, width, height, image, mask): sweep seed, or leave the workflow out.",
      );
      // The refused sweep holds the grid back: the one prompt, not to be sent.
      const held = ui.getByRole("button", { name: "Generate 1 image" });
      expect(await held.isDisabled()).toBe(true);
      expect(await held.getAttribute("title")).toBe("Fix what is marked above first");
      await refusal.scrollIntoViewIfNeeded();
      await shot(page, "7-workflow-cfg-sweep-refused");

      await sweepColumns(ui, "Seed", "21, 22");
      await expect.poll(() => refusal.count()).toBe(0);
      await ui.getByRole("button", { name: "Generate 2 images" }).click();
      await expect.poll(() => summary(ui).textContent(), { timeout: 60_000 }).toBe("2 of 2 done");
      expect(received(comfy)).toEqual([
        ["A foggy harbour, film grain", 5, 21],
        ["A foggy harbour, film grain", 5, 22],
      ]);
      expect(comfy.prompts.map(({ prompt }) => prompt["5"]?.inputs?.["scheduler"])).toEqual(["karras", "karras"]);
      await shot(page, "8-workflow-seed-sweep-done");
      expect(await overflowsSideways(ui)).toBe(false);
    });
  });
});
