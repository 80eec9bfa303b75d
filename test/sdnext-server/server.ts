// A local HTTP server on 127.0.0.1 that speaks SD.Next's API (and, with `flavour: "a1111"`, AUTOMATIC1111's with
// its ControlNet extension), for tests that point Figment's SD client at it.
//
//   const sd = await startSdNextServer({ apiAuth: "user:pass" });
//   sd.next("/sdapi/v1/txt2img", { kind: "job", steps: 4, advance: "manual" });
//   ...; await sd.jobStarted(); sd.step(); ...; sd.requests[0].errors; await sd.close();
//
// Every POST body is checked against the field tables derived from SD.Next's request models (fields.ts): an
// unknown field or a wrong type is a 422 in FastAPI's shape, and recorded. Generations answer real PNGs of the
// requested size and `info` as the JSON string SD returns (seed, all_seeds). A job is driven by state, never by
// time: it advances a step when the test calls step() ("manual") or at each progress poll ("poll"); while it
// runs, /sdapi/v1/progress reports the step, an ETA and a preview; /sdapi/v1/interrupt ends it with its images.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { encodePng } from "../openai-server/png.js";
import { CONTROL_FIELDS, IMG2IMG_FIELDS, PROGRESS_QUERY, TXT2IMG_FIELDS } from "./fields.js";
import {
  checkA1111ControlNet,
  checkControl,
  checkFields,
  checkImg2Img,
  readImage,
  type ValidationItem,
} from "./validate.js";

export type SdFlavour = "sdnext" | "a1111";

/** What goes wrong with an answer, as SD servers fail. */
export type SdFault =
  /** 401 as FastAPI's HTTPBasic answers a wrong password. */
  | "unauthorized"
  /** 500 `OutOfMemoryError` in the server's error shape (SD.Next's middleware or A1111's). */
  | "out-of-memory"
  /** 200 with `{"images": []}`: the run failed inside the server. */
  | "empty"
  /** The headers and half the body, then the socket destroyed. */
  | "close-mid-answer"
  /** The socket destroyed before any answer. */
  | "close-before-answer";

export type SdReply =
  /** Images after `steps` steps (0: at once), advanced by step() or by each progress poll. */
  | { kind: "job"; steps?: number; advance?: "manual" | "poll" }
  | { kind: "fault"; fault: SdFault }
  /** A 422 naming `field` (as if its value were refused), whatever the body. */
  | { kind: "invalid"; field: string; msg?: string };

export interface SdServerOptions {
  flavour?: SdFlavour;
  /** `user:pass`: every API route then needs HTTP Basic credentials (SD.Next `--auth`, A1111 `--api-auth`). */
  apiAuth?: string;
  /** Answer the plugin's opaque origin ("null") as `--cors-origins` / `--cors-allow-origins` would; default off. */
  cors?: boolean;
  /** A1111 only: whether the ControlNet extension is installed (default true). */
  controlnet?: boolean;
}

export interface SdRecordedRequest {
  method: string;
  path: string;
  /** Lower-cased names; `authorization` redacted. */
  headers: Record<string, string>;
  body: unknown;
  /** The 422's items for this request ([] when valid or not a POST). */
  errors: ValidationItem[];
}

export interface SdTestServer {
  /** Base URL, e.g. `http://127.0.0.1:43210` (routes start with /sdapi/v1). */
  url: string;
  options: Required<SdServerOptions>;
  requests: SdRecordedRequest[];
  /** The next requests on `path` (e.g. "/sdapi/v1/txt2img") get these replies, in order. */
  next(path: string, ...replies: SdReply[]): void;
  /** Advances the running job by `n` steps (a "manual" job); false when no job runs. */
  step(n?: number): boolean;
  /** Resolves when a job with steps is running (at once if one is). */
  jobStarted(): Promise<void>;
  /** How many interrupts arrived. */
  readonly interrupts: number;
  /** Switches CORS on or off for the next requests. */
  setCors(on: boolean): void;
  close(): Promise<void>;
}

