// A local server on 127.0.0.1 that speaks ComfyUI's API, for tests that point Figment's ComfyUI client at it.
// It follows comfyanonymous/ComfyUI's own files: server.py at 005f3ba4 (the routes /system_stats, /object_info,
// /prompt, /upload/image, /view, /history/{id}, /queue, /interrupt, /ws and their /api/ aliases, the CORS and
// origin middlewares, the binary preview frame: 4-byte big-endian event 1 = PREVIEW_IMAGE, 4-byte image type
// 1 = JPEG / 2 = PNG, then the image), execution.py at f599e5ca (validation: validate.ts; the run: execute.ts),
// main.py at 002f2bed (`executing {node: null}` after the history is written) and nodes.py at 01094316 (nodes.ts).
//
//   const comfy = await startComfyServer();
//   comfy.next({ advance: "manual" }); ...; await comfy.samplerWaiting(); comfy.step(); ...; await comfy.close();
//
// One prompt runs at a time, in the order queued. Messages go to the socket of the prompt's client_id; status
// to every socket. A test scripts each queued prompt (`next`): manual steps, a failing node, out of memory.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { type ComfyScript, executePrompt, type ExecutionOutcome } from "./execute.js";
import { acceptWebSocket, parseMultipart, readBody, sendJson, type ServerSocket } from "./http-parts.js";
import { nodeDefs, nodeInfo, SAMPLERS, SCHEDULERS, type NodeDef } from "./nodes.js";
import { type Prompt, validatePrompt } from "./validate.js";

export interface ComfyServerOptions {
  checkpoints?: string[];
  controlnets?: string[];
  /** `--enable-cors-header [ORIGIN]`: every answer allows this origin ("*" as the flag's default). */
  cors?: string;
  /**
   * Nodes this server lacks: an extra that failed to load (comfy_extras/nodes_canny.py needs kornia; without it
   * ComfyUI starts with no Canny node and logs the import failure).
   */
  without?: string[];
}

export interface ComfyRecordedRequest {
  method: string;
  path: string;
  body: unknown;
}

export interface ComfyTestServer {
  url: string;
  requests: ComfyRecordedRequest[];
  /** The prompts /prompt accepted, with their ids, in order. */
  prompts: { id: string; prompt: Prompt; clientId: string | undefined }[];
  /** Uploaded files by name (the input folder). */
  inputs: Map<string, Uint8Array>;
  /** The next queued prompts run as these say, in order. */
  next(...scripts: ComfyScript[]): void;
  /** Lets a "manual" sampler take `n` steps; false when none waits. */
  step(n?: number): boolean;
  /** Resolves when a "manual" sampler waits for its next step. */
  samplerWaiting(): Promise<void>;
  readonly interrupts: number;
  /** Drops every WebSocket without a close frame. */
  dropSockets(): void;
  /** Each preview frame written to a socket: when (epoch ms, as performance.timeOrigin + now) and its bytes. */
  readonly previewsSent: { at: number; bytes: number }[];
  close(): Promise<void>;
}

export const CHECKPOINTS = ["sd_xl_base_1.0.safetensors", "dreamshaper_8.safetensors"];
export const CONTROLNETS = [
  "control_v11p_sd15_canny.pth",
  "control_v11p_sd15_lineart.pth",
  "control_v11p_sd15_scribble.pth",
];

interface Queued {
  number: number;
  id: string;
  prompt: Prompt;
  extra: Record<string, unknown>;
  outputs: string[];
  script: ComfyScript;
}

