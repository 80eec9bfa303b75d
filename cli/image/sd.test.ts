/**
 * `figment image --provider sdnext|a1111` end to end through `run(argv, io, { env })` over real HTTP against the
 * SD test server (test/sdnext-server), which validates every body against SD.Next's request fields and refuses an
 * unknown one: each flag lands in the body under SD's name, --json lists each image with its seed, --partials
 * writes that many previews, SDNEXT_AUTH is sent as HTTP Basic and never printed, each fault is one line with its
 * next step and leaves nothing under --out, Ctrl-C interrupts the server and keeps its images (also the built
 * binary with a real SIGINT).
 */
import { spawn } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { captureIo, listFiles, REPO_ROOT } from "../../test/helpers/fixtures.js";
import { encodePng } from "../../test/openai-server/png.js";
import {
  OOM_MESSAGE,
  startSdNextServer,
  type SdServerOptions,
  type SdTestServer,
} from "../../test/sdnext-server/server.js";
import { decodePng, emptyMask, maskFromPng, openAiMaskPng } from "../../ai/mask/index.js";
import { IMAGE_USAGE } from "./args.js";
import { writeAtomically } from "../common/image-files.js";
import { SD_FLAGS } from "./sd-args.js";
import { run } from "../run.js";

/** Progress polls every millisecond: a job advanced per poll finishes at once. */
const FAST = { FIGMENT_SD_POLL_MS: "1" };

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "figment-sd-"));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

let server: SdTestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});
async function start(options: SdServerOptions = {}): Promise<SdTestServer> {
  server = await startSdNextServer(options);
  return server;
}

