import { afterEach, describe, expect, it } from "vitest";
import { Cancelled } from "../../kernel/cancelled.js";
import { encodePng } from "../../test/openai-server/png.js";
import {
  startSdNextServer,
  OOM_MESSAGE,
  type SdServerOptions,
  type SdTestServer,
} from "../../test/sdnext-server/server.js";
import { ModelError } from "../errors/classify.js";
import {
  controlRender,
  img2img,
  listModels,
  listSamplers,
  roundTo8,
  testConnection,
  txt2img,
  type SdProgress,
} from "./index.js";
import type { SdError } from "./errors.js";
import { sdRequest } from "./http.js";
import { sdNextStep } from "./next-step.js";

let server: SdTestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(options: SdServerOptions = {}): Promise<SdTestServer> {
  server = await startSdNextServer(options);
  return server;
}

const prompt = { prompt: "a lighthouse at dusk", width: 100, height: 60 };

async function refusal(run: Promise<unknown>): Promise<SdError | ModelError> {
  const error = await run.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ModelError)) throw new Error(`expected a ModelError, got ${String(error)}`);
  return error;
}

function bodyOf(sd: SdTestServer, path: string): Record<string, unknown> {
  const request = sd.requests.find((r) => r.path === path);
  if (!request) throw new Error(`no request on ${path}`);
  expect(request.errors).toEqual([]);
  return request.body as Record<string, unknown>;
}

describe("txt2img and img2img", () => {
  it("sends a valid txt2img body and returns images of the rounded size, each with its seed from info", async () => {
    const sd = await start();
    const result = await txt2img(
      { baseUrl: sd.url },
      { ...prompt, negativePrompt: "blurry", steps: 12, cfgScale: 5.5, sampler: "Euler a", seed: 42, batchSize: 2 },
    );
    expect(result.images.map((i) => [i.width, i.height, i.seed, i.format])).toEqual([
      [104, 64, 42, "png"],
      [104, 64, 43, "png"],
    ]);
    expect(result.interrupted).toBe(false);
    expect(bodyOf(sd, "/sdapi/v1/txt2img")).toMatchObject({
      prompt: "a lighthouse at dusk",
      negative_prompt: "blurry",
      width: 104,
      height: 64,
      steps: 12,
      cfg_scale: 5.5,
      sampler_name: "Euler a",
      seed: 42,
      batch_size: 2,
    });
  });

  it("img2img sends the init image, strength and mask options, all fields SD.Next knows", async () => {
    const sd = await start();
    const init = new Uint8Array(encodePng(96, 64));
    const mask = new Uint8Array(encodePng(96, 64, { seed: 3 }));
    const result = await img2img(
      { baseUrl: sd.url },
      {
        ...prompt,
        width: 96,
        height: 64,
        initImage: init,
        denoisingStrength: 0.6,
        mask: { bytes: mask, blur: 8, fill: "latent-noise", fullRes: true, fullResPadding: 16, invert: true },
      },
    );
    expect(result.images).toHaveLength(1);
    expect(result.images[0]?.seed).toBeGreaterThanOrEqual(0);
    const body = bodyOf(sd, "/sdapi/v1/img2img");
    expect(body).toMatchObject({
      denoising_strength: 0.6,
      mask_blur: 8,
      inpainting_fill: 2,
      inpaint_full_res: true,
      inpaint_full_res_padding: 16,
      inpainting_mask_invert: 1,
    });
    expect((body["init_images"] as string[])[0]?.slice(0, 8)).toBe("iVBORw0K");
  });

  it("draws with the checkpoint asked for through override_settings, a field both servers know", async () => {
    const sd = await start();
    await txt2img({ baseUrl: sd.url }, { ...prompt, model: "dreamshaper_8 [879db523c3]" });
    expect(bodyOf(sd, "/sdapi/v1/txt2img")["override_settings"]).toEqual({
      sd_model_checkpoint: "dreamshaper_8 [879db523c3]",
    });
  });

  it("rounds sizes to multiples of 8, at least 64", () => {
    expect([roundTo8(100), roundTo8(1023), roundTo8(3), roundTo8(512)]).toEqual([104, 1024, 64, 512]);
  });
});

