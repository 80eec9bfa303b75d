/**
 * "Render this frame" end to end in headless Chromium at Figma's 420×600 panel: the real dist/code.js on the figma
 * simulator and dist/ui.html, the worker calling test servers on 127.0.0.1. With the login frame selected, the
 * prompt says the look and the frame gives the layout: its PNG goes as the ControlNet control image to the SD test
 * server (SD.Next's /sdapi/v1/control; AUTOMATIC1111's txt2img with `alwayson_scripts.controlnet` units, after
 * /controlnet/model_list), every body checked against the servers' fields; or as the reference image of an Images
 * API edit to the OpenAI-wire test server with our keep-the-composition instruction around the look. The result is
 * placed beside the frame at its size, with its record (the SD seed, the unit and the frame's id). "Same seed" on an
 * SD render exports the frame again by its id through the same unit (or says the frame is gone). A server with no
 * ControlNet says so and what to install. Screenshots go to test-artifacts/render-frame/.
 */
import { join } from "node:path";
import type { Frame, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useSdServers } from "./helpers/sd-servers.js";
import { ROOT, withPluginPage, panelScreenshot } from "./harness/plugin-page.js";
import { runBrowser } from "./helpers/browser.js";
import { serverOrigin, useModelE2e } from "./helpers/e2e.js";
import { imageReply } from "./openai-server/server.js";
import type { SdTestServer } from "./sdnext-server/server.js";

const ARTIFACTS = join(ROOT, "test-artifacts", "render-frame");
const LOGIN = "figmasharp-login.file.json";
const LOGIN_FRAME = "101:3";
const KEY = "sk-test-render-7a8b9c";
const VIEWPORT = { width: 900, height: 800 };
/** Where a placed image goes beside its frame (plugin/canvas/placement.ts GAP). */
const GAP = 40;
const LOOK = "A polished mockup, photographic, soft daylight";

const shot = (page: Page, name: string): Promise<void> => panelScreenshot(page, ARTIFACTS, name);
const sdStorage = (sd: SdTestServer) => ({
  "figment.settings": { imageSource: "sd", sdBaseUrl: sd.url, sdSampler: "Euler a" },
});
const posts = (sd: SdTestServer, path: string) => sd.requests.filter((r) => r.method === "POST" && r.path === path);
const overflowsSideways = (ui: Frame) => ui.evaluate<boolean>("document.documentElement.scrollWidth > innerWidth");

type Box = { x: number; y: number; width: number; height: number };
interface Placed {
  frame: Box;
  image: Box & { type: string; fills: { type: string; scaleMode?: string }[]; parent: string };
  record: Record<string, unknown>;
}

/** The layer the render made (selected once placed), the frame's box, and the record written on the layer. */
const placed = (sim: <T>(fn: string) => Promise<T>): Promise<Placed> =>
  sim<Placed>(
    `(() => {
    const n = sim.currentPage().selection[0];
    const f = sim.node(${JSON.stringify(LOGIN_FRAME)}).absoluteBoundingBox;
    const data = sim.record.pluginData.filter((p) => p.key === "figment.image" && p.nodeId === n.id).at(-1);
    return { frame: f, image: { x: n.x, y: n.y, width: n.width, height: n.height, type: n.type, fills: n.fills, ` +
      `parent: n.parent.type }, record: data ? JSON.parse(data.value) : {} };
  })()`,
  );

function expectBeside({ frame, image }: Placed): void {
  expect({ x: image.x, y: image.y, width: image.width, height: image.height }).toEqual({
    x: Math.round(frame.x + frame.width + GAP),
    y: Math.round(frame.y),
    width: frame.width,
    height: frame.height,
  });
  expect(image.type).toBe("RECTANGLE");
  expect(image.parent).toBe("PAGE");
  expect(image.fills).toMatchObject([{ type: "IMAGE", scaleMode: "FILL" }]);
}

/** What the page logged: a placement noted in History before its version was stored would warn here. */
function pageLog(page: Page): string[] {
  const lines: string[] = [];
  page.on("console", (m) => lines.push(m.text()));
  return lines;
}

async function describeLook(ui: Frame): Promise<void> {
  await ui.locator(".panel--image").waitFor();
  await ui.getByRole("textbox", { name: "Describe the image" }).fill(LOOK);
}

