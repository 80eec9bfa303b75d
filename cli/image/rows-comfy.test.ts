/**
 * `figment image --template … --provider comfyui` (rows and parameter grids on ComfyUI) through `run(argv, io)` over
 * real HTTP and WebSocket against the ComfyUI test server (test/comfyui-server), which validates each workflow as
 * ComfyUI does: rows × a CFG sweep as one workflow run per cell (the prompts ComfyUI received, each cell's cfg and
 * seed, files named by the values holding the server's own pixels, --json's grid and checkpoint, discovery asked
 * once); --consistent keeping the first image's seed; img2img with a strength sweep; the user's --workflow filled per
 * row (only seed swept); out of memory on the second row keeping the others; a swept sampler ComfyUI lacks failing its
 * own cells only; a workflow refused as a whole or the server down stopping the run; Ctrl-C and --timeout during the
 * second row interrupting ComfyUI and keeping the first; --dry-run sending nothing.
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { ComfyGraph } from "../../ai/comfyui/workflows.js";
import { pixelSeed } from "../../test/comfyui-server/execute.js";
import { type ComfyTestServer, startComfyServer } from "../../test/comfyui-server/server.js";
import { teamWorkflow } from "../../test/comfyui-server/team-workflow.js";
import { captureIo, listFiles } from "../../test/helpers/fixtures.js";
import { encodePng } from "../../test/openai-server/png.js";
import { run } from "../run.js";
import { scratchFolder } from "../../test/helpers/temp-dirs.js";

const { file, outDir } = scratchFolder("figment-comfy-rows-");
const pngs = (out: string): string[] =>
  listFiles(out)
    .filter((f) => f.endsWith(".png"))
    .map((f) => basename(f))
    .sort();

let server: ComfyTestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
async function start(): Promise<ComfyTestServer> {
  server = await startComfyServer();
  return server;
}

async function figment(
  argv: string[],
  signal?: AbortSignal,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = captureIo();
  const code = await run(["image", ...argv], io, { env: {}, ...(signal ? { signal } : {}) });
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

/** The node of `classType` in a prompt ComfyUI accepted (the built-in graphs have one KSampler, one checkpoint). */
const nodeOf = (graph: ComfyGraph, classType: string): Record<string, unknown> => {
  const node = Object.values(graph).find((n) => n.class_type === classType);
  if (!node) throw new Error(`no ${classType} in the prompt`);
  return node.inputs;
};
const graphs = (s: ComfyTestServer): ComfyGraph[] => s.prompts.map((p) => p.prompt as ComfyGraph);
/** Each accepted prompt's positive text, cfg and seed, in the order ComfyUI received them. */
const received = (s: ComfyTestServer): [unknown, unknown, unknown][] =>
  graphs(s).map((g) => {
    const k = nodeOf(g, "KSampler");
    const positive = g[(k["positive"] as [string, number])[0]]!.inputs["text"];
    return [positive, k["cfg"], k["seed"]];
  });

interface RowsJson {
  images: { row: number; path: string; width: number; seed: number; params?: Record<string, unknown> }[];
  failures: { row: number; kind: string; message: string }[];
  notSent: number[];
  summary: string;
  grid?: unknown;
  model?: string;
  provider: string;
  api: string;
}