export const SD_MODELS = [
  {
    title: "sd_xl_base_1.0 [31e35c80fc]",
    model_name: "sd_xl_base_1.0",
    filename: "/models/Stable-diffusion/sd_xl_base_1.0.safetensors",
    type: "sdxl",
    sha256: null,
    hash: "31e35c80fc",
    config: null,
  },
  {
    title: "dreamshaper_8 [879db523c3]",
    model_name: "dreamshaper_8",
    filename: "/models/Stable-diffusion/dreamshaper_8.safetensors",
    type: "sd",
    sha256: null,
    hash: "879db523c3",
    config: null,
  },
];
export const SD_SAMPLERS = ["Euler a", "Euler", "DPM++ 2M", "UniPC"].map((name) => ({ name, options: {} }));
export const SD_CONTROL_MODELS = ["Canny", "LineArt", "Scribble", "Depth"];
export const A1111_CONTROLNET_MODELS = [
  "control_v11p_sd15_canny [d14c016b]",
  "control_v11p_sd15_lineart [43d4be0d]",
  "control_v11p_sd15_scribble [d4ba51ff]",
];

/** The out-of-memory message torch raises, as it reaches the API's error body. */
export const OOM_MESSAGE =
  "CUDA out of memory. Tried to allocate 2.00 GiB (GPU 0; 8.00 GiB total capacity; " +
  "6.12 GiB already allocated; 1.20 GiB free; 6.50 GiB reserved in total by PyTorch)";

interface Job {
  steps: number;
  step: number;
  advance: "manual" | "poll";
  width: number;
  height: number;
  interrupted: boolean;
  finish: () => void;
}

const GENERATION = new Set(["/sdapi/v1/txt2img", "/sdapi/v1/img2img", "/sdapi/v1/control"]);