describe("the field check", () => {
  it("refuses a field SD.Next's models do not have with FastAPI's 422, and the client names it", async () => {
    const sd = await start();
    const raw = await fetch(`${sd.url}/sdapi/v1/txt2img`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ prompt: "x", guidance: 3 }),
    });
    expect(raw.status).toBe(422);
    expect(await raw.json()).toEqual({
      detail: [{ type: "extra_forbidden", loc: ["body", "guidance"], msg: "Extra inputs are not permitted", input: 3 }],
    });
    const error = await refusal(
      sdRequest(
        { baseUrl: sd.url },
        { method: "POST", path: "/sdapi/v1/txt2img", body: { prompt: "x", steps: "many" } },
      ),
    );
    expect(error.reason).toBe("bad-request");
    expect(error.message).toBe('The server refused the request\'s field "steps": Input should be a valid integer.');
    expect((error as SdError).problem).toEqual({
      type: "invalid-field",
      field: "steps",
      reason: "Input should be a valid integer",
    });
  });

  it("checks nested units: an unknown field of a control unit is refused at its place", async () => {
    const sd = await start();
    const raw = await fetch(`${sd.url}/sdapi/v1/control`, {
      method: "POST",
      body: JSON.stringify({ prompt: "x", control: [{ process: "Canny", weight: 1 }] }),
    });
    expect(raw.status).toBe(422);
    expect(((await raw.json()) as { detail: { loc: unknown[] }[] }).detail[0]?.loc).toEqual([
      "body",
      "control",
      0,
      "weight",
    ]);
  });
});