describe("figment image --template --provider comfyui", () => {
  it("two rows × a CFG sweep: a ComfyUI run per cell with its cfg and seed, files by the values, --json", async () => {
    const s = await start();
    const out = outDir();
    const rows = file("rows.csv", "animal\ncat\ndog\n");
    const { code, stdout, stderr } = await figment([
      "--template",
      "a {animal} at dusk",
      "--rows",
      rows,
      "--provider",
      "comfyui",
      "--base-url",
      s.url,
      "--sweep",
      "cfg=4,7",
      "--seed",
      "5",
      "--steps",
      "2",
      "--sampler",
      "dpmpp_2m",
      "--model",
      "dreamshaper_8",
      "--negative",
      "blurry",
      "--size",
      "96x64",
      "--out",
      out,
      "--json",
    ]);
    expect(stderr).toContain("a 2×2 grid, 4 images (txt2img, 96×64), one at a time, on the ComfyUI server at");
    expect(code, stderr).toBe(0);
    expect(received(s)).toEqual([
      ["a cat at dusk", 4, 5],
      ["a cat at dusk", 7, 5],
      ["a dog at dusk", 4, 5],
      ["a dog at dusk", 7, 5],
    ]);
    for (const graph of graphs(s)) {
      expect(nodeOf(graph, "KSampler")).toMatchObject({ steps: 2, sampler_name: "dpmpp_2m", denoise: 1 });
      expect(nodeOf(graph, "CheckpointLoaderSimple")["ckpt_name"]).toBe("dreamshaper_8.safetensors");
      expect(nodeOf(graph, "EmptyLatentImage")).toMatchObject({ width: 96, height: 64, batch_size: 1 });
      expect(Object.values(graph).some((n) => n.class_type === "CLIPTextEncode" && n.inputs["text"] === "blurry")).toBe(
        true,
      );
    }
    // Each row is its own prompt, one at a time; what the server has is asked once for the whole run.
    expect(new Set(s.prompts.map((p) => p.id)).size).toBe(4);
    expect(s.requests.filter((r) => r.path === "/system_stats")).toHaveLength(1);
    expect(s.requests.filter((r) => r.path === "/object_info/KSampler")).toHaveLength(1);
    const names = ["1-cat_cfg-4.png", "1-cat_cfg-7.png", "2-dog_cfg-4.png", "2-dog_cfg-7.png"];
    expect(pngs(out)).toEqual(names);
    const json = JSON.parse(stdout) as RowsJson;
    expect(json.images.map((i) => [basename(i.path), i.row, i.params, i.seed, i.width])).toEqual(
      names.map((name, k) => [name, k < 2 ? 1 : 2, { cfg: k % 2 ? 7 : 4 }, 5, 96]),
    );
    expect(json.grid).toEqual({ columns: 2, rows: 2, columnLabels: ["CFG 4", "CFG 7"], rowLabels: ["Row 1", "Row 2"] });
    expect(json).toMatchObject({
      summary: "4 images: 4 written",
      model: "dreamshaper_8.safetensors",
      provider: "comfyui",
      api: "comfyui",
    });
    // The file is the image ComfyUI saved for that cell: its pixels follow the seed and the row's prompt.
    expect(readFileSync(json.images[2]!.path)).toEqual(encodePng(96, 64, { seed: pixelSeed(5, "a dog at dusk") }));
  });

  it("rows × a seed sweep, plain output with each seed; --consistent keeps the first image's seed", async () => {
    const s = await start();
    const out = outDir();
    const rows = file("rows.csv", "animal\ncat\ndog\n");
    const base = ["--template", "a {animal}", "--rows", rows, "--provider", "comfyui", "--base-url", s.url];
    const swept = await figment([...base, "--sweep", "seed=1,2", "--steps", "1", "--size", "64x64", "--out", out]);
    expect(swept.code, swept.stderr).toBe(0);
    expect(received(s).map(([text, , seed]) => [text, seed])).toEqual([
      ["a cat", 1],
      ["a cat", 2],
      ["a dog", 1],
      ["a dog", 2],
    ]);
    expect(swept.stdout).toMatch(/1-cat_seed-1\.png\t64×64 png\tseed 1\n.*1-cat_seed-2\.png\t64×64 png\tseed 2\n/);
    expect(swept.stdout).toContain("4 images: 4 written");

    const consistent = await figment([...base, "--consistent", "--steps", "1", "--size", "64x64", "--out", outDir()]);
    expect(consistent.code, consistent.stderr).toBe(0);
    const seeds = received(s)
      .slice(4)
      .map(([, , seed]) => seed);
    expect(seeds).toHaveLength(2);
    expect(typeof seeds[0]).toBe("number");
    expect(seeds[1]).toBe(seeds[0]);
  });

  it("img2img from --ref with a strength sweep: the reference uploaded, each cell's denoise", async () => {
    const s = await start();
    const ref = file("ref.png", encodePng(96, 64, { seed: 3 }));
    const { code, stderr } = await figment([
      "--template",
      "watercolour",
      "--provider",
      "comfyui",
      "--base-url",
      s.url,
      "--ref",
      ref,
      "--sweep",
      "strength=0.3,0.6",
      "--steps",
      "1",
      "--out",
      outDir(),
    ]);
    expect(code, stderr).toBe(0);
    expect(stderr).toContain("(img2img, 96×64)");
    expect(graphs(s).map((g) => nodeOf(g, "KSampler")["denoise"])).toEqual([0.3, 0.6]);
    // One upload under the picture's content name, loaded by both cells.
    const [uploaded] = [...s.inputs.keys()];
    expect(s.inputs.size).toBe(1);
    expect(graphs(s).map((g) => nodeOf(g, "LoadImage")["image"])).toEqual([uploaded, uploaded]);
  });

  it("--workflow: the user's workflow filled per row and seed; another sweep is refused by name", async () => {
    const s = await start();
    const workflow = file(
      "team.json",
      teamWorkflow("sd_xl_base_1.0.safetensors", 1, { cfg: 3, style: "team style", scheduler: "normal" }),
    );
    const rows = file("rows.csv", "animal\ncat\ndog\n");
    const base = ["--template", "a {animal}", "--rows", rows, "--provider", "comfyui", "--base-url", s.url];
    const out = outDir();
    const { code, stderr, stdout } = await figment([
      ...base,
      "--workflow",
      workflow,
      "--negative",
      "blurry",
      "--sweep",
      "seed=11,12",
      "--size",
      "64x64",
      "--out",
      out,
      "--json",
    ]);
    expect(code, stderr).toBe(0);
    expect(stderr).toContain("(workflow, 64×64)");
    expect(received(s)).toEqual([
      ["a cat, team style", 3, 11],
      ["a cat, team style", 3, 12],
      ["a dog, team style", 3, 11],
      ["a dog, team style", 3, 12],
    ]);
    expect(graphs(s).map((g) => g["3"]!.inputs["text"])).toEqual(["blurry", "blurry", "blurry", "blurry"]);
    expect(pngs(out)).toHaveLength(4);
    // The user's workflow names its own checkpoint: --json says none.
    expect((JSON.parse(stdout) as RowsJson).model).toBeUndefined();

    const refused = await figment([...base, "--workflow", workflow, "--sweep", "cfg=4,7", "--out", outDir()]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      "--sweep cfg: a workflow file is sent with its own settings and only its placeholders filled",
    );
    expect(s.prompts).toHaveLength(4);
  });

  it("out of memory on the second row keeps the first and third; the failure listed in one line (exit 1)", async () => {
    const s = await start();
    s.next({}, { fail: { classType: "KSampler", kind: "out-of-memory" } });
    const out = outDir();
    const rows = file("rows.csv", "animal\ncat\ndog\nowl\n");
    const { code, stdout, stderr } = await figment([
      "--template",
      "a {animal}",
      "--rows",
      rows,
      "--provider",
      "comfyui",
      "--base-url",
      s.url,
      "--steps",
      "1",
      "--size",
      "64x64",
      "--out",
      out,
    ]);
    expect(code).toBe(1);
    expect(stderr).toContain("row 2 (line 3) failed: ComfyUI ran out of GPU memory at node 6 (KSampler)");
    expect(stdout).toContain("failed: row 2 (line 3): ComfyUI ran out of GPU memory at node 6 (KSampler)");
    expect(stdout.split("\n").at(-1)).toBe("3 rows: 2 written, 1 failed (row 2)");
    expect(pngs(out)).toEqual(["1-cat.png", "3-owl.png"]);
    expect(s.prompts).toHaveLength(3);
  });

  it("a swept sampler ComfyUI lacks fails its own cells only, named with what the server has", async () => {
    const s = await start();
    const out = outDir();
    const { code, stdout } = await figment([
      "--template",
      "a fox",
      "--provider",
      "comfyui",
      "--base-url",
      s.url,
      "--sweep",
      "sampler=euler,nope",
      "--steps",
      "1",
      "--size",
      "64x64",
      "--out",
      out,
      "--json",
    ]);
    expect(code).toBe(1);
    const json = JSON.parse(stdout) as RowsJson;
    expect(json.failures).toHaveLength(1);
    expect(json.failures[0]!.message).toMatch(/^ComfyUI has no sampler "nope" \(it has euler, euler_ancestral,/);
    expect(json.notSent).toEqual([]);
    expect(pngs(out)).toEqual(["sampler-euler.png"]);
    expect(s.prompts.map((p) => nodeOf(p.prompt as ComfyGraph, "KSampler")["sampler_name"])).toEqual(["euler"]);
  });

  it("what every row would meet stops the run: a node type ComfyUI lacks (2), the server down (1)", async () => {
    const s = await start();
    const workflow = file(
      "custom.json",
      JSON.stringify({
        "1": { class_type: "TeamUpscaler", inputs: { text: "{{prompt}}" } },
        "2": { class_type: "SaveImage", inputs: { images: ["1", 0], filename_prefix: "x" } },
      }),
    );
    const out = outDir();
    const argv = ["--template", "a fox", "--provider", "comfyui", "--sweep", "seed=1,2,3", "--out", out];
    const refused = await figment([...argv, "--base-url", s.url, "--workflow", workflow]);
    expect(refused.code).toBe(2);
    expect(refused.stdout).toContain("3 images: 0 written, 1 failed (row 1), 2 not sent (rows 1, 1)");
    expect(refused.stderr.split("\n").at(-1)).toMatch(/^figment: ComfyUI refused the workflow: .*TeamUpscaler/);
    expect(s.requests.filter((r) => r.method === "POST" && r.path === "/prompt")).toHaveLength(1);

    const url = s.url;
    await s.close();
    server = undefined;
    const down = await figment([...argv, "--base-url", url]);
    expect(down.code).toBe(1);
    expect(down.stdout).toContain("3 images: 0 written, 1 failed (row 1), 2 not sent");
    expect(down.stderr.split("\n").at(-1)).toBe(
      `figment: Could not connect to ComfyUI at ${url}. Is ComfyUI running? Start it (python main.py), or give its ` +
        `address with --base-url (tried ${url}).`,
    );
    expect(listFiles(out)).toEqual([]);
  });

  it("Ctrl-C during the second row interrupts ComfyUI, keeps the first and sends no more (exit 130)", async () => {
    const s = await start();
    s.next({}, { advance: "manual" });
    const controller = new AbortController();
    const out = outDir();
    const running = figment(
      [
        "--template",
        "a fox",
        "--provider",
        "comfyui",
        "--base-url",
        s.url,
        "--sweep",
        "seed=1,2,3",
        "--steps",
        "2",
        "--size",
        "64x64",
        "--out",
        out,
      ],
      controller.signal,
    );
    await s.samplerWaiting();
    controller.abort();
    const { code, stdout } = await running;
    expect(code).toBe(130);
    expect(s.interrupts).toBe(1);
    expect(s.prompts).toHaveLength(2);
    expect(pngs(out)).toEqual(["seed-1.png"]);
    expect(stdout.split("\n").at(-1)).toBe(
      "3 images: 1 written, 2 not sent (rows 1, 1); cancelled (finished images kept)",
    );
  });

  it("--timeout during the second row interrupts ComfyUI, keeps the first, lists the rest (exit 1)", async () => {
    const s = await start();
    s.next({}, { advance: "manual" });
    const out = outDir();
    const { code, stdout, stderr } = await figment([
      "--template",
      "a fox",
      "--provider",
      "comfyui",
      "--base-url",
      s.url,
      "--sweep",
      "seed=1,2,3",
      "--steps",
      "1",
      "--size",
      "64x64",
      "--timeout",
      "1.5",
      "--out",
      out,
    ]);
    expect(code).toBe(1);
    expect(s.interrupts).toBe(1);
    expect(pngs(out)).toEqual(["seed-1.png"]);
    expect(stdout.split("\n").at(-1)).toBe("3 images: 1 written, 2 not sent (rows 1, 1)");
    expect(stderr.split("\n").at(-1)).toBe(
      "figment: the run took longer than --timeout 1.5 s: the server was interrupted, the images written are kept " +
        "and the rest were not sent",
    );
  });

  it("--dry-run lists each cell's request with the checkpoint and sends nothing", async () => {
    const s = await start();
    const { code, stdout } = await figment([
      "--template",
      "a fox",
      "--provider",
      "comfyui",
      "--base-url",
      s.url,
      "--model",
      "dreamshaper_8",
      "--sweep",
      "steps=10,20",
      "--size",
      "64x64",
      "--out",
      outDir(),
      "--dry-run",
      "--json",
    ]);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { cells: { request: unknown }[] }).cells.map((c) => c.request)).toEqual([
      { mode: "txt2img", size: "64x64", model: "dreamshaper_8", steps: 10 },
      { mode: "txt2img", size: "64x64", model: "dreamshaper_8", steps: 20 },
    ]);
    expect(s.requests).toEqual([]);
  });
});
