/**
 * `figment image --template … --provider sdnext` (rows and parameter grids on a local SD server) through
 * `run(argv, io, { env })` over real HTTP against the SD.Next test server, which validates every body against
 * SD.Next's fields: a 3×2 sweep sends 6 txt2img requests one at a time with the cells' cfg_scale and seed, the
 * files are named by the values, --json lists each with its parameters and seed and the grid's headers; rows ×
 * a sweep; img2img with a strength sweep; --consistent keeping the first image's seed; the server down stopping
 * the run; a sweep refused on OpenAI in one line before anything is sent; --dry-run listing each cell's request;
 * --json naming the server's checkpoint (from AUTOMATIC1111's answers, else SD.Next's loaded one).
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { captureIo, listFiles } from "../../test/helpers/fixtures.js";
import { encodePng } from "../../test/openai-server/png.js";
import { startSdNextServer, type SdTestServer } from "../../test/sdnext-server/server.js";
import { run } from "../run.js";
import { scratchFolder } from "../../test/helpers/temp-dirs.js";

const FAST = { FIGMENT_SD_POLL_MS: "1" };
const { file, outDir } = scratchFolder("figment-sd-rows-");

let server: SdTestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
async function start(options: Parameters<typeof startSdNextServer>[0] = {}): Promise<SdTestServer> {
  server = await startSdNextServer(options);
  return server;
}

async function figment(
  argv: string[],
  env: Record<string, string | undefined> = FAST,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = captureIo();
  const code = await run(["image", ...argv], io, { env });
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

const posts = (sd: SdTestServer, path: string) => sd.requests.filter((r) => r.method === "POST" && r.path === path);
function bodies(sd: SdTestServer, path: string): Record<string, unknown>[] {
  return posts(sd, path).map((r) => {
    expect(r.errors).toEqual([]);
    return r.body as Record<string, unknown>;
  });
}

describe("figment image --template --provider sdnext --sweep", () => {
  it(
    "a 3×2 grid: six txt2img requests with each cell's " + "cfg_scale and seed, files named by the values, --json",
    async () => {
      const sd = await start();
      const out = outDir();
      const { code, stdout, stderr } = await figment([
        "--template",
        "a lighthouse at dusk",
        "--provider",
        "sdnext",
        "--base-url",
        sd.url,
        "--sweep",
        "cfg=4,7,10",
        "--sweep",
        "seed=1,2",
        "--steps",
        "12",
        "--size",
        "512x512",
        "--negative",
        "blurry",
        "--out",
        out,
        "--json",
      ]);
      expect(stderr).toContain("a 3×2 grid, 6 images (txt2img, 512×512), one at a time");
      expect(code).toBe(0);
      const sent = bodies(sd, "/sdapi/v1/txt2img");
      expect(sent.map((b) => [b["cfg_scale"], b["seed"]])).toEqual([
        [4, 1],
        [7, 1],
        [10, 1],
        [4, 2],
        [7, 2],
        [10, 2],
      ]);
      for (const body of sent)
        expect(body).toMatchObject({
          prompt: "a lighthouse at dusk",
          negative_prompt: "blurry",
          steps: 12,
          width: 512,
          height: 512,
          batch_size: 1,
        });
      const names = [
        "cfg-4_seed-1",
        "cfg-7_seed-1",
        "cfg-10_seed-1",
        "cfg-4_seed-2",
        "cfg-7_seed-2",
        "cfg-10_seed-2",
      ].map((stem) => `${stem}.png`);
      expect(
        listFiles(out)
          .map((p) => basename(p))
          .sort(),
      ).toEqual([...names].sort());
      const json = JSON.parse(stdout) as {
        images: { path: string; params: Record<string, number>; seed: number; width: number }[];
        grid: unknown;
        summary: string;
        model?: string;
      };
      // SD.Next's answers name no checkpoint (only its hash): the one the server has loaded, asked once after the run.
      expect(json.model).toBe("sd_xl_base_1.0 [31e35c80fc]");
      expect(sd.requests.filter((r) => r.path === "/sdapi/v1/options").map((r) => r.method)).toEqual(["GET"]);
      expect(json.images.map((i) => [basename(i.path), i.params, i.seed])).toEqual(
        names.map((name, k) => [name, { cfg: [4, 7, 10][k % 3], seed: k < 3 ? 1 : 2 }, k < 3 ? 1 : 2]),
      );
      expect(json.grid).toEqual({
        columns: 3,
        rows: 2,
        columnLabels: ["CFG 4", "CFG 7", "CFG 10"],
        rowLabels: ["Seed 1", "Seed 2"],
      });
      expect(json.summary).toBe("6 images: 6 written");
      // The image written is the server's own, seeded by the cell's seed.
      expect(readFileSync(json.images[4]!.path)).toEqual(encodePng(512, 512, { seed: 2 }));
    },
  );

  it("AUTOMATIC1111's answers name the checkpoint: --json says it without asking the server again", async () => {
    const sd = await start({ flavour: "a1111" });
    const { code, stdout } = await figment([
      "--template",
      "a lighthouse",
      "--provider",
      "a1111",
      "--base-url",
      sd.url,
      "--sweep",
      "cfg=4,7",
      "--out",
      outDir(),
      "--json",
    ]);
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as { model?: string }).model).toBe("sd_xl_base_1.0");
    expect(sd.requests.filter((r) => r.path === "/sdapi/v1/options")).toEqual([]);
  });

  it(
    "--dry-run prints the rows and then every cell with its " +
      "swept values and the request it would send; nothing is sent",
    async () => {
      const sd = await start();
      const rows = file("rows.csv", "animal\ncat\ndog\n");
      const argv = [
        "--template",
        "a {animal} at dusk",
        "--rows",
        rows,
        "--provider",
        "sdnext",
        "--base-url",
        sd.url,
        "--sweep",
        "cfg=4,7",
        "--steps",
        "12",
        "--size",
        "512x512",
        "--negative",
        "blurry",
        "--sampler",
        "UniPC",
        "--seed",
        "5",
        "--out",
        outDir(),
        "--dry-run",
      ];
      const plain = await figment(argv);
      expect(plain.code).toBe(0);
      expect(plain.stdout.split("\n").slice(-6)).toEqual([
        "",
        "Grid (--sweep): 2×2, 4 images, sent in this order:",
        "  1-cat_cfg-4.*  row 1: cfg 4  →  mode txt2img, size 512x512, " +
          "steps 12, cfg 4, sampler UniPC, seed 5, negative blurry",
        "  1-cat_cfg-7.*  row 1: cfg 7  →  mode txt2img, size 512x512, " +
          "steps 12, cfg 7, sampler UniPC, seed 5, negative blurry",
        "  2-dog_cfg-4.*  row 2: cfg 4  →  mode txt2img, size 512x512, " +
          "steps 12, cfg 4, sampler UniPC, seed 5, negative blurry",
        "  2-dog_cfg-7.*  row 2: cfg 7  →  mode txt2img, size 512x512, " +
          "steps 12, cfg 7, sampler UniPC, seed 5, negative blurry",
      ]);
      expect(plain.stdout).toContain("row 2 (line 3) → 2-dog.*\n  a dog at dusk");
      const json = JSON.parse((await figment([...argv, "--json"])).stdout) as {
        prompts: unknown[];
        grid: unknown;
        cells: unknown[];
      };
      expect(json.prompts).toHaveLength(2);
      expect(json.grid).toEqual({
        columns: 2,
        rows: 2,
        columnLabels: ["CFG 4", "CFG 7"],
        rowLabels: ["Row 1", "Row 2"],
      });
      expect(json.cells[3]).toEqual({
        row: 2,
        stem: "2-dog_cfg-7",
        params: { cfg: 7 },
        request: { mode: "txt2img", size: "512x512", steps: 12, cfg: 7, sampler: "UniPC", seed: 5, negative: "blurry" },
      });
      // img2img from --ref: each cell's strength.
      const ref = file("ref.png", encodePng(256, 192, { seed: 3 }));
      const strength = JSON.parse(
        (
          await figment([
            "--template",
            "watercolour",
            "--provider",
            "sdnext",
            "--base-url",
            sd.url,
            "--ref",
            ref,
            "--sweep",
            "strength=0.3,0.6",
            "--out",
            outDir(),
            "--dry-run",
            "--json",
          ])
        ).stdout,
      ) as { cells: { request: Record<string, unknown> }[] };
      expect(strength.cells.map((c) => c.request)).toEqual([
        { mode: "img2img", size: "256x192", strength: 0.3 },
        { mode: "img2img", size: "256x192", strength: 0.6 },
      ]);
      expect(sd.requests).toEqual([]);
    },
  );

  it(
    "rows × a sweep: each row's prompt once per value, " + "the row's stem first; plain output names the seeds",
    async () => {
      const sd = await start();
      const out = outDir();
      const rows = file("rows.csv", "animal\ncat\ndog\n");
      const { code, stdout } = await figment([
        "--template",
        "a {animal} in a hat",
        "--rows",
        rows,
        "--provider",
        "sdnext",
        "--base-url",
        sd.url,
        "--sweep",
        "steps=10,30",
        "--out",
        out,
      ]);
      expect(code).toBe(0);
      expect(bodies(sd, "/sdapi/v1/txt2img").map((b) => [b["prompt"], b["steps"], b["seed"]])).toEqual([
        ["a cat in a hat", 10, undefined],
        ["a cat in a hat", 30, undefined],
        ["a dog in a hat", 10, undefined],
        ["a dog in a hat", 30, undefined],
      ]);
      expect(
        listFiles(out)
          .map((p) => basename(p))
          .sort(),
      ).toEqual(["1-cat_steps-10.png", "1-cat_steps-30.png", "2-dog_steps-10.png", "2-dog_steps-30.png"]);
      expect(stdout).toMatch(
        /1-cat_steps-10\.png\t1024×1024 png\tseed 1000\n.*1-cat_steps-30\.png\t1024×1024 png\tseed 1001/,
      );
    },
  );

  it("img2img from --ref with a strength sweep", async () => {
    const sd = await start();
    const ref = file("ref.png", encodePng(256, 192, { seed: 3 }));
    const { code } = await figment([
      "--template",
      "watercolour",
      "--provider",
      "sdnext",
      "--base-url",
      sd.url,
      "--ref",
      ref,
      "--sweep",
      "strength=0.3,0.6",
      "--out",
      outDir(),
    ]);
    expect(code).toBe(0);
    expect(bodies(sd, "/sdapi/v1/img2img").map((b) => [b["denoising_strength"], b["width"], b["height"]])).toEqual([
      [0.3, 256, 192],
      [0.6, 256, 192],
    ]);
    expect(posts(sd, "/sdapi/v1/txt2img")).toHaveLength(0);
  });

  it("--consistent: every later row gets the first image's seed", async () => {
    const sd = await start();
    const rows = file("rows.csv", "animal\ncat\ndog\nowl\n");
    const { code } = await figment([
      "--template",
      "a {animal}",
      "--rows",
      rows,
      "--provider",
      "sdnext",
      "--base-url",
      sd.url,
      "--consistent",
      "--out",
      outDir(),
    ]);
    expect(code).toBe(0);
    expect(bodies(sd, "/sdapi/v1/txt2img").map((b) => b["seed"])).toEqual([undefined, 1000, 1000]);
  });

  it("the server down stops the run after the first row, with its next step", async () => {
    const sd = await start();
    const url = sd.url;
    await sd.close();
    server = undefined;
    const out = outDir();
    const { code, stdout, stderr } = await figment([
      "--template",
      "x",
      "--provider",
      "sdnext",
      "--base-url",
      url,
      "--sweep",
      "cfg=4,7",
      "--out",
      out,
    ]);
    expect(code).toBe(1);
    expect(stdout).toContain("2 images: 0 written, 1 failed (row 1), 1 not sent (row 1)");
    expect(stderr).toMatch(/Is the server running with its API on/);
    expect(listFiles(out)).toEqual([]);
  });

  it("--timeout interrupts the server: the image it returned is written, the rest not sent (exit 1)", async () => {
    const sd = await start();
    sd.next("/sdapi/v1/txt2img", { kind: "job", steps: 10, advance: "manual" });
    const out = outDir();
    const { code, stdout, stderr } = await figment([
      "--template",
      "x",
      "--provider",
      "sdnext",
      "--base-url",
      sd.url,
      "--sweep",
      "cfg=4,7",
      "--timeout",
      "0.05",
      "--out",
      out,
    ]);
    expect(code).toBe(1);
    expect(sd.interrupts).toBe(1);
    expect(posts(sd, "/sdapi/v1/txt2img")).toHaveLength(1);
    expect(listFiles(out).map((p) => basename(p))).toEqual(["cfg-4.png"]);
    expect(stdout.split("\n").at(-1)).toBe("2 images: 1 written, 1 not sent (row 1)");
    expect(stderr).toContain("figment: the run took longer than --timeout 0.05 s: the server was interrupted");
  });

  it("bad values and parameters are refused by name before anything is sent", async () => {
    const sd = await start();
    const base = ["--template", "x", "--provider", "sdnext", "--base-url", sd.url, "--out", outDir()];
    const cases: [string[], RegExp][] = [
      [["--sweep", "cfg=4,40"], /--sweep cfg 40: the CFG scale is a number from 1 to 30/],
      [["--sweep", "steps=0"], /--sweep steps 0: steps are a whole number from 1 to 150/],
      [["--sweep", "seed=-3"], /--sweep seed -3/],
      [["--sweep", "strength=0.5"], /--sweep strength .* --ref/],
      [["--sweep", "quality=low,high"], /no quality setting/],
      [["--sweep", "cfg=4", "--sweep", "cfg=5"], /cfg is swept twice/],
      [["--mask", "m.png"], /--mask applies to a single prompt/],
    ];
    for (const [argv, message] of cases) {
      const { code, stderr } = await figment([...base, ...argv]);
      expect(code, argv.join(" ")).toBe(2);
      expect(stderr).toMatch(message);
    }
    expect(sd.requests.filter((r) => r.method === "POST")).toEqual([]);
  });
});

describe("a sweep on a hosted provider", () => {
  it(
    "a seed, CFG or steps sweep on OpenAI is refused in " + "one line, before the key is read or anything is sent",
    async () => {
      const out = outDir();
      for (const param of ["seed=1,2", "cfg=4,7", "steps=10,20"]) {
        const { code, stderr } = await figment(
          ["--template", "a cat", "--provider", "openai", "--sweep", param, "--out", out],
          {},
        );
        expect(code).toBe(2);
        expect(stderr.trim().split("\n")).toHaveLength(1);
        expect(stderr).toMatch(
          /openai's image API has no (seed|CFG scale|steps) parameter: sweep \w+ with a local server/,
        );
        expect(stderr).toContain("(sdnext, a1111 or comfyui)");
      }
      expect(listFiles(out)).toEqual([]);
    },
  );
});