export async function startComfyServer(options: ComfyServerOptions = {}): Promise<ComfyTestServer> {
  const checkpoints = options.checkpoints ?? CHECKPOINTS;
  const controlnets = options.controlnets ?? CONTROLNETS;
  const requests: ComfyRecordedRequest[] = [];
  const prompts: ComfyTestServer["prompts"] = [];
  const inputs = new Map<string, Uint8Array>();
  const outputFiles = new Map<string, Uint8Array>();
  const counters = new Map<string, number>();
  const history = new Map<string, Record<string, unknown>>();
  const sockets = new Map<string, ServerSocket>();
  const previewsSent: { at: number; bytes: number }[] = [];
  const connections = new Set<Socket>();
  const scripts: ComfyScript[] = [];
  const queue: Queued[] = [];
  let running: Queued | undefined;
  let number = 0;
  let interruptFlag = false;
  let interrupts = 0;
  let stepsAllowed = 0;
  let stepWaiter: (() => void) | undefined;
  const samplerWaiters: (() => void)[] = [];
  let closed = false;

  const defs = (): Record<string, NodeDef> => {
    const all = nodeDefs({
      checkpoints,
      controlnets,
      samplers: SAMPLERS,
      schedulers: SCHEDULERS,
      inputs: [...inputs.keys()],
    });
    for (const name of options.without ?? []) delete all[name];
    return all;
  };
  const queueInfo = (): Record<string, unknown> => ({
    exec_info: { queue_remaining: queue.length + (running ? 1 : 0) },
  });
  const sendTo = (sid: string | undefined, type: string, data: unknown): void => {
    const text = JSON.stringify({ type, data });
    if (sid === undefined) for (const socket of sockets.values()) socket.sendText(text);
    else sockets.get(sid)?.sendText(text);
  };
  const queueUpdated = (): void => sendTo(undefined, "status", { status: queueInfo() });

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, { error: String(error) });
      else res.destroy();
    });
  });
  server.on("connection", (s) => {
    connections.add(s);
    s.on("close", () => connections.delete(s));
  });
  server.on("upgrade", (req, socket) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const ws = url.pathname.replace(/^\/api/, "") === "/ws" ? acceptWebSocket(req, socket) : undefined;
    if (!ws) return void socket.destroy();
    const sid = url.searchParams.get("clientId") || randomUUID().replace(/-/g, "");
    sockets.set(sid, ws);
    ws.onClose(() => {
      if (sockets.get(sid) === ws) sockets.delete(sid);
    });
    ws.sendText(JSON.stringify({ type: "status", data: { status: queueInfo(), sid } }));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const bytes = await readBody(req);
    const method = req.method ?? "GET";
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const path = url.pathname.replace(/^\/api(?=\/)/, "");
    if (options.cors) {
      res.setHeader("access-control-allow-origin", options.cors);
      res.setHeader("access-control-allow-methods", "POST, GET, DELETE, PUT, OPTIONS");
      res.setHeader("access-control-allow-headers", "Content-Type, Authorization");
      res.setHeader("access-control-allow-credentials", "true");
    } else if (originMismatch(req)) {
      res.writeHead(403).end();
      return;
    }
    if (method === "OPTIONS") return void res.writeHead(200).end();
    const json = (req.headers["content-type"] ?? "").includes("json") ? parseJson(bytes) : undefined;
    requests.push({ method, path: `${path}${url.search}`, body: json });
    const route = `${method} ${path}`;
    if (route === "GET /system_stats") return sendJson(res, 200, systemStats());
    if (route === "GET /object_info")
      return sendJson(res, 200, Object.fromEntries(Object.entries(defs()).map(([k, d]) => [k, nodeInfo(k, d)])));
    const oneClass = /^GET \/object_info\/(.+)$/.exec(route);
    if (oneClass) {
      const name = decodeURIComponent(oneClass[1]!);
      const def = defs()[name];
      return sendJson(res, 200, def ? { [name]: nodeInfo(name, def) } : {});
    }
    if (route === "GET /prompt") return sendJson(res, 200, queueInfo());
    if (route === "POST /prompt") return postPrompt(res, json);
    if (route === "POST /upload/image") return upload(res, bytes, req.headers["content-type"]);
    if (route === "GET /view") return view(res, url.searchParams);
    if (route === "GET /queue")
      return sendJson(res, 200, {
        queue_running: running ? [entry(running)] : [],
        queue_pending: queue.map(entry),
      });
    if (route === "POST /queue") {
      const body = (json ?? {}) as { clear?: boolean; delete?: string[] };
      if (body.clear) queue.splice(0);
      for (const id of body.delete ?? []) {
        const at = queue.findIndex((q) => q.id === id);
        if (at >= 0) queue.splice(at, 1);
      }
      queueUpdated();
      return void res.writeHead(200).end();
    }
    if (route === "POST /interrupt") {
      interrupts += 1;
      interruptFlag = true;
      stepWaiter?.();
      return void res.writeHead(200).end();
    }
    const one = /^GET \/history\/(.+)$/.exec(route);
    if (one) {
      const id = decodeURIComponent(one[1]!);
      const item = history.get(id);
      return sendJson(res, 200, item ? { [id]: item } : {});
    }
    if (route === "GET /history") return sendJson(res, 200, Object.fromEntries(history));
    res.writeHead(404).end("404: Not Found");
  }

  function postPrompt(res: ServerResponse, body: unknown): void {
    const data = (typeof body === "object" && body !== null ? body : {}) as Record<string, unknown>;
    const prompt = data["prompt"];
    if (typeof prompt !== "object" || prompt === null || Array.isArray(prompt))
      return sendJson(res, 400, {
        error: { type: "no_prompt", message: "No prompt provided", details: "No prompt provided", extra_info: {} },
        node_errors: {},
      });
    const valid = validatePrompt(prompt as Prompt, defs());
    if (!valid.ok) return sendJson(res, 400, { error: valid.error, node_errors: valid.nodeErrors });
    const id = typeof data["prompt_id"] === "string" ? data["prompt_id"] : randomUUID();
    const clientId = typeof data["client_id"] === "string" ? data["client_id"] : undefined;
    const extra = {
      ...((data["extra_data"] as Record<string, unknown> | undefined) ?? {}),
      ...(clientId ? { client_id: clientId } : {}),
    };
    const item: Queued = {
      number: number++,
      id,
      prompt: prompt as Prompt,
      extra,
      outputs: valid.outputs,
      script: scripts.shift() ?? {},
    };
    prompts.push({ id, prompt: prompt as Prompt, clientId });
    queue.push(item);
    queueUpdated();
    sendJson(res, 200, { prompt_id: id, number: item.number, node_errors: {} });
    void work();
  }

  async function work(): Promise<void> {
    if (running || closed) return;
    const item = queue.shift();
    if (!item) return;
    running = item;
    queueUpdated();
    interruptFlag = false; // nodes.interrupt_processing(False) at the start of execute()
    const sid = item.extra["client_id"] as string | undefined;
    const outcome: ExecutionOutcome = await executePrompt(
      {
        defs: defs(),
        send: (type, data) => {
          if (sid !== undefined || type === "execution_interrupted") sendTo(sid, type, data);
        },
        sendPreview: (png) => {
          const frame = new Uint8Array(8 + png.length);
          const view = new DataView(frame.buffer);
          view.setUint32(0, 1); // BinaryEventTypes.PREVIEW_IMAGE
          view.setUint32(4, 2); // PNG
          frame.set(png, 8);
          const socket = sid === undefined ? undefined : sockets.get(sid);
          if (!socket) return;
          socket.sendBinary(frame);
          previewsSent.push({ at: performance.timeOrigin + performance.now(), bytes: frame.length });
        },
        interrupted: () => interruptFlag || closed,
        advance: (script) => advance(script),
        inputFile: (name) => inputs.get(name),
        saveOutput: (prefix, type, png) => save(prefix, type, png),
      },
      item.id,
      item.prompt,
      item.outputs,
      item.script,
    );
    history.set(item.id, {
      prompt: entry(item),
      outputs: outcome.outputs,
      status: { status_str: outcome.status, completed: outcome.status === "success", messages: outcome.messages },
      meta: {},
    });
    running = undefined;
    queueUpdated();
    if (sid !== undefined) sendTo(sid, "executing", { node: null, prompt_id: item.id });
    void work();
  }

  async function advance(script: ComfyScript): Promise<void> {
    if (script.advance !== "manual" || closed)
      return new Promise((resolve) => (script.stepMs ? setTimeout(resolve, script.stepMs) : setImmediate(resolve)));
    while (stepsAllowed === 0 && !interruptFlag && !closed) {
      await new Promise<void>((resolve) => {
        stepWaiter = resolve;
        for (const waiter of samplerWaiters.splice(0)) waiter();
      });
      stepWaiter = undefined;
    }
    if (stepsAllowed > 0) stepsAllowed -= 1;
  }

  function save(
    prefix: string,
    type: "output" | "temp",
    png: Uint8Array,
  ): { filename: string; subfolder: string; type: string } {
    const slash = prefix.lastIndexOf("/");
    const subfolder = slash >= 0 ? prefix.slice(0, slash) : "";
    const base = prefix.slice(slash + 1);
    const counter = (counters.get(prefix) ?? 0) + 1;
    counters.set(prefix, counter);
    const filename = `${base}_${String(counter).padStart(5, "0")}_.png`;
    outputFiles.set(`${type}/${subfolder}/${filename}`, png);
    return { filename, subfolder, type };
  }

  function upload(res: ServerResponse, body: Buffer, contentType: string | undefined): void {
    const parts = parseMultipart(body, contentType);
    const image = parts.find((p) => p.name === "image" && p.filename !== undefined);
    if (!image?.filename) return void res.writeHead(400).end();
    const overwrite = parts.find((p) => p.name === "overwrite")?.data.toString();
    const subfolder = parts.find((p) => p.name === "subfolder")?.data.toString() ?? "";
    const type = parts.find((p) => p.name === "type")?.data.toString() || "input";
    let filename = image.filename;
    const dot = filename.lastIndexOf(".");
    const [stem, ext] = dot > 0 ? [filename.slice(0, dot), filename.slice(dot)] : [filename, ""];
    // Without overwrite, a taken name gets " (1)", " (2)"… unless the file there has the same bytes.
    for (let i = 1; overwrite !== "true" && overwrite !== "1" && inputs.has(filename); i++) {
      if (Buffer.from(inputs.get(filename)!).equals(image.data)) break;
      filename = `${stem} (${i})${ext}`;
    }
    inputs.set(filename, new Uint8Array(image.data));
    sendJson(res, 200, { name: filename, subfolder, type });
  }

  function view(res: ServerResponse, query: URLSearchParams): void {
    const filename = query.get("filename");
    if (filename === null) return void res.writeHead(404).end();
    if (filename.startsWith("/") || filename.includes("..")) return void res.writeHead(400).end();
    const type = query.get("type") ?? "output";
    const subfolder = query.get("subfolder") ?? "";
    const bytes = type === "input" ? inputs.get(filename) : outputFiles.get(`${type}/${subfolder}/${filename}`);
    if (!bytes) return void res.writeHead(404).end();
    res.writeHead(200, { "content-type": "image/png", "content-disposition": `filename="${filename}"` });
    res.end(Buffer.from(bytes));
  }

  const entry = (q: Queued): unknown[] => [q.number, q.id, q.prompt, q.extra, q.outputs];

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    prompts,
    inputs,
    previewsSent,
    next: (...more) => void scripts.push(...more),
    step(n = 1) {
      if (!stepWaiter) return false;
      stepsAllowed += n;
      stepWaiter();
      return true;
    },
    samplerWaiting: () => (stepWaiter ? Promise.resolve() : new Promise((resolve) => samplerWaiters.push(resolve))),
    get interrupts() {
      return interrupts;
    },
    dropSockets() {
      for (const socket of sockets.values()) socket.destroy();
      sockets.clear();
    },
    close() {
      if (closed) return Promise.resolve();
      closed = true;
      stepWaiter?.();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of connections) s.destroy();
        for (const socket of sockets.values()) socket.destroy();
        server.closeAllConnections();
      });
    },
  };
}

