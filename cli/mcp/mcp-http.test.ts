/**
 * `figment mcp --http` in this process (cli/mcp/http.ts on 127.0.0.1, a free port) with the SDK's Streamable HTTP
 * client: a tool call, progress and cancellation (the work stops: nothing is written), the DNS-rebinding checks on
 * Host and Origin, and the optional bearer token.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { LoggingMessageNotificationSchema } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDesign } from "../../codegen/index.js";
import { encodePng, startFigmaRestServer } from "../../test/figma-rest-server/server.js";
import { REPO_ROOT } from "../../test/helpers/fixtures.js";
import { selectAssets } from "../figma-rest/selection.js";
import { type RunningHttp, serveHttp } from "./http.js";

const FIXTURES = join(REPO_ROOT, "test", "fixtures");
const LOGIN = join(FIXTURES, "figma", "figmasharp-login.file.json");
const BIG = join(FIXTURES, "real", "zacht-investor-pitch.file.json");
const INITIALIZE = JSON.stringify({
  jsonrpc: "2.0",
  id: 1,
  method: "initialize",
  params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "t", version: "1" } },
});

let work: string;
let server: RunningHttp;

async function connect(url: string, headers: Record<string, string> = {}): Promise<Client> {
  const client = new Client({ name: "figment-test", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers } }));
  return client;
}

/** POSTs an initialize with these headers (Host included, which fetch does not let a caller set); the status. */
function initializeStatus(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((done, fail) => {
    const req = request(
      url,
      {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json, text/event-stream", ...headers },
      },
      (res) => {
        res.resume();
        done(res.statusCode ?? 0);
      },
    );
    req.on("error", fail);
    req.end(INITIALIZE);
  });
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "figment-mcp-http-"));
  server = await serveHttp({ folders: [work, FIXTURES], env: {}, host: "127.0.0.1", port: 0 });
});