describe.runIf(runBrowser)("Render this frame at 420×600", { timeout: 180_000 }, () => {
  const { browser, startServer } = useModelE2e();
  const startSd = useSdServers();

  it(
    "SD.Next: the frame's PNG as a Canny unit of /sdapi/v1/control with its " +
      "strength; the render placed beside the frame at its size, with its seed",
    async () => {
      const sd = await startSd();
      await withPluginPage(
        browser,
        {
          fixture: LOGIN,
          select: [LOGIN_FRAME],
          command: "image",
          storage: sdStorage(sd),
          viewport: VIEWPORT,
          allowOrigins: [new URL(sd.url).origin],
        },
        async ({ page, ui, sim }) => {
          const log = pageLog(page);
          await describeLook(ui);
          const render = ui.locator(".render-frame");
          expect(await render.locator(".render-frame__what").textContent()).toBe("“Log-In Page” 375×667, layout kept");
          await render.getByRole("radio", { name: "Canny" }).click();
          await render.getByRole("slider", { name: "Control weight" }).fill("0.8");
          await shot(page, "1-sd-render-form");
          expect(await overflowsSideways(ui)).toBe(false);
          await render.getByRole("button", { name: "Render this frame" }).click();
          await ui.locator(".toast", { hasText: "Placed v1 beside “Log-In Page”." }).waitFor({ timeout: 30_000 });
          const request = posts(sd, "/sdapi/v1/control")[0]!;
          expect(request.errors).toEqual([]);
          const body = request.body as Record<string, unknown>;
          // 375×667 at SD's scale: the long side 768, both on the 8-px grid.
          expect(body).toMatchObject({
            prompt: LOOK,
            width_before: 432,
            height_before: 768,
            sampler_name: "Euler a",
            control: [{ process: "Canny", model: "Canny", strength: 0.8, unit_type: "controlnet" }],
          });
          expect(((body["inputs"] as string[])[0] ?? "").slice(0, 8)).toBe("iVBORw0K");
          expect(posts(sd, "/sdapi/v1/txt2img")).toHaveLength(0);
          const result = await placed(sim);
          expectBeside(result);
          expect(result.record).toMatchObject({
            prompt: LOOK,
            provider: "custom",
            sd: { seed: expect.any(Number), steps: 20, sampler: "Euler a" },
          });
          expect(await ui.locator(".version__sd").textContent()).toContain(
            `Seed ${(result.record["sd"] as { seed: number }).seed}`,
          );
          await shot(page, "2-sd-render-placed");
          expect(log.join("\n")).not.toContain("could not save to history");

          // Same seed, with nothing selected now: the frame exported again by its id through the same Canny unit,
          // placed beside it again.
          await sim(`sim.select([])`);
          const seed = (result.record["sd"] as { seed: number }).seed;
          await ui.getByRole("button", { name: "Same seed" }).click();
          await ui.locator(".toast", { hasText: "Placed v2 beside “Log-In Page”." }).waitFor({ timeout: 30_000 });
          const again = posts(sd, "/sdapi/v1/control");
          expect(again).toHaveLength(2);
          expect(again[1]!.errors).toEqual([]);
          const second = again[1]!.body as Record<string, unknown>;
          expect(second).toMatchObject({
            prompt: LOOK,
            seed,
            width_before: 432,
            height_before: 768,
            control: [{ process: "Canny", model: "Canny", strength: 0.8 }],
          });
          expect(((second["inputs"] as string[])[0] ?? "").slice(0, 8)).toBe("iVBORw0K");
          expect(posts(sd, "/sdapi/v1/txt2img")).toHaveLength(0);
          const rerendered = await placed(sim);
          expectBeside(rerendered);
          expect(rerendered.record).toMatchObject({
            sd: { seed, control: { type: "canny", strength: 0.8, frame: { id: LOGIN_FRAME, name: "Log-In Page" } } },
          });
          await shot(page, "2b-sd-same-seed-rerendered");

          // The frame deleted: Same seed says it cannot render it again, and sends nothing.
          await sim(`sim.node(${JSON.stringify(LOGIN_FRAME)}).remove()`);
          await ui.getByRole("button", { name: "Same seed" }).click();
          const notice = ui.locator(".image-error");
          await notice.waitFor({ timeout: 30_000 });
          expect(await notice.textContent()).toContain(
            "“Log-In Page” is no longer in the file, so Same seed cannot render it again: its picture was the " +
              "control image, and only its id is kept with the render. Select a frame and press Render this frame.",
          );
          expect(posts(sd, "/sdapi/v1/control")).toHaveLength(2);
          await shot(page, "2c-sd-same-seed-frame-gone");
        },
      );
    },
  );

  it(
    "AUTOMATIC1111: the ControlNet extension found by " +
      "/controlnet/model_list, the frame as a lineart unit of alwayson_scripts",
    async () => {
      const sd = await startSd({ flavour: "a1111" });
      await withPluginPage(
        browser,
        {
          fixture: LOGIN,
          select: [LOGIN_FRAME],
          command: "image",
          storage: sdStorage(sd),
          viewport: VIEWPORT,
          allowOrigins: [new URL(sd.url).origin],
        },
        async ({ page, ui, sim }) => {
          await describeLook(ui);
          // Lineart is the default: it suits a wireframe's black lines on white.
          expect(await ui.getByRole("radio", { name: "Lineart" }).getAttribute("aria-checked")).toBe("true");
          await ui.getByRole("button", { name: "Render this frame" }).click();
          await ui.locator(".toast", { hasText: "Placed v1 beside “Log-In Page”." }).waitFor({ timeout: 30_000 });
          expect(sd.requests.map((r) => `${r.method} ${r.path}`)).toContain("GET /controlnet/model_list");
          const request = posts(sd, "/sdapi/v1/txt2img")[0]!;
          expect(request.errors).toEqual([]);
          const body = request.body as {
            width: number;
            height: number;
            alwayson_scripts: { controlnet: { args: Record<string, unknown>[] } };
          };
          expect([body.width, body.height]).toEqual([432, 768]);
          const [unit, ...others] = body.alwayson_scripts.controlnet.args;
          expect(others).toEqual([]);
          expect(unit).toMatchObject({
            enabled: true,
            module: "lineart_standard (from white bg & black line)",
            model: "control_v11p_sd15_lineart [43d4be0d]",
            weight: 1,
            save_detected_map: false,
          });
          expect(String(unit!["image"]).slice(0, 8)).toBe("iVBORw0K");
          expectBeside(await placed(sim));
          await shot(page, "3-a1111-render-placed");
        },
      );
    },
  );

  it(
    "a server with no ControlNet says so and what to " + "install; nothing is drawn or placed, the prompt kept",
    async () => {
      const sd = await startSd({ flavour: "a1111", controlnet: false });
      await withPluginPage(
        browser,
        {
          fixture: LOGIN,
          select: [LOGIN_FRAME],
          command: "image",
          storage: sdStorage(sd),
          viewport: VIEWPORT,
          allowOrigins: [new URL(sd.url).origin],
        },
        async ({ page, ui, sim }) => {
          await describeLook(ui);
          await ui.getByRole("button", { name: "Render this frame" }).click();
          const notice = ui.locator(".image-error");
          await notice.waitFor({ timeout: 30_000 });
          expect(await notice.locator(".notice__title").textContent()).toBe(
            "This server has no ControlNet: it cannot keep the frame's layout",
          );
          expect(await notice.locator(".ai-error__next").textContent()).toContain(
            "install AUTOMATIC1111's ControlNet extension (sd-webui-controlnet)",
          );
          expect(posts(sd, "/sdapi/v1/txt2img")).toHaveLength(0);
          expect(await sim<number>(`sim.record.pluginData.filter((p) => p.key === "figment.image").length`)).toBe(0);
          expect(await ui.getByRole("textbox", { name: "Describe the image" }).inputValue()).toBe(LOOK);
          await shot(page, "4-no-controlnet");
        },
      );
    },
  );

  it(
    "OpenAI: an Images API edit with the frame's PNG and the keep-the-composition " +
      "instruction, the look as data; placed beside the frame at its size",
    async () => {
      const server = await startServer();
      server.push(imageReply());
      const storage = {
        "figment.settings": { provider: "openai", baseUrl: server.url.replace(/\/+$/, ""), model: "gpt-5.4-image-2" },
        "figment.apiKey": KEY,
      };
      await withPluginPage(
        browser,
        {
          fixture: LOGIN,
          select: [LOGIN_FRAME],
          command: "image",
          storage,
          viewport: VIEWPORT,
          allowOrigins: [serverOrigin(server)],
        },
        async ({ page, ui, sim }) => {
          const log = pageLog(page);
          await describeLook(ui);
          // No ControlNet options for a hosted model.
          expect(await ui.locator(".render-frame__control").count()).toBe(0);
          await shot(page, "5-openai-render-form");
          await ui.getByRole("button", { name: "Render this frame" }).click();
          const confirm = ui.locator(".image-confirm");
          await confirm.waitFor({ timeout: 60_000 });
          expect(server.requests).toHaveLength(0);
          expect(await confirm.textContent()).toContain(
            `Rendering “Log-In Page” in the look “${LOOK}”, its layout kept; placed beside it at its size`,
          );
          await shot(page, "6-openai-render-estimate");
          await confirm.getByRole("button", { name: "Send" }).click();
          await ui.locator(".toast", { hasText: "Placed v1 beside “Log-In Page”." }).waitFor({ timeout: 60_000 });
          const edit = server.requests[0]!;
          expect(edit.path).toBe("/v1/images/edits");
          expect(edit.schemaErrors).toEqual([]);
          expect(edit.files.map((f) => [f.filename, f.contentType])).toEqual([["Log-In Page.png", "image/png"]]);
          expect(edit.files[0]!.bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
          // A multipart form field's line ends arrive as CRLF (the browser's FormData normalises them).
          const prompt = (edit.body as { prompt: string }).prompt.replace(/\r\n/g, "\n");
          expect(prompt).toMatch(
            new RegExp(
              "^Render the attached image, a wireframe or low-fidelity frame of a screen, " +
                String.raw`as a polished, finished design mockup\.\nKeep its composition exactly: the ` +
                "layout, the position and size of every element, the proportions",
            ),
          );
          expect(prompt).toContain(`<look>\n${LOOK}\n</look>`);
          expect((edit.body as { n: number }).n).toBe(1);
          const result = await placed(sim);
          expectBeside(result);
          expect(result.record).toMatchObject({ prompt: LOOK, provider: "openai", references: 1 });
          await shot(page, "7-openai-render-placed");
          expect(log.join("\n")).not.toContain("could not save to history");
        },
      );
    },
  );
});