/** server.py's origin_only_middleware: on a loopback host, an Origin whose host differs is refused (403). */
function originMismatch(req: IncomingMessage): boolean {
  const host = req.headers.host?.toLowerCase();
  const origin = req.headers.origin;
  if (!host || !origin) return false;
  let originHost = "";
  try {
    originHost = new URL(origin).host.toLowerCase();
  } catch {
    return false; // "null" parses to no host: the check does not apply
  }
  const loopback = /^(127\.|localhost|\[::1\])/.test(host);
  return loopback && originHost !== "" && originHost !== host;
}

function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString("utf8"));
  } catch {
    return undefined;
  }
}

function systemStats(): Record<string, unknown> {
  return {
    system: {
      os: "posix",
      ram_total: 34359738368,
      ram_free: 17179869184,
      comfyui_version: "0.3.40",
      python_version: "3.12.3",
      pytorch_version: "2.7.0+cu126",
      embedded_python: false,
      argv: ["main.py", "--listen", "127.0.0.1"],
    },
    devices: [
      {
        name: "cuda:0 NVIDIA GeForce RTX 4070 : cudaMallocAsync",
        type: "cuda",
        index: 0,
        vram_total: 12878086144,
        vram_free: 11811160064,
        torch_vram_total: 0,
        torch_vram_free: 0,
      },
    ],
  };
}
