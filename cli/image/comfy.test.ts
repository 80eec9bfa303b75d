/**
 * `figment image --provider comfyui` end to end through `run(argv, io)` over real HTTP and WebSocket against the
 * ComfyUI test server (test/comfyui-server), which validates each workflow as ComfyUI does: the flags land in the
 * graph's nodes, --partials writes previews, --workflow fills placeholders, each failure is one line with its next
 * step and the existing exit codes, and Ctrl-C interrupts ComfyUI keeping the images already saved.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { captureIo, listFiles } from "../../test/helpers/fixtures.js";
import { type ComfyTestServer, startComfyServer } from "../../test/comfyui-server/server.js";
import { teamWorkflow } from "../../test/comfyui-server/team-workflow.js";
import { encodePng } from "../../test/openai-server/png.js";
import type { ComfyGraph } from "../../ai/comfyui/workflows.js";
import { run } from "../run.js";

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "figment-comfy-"));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let server: ComfyTestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
async function start(options: Parameters<typeof startComfyServer>[0] = {}): Promise<ComfyTestServer> {
  server = await startComfyServer(options);
  return server;
}

async function figment(
  argv: string[],
  signal?: AbortSignal,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = captureIo();
  const code = await run(
    ["image", "--provider", "comfyui", ...argv],
    { out: io.out, err: io.err },
    {
      env: {},
      ...(signal ? { signal } : {}),
    },
  );
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

let dirs = 0;
const outDir = (): string => join(tmp, `out-${++dirs}`);
const graphOf = (s: ComfyTestServer, n = 0): ComfyGraph => s.prompts[n]!.prompt as ComfyGraph;

describe("figment image --provider comfyui", () => {
  it("txt2img: size, steps, cfg, sampler, seed, count, partials as on SD; --model, --scheduler", async () => {
    const s = await start();
    const out = outDir();
    const { code, stdout, stderr } = await figment([
      "--base-url",
      s.url,
      "--prompt",
      "a fox",
      "--negative",
      "blurry",
      "--size",
      "100x60",
      "--steps",
      "4",
      "--cfg",
      "5.5",
      "--sampler",
      "dpmpp_2m",
      "--scheduler",
      "karras",
      "--seed",
      "7",
      "--count",
      "2",
      "--model",
      "dreamshaper_8",
      "--partials",
      "2",
      "--out",
      out,
      "--json",
    ]);
    expect(stderr).toContain("rounded to 104×64");
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as {
      images: { seed: number; width: number }[];
      partials: unknown[];
      model: string;
    };
    expect(report.images.map((i) => [i.seed, i.width])).toEqual([
      [7, 104],
      [8, 104],
    ]);
    expect(report.partials).toHaveLength(2);
    expect(report.model).toBe("dreamshaper_8.safetensors");
    expect(graphOf(s)["6"]!.inputs).toMatchObject({
      steps: 4,
      cfg: 5.5,
      sampler_name: "dpmpp_2m",
      scheduler: "karras",
      seed: 7,
    });
    // A scheduler the server does not list is refused naming the ones it has; an SD server refuses the flag.
    const unknown = await figment(["--base-url", s.url, "--prompt", "p", "--scheduler", "nope", "--out", outDir()]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/scheduler.*nope.*normal, karras/s);
    const io = captureIo();
    const sd = await run(
      ["image", "--provider", "sdnext", "--prompt", "p", "--scheduler", "karras", "--out", outDir()],
      io,
      {
        env: {},
      },
    );
    expect(sd).toBe(2);
    expect(io.stderr()).toContain("--scheduler applies to --provider comfyui, not sdnext");
    expect(graphOf(s)["3"]!.inputs["text"]).toBe("blurry");
    expect(listFiles(out).filter((f) => f.endsWith(".png"))).toHaveLength(4);
  });

  it("img2img with --ref --strength, and ControlNet with --control --control-type", async () => {
    const s = await start();
    const ref = join(tmp, "ref.png");
    writeFileSync(ref, encodePng(64, 64, { seed: 2 }));
    expect(
      (await figment(["--base-url", s.url, "--prompt", "p", "--ref", ref, "--strength", "0.3", "--out", outDir()]))
        .code,
    ).toBe(0);
    expect(graphOf(s, 0)["6"]!.inputs["denoise"]).toBe(0.3);
    const c = await figment([
      "--base-url",
      s.url,
      "--prompt",
      "p",
      "--control",
      ref,
      "--control-type",
      "scribble",
      "--out",
      outDir(),
    ]);
    expect(c.code).toBe(0);
    expect(graphOf(s, 1)["12"]!.inputs["control_net_name"]).toBe("control_v11p_sd15_scribble.pth");
  });

  it("--workflow fills the placeholders; another provider refuses --workflow", async () => {
    const s = await start();
    const file = join(tmp, "wf.json");
    writeFileSync(file, teamWorkflow("sd_xl_base_1.0.safetensors", 2, { cfg: 7, scheduler: "normal" }));
    const { code } = await figment([
      "--base-url",
      s.url,
      "--prompt",
      "a fox",
      "--seed",
      "3",
      "--size",
      "64x64",
      "--workflow",
      file,
      "--out",
      outDir(),
    ]);
    expect(code).toBe(0);
    expect(graphOf(s)["5"]!.inputs["seed"]).toBe(3);
    expect(graphOf(s)["4"]!.inputs).toMatchObject({ width: 64, height: 64 });
    const io = captureIo();
    const refused = await run(
      ["image", "--provider", "sdnext", "--prompt", "p", "--workflow", file, "--out", outDir()],
      io,
      { env: {} },
    );
    expect(refused).toBe(2);
    expect(io.stderr()).toContain("--workflow applies to --provider comfyui, not sdnext");
    // A flag the file's own settings would silently override is refused by name, before anything is sent.
    const sent = s.prompts.length;
    const own = captureIo();
    const unused = await run(
      [
        "image",
        "--provider",
        "comfyui",
        "--base-url",
        s.url,
        "--prompt",
        "p",
        "--workflow",
        file,
        "--steps",
        "30",
      ].concat(["--out", outDir()]),
      own,
      { env: {} },
    );
    expect(unused).toBe(2);
    expect(own.stderr()).toContain("--steps does not apply with --workflow: the file is sent with its own settings");
    expect(s.prompts).toHaveLength(sent);
  });

  it("failures in one line with the existing exit codes; nothing left under --out", async () => {
    const s = await start();
    const out = outDir();
    const model = await figment(["--base-url", s.url, "--prompt", "p", "--model", "nope", "--out", out]);
    expect(model.code).toBe(2);
    expect(model.stderr).toContain(
      'ComfyUI has no checkpoint "nope" (it has sd_xl_base_1.0.safetensors, dreamshaper_8.safetensors). Give --model',
    );
    s.next({ fail: { classType: "KSampler", kind: "out-of-memory" } });
    const oom = await figment(["--base-url", s.url, "--prompt", "p", "--partials", "1", "--out", out]);
    expect(oom.code).toBe(1);
    expect(oom.stderr).toContain("ComfyUI ran out of GPU memory at node 6 (KSampler)");
    expect(listFiles(out)).toEqual([]);
    const url = s.url;
    await s.close();
    const down = await figment(["--base-url", url, "--prompt", "p", "--out", out]);
    expect(down.code).toBe(1);
    expect(down.stderr).toContain(`Could not connect to ComfyUI at ${url}. Is ComfyUI running?`);
  });

  it("Ctrl-C interrupts ComfyUI and writes the images already saved (exit 130)", async () => {
    const s = await start();
    s.next({}, { advance: "manual" });
    const controller = new AbortController();
    const out = outDir();
    const running = figment(
      ["--base-url", s.url, "--prompt", "p", "--count", "3", "--seed", "5", "--out", out],
      controller.signal,
    );
    await s.samplerWaiting();
    controller.abort();
    const { code, stderr } = await running;
    expect(code).toBe(130);
    expect(stderr).toContain("ComfyUI was interrupted and the 1 image it had saved was written");
    expect(listFiles(out).filter((f) => f.endsWith(".png"))).toHaveLength(1);
    expect(s.interrupts).toBe(1);
  });
});
