/**
 * `figment mcp --http`: Streamable HTTP at /mcp, one session (and one server) per client. Listens on 127.0.0.1
 * unless told otherwise. Before anything else a request must come from this machine's pages: a Host or an Origin
 * that is not localhost (or the --host given) is a 403, so a web page cannot reach the server through DNS rebinding;
 * with a bearer token, a request without it is a 401.
 */
import { randomUUID, timingSafeEqual } from "node:crypto";
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { isInitializeRequest } from "@modelcontextprotocol/sdk/types.js";
import { SharedChromium } from "./chromium.js";
import { createServer, type ServerOptions } from "./server.js";

export interface HttpOptions extends ServerOptions {
  host: string;
  port: number;
  /** The token every request must bring as `Authorization: Bearer …`; none when undefined. */
  bearer?: string;
}

export interface RunningHttp {
  url: string;
  close(): Promise<void>;
}

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);
/** Request bodies above this are refused (a tool call's arguments are small). */
const MAX_BODY = 4 * 1024 * 1024;

/** The host name of a Host header or an Origin, lower case; undefined when it cannot be read. */
function hostName(value: string, isOrigin: boolean): string | undefined {
  try {
    return new URL(isOrigin ? value : `http://${value}`).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/** Why `req` is refused before MCP sees it (status and sentence), or undefined. */
export function refusal(
  req: IncomingMessage,
  options: Pick<HttpOptions, "host" | "bearer">,
): [number, string] | undefined {
  const allowed = new Set([...LOOPBACK, options.host.toLowerCase()]);
  const host = req.headers.host;
  if (host === undefined || !allowed.has(hostName(host, false) ?? "")) return [403, `Host ${host} is not allowed`];
  const origin = req.headers.origin;
  if (origin !== undefined && !allowed.has(hostName(origin, true) ?? ""))
    return [403, `Origin ${origin} is not allowed`];
  if (options.bearer !== undefined) {
    const given = Buffer.from(req.headers.authorization ?? "");
    const wanted = Buffer.from(`Bearer ${options.bearer}`);
    if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) return [401, "a bearer token is needed"];
  }
  return undefined;
}

function sendError(res: ServerResponse, status: number, message: string): void {
  res.writeHead(status, {
    "content-type": "application/json",
    ...(status === 401 ? { "www-authenticate": "Bearer" } : {}),
  });
  res.end(JSON.stringify({ jsonrpc: "2.0", error: { code: -32000, message }, id: null }));
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new Error("the request body is too large");
    chunks.push(chunk);
  }
  return JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown;
}

export async function serveHttp(given: HttpOptions): Promise<RunningHttp> {
  const sessions = new Map<string, StreamableHTTPServerTransport>();
  // One Chromium for every session; closed with the server when it is this server's own.
  const own = given.chromium === undefined ? new SharedChromium() : undefined;
  const options = { ...given, chromium: given.chromium ?? own! };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const refused = refusal(req, options);
    if (refused) return sendError(res, ...refused);
    if (new URL(req.url ?? "/", "http://localhost").pathname !== "/mcp") return sendError(res, 404, "not found: /mcp");
    let body: unknown;
    if (req.method === "POST") {
      try {
        body = await readJson(req);
      } catch (error) {
        return sendError(res, 400, `the body is not JSON: ${(error as Error).message}`);
      }
    }
    const id = req.headers["mcp-session-id"];
    const existing = typeof id === "string" ? sessions.get(id) : undefined;
    if (existing) return existing.handleRequest(req, res, body);
    if (id !== undefined) return sendError(res, 404, "no such session");
    if (req.method !== "POST" || !isInitializeRequest(body)) return sendError(res, 400, "no session: initialize first");
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: randomUUID,
      onsessioninitialized: (sessionId) => void sessions.set(sessionId, transport),
    });
    transport.onclose = () => {
      if (transport.sessionId !== undefined) sessions.delete(transport.sessionId);
    };
    const server = await createServer(options);
    await server.connect(transport);
    await transport.handleRequest(req, res, body);
  }

  const http = createHttpServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendError(res, 500, `internal error: ${(error as Error).message}`);
    });
  });
  await new Promise<void>((done, fail) => {
    http.once("error", fail);
    http.listen(options.port, options.host, done);
  });
  const { port } = http.address() as AddressInfo;
  const shown = options.host.includes(":") ? `[${options.host}]` : options.host;
  return {
    url: `http://${shown}:${port}/mcp`,
    async close() {
      for (const transport of sessions.values()) await transport.close();
      http.closeAllConnections();
      await new Promise<void>((done) => http.close(() => done()));
      await own?.close();
    },
  };
}
