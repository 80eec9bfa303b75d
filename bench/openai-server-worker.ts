/**
 * The OpenAI-wire test server (test/openai-server) answering one streamed Responses API reply to every
 * request, at once, for bench/ai-overhead.ts: in a worker thread (so its work per request — the OpenAPI check
 * of the body, the framing of every SSE event — runs beside ours, as a remote server's would) or in the
 * calling thread.
 *
 * Not part of dist/bench.mjs: `serverModuleUrl` (bench/ai-overhead.ts) bundles this file at run time with
 * esbuild, because the server's request validator finds the OpenAPI spec relative to its own module
 * (`import.meta.url`), which only holds from the source tree; the bundle gets that module's real URL.
 */
import { isMainThread, parentPort, workerData } from "node:worker_threads";
import { responsesStream, startOpenAiServer, type OpenAiTestServer } from "../test/openai-server/server.js";

export interface InstantServerData {
  figmentBenchServer: true;
  chunks: string[];
  id: string;
  model: string;
  /** Wait this long before each SSE event (a model's pace); 0 or absent answers at once. */
  delayMs?: number;
}

export type FromWorker =
  | { type: "ready"; url: string }
  | { type: "stats"; requests: number; schemaErrors: string[] }
  | { type: "closed" };
export type ToWorker = { type: "stats" } | { type: "close" };

export interface StartedServer {
  server: OpenAiTestServer;
  /** Requests served so far and the OpenAPI errors found in their bodies. */
  stats: { requests: number; schemaErrors: string[] };
}

/**
 * The server with one scripted reply, the same for every request. What the server records per request (the
 * request, and any log of written frames) is tallied and dropped as the next request comes, so memory stays
 * flat over hundreds of requests.
 */
export async function startInstantServer(data: Omit<InstantServerData, "figmentBenchServer">): Promise<StartedServer> {
  const reply = responsesStream(data.chunks, {
    id: data.id,
    model: data.model,
    ...(data.delayMs ? { delayMs: data.delayMs } : {}),
  });
  const stats = { requests: 0, schemaErrors: [] as string[] };
  let server: OpenAiTestServer | undefined;
  server = await startOpenAiServer((request) => {
    stats.requests++;
    stats.schemaErrors.push(...request.schemaErrors);
    if (server) {
      server.requests.length = 0;
      const logged = (server as { writes?: unknown[] }).writes;
      if (Array.isArray(logged)) logged.length = 0;
    }
    return reply;
  });
  return { server, stats };
}

async function runAsWorker(port: NonNullable<typeof parentPort>, data: InstantServerData): Promise<void> {
  const { server, stats } = await startInstantServer(data);
  const post = (message: FromWorker) => port.postMessage(message);
  port.on("message", (message: ToWorker) => {
    if (message.type === "stats") post({ type: "stats", ...stats });
    else if (message.type === "close") void server.close().then(() => (post({ type: "closed" }), port.close()));
  });
  post({ type: "ready", url: server.url });
}

if (!isMainThread && parentPort && (workerData as Partial<InstantServerData> | null)?.figmentBenchServer) {
  await runAsWorker(parentPort, workerData as InstantServerData);
}