afterAll(async () => {
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

describe("figment mcp --http", () => {
  it("listens on 127.0.0.1 and answers a tool call", async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
    const client = await connect(server.url);
    try {
      const result = await client.callTool({ name: "list_frames", arguments: { design: LOGIN } });
      expect(result.structuredContent).toMatchObject({ total: 1, frames: [{ id: "101:3" }] });
    } finally {
      await client.close();
    }
  });

  it("refuses a foreign Host or Origin with 403 and takes this machine's (DNS-rebinding protection)", async () => {
    const port = new URL(server.url).port;
    expect(await initializeStatus(server.url, { host: "evil.example.com", origin: "http://evil.example.com" })).toBe(
      403,
    );
    expect(await initializeStatus(server.url, { origin: "https://evil.example.com" })).toBe(403);
    expect(await initializeStatus(server.url, { host: `evil.example.com:${port}` })).toBe(403);
    expect(await initializeStatus(server.url, { host: `localhost:${port}`, origin: `http://localhost:${port}` })).toBe(
      200,
    );
    expect(await initializeStatus(server.url, {})).toBe(200);
  });

  it("with a bearer token: 401 without it, served with it", async () => {
    const guarded = await serveHttp({
      folders: [work, FIXTURES],
      env: {},
      host: "127.0.0.1",
      port: 0,
      bearer: "t0k3n",
    });
    try {
      expect(await initializeStatus(guarded.url, {})).toBe(401);
      expect(await initializeStatus(guarded.url, { authorization: "Bearer wrong" })).toBe(401);
      const client = await connect(guarded.url, { authorization: "Bearer t0k3n" });
      expect((await client.listTools()).tools.length).toBeGreaterThan(5);
      await client.close();
    } finally {
      await guarded.close();
    }
  });

  it("a get_code cancelled as its layout check starts stops there: nothing written; the server serves on", async () => {
    const client = await connect(server.url);
    const notes: string[] = [];
    const stopped = new Promise<void>((done) =>
      client.setNotificationHandler(LoggingMessageNotificationSchema, (note) => {
        notes.push(String(note.params.data));
        if (String(note.params.data).includes("cancelled")) done();
      }),
    );
    const out = join(work, "cancelled");
    const controller = new AbortController();
    const call = client.callTool({ name: "get_code", arguments: { design: BIG, out } }, undefined, {
      signal: controller.signal,
      // Cancelled at the command's own step (the first progress, 0, goes out before any work: too early to land there).
      onprogress: (note) => {
        if (note.message?.includes("checking the inferred layout")) controller.abort("the test cancels");
      },
    });
    await expect(call).rejects.toThrow();
    await stopped;
    // The command's own stop (its layout check, or before it writes), not a finished run dropped afterwards.
    expect(notes.join("\n")).toMatch(/^get_code: cancelled( while checking the layout|; nothing was written);/m);
    expect(existsSync(out) ? readdirSync(out, { recursive: true }) : []).toEqual([]);
    const after = await client.callTool({ name: "list_frames", arguments: { design: LOGIN } });
    expect(after.isError).toBeFalsy();
    await client.close();
  }, 120_000);
});

describe("figment mcp with a Figma file key (test/figma-rest-server, never Figma)", () => {
  const TOKEN = "figd_mcp-test-token-0123";

  it("fetches a file or nodes once with FIGMA_TOKEN, then reads the cached copy; never says its token", async () => {
    const document = JSON.parse(readFileSync(LOGIN, "utf8"));
    const { imageRefs, vectorIds } = selectAssets(loadDesign(document).document);
    const png = encodePng(6, 4, { seed: 3 });
    const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24"><path d="M2 2h20v20H2z"/></svg>';
    const figma = await startFigmaRestServer({
      token: TOKEN,
      files: {
        KEY1: {
          imageFills: Object.fromEntries(imageRefs.map((ref) => [ref, png])),
          svgs: Object.fromEntries(vectorIds.map((id) => [id, svg])),
          document,
        },
      },
    });
    const cacheDir = join(work, "figma-cache");
    const served = await serveHttp({
      folders: [work],
      env: { FIGMA_TOKEN: TOKEN },
      // A version check an hour apart at most: this test counts the fetches, not the checks (figma-cache.test.ts).
      figma: { baseUrl: figma.url, cacheDir, checkSec: 3600 },
      host: "127.0.0.1",
      port: 0,
    });
    const client = await connect(served.url);
    try {
      const first = await client.callTool({ name: "list_frames", arguments: { fileKey: "KEY1" } });
      expect(first.structuredContent).toMatchObject({ total: 1, frames: [{ id: "101:3", name: "Log-In Page" }] });
      const again = await client.callTool({
        name: "list_frames",
        arguments: { fileKey: "https://www.figma.com/design/KEY1/Login?node-id=101-3" },
      });
      const { figma: fetched, ...firstFrames } = first.structuredContent as Record<string, unknown>;
      const { figma: cached, ...againFrames } = again.structuredContent as Record<string, unknown>;
      expect(againFrames).toEqual(firstFrames);
      expect([fetched, cached]).toMatchObject([
        { fromCache: false, cache: "fetched" },
        { fromCache: true, cache: "recent" },
      ]);
      expect(figma.requests.map((r) => r.route)).toEqual(["file"]);

      const hint = await client.callTool({ name: "get_design_hint", arguments: { fileKey: "KEY1", nodes: ["101:3"] } });
      const local = await client.callTool({ name: "get_design_hint", arguments: { design: LOGIN, nodes: ["101:3"] } });
      expect(local.isError).toBe(true); // LOGIN is outside this server's folders
      expect((hint.structuredContent as { hint: string }).hint).toMatch(/Log-In Page/);
      expect(figma.requests.map((r) => [r.route, r.ids])).toEqual([
        ["file", []],
        ["nodes", ["101:3"]],
      ]);

      // get_code by key: the image fill and the vectors come from Figma too, as figment code --file-key fetches them.
      const code = await client.callTool({
        name: "get_code",
        arguments: { fileKey: "KEY1", out: join(work, "by-key"), target: "html" },
      });
      expect(code.isError, JSON.stringify(code.content)).toBeFalsy();
      const written = (code.structuredContent as { files: { path: string }[] }).files.map((f) => f.path);
      expect(written).toContain("assets/background-image.png");
      expect(readFileSync(join(work, "by-key", "assets", "background-image.png")).equals(Buffer.from(png))).toBe(true);
      expect(figma.requests.map((r) => r.route)).toEqual(expect.arrayContaining(["fills", "renders"]));

      const unknown = await client.callTool({ name: "list_frames", arguments: { fileKey: "NOPE" } });
      expect(unknown.isError).toBe(true);
      expect(JSON.stringify([first, hint, unknown])).not.toContain(TOKEN);
    } finally {
      await client.close();
      await served.close();
      await figma.close();
    }
  });

  it("a wrong token and a missing token: tool errors that do not say the token", async () => {
    const figma = await startFigmaRestServer({
      token: TOKEN,
      files: { KEY1: { imageFills: {}, svgs: {}, document: JSON.parse(readFileSync(LOGIN, "utf8")) } },
    });
    const cacheDir = join(work, "figma-cache-2");
    const wrong = "figd_wrong-token-9876543";
    for (const env of [{ FIGMA_TOKEN: wrong }, {}]) {
      const served = await serveHttp({
        folders: [work],
        env,
        figma: { baseUrl: figma.url, cacheDir },
        host: "127.0.0.1",
        port: 0,
      });
      const client = await connect(served.url);
      const result = await client.callTool({ name: "list_frames", arguments: { fileKey: "KEY1" } });
      expect(result.isError).toBe(true);
      expect(JSON.stringify(result)).toMatch(/token/i);
      expect(JSON.stringify(result)).not.toContain(wrong);
      // The server takes no --figma-token: the sentence says where its token comes from.
      expect(JSON.stringify(result)).not.toContain("--figma-token");
      if (!("FIGMA_TOKEN" in env))
        expect(JSON.stringify(result)).toMatch(/FIGMA_TOKEN in the MCP server's environment/);
      const both = await client.callTool({ name: "list_frames", arguments: { fileKey: "KEY1", design: "x.json" } });
      expect(both.isError).toBe(true);
      await client.close();
      await served.close();
    }
    await figma.close();
  });
});