async function figment(
  argv: string[],
  env: Record<string, string | undefined> = FAST,
  signal?: AbortSignal,
  onErr?: (line: string) => void,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const io = captureIo();
  const err = (text: string): void => {
    io.err(text);
    onErr?.(text);
  };
  const code = await run(["image", ...argv], { out: io.out, err }, { env, ...(signal ? { signal } : {}) });
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

let dirs = 0;
const outDir = (): string => join(tmp, `out-${++dirs}`);
function pngFile(name: string, width: number, height: number, seed = 1): string {
  const path = join(tmp, name);
  writeFileSync(path, encodePng(width, height, { seed }));
  return path;
}

/** The one generation request, checked valid by the server (its field table refuses unknown names). */
function generation(sd: SdTestServer, path: string): Record<string, unknown> {
  const requests = sd.requests.filter((r) => r.method === "POST" && r.path === path);
  expect(requests).toHaveLength(1);
  expect(requests[0]!.errors).toEqual([]);
  return requests[0]!.body as Record<string, unknown>;
}

interface SdJson {
  images: { path: string; width: number; height: number; bytes: number; format: string; seed: number | null }[];
  partials: { path: string; index: number }[];
  interrupted: boolean;
  mode: string;
  size: { width: number; height: number };
  provider: string;
  baseUrl: string;
}

describe("figment image --provider sdnext: txt2img", () => {
  it(
    "sends each flag under SD's field name; --json lists " + "every image with its seed; the rounded size is said",
    async () => {
      const sd = await start();
      const out = outDir();
      const { code, stdout, stderr } = await figment([
        "--provider",
        "sdnext",
        "--base-url",
        sd.url,
        "--prompt",
        "A lighthouse at dusk",
        "--out",
        out,
        "--negative",
        "blurry, text",
        "--seed",
        "42",
        "--steps",
        "12",
        "--cfg",
        "5.5",
        "--sampler",
        "DPM++ 2M",
        "--size",
        "100x60",
        "--count",
        "2",
        "--json",
      ]);
      expect(code, stderr).toBe(0);
      expect(generation(sd, "/sdapi/v1/txt2img")).toMatchObject({
        prompt: "A lighthouse at dusk",
        negative_prompt: "blurry, text",
        seed: 42,
        steps: 12,
        cfg_scale: 5.5,
        sampler_name: "DPM++ 2M",
        width: 104,
        height: 64,
        batch_size: 2,
        send_images: true,
        save_images: false,
      });
      const report = JSON.parse(stdout) as SdJson;
      expect(report.images).toEqual([
        {
          path: join(out, "a-lighthouse-at-dusk-1.png"),
          width: 104,
          height: 64,
          bytes: encodePng(104, 64, { seed: 42 }).length,
          format: "png",
          seed: 42,
        },
        {
          path: join(out, "a-lighthouse-at-dusk-2.png"),
          width: 104,
          height: 64,
          bytes: encodePng(104, 64, { seed: 43 }).length,
          format: "png",
          seed: 43,
        },
      ]);
      expect(report).toMatchObject({
        partials: [],
        interrupted: false,
        mode: "txt2img",
        size: { width: 104, height: 64 },
        provider: "sdnext",
        baseUrl: sd.url,
      });
      expect(readFileSync(join(out, "a-lighthouse-at-dusk-2.png")).equals(encodePng(104, 64, { seed: 43 }))).toBe(true);
      expect(listFiles(out)).toEqual(["a-lighthouse-at-dusk-1.png", "a-lighthouse-at-dusk-2.png"]);
      expect(stderr).toContain(
        "figment: note: --size 100×60 rounded to 104×64: Stable Diffusion draws in multiples of 8 px",
      );
      expect(stderr).toContain(`figment: drawing 2 images (txt2img, 104×64) with the SD.Next server at ${sd.url}…`);
    },
  );

  it("without --json: one line per image with its seed; no note when the size is already a multiple of 8", async () => {
    const sd = await start();
    const out = outDir();
    const { code, stdout, stderr } = await figment([
      "--provider",
      "sdnext",
      "--base-url",
      sd.url,
      "--prompt",
      "Tea",
      "--out",
      out,
      "--size",
      "64x64",
      "--n",
      "1",
    ]);
    expect(code, stderr).toBe(0);
    expect(stdout.split("\n")).toEqual([`wrote 1 image to ${out}`, `  ${join(out, "tea.png")}\t64×64 png\tseed 1000`]);
    expect(stderr).not.toContain("rounded");
  });

  it("--provider a1111 speaks the same API; the default size is 512×512 there", async () => {
    const sd = await start({ flavour: "a1111" });
    const out = outDir();
    const { code, stdout, stderr } = await figment([
      "--provider",
      "a1111",
      "--base-url",
      sd.url,
      "--prompt",
      "Tea",
      "--out",
      out,
      "--seed",
      "7",
      "--json",
    ]);
    expect(code, stderr).toBe(0);
    expect(generation(sd, "/sdapi/v1/txt2img")).toMatchObject({ width: 512, height: 512, seed: 7, batch_size: 1 });
    expect((JSON.parse(stdout) as SdJson).images.map((i) => i.seed)).toEqual([7]);
    expect(stderr).toContain("with the AUTOMATIC1111 server at");
  });
});

describe("img2img, inpainting and ControlNet", () => {
  it("--ref and --strength: the init image byte for byte and denoising_strength; the size is the image's", async () => {
    const sd = await start();
    const ref = pngFile("ref.png", 96, 64, 5);
    const out = outDir();
    const { code, stdout, stderr } = await figment([
      "--provider",
      "sdnext",
      "--base-url",
      sd.url,
      "--prompt",
      "Warmer",
      "--out",
      out,
      "--ref",
      ref,
      "--strength",
      "0.35",
      "--json",
    ]);
    expect(code, stderr).toBe(0);
    const body = generation(sd, "/sdapi/v1/img2img");
    expect(body).toMatchObject({ denoising_strength: 0.35, width: 96, height: 64 });
    expect(Buffer.from((body["init_images"] as string[])[0]!, "base64").equals(readFileSync(ref))).toBe(true);
    expect(body["mask"]).toBeUndefined();
    expect(JSON.parse(stdout)).toMatchObject({ mode: "img2img", size: { width: 96, height: 64 } });
  });

  it("--mask with --ref inpaints: the mask as SD reads it (white = repaint) with SD's inpainting fields", async () => {
    const sd = await start();
    const ref = pngFile("inpaint-ref.png", 96, 64, 5);
    const mask = pngFile("inpaint-mask.png", 96, 64, 9);
    const { code, stdout, stderr } = await figment([
      "--provider",
      "sdnext",
      "--base-url",
      sd.url,
      "--prompt",
      "A red door",
      "--out",
      outDir(),
      "--ref",
      ref,
      "--mask",
      mask,
      "--json",
    ]);
    expect(code, stderr).toBe(0);
    const body = generation(sd, "/sdapi/v1/img2img");
    const sent = maskFromPng(new Uint8Array(Buffer.from(body["mask"] as string, "base64")));
    expect(sent.convention).toBe("white-repaints");
    expect(sent.mask.coverage).toEqual(maskFromPng(new Uint8Array(readFileSync(mask))).mask.coverage);
    expect(body).toMatchObject({ denoising_strength: 0.75, inpainting_mask_invert: 0 });
    expect(JSON.parse(stdout)).toMatchObject({ mode: "inpaint" });
  });

  it(
    "a mask where transparent pixels repaint (OpenAI's " + "convention) is turned into SD's: those pixels go white",
    async () => {
      const sd = await start();
      const ref = pngFile("t-ref.png", 8, 4, 5);
      const mask = emptyMask(8, 4);
      mask.coverage.fill(255, 0, 4); // the first row's left half repaints
      const path = join(tmp, "t-mask.png");
      writeFileSync(path, openAiMaskPng(mask));
      const { code, stderr } = await figment([
        "--provider",
        "sdnext",
        "--base-url",
        sd.url,
        "--prompt",
        "x",
        "--out",
        outDir(),
        "--ref",
        ref,
        "--mask",
        path,
      ]);
      expect(code, stderr).toBe(0);
      const sent = decodePng(
        new Uint8Array(Buffer.from(generation(sd, "/sdapi/v1/img2img")["mask"] as string, "base64")),
      );
      const grey = Array.from({ length: 32 }, (_, i) => sent.rgba[i * 4]);
      expect(grey).toEqual(Array.from({ length: 32 }, (_, i) => (i < 4 ? 255 : 0)));
    },
  );

  it("a mask of another size than the image is refused before anything is sent", async () => {
    const sd = await start();
    const out = outDir();
    const { code, stderr } = await figment([
      "--provider",
      "sdnext",
      "--base-url",
      sd.url,
      "--prompt",
      "x",
      "--out",
      out,
      "--ref",
      pngFile("r.png", 96, 64),
      "--mask",
      pngFile("m.png", 64, 64),
    ]);
    expect(code).toBe(2);
    expect(stderr).toBe(
      "figment: --mask is 64×64 but the --ref image is 96×64: the mask must be the image's size (white = repaint)",
    );
    expect(sd.requests).toHaveLength(0);
    expect(existsSync(out)).toBe(false);
  });

  it(
    "--control on SD.Next: /sdapi/v1/control with the unit " + "type and strength; the size is the control image's",
    async () => {
      const sd = await start();
      const frame = pngFile("frame.png", 128, 96, 3);
      const { code, stdout, stderr } = await figment([
        "--provider",
        "sdnext",
        "--base-url",
        sd.url,
        "--prompt",
        "A polished landing page",
        "--out",
        outDir(),
        "--control",
        frame,
        "--control-type",
        "scribble",
        "--control-strength",
        "0.6",
        "--seed",
        "11",
        "--json",
      ]);
      expect(code, stderr).toBe(0);
      const body = generation(sd, "/sdapi/v1/control");
      expect(body["control"]).toEqual([
        {
          process: "",
          model: "Scribble",
          strength: 0.6,
          unit_type: "controlnet",
          image: readFileSync(frame).toString("base64"),
        },
      ]);
      expect(body).toMatchObject({
        width_before: 128,
        height_before: 96,
        seed: 11,
        inputs: [readFileSync(frame).toString("base64")],
      });
      expect((JSON.parse(stdout) as SdJson).images.map((i) => [i.width, i.height, i.seed])).toEqual([[128, 96, 11]]);
    },
  );

  it("--control on AUTOMATIC1111: the ControlNet extension's unit in alwayson_scripts (canny by default)", async () => {
    const sd = await start({ flavour: "a1111" });
    const { code, stderr } = await figment([
      "--provider",
      "a1111",
      "--base-url",
      sd.url,
      "--prompt",
      "A polished page",
      "--out",
      outDir(),
      "--control",
      pngFile("frame-a.png", 128, 96),
    ]);
    expect(code, stderr).toBe(0);
    const args = (
      generation(sd, "/sdapi/v1/txt2img")["alwayson_scripts"] as { controlnet: { args: Record<string, unknown>[] } }
    ).controlnet.args;
    expect(args).toHaveLength(1);
    expect(args[0]).toMatchObject({
      enabled: true,
      module: "canny",
      model: "control_v11p_sd15_canny [d14c016b]",
      weight: 1,
    });
  });
});

describe("--partials: live previews from the progress polling", () => {
  it("writes the first N previews under DIR/partials/ and lists them in --json", async () => {
    const sd = await start();
    sd.next("/sdapi/v1/txt2img", { kind: "job", steps: 5, advance: "poll" });
    const out = outDir();
    const { code, stdout, stderr } = await figment([
      "--provider",
      "sdnext",
      "--base-url",
      sd.url,
      "--prompt",
      "Dunes",
      "--out",
      out,
      "--size",
      "128x128",
      "--partials",
      "2",
      "--json",
    ]);
    expect(code, stderr).toBe(0);
    expect(listFiles(out)).toEqual(["dunes.png", "partials/dunes-partial-0.png", "partials/dunes-partial-1.png"]);
    // The server's preview at step k is an eighth of the size, drawn with seed k.
    expect(readFileSync(join(out, "partials/dunes-partial-1.png")).equals(encodePng(16, 16, { seed: 2 }))).toBe(true);
    expect((JSON.parse(stdout) as SdJson).partials).toEqual([
      { path: join(out, "partials/dunes-partial-0.png"), index: 0 },
      { path: join(out, "partials/dunes-partial-1.png"), index: 1 },
    ]);
    expect(stderr).toContain(`  preview 2 → ${join(out, "partials/dunes-partial-1.png")}`);
    expect(stderr).toMatch(/ {2}step 1 of 5, about 1 s left/);
  });

  it("without --partials no preview is written", async () => {
    const sd = await start();
    sd.next("/sdapi/v1/txt2img", { kind: "job", steps: 3, advance: "poll" });
    const out = outDir();
    const { code, stderr } = await figment([
      "--provider",
      "sdnext",
      "--base-url",
      sd.url,
      "--prompt",
      "Dunes",
      "--out",
      out,
    ]);
    expect(code, stderr).toBe(0);
    expect(listFiles(out)).toEqual(["dunes.png"]);
  });
});

describe("SDNEXT_AUTH", () => {
  const PASSWORD = "hunter2-sd-secret";

  it("is sent as HTTP Basic credentials and never printed", async () => {
    const sd = await start({ apiAuth: `ada:${PASSWORD}` });
    const { code, stdout, stderr } = await figment(
      ["--provider", "sdnext", "--base-url", sd.url, "--prompt", "x", "--out", outDir(), "--partials", "1", "--json"],
      { ...FAST, SDNEXT_AUTH: `ada:${PASSWORD}` },
    );
    expect(code, stderr).toBe(0);
    expect(sd.requests.filter((r) => r.path === "/sdapi/v1/txt2img").map((r) => r.headers["authorization"])).toEqual([
      "***",
    ]);
    expect(`${stdout}${stderr}`).not.toContain(PASSWORD);
    expect(`${stdout}${stderr}`).not.toContain(Buffer.from(`ada:${PASSWORD}`).toString("base64"));
  });

  it(
    "missing or wrong: exit 2 with one line naming SDNEXT_AUTH and " +
      "the server's flags; nothing written, nothing printed of it",
    async () => {
      const sd = await start({ apiAuth: `ada:${PASSWORD}` });
      const out = outDir();
      const none = await figment(["--provider", "sdnext", "--base-url", sd.url, "--prompt", "x", "--out", out], FAST);
      expect(none.code).toBe(2);
      expect(errorLine(none.stderr)).toBe(
        "figment: The server asks for a user name and password (401) and none were " +
          "given. Set SDNEXT_AUTH=user:password in the environment, as the server " +
          "was started with (--auth for SD.Next, --api-auth for AUTOMATIC1111).",
      );
      const wrong = await figment(["--provider", "sdnext", "--base-url", sd.url, "--prompt", "x", "--out", out], {
        ...FAST,
        SDNEXT_AUTH: "ada:not-it",
      });
      expect(wrong.code).toBe(2);
      expect(errorLine(wrong.stderr)).toBe(
        "figment: The server refused the user name and password (401). Check SDNEXT_AUTH=user:password in " +
          "the environment: it must match the server's (--auth for SD.Next, --api-auth for AUTOMATIC1111).",
      );
      expect(wrong.stderr).not.toContain("not-it");
      expect(existsSync(out)).toBe(false);
    },
  );

  it("without a colon: refused before anything is sent, without echoing it", async () => {
    const sd = await start();
    const { code, stderr } = await figment(
      ["--provider", "sdnext", "--base-url", sd.url, "--prompt", "x", "--out", outDir()],
      { SDNEXT_AUTH: "justapassword" },
    );
    expect(code).toBe(2);
    expect(stderr).toBe("figment: SDNEXT_AUTH must be written user:password (the server's --auth or --api-auth)");
    expect(sd.requests).toHaveLength(0);
  });
});

/** The line that reports the failure (progress lines are indented; the start line says "drawing"). */
function errorLine(stderr: string): string {
  const lines = stderr
    .split("\n")
    .filter(
      (line) =>
        line.startsWith("figment: ") && !line.startsWith("figment: drawing") && !line.startsWith("figment: note:"),
    );
  expect(lines).toHaveLength(1);
  return lines[0]!;
}

describe("faults: one line with the next step, a non-zero exit, nothing left under --out", () => {
  const faults: { name: string; setup: (sd: SdTestServer) => unknown; exit: number; line: (url: string) => string }[] =
    [
      {
        name: "the server down",
        setup: async (sd) => {
          await sd.close();
          return sd.url;
        },
        exit: 1,
        line: (url) =>
          `figment: Could not connect to the Stable Diffusion server at ${url}. Is the ` +
          `server running with its API on (AUTOMATIC1111 needs --api; SD.Next serves it ` +
          `by default)? Start it, or give its address with --base-url (tried ${url}).`,
      },
      {
        name: "422 naming a field",
        setup: (sd) =>
          sd.next("/sdapi/v1/txt2img", {
            kind: "invalid",
            field: "sampler_name",
            msg: "Value error, sampler not found",
          }),
        exit: 2,
        line: () =>
          'figment: The server refused the request\'s field "sampler_name": Value error, sampler not found. ' +
          'Change --sampler (sent as "sampler_name"), or update the server if it does not know that field.',
      },
      {
        name: "out of GPU memory (500)",
        setup: (sd) => sd.next("/sdapi/v1/txt2img", { kind: "fault", fault: "out-of-memory" }),
        exit: 1,
        line: () =>
          `figment: The server ran out of GPU memory (${OOM_MESSAGE}). Ask for a smaller ` +
          `--size or fewer images at once (--count), or free GPU memory on the server.`,
      },
      {
        name: "a socket closed mid-answer",
        setup: (sd) => sd.next("/sdapi/v1/txt2img", { kind: "fault", fault: "close-mid-answer" }),
        exit: 1,
        line: () =>
          "figment: The connection closed before the whole answer arrived. The server closed the " +
          "connection mid-run (it may have crashed or restarted): look at its console, then run again.",
      },
      {
        name: "an empty answer",
        setup: (sd) => sd.next("/sdapi/v1/txt2img", { kind: "fault", fault: "empty" }),
        exit: 1,
        line: () =>
          "figment: The server answered with no image: the run failed inside the server. " +
          "Look at the server's console for the error of that run, then try again.",
      },
    ];

  it.each(faults)("$name", async ({ setup, exit, line }) => {
    const sd = await start();
    await setup(sd);
    const out = outDir();
    const { code, stdout, stderr } = await figment([
      "--provider",
      "sdnext",
      "--base-url",
      sd.url,
      "--prompt",
      "x",
      "--out",
      out,
      "--partials",
      "2",
      "--json",
    ]);
    expect(code).toBe(exit);
    expect(stdout).toBe("");
    expect(errorLine(stderr)).toBe(line(sd.url));
    expect(existsSync(out)).toBe(false);
  });

  it("previews written before the server died are removed; an --out that held files keeps exactly those", async () => {
    const sd = await start();
    sd.next("/sdapi/v1/txt2img", { kind: "job", steps: 10, advance: "manual" });
    const out = outDir();
    mkdirSync(out);
    writeFileSync(join(out, "earlier.png"), encodePng(8, 8));
    const previews = (): string[] => (existsSync(join(out, "partials")) ? readdirSync(join(out, "partials")) : []);
    const running = figment([
      "--provider",
      "sdnext",
      "--base-url",
      sd.url,
      "--prompt",
      "x",
      "--out",
      out,
      "--partials",
      "3",
    ]);
    await sd.jobStarted();
    sd.step();
    await expect.poll(previews).toEqual(["x-partial-0.png"]);
    await sd.close();
    const { code, stderr } = await running;
    expect(code).toBe(1);
    expect(errorLine(stderr)).toMatch(
      /^figment: The connection closed before the server's answer arrived\. The server closed the connection mid-run/,
    );
    expect(listFiles(out)).toEqual(["earlier.png"]);
  });
});

describe("cancel", () => {
  it("interrupts the server once and writes the images it returns, with their seeds; exit 130", async () => {
    const sd = await start();
    sd.next("/sdapi/v1/txt2img", { kind: "job", steps: 10, advance: "manual" });
    const out = outDir();
    const controller = new AbortController();
    const running = figment(
      [
        "--provider",
        "sdnext",
        "--base-url",
        sd.url,
        "--prompt",
        "Cancelled",
        "--out",
        out,
        "--count",
        "2",
        "--seed",
        "5",
        "--json",
      ],
      FAST,
      controller.signal,
    );
    await sd.jobStarted();
    sd.step(3);
    controller.abort();
    const { code, stdout, stderr } = await running;
    expect(code).toBe(130);
    expect(sd.interrupts).toBe(1);
    const report = JSON.parse(stdout) as SdJson;
    expect(report.interrupted).toBe(true);
    expect(report.images.map((i) => i.seed)).toEqual([5, 6]);
    expect(listFiles(out)).toEqual(["cancelled-1.png", "cancelled-2.png"]);
    expect(stderr).toContain(
      "figment: cancelled: the server was interrupted and the 2 images it returned were written",
    );
  });

  it("--timeout interrupts the same way and exits 1", async () => {
    const sd = await start();
    sd.next("/sdapi/v1/txt2img", { kind: "job", steps: 10, advance: "manual" });
    const out = outDir();
    const { code, stderr } = await figment([
      "--provider",
      "sdnext",
      "--base-url",
      sd.url,
      "--prompt",
      "Slow",
      "--out",
      out,
      "--timeout",
      "0.05",
    ]);
    expect(code).toBe(1);
    expect(sd.interrupts).toBe(1);
    expect(listFiles(out)).toEqual(["slow.png"]);
    expect(stderr).toContain(
      "figment: the run took longer than --timeout 0.05 s: the " +
        "server was interrupted and the 1 image it returned was written",
    );
  });
});

describe("flags", () => {
  it("--help lists every Stable Diffusion flag and SDNEXT_AUTH", async () => {
    const { code, stdout } = await figment(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toBe(IMAGE_USAGE);
    for (const flag of [...SD_FLAGS, "count", "partials", "ref", "size", "base-url", "timeout", "json"])
      expect(stdout).toContain(`--${flag}`);
    expect(stdout).toContain("--provider sdnext|a1111");
    expect(stdout).toContain("--control-type canny|lineart|scribble");
    expect(stdout).toContain("SDNEXT_AUTH=user:password");
  });

  const sd = ["--provider", "sdnext", "--base-url", "http://127.0.0.1:9"];
  const bad: { name: string; argv: string[]; message: string }[] = [
    {
      name: "an SD flag with openai",
      argv: ["--seed", "3"],
      message: "--seed applies to a local server (--provider sdnext, a1111 or comfyui), not openai",
    },
    // --mask inpaints on the hosted providers too (the Images API's edits): it needs its image.
    {
      name: "--mask with openrouter, no --ref",
      argv: ["--provider", "openrouter", "--mask", "m.png"],
      message: "--mask repaints part of an image: give that image with --ref (the mask applies to the first --ref)",
    },
    {
      name: "an unknown provider",
      argv: ["--provider", "comfy"],
      message: "--provider must be openai, openrouter, custom, sdnext, a1111 or comfyui, not comfy",
    },
    {
      name: "--quality with sdnext",
      argv: [...sd, "--quality", "high"],
      message: "--quality applies to the hosted providers (openai, openrouter, custom), not --provider sdnext",
    },
    {
      name: "--model with sdnext",
      argv: [...sd, "--model", "x"],
      message:
        "--model applies to the hosted providers (openai, openrouter, " +
        "custom), not --provider sdnext (pick the checkpoint in the server)",
    },
    {
      name: "--dry-run with sdnext",
      argv: [...sd, "--dry-run"],
      message:
        "--dry-run estimates a hosted provider's cost; SD.Next runs on your own machine at no cost: run without it",
    },
    {
      name: "--strength without --ref",
      argv: [...sd, "--strength", "0.5"],
      message: "--strength is img2img's denoising strength: give the init image with --ref",
    },
    {
      name: "--mask without --ref",
      argv: [...sd, "--mask", "m.png"],
      message: "--mask repaints part of an image: give that image with --ref (white in the mask = repaint)",
    },
    {
      name: "--control with --ref",
      argv: [...sd, "--control", "a.png", "--ref", "b.png"],
      message:
        "--control renders a new image that keeps the control " +
        "image's structure; leave out --ref (img2img) or --control",
    },
    {
      name: "--control-type without --control",
      argv: [...sd, "--control-type", "canny"],
      message: "--control-type needs the control image: --control FILE",
    },
    {
      name: "an unknown control type",
      argv: [...sd, "--control", "a.png", "--control-type", "depth"],
      message: "--control-type must be canny, lineart or scribble, not depth",
    },
    {
      name: "two --ref",
      argv: [...sd, "--ref", "a.png", "--ref", "b.png"],
      message: "--ref: SD.Next takes one init image, not 2",
    },
    {
      name: "a strength above 1",
      argv: [...sd, "--ref", "a.png", "--strength", "1.5"],
      message: "--strength must be a number from 0 to 1, not 1.5",
    },
    { name: "a CFG of 40", argv: [...sd, "--cfg", "40"], message: "--cfg must be a number from 1 to 30, not 40" },
    { name: "0 steps", argv: [...sd, "--steps", "0"], message: "--steps must be a whole number from 1 to 150, not 0" },
    {
      name: "a seed of -2",
      argv: [...sd, "--seed=-2"],
      message: "--seed must be a whole number of at least 0 (or --seed=-1: the server picks), not -2",
    },
    {
      name: "17 images",
      argv: [...sd, "--count", "17"],
      message: "--count must be a whole number from 1 to 16, not 17",
    },
    {
      name: "--count and --n",
      argv: [...sd, "--count", "2", "--n", "2"],
      message: "--count and --n are the same (the number of images): give one",
    },
    {
      name: "a size past 8192",
      argv: [...sd, "--size", "9000x512"],
      message: "--size must have sides from 1 to 8192 px, not 9000x512",
    },
    {
      name: "21 previews",
      argv: [...sd, "--partials", "21"],
      message: "--partials must be a whole number from 0 to 20, not 21",
    },
    {
      name: "credentials in the URL",
      argv: ["--provider", "sdnext", "--base-url", "http://ada:pw@127.0.0.1:9"],
      message:
        "--base-url must not hold a user name or password: put them in SDNEXT_AUTH=user:password (the environment)",
    },
    {
      name: "a missing --ref",
      argv: [...sd, "--ref", "/nonexistent/ref.png"],
      message: "--ref: no such file: /nonexistent/ref.png",
    },
    {
      name: "a --control that is not an image",
      argv: [...sd, "--control", join(REPO_ROOT, "package.json")],
      message: `--control ${join(REPO_ROOT, "package.json")} is not a PNG, JPEG or WebP image`,
    },
  ];

  it.each(bad)("$name: exit 2, one line, nothing sent or written", async ({ argv, message }) => {
    const out = join(tmp, "never-written");
    const { code, stdout, stderr } = await figment(["--prompt", "x", "--out", out, ...argv]);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toBe(`figment: ${message}`);
    expect(existsSync(out)).toBe(false);
  });
});

describe("atomic writes", () => {
  it("a file that cannot take its name leaves no temporary file beside it", async () => {
    const dir = join(tmp, "atomic");
    mkdirSync(join(dir, "taken.png"), { recursive: true });
    await expect(writeAtomically(join(dir, "taken.png"), new Uint8Array([1, 2, 3]))).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(["taken.png"]);
  });

  it("the file never exists with part of its bytes while they are written", async () => {
    const dir = join(tmp, "atomic-big");
    mkdirSync(dir);
    const path = join(dir, "big.png");
    const bytes = new Uint8Array(16 << 20).fill(7);
    const seen: number[] = [];
    let ticks = 0;
    let done = false;
    const look = (): void => {
      ticks += 1;
      if (existsSync(path)) seen.push(statSync(path).size);
      if (!done) setImmediate(look);
    };
    setImmediate(look);
    await writeAtomically(path, bytes);
    done = true;
    expect(ticks).toBeGreaterThan(2);
    expect(seen.filter((size) => size !== bytes.length)).toEqual([]);
    expect(statSync(path).size).toBe(bytes.length);
  });

  it("writes the bytes under the name, nothing else", async () => {
    const dir = join(tmp, "atomic-ok");
    mkdirSync(dir);
    await writeAtomically(join(dir, "a.png"), new Uint8Array([1, 2, 3]));
    expect(readdirSync(dir)).toEqual(["a.png"]);
    expect([...readFileSync(join(dir, "a.png"))]).toEqual([1, 2, 3]);
  });
});

describe("the built binary (dist/cli.js): Ctrl-C", () => {
  it("SIGINT interrupts the server and writes the image it returns; exit 130", async () => {
    const sd = await start();
    sd.next("/sdapi/v1/txt2img", { kind: "job", steps: 10, advance: "manual" });
    const out = outDir();
    const env: NodeJS.ProcessEnv = { ...process.env, ...FAST };
    delete env["SDNEXT_AUTH"];
    const child = spawn(
      process.execPath,
      [
        join(REPO_ROOT, "dist", "cli.js"),
        "image",
        "--provider",
        "sdnext",
        "--base-url",
        sd.url,
        "--prompt",
        "Stopped",
        "--out",
        out,
      ],
      { env, stdio: ["ignore", "pipe", "pipe"] },
    );
    let stderr = "";
    let sent = false;
    child.stderr.on("data", (d: Buffer) => {
      stderr += d.toString();
      if (!sent && stderr.includes("step 2 of 10")) {
        sent = true;
        child.kill("SIGINT");
      }
    });
    const closed = new Promise<number | null>((resolve) => child.on("close", resolve));
    await sd.jobStarted();
    sd.step(2);
    expect(await closed, stderr).toBe(130);
    expect(sd.interrupts).toBe(1);
    expect(listFiles(out)).toEqual(["stopped.png"]);
    expect(stderr).toContain("figment: cancelled: the server was interrupted and the 1 image it returned was written");
  });
});
