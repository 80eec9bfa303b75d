// A local HTTP server that speaks the OpenAI wire format, for tests that point
// the official `openai` SDK at `http://127.0.0.1:<port>/v1`.
//
//   const srv = await startOpenAiServer([responsesJson("hello")]);
//   const client = new OpenAI({ apiKey: "sk-test", baseURL: srv.url, maxRetries: 0 });
//   ...; srv.requests[0].schemaErrors; await srv.close();
//
// Replies come from a queue (the array given at start, then push()); when the
// queue is empty the function given at start (if any) is asked; with neither,
// GET /v1/models answers modelsList() and anything else gets a 500 error.
// GET /v1/models is scripted like any route: modelsJson(ids) for OpenAI's
// listing, openRouterModelsJson(models) for OpenRouter's (with `pricing`).
// Images: imageReply() answers whatever image request comes next (Images API
// generations and edits, JSON or multipart, streamed or not; the Responses
// image_generation tool; chat with image output) with real PNGs of the asked
// size (image-replies.ts); moderationError() is the 400 a refused prompt gets.
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { resolveImageReply } from "./image-replies.js";
import { maskErrors } from "./mask-check.js";
import { multipartBoundary, parseMultipart, type UploadedFile } from "./multipart.js";
import { validateMultipart, validateRequest } from "./validate.js";
import { modelsList } from "./replies.js";
import { BatchBackend, BATCH_ROUTES, routeOf, type Answer } from "./batches.js";

export * from "./replies.js";
export { imageReply, moderationError } from "./image-replies.js";
export { bagOfWordsEmbeddings, bagOfWordsVector, DEFAULT_TEST_DIMENSIONS } from "./embeddings.js";
export { encodePng, pixelOf } from "./png.js";
export type { UploadedFile } from "./multipart.js";
export { validateRequest } from "./validate.js";
export { BatchBackend, readBatchInput, routeOf, type BatchInputLine, type BatchScript } from "./batches.js";

export type { ScriptedReply } from "./reply-types.js";
import type { ScriptedReply } from "./reply-types.js";

export interface RecordedRequest {
  method: string;
  /** Path including query string, e.g. `/v1/responses`. */
  path: string;
  /** Lower-cased header names; `authorization` / `api-key` redacted to their last 4 chars. */
  headers: Record<string, string>;
  /**
   * SHA-256 (hex) of the full value of each redacted header, by lower-cased name: a test can check the exact
   * key sent (`secretDigest("Bearer sk-…")`) without the key being kept anywhere.
   */
  secretDigests: Record<string, string>;
  /**
   * Parsed JSON body (undefined when empty; the raw string when not JSON). A multipart form becomes the JSON
   * its schema describes (numbers and booleans restored, each file as "<file name, type, n bytes>").
   */
  body: unknown;
  /** The body as text (utf8); for a multipart form, its text fields only, as JSON. */
  rawBody: string;
  /** Files uploaded in a multipart form, with their exact bytes ([] otherwise). */
  files: UploadedFile[];
  /** Errors from validating `body` against the OpenAPI spec ([] when valid or no schema for the path). */
  schemaErrors: string[];
}

export type ScriptFn = (req: RecordedRequest) => ScriptedReply;

export interface OpenAiTestServer {
  /** Base URL to give the SDK, e.g. `http://127.0.0.1:43210/v1`. */
  url: string;
  requests: RecordedRequest[];
  /** Every SSE frame written, with its wall-clock time in ms (performance.timeOrigin + now), for latency benches. */
  writes: { at: number; chunk: string }[];
  push(...replies: ScriptedReply[]): void;
  /** The Files and Batch APIs' state: `batches.script({...})` shapes the batches created next (batches.ts). */
  batches: BatchBackend;
  /** The next requests on `route` (e.g. "POST /v1/batches", "GET /v1/files/{id}/content") get these replies instead. */
  failRoute(route: string, ...replies: ScriptedReply[]): void;
  /** Requests so far by route (ids as `{id}`, see routeOf), e.g. `{ "POST /v1/files": 1 }`. */
  routeCounts(): Record<string, number>;
  /** Streams the client closed before they ended (a cancel), each with its path and how many events it had written. */
  drops: StreamDrop[];
  /** Resolves with the first stream the client dropped (at once if one was already): a state to wait on, not a time. */
  dropped(): Promise<StreamDrop>;
  /**
   * Resolves with the requests so far once `count` of them (those `match` accepts, when given) have arrived, at once
   * if they already have: a test waits on the server having seen a request, not on a poll or a time.
   */
  requested(count: number, match?: (req: RecordedRequest) => boolean): Promise<RecordedRequest[]>;
  /**
   * Lets every stream past one more of its `pauseAfter` points: after k calls each stream passes its first k pauses,
   * whether it reached them before or after the calls (so a test never races the server to a pause).
   */
  resume(): void;
  close(): Promise<void>;
}

