// A local HTTP server that speaks Figma's REST API for the calls the CLI makes, so tests never call Figma:
//
//   const srv = await startFigmaRestServer({
//     token: "figd_test",
//     files: { KEY: { imageFills: { ref: png }, svgs: { "1:2": "<svg…" } } },
//   });
//   run(["code", "design.json", "--file-key", "KEY", "--figma-base-url", srv.url], io, {
//     env: { FIGMA_TOKEN: "figd_test" },
//   });
//
// GET /v1/files/:key                   → the file's `document` reply as given (a test file that has one);
//                                        ?depth=1: the pages without their layers (its version and lastModified)
// GET /v1/files/:key/nodes?ids=…       → GetFileNodesResponse: each id's node from that reply, null for unknown
// …?version=ID (file and nodes)        → the same from that version's reply (`versions`; the current version's id
//                                        gives the current reply), 404 for a version the file does not have
// GET /v1/files/:key/versions          → GetFileVersionsResponse: `versions` newest first, page_size (30 unless
//                                        given) a page, `before=ID` the page after that version
// GET /v1/files/:key/images            → GetImageFillsResponse (every image fill of the file → its URL)
// GET /v1/images/:key?ids=…&format=svg → GetImagesResponse (each id → a URL, or null when it has no SVG)
// GET /v1/images/:key?ids=…&format=png → the same for the PNGs of `pngs` (the scale is in the recorded path)
// GET /assets/…                        → the bytes those URLs point to (like Figma's pre-signed storage links,
//                                        they need no token)
// A missing or wrong X-Figma-Token gets 403, an unknown file key 404, with Figma's `{ status, err }` bodies.
// script(route, …replies) queues replies a route gives before its normal answer: 429 with Retry-After, 5xx,
// anything, or "hang" (never answers; close() ends it).
import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import type {
  ErrorResponsePayloadWithErrMessage,
  GetFileVersionsResponse,
  GetImageFillsResponse,
  GetImagesResponse,
} from "@figma/rest-api-spec";

export { encodePng } from "../openai-server/png.js";

export interface FigmaTestFile {
  /** imageRef → the image's bytes; null makes the fills map give that ref a null URL. */
  imageFills: Record<string, Uint8Array | null>;
  /** node id → SVG markup; null (or absent) renders to a null URL, as Figma does for a layer it cannot render. */
  svgs: Record<string, string | null>;
  /** node id → the PNG Figma renders of it (format=png); absent renders to a null URL. */
  pngs?: Record<string, Uint8Array>;
  /** The GET /v1/files/:key reply (a fixture's JSON), served for the file and its nodes; a test may edit it. */
  document?: TestReply;
  /** The file's saved versions, newest first, as the version history lists them; each with its reply. */
  versions?: FigmaTestVersion[];
}

type TestReply = { name?: string; version?: string; lastModified?: string; document?: TestNode };

export interface FigmaTestVersion {
  id: string;
  created_at: string;
  label?: string | null;
  description?: string | null;
  user?: { handle: string };
  /** The file as it was at this version (GET /v1/files/:key?version=ID, and its nodes); 404 without one. */
  reply?: TestReply;
}

interface TestNode {
  id?: string;
  children?: TestNode[];
  [field: string]: unknown;
}

/** The node `id` in `node`'s tree, or undefined. */
function findNode(node: TestNode | undefined, id: string): TestNode | undefined {
  if (!node) return undefined;
  if (node.id === id) return node;
  for (const child of node.children ?? []) {
    const found = findNode(child, id);
    if (found) return found;
  }
  return undefined;
}

export type FigmaRoute = "file" | "nodes" | "versions" | "fills" | "renders" | "image" | "svg" | "png";

export type FigmaScriptedReply = { status: number; body?: unknown; headers?: Record<string, string> } | "hang";

export interface FigmaRecordedRequest {
  method: string;
  route: FigmaRoute | "unknown";
  /** Path with query, e.g. `/v1/images/KEY?ids=1:2,1:3&format=svg`. */
  path: string;
  /** The decoded `ids` of a render or nodes request ([] otherwise). */
  ids: string[];
  /** SHA-256 (hex) of the X-Figma-Token sent, or undefined when none was: the token itself is never kept. */
  tokenDigest: string | undefined;
}

