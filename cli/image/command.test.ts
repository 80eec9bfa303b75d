/**
 * `figment image` end to end through `run(argv, io, { env })` over real HTTP against the OpenAI-wire test
 * server (request bodies checked against the spec): files written under --out byte for byte as served,
 * partials under --out/partials, --json, the three paths, --dry-run, every failure's exit code and words,
 * cancel, and the built binary with Ctrl-C.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { captureIo, listFiles, REPO_ROOT } from "../../test/helpers/fixtures.js";
import { encodePng } from "../../test/openai-server/png.js";
import { scriptedServer } from "../../test/openai-server/scripted.js";
import { imageReply, moderationError } from "../../test/openai-server/server.js";
import { decodePng, sdMaskPng } from "../../ai/mask/index.js";
import { run } from "../run.js";

const KEY = "sk-test-image-cli-4321";
const ENV = { OPENAI_API_KEY: KEY };
const JPEG = join(REPO_ROOT, "test/fixtures/images/gradient-300x200.jpg");

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "figment-image-"));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});
const serve = scriptedServer();

async function figment(
  argv: string[],
  env: Record<string, string | undefined> = ENV,
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
const served = (width: number, height: number, seed: number): Buffer => encodePng(width, height, { seed });

interface ImageJson {
  images: { path: string; width: number; height: number; bytes: number; format: string }[];
  partials: { path: string; index: number }[];
  responseId?: string;
  revisedPrompt?: string;
  usage?: {
    image?: { inputTokens: number; outputTokens: number };
    model?: { inputTokens: number; outputTokens: number };
  };
  model: string;
  provider: string;
  api: string;
}

describe("figment image (Images API)", () => {
  it(
    "writes the image and its partials as served, reports " + "progress on stderr, the key from the environment",
    async () => {
      const srv = await serve(imageReply());
      const out = outDir();
      const { code, stdout, stderr } = await figment([
        "--prompt",
        "A hero shot of a tea brand!",
        "--out",
        out,
        "--size",
        "1536x1024",
        "--partials",
        "2",
        "--base-url",
        srv.url,
      ]);
      expect(code, stderr).toBe(0);
      expect(listFiles(out)).toEqual([
        "a-hero-shot-of-a-tea-brand.png",
        "partials/a-hero-shot-of-a-tea-brand-partial-0.png",
        "partials/a-hero-shot-of-a-tea-brand-partial-1.png",
      ]);
      expect(readFileSync(join(out, "a-hero-shot-of-a-tea-brand.png")).equals(served(1536, 1024, 1))).toBe(true);
      expect(
        readFileSync(join(out, "partials/a-hero-shot-of-a-tea-brand-partial-1.png")).equals(served(1536, 1024, 3)),
      ).toBe(true);
      const request = srv.requests[0]!;
      expect(request.schemaErrors).toEqual([]);
      expect(request.headers["authorization"]).toBe(`***${KEY.slice(-4)}`);
      expect(request.body).toMatchObject({
        model: "gpt-image-2",
        prompt: "A hero shot of a tea brand!",
        size: "1536x1024",
        stream: true,
        partial_images: 2,
        output_format: "png",
      });
      expect(stdout.split("\n")).toEqual([
        `wrote 1 image to ${out}`,
        `  ${join(out, "a-hero-shot-of-a-tea-brand.png")}\t1536×1024 png`,
        `  (2 partial images under ${join(out, "partials")})`,
      ]);
      expect(stderr).toContain(
        `figment: drawing an image with gpt-image-2 at ${srv.url}/images/generations (Images API)…`,
      );
      expect(stderr).toContain(
        `  partial 1 of image 1 → ${join(out, "partials/a-hero-shot-of-a-tea-brand-partial-0.png")}`,
      );
      expect(stderr).toMatch(/ {2}image 1: 1536×1024 png, [\d,]+ bytes/);
      expect(stderr).toMatch(/usage: image model \d+ in \/ 6,344 out · about \$0\.\d+/);
      expect(`${stdout}${stderr}`).not.toContain(KEY);
    },
  );

  it("--json: the images, partials, usage, model, provider and api; never overwrites an earlier run", async () => {
    const srv = await serve(imageReply(), imageReply({ seed: 9 }));
    const out = outDir();
    const first = await figment([
      "--prompt",
      "Icons",
      "--out",
      out,
      "--n",
      "2",
      "--size",
      "1024x1024",
      "--json",
      "--base-url",
      srv.url,
    ]);
    expect(first.code, first.stderr).toBe(0);
    const report = JSON.parse(first.stdout) as ImageJson;
    expect(Object.keys(report)).toEqual(["images", "partials", "usage", "model", "provider", "api"]);
    expect(report.images).toEqual([
      { path: join(out, "icons-1.png"), width: 1024, height: 1024, bytes: served(1024, 1024, 1).length, format: "png" },
      {
        path: join(out, "icons-2.png"),
        width: 1024,
        height: 1024,
        bytes: served(1024, 1024, 11).length,
        format: "png",
      },
    ]);
    expect(report).toMatchObject({
      partials: [],
      model: "gpt-image-2",
      provider: "openai",
      api: "images",
      usage: { image: { outputTokens: 2 * 4096 } },
    });
    const second = await figment(["--prompt", "Icons", "--out", out, "--json", "--base-url", srv.url]);
    expect((JSON.parse(second.stdout) as ImageJson).images.map((i) => i.path)).toEqual([join(out, "icons-3.png")]);
    expect(listFiles(out)).toEqual(["icons-1.png", "icons-2.png", "icons-3.png"]);
    expect(readFileSync(join(out, "icons-1.png")).equals(served(1024, 1024, 1))).toBe(true);
  });

  it("--ref sends reference images as a multipart edit, byte for byte (PNG and JPEG)", async () => {
    const srv = await serve(imageReply());
    const png = join(tmp, "frame.png");
    const frame = served(320, 200, 4);
    const { writeFileSync } = await import("node:fs");
    writeFileSync(png, frame);
    const out = outDir();
    const { code, stderr } = await figment([
      "--prompt",
      "Polish this wireframe",
      "--out",
      out,
      "--ref",
      png,
      "--ref",
      JPEG,
      "--base-url",
      srv.url,
    ]);
    expect(code, stderr).toBe(0);
    const request = srv.requests[0]!;
    expect(request.path).toBe("/v1/images/edits");
    expect(request.schemaErrors).toEqual([]);
    expect(request.files.map((f) => [f.filename, f.contentType])).toEqual([
      ["frame.png", "image/png"],
      ["gradient-300x200.jpg", "image/jpeg"],
    ]);
    expect(request.files[0]!.bytes.equals(frame)).toBe(true);
    expect(request.files[1]!.bytes.equals(readFileSync(JPEG))).toBe(true);
    expect(stderr).toContain(`at ${srv.url}/images/edits (Images API)`);
  });
});

describe("figment image --ref IMAGE --mask MASK.png (Images API inpainting)", () => {
  it(
    "sends the mask in OpenAI's convention (transparent = " +
      "repaint) from a white-repaints file, checked by the server",
    async () => {
      const srv = await serve(imageReply());
      const { writeFileSync } = await import("node:fs");
      const image = join(tmp, "photo.png");
      writeFileSync(image, served(320, 200, 4));
      const coverage = new Uint8Array(320 * 200);
      for (let y = 50; y < 150; y++) coverage.fill(255, y * 320 + 100, y * 320 + 220);
      const mask = join(tmp, "mask-white.png");
      writeFileSync(mask, sdMaskPng({ width: 320, height: 200, coverage }));
      const { code, stderr } = await figment([
        "--prompt",
        "A red kite in the sky",
        "--out",
        outDir(),
        "--ref",
        image,
        "--mask",
        mask,
        "--base-url",
        srv.url,
      ]);
      expect(code, stderr).toBe(0);
      const request = srv.requests[0]!;
      expect(request.path).toBe("/v1/images/edits");
      expect(request.schemaErrors).toEqual([]);
      const sent = request.files.find((f) => f.field === "mask")!;
      expect([sent.filename, sent.contentType]).toEqual(["mask.png", "image/png"]);
      const { rgba, width, height } = decodePng(new Uint8Array(sent.bytes));
      expect([width, height]).toEqual([320, 200]);
      expect([rgba[(100 * 320 + 150) * 4 + 3], rgba[(10 * 320 + 10) * 4 + 3]]).toEqual([0, 255]);
    },
  );

  it("refuses a mask of another size, or without --ref, in one line before any request", async () => {
    const srv = await serve();
    const { writeFileSync } = await import("node:fs");
    const image = join(tmp, "photo-2.png");
    writeFileSync(image, served(320, 200, 4));
    const mask = join(tmp, "mask-small.png");
    writeFileSync(mask, sdMaskPng({ width: 160, height: 100, coverage: new Uint8Array(160 * 100).fill(255) }));
    const wrong = await figment([
      "--prompt",
      "x",
      "--out",
      outDir(),
      "--ref",
      image,
      "--mask",
      mask,
      "--base-url",
      srv.url,
    ]);
    expect([wrong.code, wrong.stderr.trim()]).toEqual([
      2,
      "figment: --mask is 160x100 but the --ref image photo-2.png is 320x200: the mask must be the image's size",
    ]);
    const alone = await figment(["--prompt", "x", "--out", outDir(), "--mask", mask, "--base-url", srv.url]);
    expect(alone.code).toBe(2);
    expect(alone.stderr).toMatch(/--mask repaints part of an image: give that image with --ref/);
    expect(srv.requests).toHaveLength(0);
  });
});

describe("figment image --api responses and --provider openrouter", () => {
  it(
    "Responses: the reasoning streams to stderr, the response " + "id and revised prompt come back; --previous refines",
    async () => {
      const srv = await serve(
        imageReply({
          responseId: "resp_cli1",
          reasoning: ["A calm composition.\n", "Logo on the left."],
          text: ["Here is the hero."],
          revisedPrompt: "a calm hero",
        }),
        imageReply({ responseId: "resp_cli2" }),
      );
      const out = outDir();
      const first = await figment([
        "--prompt",
        "A hero",
        "--out",
        out,
        "--api",
        "responses",
        "--partials",
        "1",
        "--json",
        "--base-url",
        srv.url,
      ]);
      expect(first.code, first.stderr).toBe(0);
      const report = JSON.parse(first.stdout) as ImageJson;
      expect(report).toMatchObject({
        responseId: "resp_cli1",
        revisedPrompt: "a calm hero",
        model: "gpt-5.4-image-2",
        api: "responses",
        provider: "openai",
      });
      expect(report.partials).toEqual([{ path: join(out, "partials/a-hero-partial-0.png"), index: 0 }]);
      expect(report.usage?.model?.outputTokens).toBeGreaterThan(0);
      expect(first.stderr).toContain("figment: drawing an image with gpt-image-2 (gpt-5.4-image-2 reasons first)");
      expect(first.stderr.split("\n")).toEqual(
        expect.arrayContaining([
          "  thinking: A calm composition.",
          "  thinking: Logo on the left.",
          "  model: Here is the hero.",
        ]),
      );
      expect(srv.requests[0]!.schemaErrors).toEqual([]);

      const second = await figment([
        "--prompt",
        "warmer light",
        "--out",
        out,
        "--api",
        "responses",
        "--previous",
        "resp_cli1",
        "--base-url",
        srv.url,
      ]);
      expect(second.code, second.stderr).toBe(0);
      expect(srv.requests[1]!.body).toMatchObject({ previous_response_id: "resp_cli1" });
      expect(srv.requests[1]!.schemaErrors).toEqual([]);
      expect(second.stdout).toContain("response id: resp_cli2 (refine it: --api responses --previous resp_cli2)");
    },
  );

  it("OpenRouter: chat with image output, OPENROUTER_API_KEY, one request per image", async () => {
    const srv = await serve(imageReply(), imageReply({ seed: 5 }));
    const out = outDir();
    const { code, stdout, stderr } = await figment(
      [
        "--prompt",
        "A poster",
        "--out",
        out,
        "--provider",
        "openrouter",
        "--size",
        "1536x1024",
        "--n",
        "2",
        "--json",
        "--base-url",
        srv.url,
      ],
      { OPENROUTER_API_KEY: "sk-or-test-1111" },
    );
    expect(code, stderr).toBe(0);
    expect(srv.requests).toHaveLength(2);
    for (const request of srv.requests) {
      expect(request.schemaErrors).toEqual([]);
      expect(request.headers["authorization"]).toBe("***1111");
      expect(request.body).toMatchObject({
        model: "openai/gpt-5.4-image-2",
        modalities: ["image", "text"],
        image_config: { aspect_ratio: "3:2" },
      });
    }
    const report = JSON.parse(stdout) as ImageJson;
    expect(report.images.map((i) => `${i.width}x${i.height}`)).toEqual(["1536x1024", "1536x1024"]);
    expect(report).toMatchObject({ api: "chat", provider: "openrouter" });
    expect(stderr).toContain("figment: note: Chat endpoints take no image parameters");
  });
});

describe("figment image --dry-run", () => {
  it("prints the estimate without a key and sends nothing", async () => {
    const srv = await serve();
    const out = outDir();
    const { code, stdout, stderr } = await figment(
      [
        "--prompt",
        "A hero",
        "--out",
        out,
        "--size",
        "1536x1024",
        "--quality",
        "high",
        "--n",
        "2",
        "--ref",
        JPEG,
        "--dry-run",
        "--base-url",
        srv.url,
      ],
      {},
    );
    expect(code, stderr).toBe(0);
    expect(srv.requests).toEqual([]);
    expect(existsSync(out)).toBe(false);
    const lines = stdout.split("\n");
    expect(lines[0]).toBe("Estimate only (--dry-run): nothing was sent.");
    expect(lines).toContain(`  endpoint       ${srv.url}/images/edits (Images API)`);
    expect(lines).toContain("  images         2 × 1536×1024, quality high, background auto, png");
    expect(stdout).toMatch(/input tokens {3}about [\d,]+: \d+ text \+ 255 image \(1 reference\)/);
    expect(lines).toContain("  output tokens  about 5,488 per image, 10,976 in all");
    expect(stdout).toMatch(/cost {11}about \$0\.3\d/);
    expect(stdout).toContain("https://platform.openai.com/docs/pricing (as of 2026-04-21)");
  });

  it("--json; works without --out; unknown prices say so", async () => {
    const { code, stdout } = await figment(
      [
        "--prompt",
        "A hero",
        "--provider",
        "custom",
        "--base-url",
        "http://127.0.0.1:9/v1",
        "--model",
        "local-image",
        "--dry-run",
        "--json",
      ],
      {},
    );
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as Record<string, unknown>;
    expect(report).toMatchObject({
      dryRun: true,
      estimate: true,
      provider: "custom",
      api: "chat",
      endpoint: "http://127.0.0.1:9/v1/chat/completions",
      model: "local-image",
      outputTokens: null,
      costUsd: null,
      prices: { image: null, model: null },
    });
    expect((report.notes as string[]).join(" ")).toContain("Chat endpoints take no image parameters");
  });
});

describe("figment image failures", () => {
  it(
    "moderation: exit 2, says the prompt was refused by " + "the safety system and what to change; nothing written",
    async () => {
      const srv = await serve(moderationError("violence"));
      const out = outDir();
      const { code, stdout, stderr } = await figment([
        "--prompt",
        "x",
        "--out",
        out,
        "--partials",
        "1",
        "--base-url",
        srv.url,
      ]);
      expect(code).toBe(2);
      expect(stdout).toBe("");
      expect(stderr).toContain(
        "figment: The provider's safety system refused the request: Your request was rejected by the safety system.",
      );
      expect(stderr).toContain("safety_violations=[violence]");
      expect(stderr).toContain("figment: The prompt was refused by the provider's safety system. Change --prompt");
      expect(existsSync(out)).toBe(false);
    },
  );

  it("429: retried by the SDK, then exit 1 with when to retry", async () => {
    const limit = {
      kind: "error" as const,
      status: 429,
      message: "Rate limit reached for images per minute",
      headers: { "retry-after-ms": "20" },
    };
    const srv = await serve(limit, limit, limit);
    const out = outDir();
    const { code, stderr } = await figment(["--prompt", "x", "--out", out, "--base-url", srv.url]);
    expect(code).toBe(1);
    expect(srv.requests).toHaveLength(3);
    expect(stderr).toContain("figment: The endpoint answered 429: Rate limit reached for images per minute");
    expect(stderr).toContain("figment: the provider asks to retry after 1 s");
    expect(stderr).toContain("Rate limited even after retrying: wait a minute");
    expect(existsSync(out)).toBe(false);
  });

  it.each([
    [{ kind: "error" as const, status: 401, message: "Incorrect API key provided" }, 2, /Check OPENAI_API_KEY/],
    [
      { kind: "error" as const, status: 404, message: "The model `gpt-image-9` does not exist" },
      2,
      /Check --model and --base-url/,
    ],
    [{ kind: "error" as const, status: 400, message: "Invalid size" }, 2, /check --model, --size, --quality/],
  ])("HTTP %#: exit %i", async (reply, exit, step) => {
    const srv = await serve(reply);
    const { code, stderr } = await figment(["--prompt", "x", "--out", outDir(), "--base-url", srv.url]);
    expect(code).toBe(exit);
    expect(stderr).toMatch(step);
  });

  it("a server error after partials were written removes them: exit 1, nothing left", async () => {
    const srv = await serve(
      imageReply({ cutAfter: 1 }),
      { kind: "error", status: 503, message: "overloaded" },
      { kind: "error", status: 503, message: "overloaded" },
      { kind: "error", status: 503, message: "overloaded" },
    );
    const out = outDir();
    const cut = await figment(["--prompt", "x", "--out", out, "--partials", "2", "--base-url", srv.url]);
    expect(cut.code).toBe(1);
    expect(cut.stderr).toContain("partial 1 of image 1");
    expect(cut.stderr).toContain("The image stream was cut off");
    expect(existsSync(out)).toBe(false);
    const down = await figment(["--prompt", "x", "--out", out, "--base-url", srv.url]);
    expect(down.code).toBe(1);
    expect(down.stderr).toContain("try again in a minute");
  });

  it("cancel mid-stream: exit 130, nothing written (the partials so far are removed)", async () => {
    const srv = await serve(imageReply({ delayMs: 80 }));
    const out = outDir();
    const controller = new AbortController();
    const { code, stderr } = await figment(
      ["--prompt", "x", "--out", out, "--partials", "3", "--base-url", srv.url],
      ENV,
      controller.signal,
      (line) => {
        if (line.includes("partial 1 of image 1")) controller.abort();
      },
    );
    expect(code).toBe(130);
    expect(stderr).toContain("figment: cancelled; nothing was written");
    expect(existsSync(out)).toBe(false);
  });

  const bad: { name: string; argv: string[]; env?: Record<string, string>; message: RegExp }[] = [
    {
      name: "no key",
      argv: ["--prompt", "x"],
      env: {},
      message: /no API key for openai: OPENAI_API_KEY is not set[\s\S]*Set OPENAI_API_KEY in the environment/,
    },
    { name: "no prompt", argv: [], message: /--prompt is required/ },
    {
      name: "an unknown flag",
      argv: ["--prompt", "x", "--seeds", "3"],
      message: /Unknown option .--seeds. \(figment image --help lists the flags\)/,
    },
    {
      name: "a size gpt-image-2 does not take",
      argv: ["--prompt", "x", "--size", "1000x1000"],
      message: /--size: 1000×1000: gpt-image-2 takes sides that are multiples of 16 px \(try 992×992\)/,
    },
    {
      name: "an aspect past 3:1",
      argv: ["--prompt", "x", "--size", "3840x1024"],
      message: /--size: 3840×1024 is 3\.75:1; gpt-image-2 takes aspect ratios up to 3:1/,
    },
    {
      name: "a malformed size",
      argv: ["--prompt", "x", "--size", "big"],
      message: /--size must be WIDTHxHEIGHT \(e\.g\. 1536x1024\) or auto, not big/,
    },
    {
      name: "too many images",
      argv: ["--prompt", "x", "--n", "5"],
      message: /--n must be a whole number from 1 to 4, not 5/,
    },
    {
      name: "too many partials",
      argv: ["--prompt", "x", "--partials", "4"],
      message: /--partials must be a whole number from 0 to 3, not 4/,
    },
    {
      name: "a bad quality",
      argv: ["--prompt", "x", "--quality", "ultra"],
      message: /--quality must be low, medium, high, auto, not ultra/,
    },
    {
      name: "transparent JPEG",
      argv: ["--prompt", "x", "--background", "transparent", "--format", "jpeg"],
      message: /--format: A transparent background needs png or webp/,
    },
    {
      name: "--api on OpenRouter",
      argv: ["--prompt", "x", "--provider", "openrouter", "--api", "responses"],
      message: /--api applies to --provider openai only/,
    },
    {
      name: "--previous without --api responses",
      argv: ["--prompt", "x", "--previous", "resp_1"],
      message: /--previous refines a Responses API turn: add --api responses/,
    },
    {
      name: "several images on the Responses API",
      argv: ["--prompt", "x", "--api", "responses", "--n", "2"],
      message: /--n: The Responses API draws one image per turn/,
    },
    {
      name: "a --ref that is not an image",
      argv: ["--prompt", "x", "--ref", join(REPO_ROOT, "package.json")],
      message: /--ref .*package\.json is not a PNG, JPEG or WebP image/,
    },
    {
      name: "a missing --ref",
      argv: ["--prompt", "x", "--ref", "/nonexistent/ref.png"],
      message: /--ref: no such file: \/nonexistent\/ref\.png/,
    },
  ];

  it.each(bad)("$name exits 2 before any request", async ({ argv, env, message }) => {
    const srv = await serve();
    const out = join(tmp, "never-written");
    const { code, stdout, stderr } = await figment([...argv, "--out", out, "--base-url", srv.url], env ?? ENV);
    expect(code).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(/internal error|\n\s+at /);
    expect(srv.requests).toHaveLength(0);
    expect(existsSync(out)).toBe(false);
  });

  it("--out is required unless --dry-run", async () => {
    const { code, stderr } = await figment(["--prompt", "x"]);
    expect(code).toBe(2);
    expect(stderr).toBe("figment: --out DIR is required: the folder the images are written to");
  });

  it("--help prints the image usage and exits 0", async () => {
    const { code, stdout } = await figment(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("figment image --prompt TEXT --out DIR");
    expect(stdout).toContain("[--partials 0..3]");
  });
});

describe("the built binary (dist/cli.js): figment image", () => {
  const cli = join(REPO_ROOT, "dist", "cli.js");

  function childEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
    const env = { ...process.env };
    delete env["OPENAI_API_KEY"];
    delete env["OPENROUTER_API_KEY"];
    return { ...env, ...extra };
  }

  function start(
    argv: string[],
    env: NodeJS.ProcessEnv,
    onErr?: (text: string, kill: (signal: NodeJS.Signals) => void) => void,
  ): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [cli, "image", ...argv], { env, stdio: ["ignore", "pipe", "pipe"] });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
      child.stderr.on("data", (d: Buffer) => {
        stderr += d.toString();
        onErr?.(stderr, (signal) => child.kill(signal));
      });
      child.on("error", reject);
      child.on("close", (code) => resolve({ code, stdout, stderr }));
    });
  }

  it("writes the image with the key from its environment", async () => {
    const srv = await serve(imageReply());
    const out = outDir();
    const result = await start(
      ["--prompt", "A teapot", "--out", out, "--size", "1024x1024", "--base-url", srv.url],
      childEnv({ OPENAI_API_KEY: "sk-bin-image-6666" }),
    );
    expect(result.code, result.stderr).toBe(0);
    expect(listFiles(out)).toEqual(["a-teapot.png"]);
    expect(readFileSync(join(out, "a-teapot.png")).equals(served(1024, 1024, 1))).toBe(true);
    expect(srv.requests[0]!.headers["authorization"]).toBe("***6666");
  });

  it("Ctrl-C (SIGINT) mid-stream exits 130 and leaves nothing", async () => {
    // Held open after the first partial: the signal, however late it comes, meets a running stream.
    const srv = await serve(imageReply({ holdAfter: 1 }));
    const out = outDir();
    let sent = false;
    const result = await start(
      ["--prompt", "A teapot", "--out", out, "--partials", "3", "--base-url", srv.url],
      childEnv({ OPENAI_API_KEY: "sk-bin-image-6666" }),
      (stderr, kill) => {
        if (!sent && stderr.includes("partial 1 of image 1")) {
          sent = true;
          kill("SIGINT");
        }
      },
    );
    expect(result.code, result.stderr).toBe(130);
    expect(result.stderr).toContain("figment: cancelled; nothing was written");
    expect(existsSync(out)).toBe(false);
  });
});