export interface StreamDrop {
  path: string;
  written: number;
}

const ROUTES: ReadonlySet<string> = new Set([
  "POST /v1/responses",
  "POST /v1/chat/completions",
  "POST /v1/images/generations",
  "POST /v1/images/edits",
  "POST /v1/embeddings",
  "GET /v1/models",
]);

const SECRET_HEADERS = new Set(["authorization", "api-key"]);

export function redact(value: string): string {
  return `***${value.slice(-4)}`;
}

/** The digest `RecordedRequest.secretDigests` holds for a header value. */
export function secretDigest(value: string): string {
  return createHash("sha256").update(value).digest("hex");
}

/** OpenAI-style error body. */
export function errorBody(
  status: number,
  message: string,
  type?: string,
  code?: string | null,
): { error: { message: string; type: string; param: null; code: string | null } } {
  const defaults: Record<number, [string, string | null]> = {
    400: ["invalid_request_error", null],
    401: ["invalid_request_error", "invalid_api_key"],
    403: ["invalid_request_error", "unsupported_country_region_territory"],
    404: ["invalid_request_error", "not_found"],
    429: ["requests", "rate_limit_exceeded"],
  };
  const [dType, dCode] = defaults[status] ?? (status >= 500 ? ["server_error", null] : ["invalid_request_error", null]);
  return { error: { message, type: type ?? dType, param: null, code: code === undefined ? dCode : code } };
}