export async function startSdNextServer(options: SdServerOptions = {}): Promise<SdTestServer> {
  const resolved: Required<SdServerOptions> = {
    flavour: options.flavour ?? "sdnext",
    apiAuth: options.apiAuth ?? "",
    cors: options.cors ?? false,
    controlnet: options.controlnet ?? true,
  };
  const requests: SdRecordedRequest[] = [];
  const queues = new Map<string, SdReply[]>();
  const sockets = new Set<Socket>();
  const startWaiters: (() => void)[] = [];
  let job: Job | undefined;
  let seedCounter = 1000;
  let closed = false;
  let interrupts = 0;

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: "Exception", detail: `sdnext-server: ${String(error)}` });
      else res.destroy();
    });
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });

  const flavourError = (error: string, code: number, detail: string, errors: string): Record<string, unknown> =>
    resolved.flavour === "sdnext" ? { error, code, detail, body: "", errors } : { error, detail, body: "", errors };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const bytes = await readBody(req);
    const method = req.method ?? "GET";
    const [pathname = "/", query = ""] = (req.url ?? "/").split("?");
    const origin = req.headers.origin;
    // Starlette's CORSMiddleware: a listed origin (here "null", the plugin's) is echoed with credentials allowed.
    if (resolved.cors && origin !== undefined) {
      res.setHeader("access-control-allow-origin", origin);
      res.setHeader("access-control-allow-credentials", "true");
      res.setHeader("vary", "Origin");
    }
    if (method === "OPTIONS") {
      if (resolved.cors && origin !== undefined) {
        res.writeHead(200, {
          "access-control-allow-methods": "DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT",
          "access-control-allow-headers": req.headers["access-control-request-headers"] ?? "*",
          "access-control-max-age": "600",
          "access-control-allow-private-network": "true",
        });
        res.end("OK");
      } else sendJson(res, 405, { detail: "Method Not Allowed" });
      return;
    }
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers))
      if (v !== undefined) headers[k] = k === "authorization" ? "***" : Array.isArray(v) ? v.join(", ") : v;
    let body: unknown;
    const text = bytes.toString("utf8");
    const record: SdRecordedRequest = { method, path: req.url ?? "/", headers, body: undefined, errors: [] };
    requests.push(record);
    if (text.length) {
      try {
        body = JSON.parse(text);
      } catch {
        record.errors = [{ type: "json_invalid", loc: ["body", 0], msg: "JSON decode error" }];
        return sendJson(res, 422, { detail: record.errors });
      }
    }
    record.body = body;

    const known = routeKnown(method, pathname);
    if (!known)
      return sendJson(res, method === "GET" || method === "POST" ? 404 : 405, {
        detail: method === "GET" || method === "POST" ? "Not Found" : "Method Not Allowed",
      });
    if (resolved.apiAuth && !authorized(req.headers.authorization)) {
      const detail = req.headers.authorization ? "Unauthorized" : "Not authenticated";
      return sendJson(res, 401, flavourError("HTTPException", 401, detail, `401: ${detail}`), {
        "www-authenticate": "Basic",
      });
    }

    if (method === "POST" && GENERATION.has(pathname)) {
      record.errors = validate(pathname, body);
      if (record.errors.length) return sendJson(res, 422, { detail: record.errors });
      const reply = queues.get(pathname)?.shift() ?? { kind: "job" };
      return generate(res, pathname, body as Record<string, unknown>, reply);
    }
    if (method === "POST" && pathname === "/sdapi/v1/interrupt") {
      interrupts += 1;
      if (job) {
        job.interrupted = true;
        job.finish();
      }
      return resolved.flavour === "sdnext" ? void res.writeHead(204).end() : sendJson(res, 200, {});
    }
    const reply = queues.get(pathname)?.shift();
    if (reply?.kind === "fault") return fault(res, reply.fault, {});
    switch (pathname) {
      case "/sdapi/v1/sd-models":
        return sendJson(res, 200, SD_MODELS);
      case "/sdapi/v1/samplers":
        return sendJson(
          res,
          200,
          resolved.flavour === "sdnext"
            ? SD_SAMPLERS
            : SD_SAMPLERS.map((s) => ({ name: s.name, aliases: [], options: {} })),
        );
      case "/sdapi/v1/options":
        return sendJson(res, 200, {
          sd_model_checkpoint: SD_MODELS[0]!.title,
          samples_format: "png",
          sd_backend: resolved.flavour === "sdnext" ? "diffusers" : undefined,
        });
      case "/sdapi/v1/control-models":
        return sendJson(res, 200, SD_CONTROL_MODELS);
      case "/controlnet/model_list":
        return sendJson(res, 200, { model_list: A1111_CONTROLNET_MODELS });
      case "/sdapi/v1/progress": {
        const params = new URLSearchParams(query);
        record.errors = [...params.keys()]
          .filter((key) => !PROGRESS_QUERY.has(key))
          .map((key) => ({ type: "extra_forbidden", loc: ["query", key], msg: "Extra inputs are not permitted" }));
        return record.errors.length
          ? sendJson(res, 422, { detail: record.errors })
          : sendJson(res, 200, progress(params));
      }
    }
  }

  function routeKnown(method: string, pathname: string): boolean {
    const common = [
      "GET /sdapi/v1/sd-models",
      "GET /sdapi/v1/samplers",
      "GET /sdapi/v1/options",
      "GET /sdapi/v1/progress",
      "POST /sdapi/v1/interrupt",
      "POST /sdapi/v1/txt2img",
      "POST /sdapi/v1/img2img",
    ];
    const own =
      resolved.flavour === "sdnext"
        ? ["POST /sdapi/v1/control", "GET /sdapi/v1/control-models"]
        : resolved.controlnet
          ? ["GET /controlnet/model_list"]
          : [];
    return [...common, ...own].includes(`${method} ${pathname}`);
  }

  function authorized(header: string | undefined): boolean {
    const match = /^Basic (.+)$/.exec(header ?? "");
    return match !== null && Buffer.from(match[1]!, "base64").toString("utf8") === resolved.apiAuth;
  }

  function validate(pathname: string, body: unknown): ValidationItem[] {
    if (pathname === "/sdapi/v1/txt2img") return [...checkFields(TXT2IMG_FIELDS, body), ...checkA1111ControlNet(body)];
    if (pathname === "/sdapi/v1/img2img") return [...checkImg2Img(IMG2IMG_FIELDS, body), ...checkA1111ControlNet(body)];
    return checkControl(CONTROL_FIELDS, body);
  }

  async function generate(
    res: ServerResponse,
    pathname: string,
    body: Record<string, unknown>,
    reply: SdReply,
  ): Promise<void> {
    if (reply.kind === "invalid")
      return sendJson(res, 422, {
        detail: [
          {
            type: "value_error",
            loc: ["body", reply.field],
            msg: reply.msg ?? "Value error, invalid value",
            input: body[reply.field] ?? null,
          },
        ],
      });
    const size = requestedSize(pathname, body);
    if (reply.kind === "fault") return fault(res, reply.fault, body);
    const steps = reply.steps ?? 0;
    let interrupted = false;
    if (steps > 0) {
      await new Promise<void>((resolve) => {
        job = {
          steps,
          step: 0,
          advance: reply.advance ?? "manual",
          width: size.width,
          height: size.height,
          interrupted: false,
          finish: resolve,
        };
        for (const waiter of startWaiters.splice(0)) waiter();
      });
      interrupted = job?.interrupted ?? false;
      job = undefined;
      if (closed) return;
    }
    const count =
      pathname === "/sdapi/v1/control"
        ? num(body["batch_size"], 1) * num(body["batch_count"], 1)
        : num(body["batch_size"], 1) * num(body["n_iter"], 1);
    const asked = num(body["seed"], -1);
    const first = asked >= 0 ? asked : seedCounter++;
    const seeds = Array.from({ length: count }, (_, i) => first + i);
    const images = seeds.map((seed) => encodePng(size.width, size.height, { seed }).toString("base64"));
    const parameters = { ...body, init_images: null, mask: null };
    if (pathname === "/sdapi/v1/control") {
      const info =
        `<p>Ready | Size ${size.width}x${size.height}</p><p>${String(body["prompt"] ?? "")}<br>Steps: ` +
        `${num(body["steps"], 20)}, Seed: ${first}, Size: ` +
        `${size.width}x${size.height}${interrupted ? ", Interrupted" : ""}</p>`;
      const processed = [encodePng(size.width, size.height, { seed: 7 }).toString("base64")];
      return sendJson(res, 200, { images, processed, params: parameters, info });
    }
    // The ControlNet extension appends each unit's detected map unless the unit says save_detected_map: false.
    const maps = controlnetUnits(body)
      .filter((unit) => unit["save_detected_map"] !== false)
      .map(() => encodePng(size.width, size.height, { seed: 7 }).toString("base64"));
    // The checkpoint that drew it: AUTOMATIC1111's info names it (sd_model_name) and its hash; SD.Next's only the hash.
    const checkpoint = loadedCheckpoint(body);
    const named =
      resolved.flavour === "a1111"
        ? { sd_model_name: checkpoint.model_name, sd_model_hash: checkpoint.hash }
        : { sd_model_hash: checkpoint.hash };
    const info = JSON.stringify({
      ...named,
      prompt: body["prompt"] ?? "",
      all_prompts: seeds.map(() => body["prompt"] ?? ""),
      negative_prompt: body["negative_prompt"] ?? "",
      seed: first,
      all_seeds: seeds,
      subseed: -1,
      all_subseeds: seeds,
      width: size.width,
      height: size.height,
      sampler_name: body["sampler_name"] ?? "Default",
      cfg_scale: body["cfg_scale"] ?? 6,
      steps: num(body["steps"], 20),
      batch_size: num(body["batch_size"], 1),
      denoising_strength: body["denoising_strength"] ?? null,
      infotexts: seeds.map((seed) => `Seed: ${seed}`),
      job_timestamp: "20260101000000",
    });
    sendJson(res, 200, { images: [...images, ...maps], parameters, info });
  }

  /** The checkpoint a generation runs on: the one `override_settings` names, else the loaded one (the first). */
  function loadedCheckpoint(body: Record<string, unknown>): (typeof SD_MODELS)[number] {
    const override = body["override_settings"];
    const asked =
      typeof override === "object" && override !== null
        ? (override as Record<string, unknown>)["sd_model_checkpoint"]
        : undefined;
    return SD_MODELS.find((m) => m.title === asked) ?? SD_MODELS[0]!;
  }

  function requestedSize(pathname: string, body: Record<string, unknown>): { width: number; height: number } {
    const fallback = pathname === "/sdapi/v1/img2img" ? readImage((body["init_images"] as unknown[])[0]) : undefined;
    const side = resolved.flavour === "sdnext" ? 1024 : 512;
    const width =
      pathname === "/sdapi/v1/control" ? num(body["width_before"], side) : num(body["width"], fallback?.width ?? side);
    const height =
      pathname === "/sdapi/v1/control"
        ? num(body["height_before"], side)
        : num(body["height"], fallback?.height ?? side);
    return { width: Math.max(8, Math.min(2048, width)), height: Math.max(8, Math.min(2048, height)) };
  }

  function fault(res: ServerResponse, which: SdFault, body: Record<string, unknown>): void {
    switch (which) {
      case "unauthorized":
        return sendJson(res, 401, flavourError("HTTPException", 401, "Unauthorized", "401: Unauthorized"), {
          "www-authenticate": "Basic",
        });
      case "out-of-memory":
        return sendJson(res, 500, flavourError("OutOfMemoryError", 500, "", OOM_MESSAGE));
      case "empty":
        return sendJson(res, 200, { images: [], parameters: body, info: "" });
      case "close-before-answer":
        res.socket?.destroy();
        return;
      case "close-mid-answer": {
        const text = JSON.stringify({ images: [encodePng(64, 64).toString("base64")], parameters: {}, info: "{}" });
        res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
        res.write(text.slice(0, Math.floor(text.length / 2)), () => res.socket?.destroy());
        return;
      }
    }
  }

  function progress(query: URLSearchParams): Record<string, unknown> {
    const idle = {
      skipped: false,
      interrupted: false,
      job: "",
      job_count: 0,
      job_timestamp: "0",
      job_no: 0,
      sampling_step: 0,
      sampling_steps: 0,
    };
    if (!job) return { id: null, progress: 0, eta_relative: 0, state: idle, current_image: null, textinfo: null };
    const running = job;
    if (running.advance === "poll" && running.step < running.steps) running.step += 1;
    const fraction = Math.round((running.step / running.steps) * 100) / 100;
    const skip = query.get("skip_current_image") === "true";
    const current =
      running.step > 0 && !skip
        ? encodePng(Math.max(8, running.width >> 3), Math.max(8, running.height >> 3), { seed: running.step }).toString(
            "base64",
          )
        : null;
    const state = {
      ...idle,
      interrupted: running.interrupted,
      job: "txt2img",
      job_count: 1,
      job_timestamp: "20260101000000",
      sampling_step: running.step,
      sampling_steps: running.steps,
    };
    const answer = {
      id: "task(test)",
      progress: fraction,
      eta_relative: (running.steps - running.step) * 0.25,
      state,
      current_image: current,
      textinfo: null,
    };
    if (running.advance === "poll" && running.step >= running.steps) running.finish();
    return answer;
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  const api: SdTestServer = {
    url: `http://127.0.0.1:${port}`,
    options: resolved,
    requests,
    get interrupts() {
      return interrupts;
    },
    next(path, ...replies) {
      queues.set(path, [...(queues.get(path) ?? []), ...replies]);
    },
    step(n = 1) {
      if (!job) return false;
      job.step = Math.min(job.steps, job.step + n);
      // The last step is reported by one more poll before the answer, as SD's progress shows 100 % briefly.
      if (job.step >= job.steps && job.advance === "manual") job.finish();
      return true;
    },
    jobStarted() {
      return job ? Promise.resolve() : new Promise((resolve) => startWaiters.push(resolve));
    },
    setCors(on) {
      resolved.cors = on;
    },
    close() {
      if (closed) return Promise.resolve();
      closed = true;
      job?.finish();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
        server.closeAllConnections();
      });
    },
  };
  return api;
}

function controlnetUnits(body: Record<string, unknown>): Record<string, unknown>[] {
  const scripts = body["alwayson_scripts"] as Record<string, { args?: unknown[] }> | undefined;
  const args = scripts?.["controlnet"]?.args;
  return Array.isArray(args)
    ? (args.filter((u) => typeof u === "object" && u !== null) as Record<string, unknown>[])
    : [];
}

const num = (value: unknown, fallback: number): number =>
  typeof value === "number" && Number.isFinite(value) ? value : fallback;

function sendJson(res: ServerResponse, status: number, body: unknown, headers?: Record<string, string>): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}