export interface FigmaRestTestServer {
  /** Base URL for `--figma-base-url`, e.g. `http://127.0.0.1:43210`. */
  url: string;
  requests: FigmaRecordedRequest[];
  script(route: FigmaRoute, ...replies: FigmaScriptedReply[]): void;
  close(): Promise<void>;
}

export function tokenDigest(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** Figma's error body for the file and render endpoints (ErrorResponsePayloadWithErrMessage). */
export function figmaError(status: number, err: string): ErrorResponsePayloadWithErrMessage {
  return { status, err };
}

/** A 429 as Figma sends it: `Retry-After` in seconds plus its plan and limit-type headers. */
export function rateLimited(retryAfterSec: number): FigmaScriptedReply {
  return {
    status: 429,
    body: figmaError(429, "Rate limit exceeded"),
    headers: { "retry-after": String(retryAfterSec), "x-figma-plan-tier": "pro", "x-figma-rate-limit-type": "high" },
  };
}

function sniffType(bytes: Uint8Array): string {
  if (bytes[0] === 0x89 && bytes[1] === 0x50) return "image/png";
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return "image/jpeg";
  if (bytes[0] === 0x47 && bytes[1] === 0x49) return "image/gif";
  return "application/octet-stream";
}

export async function startFigmaRestServer(options: {
  token: string;
  files: Record<string, FigmaTestFile>;
}): Promise<FigmaRestTestServer> {
  const requests: FigmaRecordedRequest[] = [];
  const queues = new Map<FigmaRoute, FigmaScriptedReply[]>();
  const sockets = new Set<Socket>();
  let base = "";

  const server = createServer((req, res) => {
    try {
      handle(req, res);
    } catch (error) {
      if (!res.headersSent) send(res, 500, figmaError(500, `figma-rest-server: ${String(error)}`));
    }
  });
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });

  function handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? "/", base);
    const parts = url.pathname.split("/").filter(Boolean).map(decodeURIComponent);
    const token = req.headers["x-figma-token"];
    const sent = Array.isArray(token) ? token.join(",") : token;
    let route: FigmaRecordedRequest["route"] = "unknown";
    if (parts[0] === "v1" && parts[1] === "files" && parts.length === 3) route = "file";
    else if (parts[0] === "v1" && parts[1] === "files" && parts[3] === "nodes" && parts.length === 4) route = "nodes";
    else if (parts[0] === "v1" && parts[1] === "files" && parts[3] === "images" && parts.length === 4) route = "fills";
    else if (parts[0] === "v1" && parts[1] === "files" && parts[3] === "versions" && parts.length === 4)
      route = "versions";
    else if (parts[0] === "v1" && parts[1] === "images" && parts.length === 3) route = "renders";
    else if (parts[0] === "assets" && parts[1] === "img" && parts.length === 4) route = "image";
    else if (parts[0] === "assets" && parts[1] === "svg" && parts.length === 4) route = "svg";
    else if (parts[0] === "assets" && parts[1] === "png" && parts.length === 4) route = "png";
    const ids =
      route === "renders" || route === "nodes" ? (url.searchParams.get("ids") ?? "").split(",").filter(Boolean) : [];
    requests.push({
      method: req.method ?? "GET",
      route,
      path: `${url.pathname}${url.search}`,
      ids,
      tokenDigest: sent === undefined ? undefined : tokenDigest(sent),
    });

    if (route === "unknown" || req.method !== "GET") return send(res, 404, figmaError(404, "Not found"));
    const scripted = queues.get(route)?.shift();
    if (scripted === "hang") return; // left open until the client gives up or close()
    if (scripted)
      return send(res, scripted.status, scripted.body ?? figmaError(scripted.status, "scripted"), scripted.headers);

    const file = options.files[parts[2]!]; // /v1/files/KEY/…, /v1/images/KEY, /assets/…/KEY/…
    if (route === "image" || route === "svg" || route === "png") {
      // Pre-signed storage links: no token needed, 403 (as S3 says) when the object does not exist.
      const key = parts[3]!;
      const payload = route === "image" ? file?.imageFills[key] : route === "png" ? file?.pngs?.[key] : file?.svgs[key];
      if (payload === undefined || payload === null)
        return send(res, 403, "<Error><Code>AccessDenied</Code></Error>", { "content-type": "application/xml" });
      const bytes = typeof payload === "string" ? Buffer.from(payload) : Buffer.from(payload);
      res.writeHead(200, {
        "content-type": typeof payload === "string" ? "image/svg+xml" : sniffType(bytes),
        "content-length": bytes.length,
      });
      res.end(bytes);
      return;
    }
    if (sent !== options.token) return send(res, 403, figmaError(403, "Invalid token"));
    if (!file) return send(res, 404, figmaError(404, "Not found"));
    const fileKey = encodeURIComponent(parts[2]!);
    if (route === "versions") return send(res, 200, versionsPage(file, url, `${base}${url.pathname}`));
    if (route === "file" || route === "nodes") {
      const asked = url.searchParams.get("version");
      const reply =
        asked === null || asked === file.document?.version
          ? file.document
          : file.versions?.find((v) => v.id === asked)?.reply;
      if (!reply) return send(res, 404, figmaError(404, "Not found"));
      if (route === "file" && url.searchParams.get("depth") === "1") {
        const pages = (reply.document?.children ?? []).map(({ children: _, ...page }) => page);
        return send(res, 200, { ...reply, document: { ...reply.document, children: pages } });
      }
      if (route === "file") return send(res, 200, reply);
      const nodes: Record<string, { document: TestNode; components: object; styles: object } | null> = {};
      for (const id of ids) {
        const node = findNode(reply.document, id);
        nodes[id] = node ? { document: node, components: {}, styles: {} } : null;
      }
      const { version, lastModified } = reply;
      return send(res, 200, { name: reply.name ?? "", version, lastModified, nodes });
    }
    if (route === "fills") {
      const images: Record<string, string> = {};
      for (const [ref, bytes] of Object.entries(file.imageFills)) {
        // The spec types the values as strings; a null is what a broken fill looks like in practice.
        images[ref] = (bytes === null ? null : `${base}/assets/img/${fileKey}/${encodeURIComponent(ref)}`) as string;
      }
      const body: GetImageFillsResponse = { error: false, status: 200, meta: { images } };
      return send(res, 200, body);
    }
    const format = url.searchParams.get("format");
    if (format !== "svg" && format !== "png")
      return send(res, 400, figmaError(400, "figma-rest-server serves format=svg and png only"));
    if (ids.length === 0) return send(res, 400, figmaError(400, "No node ids provided"));
    const images: Record<string, string | null> = {};
    const has = (id: string): boolean => (format === "svg" ? typeof file.svgs[id] === "string" : !!file.pngs?.[id]);
    for (const id of ids) images[id] = has(id) ? `${base}/assets/${format}/${fileKey}/${encodeURIComponent(id)}` : null;
    const body: GetImagesResponse = { err: null, images };
    send(res, 200, body);
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: base,
    requests,
    script(route, ...replies) {
      queues.set(route, [...(queues.get(route) ?? []), ...replies]);
    },
    close() {
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
        server.closeAllConnections();
      });
    },
  };
}

/** A page of the file's versions: page_size of them (30 unless given), after `before` when it names one. */
function versionsPage(file: FigmaTestFile, url: URL, self: string): GetFileVersionsResponse {
  const all = file.versions ?? [];
  const size = Number(url.searchParams.get("page_size") ?? 30);
  const before = url.searchParams.get("before");
  const from = before === null ? 0 : all.findIndex((v) => v.id === before) + 1;
  const page = all.slice(from, from + size);
  const more = from + size < all.length;
  return {
    versions: page.map(({ reply: _, ...v }) => ({
      label: null,
      description: null,
      ...v,
      user: { id: "1", handle: v.user?.handle ?? "someone", img_url: "" },
    })),
    pagination: more ? { next_page: `${self}?page_size=${size}&before=${page.at(-1)!.id}` } : {},
  };
}

function send(res: ServerResponse, status: number, body: unknown, headers?: Record<string, string>): void {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    ...headers,
  });
  res.end(text);
}