describe("live previews and cancel", () => {
  it("emits a partial per new preview and the progress with the ETA while the job advances step by step", async () => {
    const sd = await start();
    sd.next("/sdapi/v1/txt2img", { kind: "job", steps: 3, advance: "manual" });
    const events: SdProgress[] = [];
    const run = txt2img({ baseUrl: sd.url }, prompt, { pollMs: 5, onProgress: (e) => events.push(e) });
    const partials = (): number => events.filter((e) => e.type === "partial").length;
    await sd.jobStarted();
    sd.step();
    await expect.poll(partials).toBe(1);
    sd.step();
    await expect.poll(partials).toBe(2);
    sd.step();
    const result = await run;
    expect(result.partials).toBe(2);
    const progress = events.flatMap((e) => (e.type === "progress" ? [e] : []));
    expect(progress.some((p) => p.step === 1 && p.steps === 3 && p.fraction === 0.33 && p.etaSeconds === 0.5)).toBe(
      true,
    );
    expect(progress.some((p) => p.step === 2 && p.fraction === 0.67)).toBe(true);
    expect(events.at(-1)).toMatchObject({ type: "image", image: 0 });
  });

  it("a job that advances at each poll gives one partial per step", async () => {
    const sd = await start();
    sd.next("/sdapi/v1/txt2img", { kind: "job", steps: 4, advance: "poll" });
    const result = await txt2img({ baseUrl: sd.url }, prompt, { pollMs: 1, onProgress: () => undefined });
    expect(result.partials).toBe(4);
    expect(sd.requests.filter((r) => r.path === "/sdapi/v1/progress").every((r) => r.errors.length === 0)).toBe(true);
  });

  it("cancel sends one interrupt and keeps the images the server returns", async () => {
    const sd = await start();
    sd.next("/sdapi/v1/txt2img", { kind: "job", steps: 10, advance: "manual" });
    const controller = new AbortController();
    const events: SdProgress[] = [];
    const run = txt2img(
      { baseUrl: sd.url },
      { ...prompt, batchSize: 2 },
      { signal: controller.signal, pollMs: 5, onProgress: (e) => events.push(e) },
    );
    await sd.jobStarted();
    sd.step(3);
    await expect.poll(() => events.some((e) => e.type === "partial")).toBe(true);
    controller.abort();
    const result = await run;
    expect(result.interrupted).toBe(true);
    expect(result.images).toHaveLength(2);
    expect(sd.interrupts).toBe(1);
  });

  it("a signal aborted before the start sends nothing", async () => {
    const sd = await start();
    await expect(txt2img({ baseUrl: sd.url }, prompt, { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(
      Cancelled,
    );
    expect(sd.requests).toHaveLength(0);
  });
});

describe("lists, connection test and auth", () => {
  it("lists models and samplers and tests the connection", async () => {
    const sd = await start();
    expect((await listModels({ baseUrl: sd.url })).map((m) => m.name)).toEqual(["sd_xl_base_1.0", "dreamshaper_8"]);
    expect(await listSamplers({ baseUrl: `${sd.url}/sdapi/v1/` })).toEqual(["Euler a", "Euler", "DPM++ 2M", "UniPC"]);
    expect(await testConnection({ baseUrl: sd.url })).toEqual({ model: "sd_xl_base_1.0 [31e35c80fc]", models: 2 });
  });

  it("sends HTTP Basic credentials; none or wrong ones are a 401 said apart", async () => {
    const sd = await start({ apiAuth: "ada:s3cret:x" });
    const none = await refusal(testConnection({ baseUrl: sd.url }));
    expect([none.reason, none.message]).toEqual([
      "unauthorized",
      "The server asks for a user name and password (401) and none were given.",
    ]);
    const wrong = await refusal(testConnection({ baseUrl: sd.url, auth: "ada:nope" }));
    expect([wrong.reason, (wrong as SdError).problem]).toEqual([
      "unauthorized",
      { type: "unauthorized", sentCredentials: true },
    ]);
    expect(sdNextStep((wrong as SdError).problem)).toContain("--auth (SD.Next) or --api-auth (AUTOMATIC1111)");
    const result = await txt2img({ baseUrl: sd.url, auth: "ada:s3cret:x" }, prompt);
    expect(result.images).toHaveLength(1);
    expect(sd.requests.at(-1)?.headers["authorization"]).toBe("***");
    await expect(testConnection({ baseUrl: sd.url, auth: "no-colon" })).rejects.toThrow('written "user:password"');
  });
});

describe("faults", () => {
  it("out of GPU memory: the server's 500 is said as such", async () => {
    const sd = await start();
    sd.next("/sdapi/v1/txt2img", { kind: "fault", fault: "out-of-memory" });
    const error = await refusal(txt2img({ baseUrl: sd.url }, prompt));
    expect(error.reason).toBe("server");
    expect(error.message).toBe(`The server ran out of GPU memory (${OOM_MESSAGE}).`);
    expect(sdNextStep((error as SdError).problem)).toMatch(/smaller size or fewer images/);
  });

  it("a scripted 422 names the field", async () => {
    const sd = await start({ flavour: "a1111" });
    sd.next("/sdapi/v1/txt2img", { kind: "invalid", field: "sampler_name", msg: "Value error, sampler not found" });
    const error = await refusal(txt2img({ baseUrl: sd.url }, { ...prompt, sampler: "Nope" }));
    expect(error.message).toBe(
      'The server refused the request\'s field "sampler_name": Value error, sampler not found.',
    );
  });

  it("an empty answer is the server failing mid-run", async () => {
    const sd = await start();
    sd.next("/sdapi/v1/img2img", { kind: "fault", fault: "empty" });
    const error = await refusal(
      img2img({ baseUrl: sd.url }, { ...prompt, initImage: new Uint8Array(encodePng(64, 64)), denoisingStrength: 0.5 }),
    );
    expect([error.reason, (error as SdError).problem]).toEqual(["server", { type: "empty-answer" }]);
  });

  it("a socket closed mid-answer or before it is a typed refusal", async () => {
    const sd = await start();
    sd.next(
      "/sdapi/v1/txt2img",
      { kind: "fault", fault: "close-mid-answer" },
      { kind: "fault", fault: "close-before-answer" },
    );
    const mid = await refusal(txt2img({ baseUrl: sd.url }, prompt));
    expect([mid.reason, mid.message]).toEqual(["offline", "The connection closed before the whole answer arrived."]);
    const before = await refusal(txt2img({ baseUrl: sd.url }, prompt));
    expect([before.reason, before.message]).toEqual([
      "offline",
      "The connection closed before the server's answer arrived.",
    ]);
  });

  it("a server that is down is unreachable, with --api named in the next step", async () => {
    const sd = await start();
    const url = sd.url;
    await sd.close();
    const error = await refusal(testConnection({ baseUrl: url }));
    expect([error.reason, error.message]).toEqual([
      "offline",
      `Could not connect to the Stable Diffusion server at ${url}.`,
    ]);
    expect(sdNextStep((error as SdError).problem)).toContain("--api");
  });

  it("an address that is no SD API is a missing route", async () => {
    const sd = await start();
    const error = await refusal(testConnection({ baseUrl: `${sd.url}/other` }));
    expect((error as SdError).problem).toEqual({ type: "no-route", path: "/sdapi/v1/options" });
  });
});

describe("ControlNet", () => {
  const frame = new Uint8Array(encodePng(128, 96));

  it("SD.Next: /sdapi/v1/control with canny and scribble units", async () => {
    const sd = await start();
    const result = await controlRender(
      { baseUrl: sd.url },
      {
        ...prompt,
        width: 128,
        height: 96,
        seed: 7,
        controlImage: frame,
        units: [{ type: "canny", strength: 0.8 }, { type: "scribble" }],
      },
    );
    expect(result.images.map((i) => [i.width, i.height, i.seed])).toEqual([[128, 96, 7]]);
    const body = bodyOf(sd, "/sdapi/v1/control");
    expect(body["control"]).toEqual([
      { process: "Canny", model: "Canny", strength: 0.8, unit_type: "controlnet" },
      { process: "", model: "Scribble", strength: 1, unit_type: "controlnet", image: expect.any(String) },
    ]);
    expect(sd.requests.map((r) => r.path)).not.toContain("/controlnet/model_list");
  });

  it("AUTOMATIC1111: finds the extension by its routes and sends alwayson_scripts.controlnet units", async () => {
    const sd = await start({ flavour: "a1111" });
    const result = await controlRender(
      { baseUrl: sd.url },
      { ...prompt, width: 128, height: 96, controlImage: frame, units: [{ type: "lineart", strength: 1.2 }] },
    );
    expect(result.images).toHaveLength(1);
    expect(sd.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "GET /sdapi/v1/control-models",
      "GET /controlnet/model_list",
      "POST /sdapi/v1/txt2img",
    ]);
    const args = (
      bodyOf(sd, "/sdapi/v1/txt2img")["alwayson_scripts"] as { controlnet: { args: Record<string, unknown>[] } }
    ).controlnet.args;
    expect(args[0]).toMatchObject({
      enabled: true,
      module: "lineart_standard (from white bg & black line)",
      model: "control_v11p_sd15_lineart [43d4be0d]",
      weight: 1.2,
      save_detected_map: false,
    });
  });

  it("AUTOMATIC1111 without the extension: said before any generation", async () => {
    const sd = await start({ flavour: "a1111", controlnet: false });
    const error = await refusal(
      controlRender({ baseUrl: sd.url }, { ...prompt, controlImage: frame, units: [{ type: "canny" }] }),
    );
    expect((error as SdError).problem).toEqual({ type: "no-controlnet" });
    expect(sd.requests.some((r) => r.method === "POST")).toBe(false);
  });
});