export async function startOpenAiServer(script?: ScriptedReply[] | ScriptFn): Promise<OpenAiTestServer> {
  const queue: ScriptedReply[] = Array.isArray(script) ? [...script] : [];
  const fallback: ScriptFn | undefined = typeof script === "function" ? script : undefined;
  const requests: RecordedRequest[] = [];
  const writes: { at: number; chunk: string }[] = [];
  const sockets = new Set<Socket>();
  const batches = new BatchBackend();
  const routeFailures = new Map<string, ScriptedReply[]>();
  const timers = new Set<NodeJS.Timeout>();
  let counter = 0;
  let closed = false;
  const drops: StreamDrop[] = [];
  const dropWaiters: ((drop: StreamDrop) => void)[] = [];
  let requestWaiters: { count: number; match: (req: RecordedRequest) => boolean; done: () => void }[] = [];
  const seen = (match: (req: RecordedRequest) => boolean): number => requests.filter(match).length;
  let resumes = 0;
  let resumeWaiters: { pause: number; go: () => void }[] = [];
  const noteDrop = (path: string, written: number): void => {
    const drop = { path, written };
    drops.push(drop);
    for (const resolve of dropWaiters.splice(0)) resolve(drop);
  };

  const server = createServer((req, res) => {
    void handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) sendJson(res, 500, errorBody(500, `openai-server: ${String(err)}`));
      else res.destroy();
    });
  });
  // As a provider's: an idle connection stays open a minute, not Node's 5 s. A client in the same process whose event
  // loop a long compile held (ngtsc over a section's answer) would reuse a socket the server was just closing.
  server.keepAliveTimeout = 60_000;
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const bytes = await readBody(req);
    const method = req.method ?? "GET";
    // Browser clients (the plugin UI in the test harness) call cross-origin, like the real API allows.
    res.setHeader("access-control-allow-origin", "*");
    res.setHeader("access-control-expose-headers", "retry-after, retry-after-ms, x-request-id");
    if (method === "OPTIONS") {
      res.writeHead(204, {
        "access-control-allow-methods": "GET, POST, OPTIONS",
        "access-control-allow-headers": req.headers["access-control-request-headers"] ?? "*",
        "access-control-allow-private-network": "true",
        "access-control-max-age": "600",
      });
      res.end();
      return;
    }
    const path = req.url ?? "/";
    const pathname = path.split("?")[0]!.replace(/\/+$/, "");
    const headers: Record<string, string> = {};
    const secretDigests: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) {
      if (v === undefined) continue;
      const value = Array.isArray(v) ? v.join(", ") : v;
      if (SECRET_HEADERS.has(k)) secretDigests[k] = secretDigest(value);
      headers[k] = SECRET_HEADERS.has(k) ? redact(value) : value;
    }
    const boundary = multipartBoundary(req.headers["content-type"]);
    let body: unknown;
    let rawBody = bytes.toString("utf8");
    let files: UploadedFile[] = [];
    let schemaErrors: string[] = [];
    if (boundary) {
      try {
        const form = parseMultipart(bytes, boundary);
        files = form.files;
        rawBody = JSON.stringify(form.fields);
        const checked = validateMultipart(pathname, {
          fields: form.fields,
          files: files.map((f) => ({
            field: f.field,
            filename: f.filename,
            contentType: f.contentType,
            size: f.bytes.length,
          })),
        });
        body = checked.body;
        schemaErrors = [...checked.errors, ...(pathname === "/v1/images/edits" ? maskErrors(files) : [])];
      } catch (error) {
        schemaErrors = [`(body) is not a readable multipart form: ${(error as Error).message}`];
      }
    } else {
      if (rawBody.length) {
        try {
          body = JSON.parse(rawBody);
        } catch {
          body = rawBody;
        }
      }
      schemaErrors = method === "POST" ? validateRequest(pathname, body) : [];
    }
    const record: RecordedRequest = { method, path, headers, secretDigests, body, rawBody, files, schemaErrors };
    requests.push(record);
    const met = requestWaiters.filter((w) => seen(w.match) >= w.count);
    requestWaiters = requestWaiters.filter((w) => !met.includes(w));
    for (const w of met) w.done();
    counter++;
    res.setHeader("x-request-id", `req_test_${counter}`);
    res.setHeader("openai-processing-ms", "1");

    const route = routeOf(method, pathname);
    if (BATCH_ROUTES.has(route)) {
      const failure = routeFailures.get(route)?.shift();
      if (failure) return send(res, failure, pathname);
      sendAnswer(res, batchAnswer(route, pathname, record));
      return;
    }
    if (!ROUTES.has(`${method} ${pathname}`)) {
      sendJson(res, 404, errorBody(404, `Invalid URL (${method} ${pathname})`, "invalid_request_error", null));
      return;
    }
    const reply =
      queue.shift() ??
      fallback?.(record) ??
      (pathname === "/v1/models"
        ? ({ kind: "json", body: modelsList() } as const)
        : ({
            kind: "error",
            status: 500,
            message: `openai-server: no scripted reply left for ${method} ${pathname}`,
          } as const));
    await send(res, resolveImageReply(reply, pathname, body, files.length), pathname);
  }

  function batchAnswer(route: string, pathname: string, record: RecordedRequest): Answer {
    const id = pathname.split("/")[3] ?? "";
    switch (route) {
      case "POST /v1/files": {
        const fields = JSON.parse(record.rawBody || "{}") as Record<string, string | string[]>;
        const file = record.files.find((f) => f.field === "file");
        return batches.upload(fields, file && { filename: file.filename, bytes: file.bytes }, record.schemaErrors);
      }
      case "GET /v1/files/{id}":
        return batches.file(id);
      case "GET /v1/files/{id}/content":
        return batches.content(id);
      case "POST /v1/batches":
        return batches.create(record.body, record.schemaErrors);
      case "GET /v1/batches":
        return batches.list();
      case "GET /v1/batches/{id}":
        return batches.retrieve(id);
      default:
        return batches.cancel(id);
    }
  }

  async function send(res: ServerResponse, reply: ScriptedReply, pathname: string): Promise<void> {
    switch (reply.kind) {
      case "image": // resolved before send(); an image reply for a non-image route is refused there
        sendJson(res, 500, errorBody(500, "openai-server: unresolved image reply"));
        return;
      case "json":
        sendJson(res, reply.status ?? 200, reply.body, reply.headers);
        return;
      case "error":
        sendJson(res, reply.status, errorBody(reply.status, reply.message, reply.type, reply.code), reply.headers);
        return;
      case "hang":
        return; // left open; close() destroys the socket
      case "sse": {
        // The Responses and Images APIs name each event (`event: <type>`) and send no [DONE].
        const named = pathname === "/v1/responses" || pathname.startsWith("/v1/images/");
        const done = reply.done ?? !named;
        res.writeHead(200, {
          "content-type": "text/event-stream; charset=utf-8",
          "cache-control": "no-cache",
          connection: "keep-alive",
          ...reply.headers,
        });
        res.flushHeaders();
        for (let i = 0; i < reply.events.length; i++) {
          if (reply.cutAfter !== undefined && i >= reply.cutAfter) break;
          if (reply.holdAfter !== undefined && i >= reply.holdAfter) {
            // Held open with more to send: only the client (or close()) ends it.
            if (!res.destroyed) await new Promise((resolve) => res.once("close", resolve));
            if (!closed) noteDrop(pathname, i);
            return;
          }
          const pause = reply.pauseAfter?.indexOf(i) ?? -1;
          if (pause >= 0 && resumes <= pause) {
            await new Promise<void>((resolve) => {
              resumeWaiters.push({ pause, go: resolve });
              res.once("close", () => resolve());
            });
          }
          if (reply.delayMs) await sleep(reply.delayMs);
          if (closed) return;
          if (res.destroyed) return noteDrop(pathname, i);
          const chunk = frame(reply.events[i], named);
          writes.push({ at: performance.timeOrigin + performance.now(), chunk });
          await write(res, chunk);
        }
        if (reply.cutAfter !== undefined && reply.cutAfter <= reply.events.length) {
          // Drop the connection without the terminating chunk (and without [DONE]).
          // Events already written were flushed first, so the client sees them before the error.
          res.socket?.destroy();
          return;
        }
        if (done) await write(res, "data: [DONE]\n\n");
        res.end();
        return;
      }
    }
  }

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        timers.delete(t);
        resolve();
      }, ms);
      timers.add(t);
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    writes,
    push(...replies: ScriptedReply[]) {
      queue.push(...replies);
    },
    batches,
    failRoute(route: string, ...replies: ScriptedReply[]) {
      routeFailures.set(route, [...(routeFailures.get(route) ?? []), ...replies]);
    },
    drops,
    resume() {
      resumes++;
      const free = resumeWaiters.filter((w) => w.pause < resumes);
      resumeWaiters = resumeWaiters.filter((w) => w.pause >= resumes);
      for (const w of free) w.go();
    },
    dropped() {
      return drops[0] ? Promise.resolve(drops[0]) : new Promise((resolve) => dropWaiters.push(resolve));
    },
    requested(count: number, match: (req: RecordedRequest) => boolean = () => true) {
      return new Promise<RecordedRequest[]>((resolve) => {
        const done = (): void => resolve(requests.filter(match));
        if (seen(match) >= count) done();
        else requestWaiters.push({ count, match, done });
      });
    },
    routeCounts() {
      const counts: Record<string, number> = {};
      for (const r of requests) {
        const key = routeOf(r.method, r.path.split("?")[0]!.replace(/\/+$/, ""));
        counts[key] = (counts[key] ?? 0) + 1;
      }
      return counts;
    },
    close() {
      if (closed) return Promise.resolve();
      closed = true;
      for (const t of timers) clearTimeout(t);
      timers.clear();
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
        server.closeAllConnections();
      });
    },
  };
}

function frame(event: unknown, named: boolean): string {
  const type = (event as { type?: unknown } | null)?.type;
  const data = `data: ${JSON.stringify(event)}\n\n`;
  return named && typeof type === "string" ? `event: ${type}\n${data}` : data;
}

function write(res: ServerResponse, chunk: string): Promise<void> {
  return new Promise((resolve) => {
    res.write(chunk, () => resolve());
  });
}

function sendAnswer(res: ServerResponse, answer: Answer): void {
  if (!Buffer.isBuffer(answer.body)) return sendJson(res, answer.status, answer.body);
  res.writeHead(answer.status, {
    "content-type": answer.contentType ?? "application/octet-stream",
    "content-length": answer.body.length,
  });
  res.end(answer.body);
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers?: Record<string, string>): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text),
    ...headers,
  });
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
