/**
 * `figment mcp` on designs given by Figma file key, against test/figma-rest-server (never Figma), counting its
 * requests: a cached file is revalidated with `?depth=1` at most once per check interval and fetched again only when
 * its version changed; a 429 is honoured (its Retry-After) and the cached copy used with a note; image fills, SVGs and
 * Figma's renders are kept on disk, so a second get_code or get_screenshot fetches no image; the token is in no
 * result and no log. The clock is the test's: nothing waits.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import { LoggingMessageNotificationSchema } from "@modelcontextprotocol/sdk/types.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadDesign } from "../../codegen/index.js";
import {
  encodePng,
  type FigmaRestTestServer,
  rateLimited,
  startFigmaRestServer,
} from "../../test/figma-rest-server/server.js";
import { REPO_ROOT } from "../../test/helpers/fixtures.js";
import { selectAssets } from "../figma-rest/selection.js";
import type { FigmaOrigin } from "./figma-file.js";
import { type RunningHttp, serveHttp } from "./http.js";

const FIXTURES = join(REPO_ROOT, "test", "fixtures");
const LOGIN = join(FIXTURES, "figma", "figmasharp-login.file.json");
const TOKEN = "figd_cache-test-token-4567";
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="24" height="24"><path d="M2 2h20v20H2z"/></svg>';

let work: string;
let figma: FigmaRestTestServer;
let document: { version?: string; lastModified?: string };
let clock = Date.UTC(2026, 10, 27, 12);
const waits: number[] = [];
const png = encodePng(6, 4, { seed: 3 });
const render = encodePng(8, 8, { seed: 9 });

/** A server on the shared cache folder, a client, and every log message it sends. */
async function connect(
  cacheDir: string,
  env: Record<string, string> = { FIGMA_TOKEN: TOKEN },
): Promise<{ client: Client; served: RunningHttp; logs: string[] }> {
  const served = await serveHttp({
    folders: [work, FIXTURES],
    env,
    figma: {
      baseUrl: figma.url,
      cacheDir,
      checkSec: 30,
      now: () => clock,
      sleep: async (ms) => void waits.push(ms),
    },
    host: "127.0.0.1",
    port: 0,
  });
  const client = new Client({ name: "figment-test", version: "1.0.0" });
  await client.connect(new StreamableHTTPClientTransport(new URL(served.url)));
  const logs: string[] = [];
  client.setNotificationHandler(LoggingMessageNotificationSchema, (note) => void logs.push(String(note.params.data)));
  return { client, served, logs };
}

/** The calls' requests to Figma since `from`, as "route path". */
const since = (from: number): string[] => figma.requests.slice(from).map((r) => `${r.route} ${r.path}`);

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "figment-mcp-cache-"));
  document = JSON.parse(readFileSync(LOGIN, "utf8"));
  const { imageRefs, vectorIds } = selectAssets(loadDesign(document).document);
  figma = await startFigmaRestServer({
    token: TOKEN,
    files: {
      KEY1: {
        imageFills: Object.fromEntries(imageRefs.map((ref) => [ref, png])),
        svgs: Object.fromEntries(vectorIds.map((id) => [id, SVG])),
        pngs: { "101:3": render },
        document,
      },
      KEY2: {
        imageFills: Object.fromEntries(imageRefs.map((ref) => [ref, png])),
        svgs: Object.fromEntries(vectorIds.map((id) => [id, SVG])),
        document,
      },
    },
  });
});

afterAll(async () => {
  await figma?.close();
  rmSync(work, { recursive: true, force: true });
});

describe("figment mcp's Figma cache", () => {
  it("checks a cached file's version (depth=1) at most once an interval, fetches it when it changed", async () => {
    const { client, served, logs } = await connect(join(work, "cache-1"));
    const origin = async (): Promise<FigmaOrigin> => {
      const result = await client.callTool({ name: "list_frames", arguments: { fileKey: "KEY1" } });
      expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
      expect(JSON.parse((result.content as { text: string }[])[0]!.text).figma).toBeDefined();
      return (result.structuredContent as { figma: FigmaOrigin }).figma;
    };
    const results: unknown[] = [];
    try {
      let from = figma.requests.length;
      results.push(await origin());
      expect(results[0]).toMatchObject({ fileKey: "KEY1", fromCache: false, cache: "fetched", ageSec: 0 });
      expect(results[0]).toMatchObject({ version: document.version });
      expect(since(from)).toEqual(["file /v1/files/KEY1"]);

      from = figma.requests.length;
      clock += 10_000;
      expect(await origin()).toMatchObject({ fromCache: true, cache: "recent", ageSec: 10 });
      expect(since(from)).toEqual([]);

      clock += 60_000;
      expect(await origin()).toMatchObject({ fromCache: true, cache: "unchanged", ageSec: 70 });
      expect(await origin()).toMatchObject({ fromCache: true, cache: "recent", ageSec: 70 });
      expect(since(from)).toEqual(["file /v1/files/KEY1?depth=1"]);

      // Edited in Figma: a new version, so the file is fetched again.
      from = figma.requests.length;
      document.version = "2000000001";
      clock += 60_000;
      expect(await origin()).toMatchObject({ fromCache: false, cache: "fetched", ageSec: 0, version: "2000000001" });
      expect(since(from)).toEqual(["file /v1/files/KEY1?depth=1", "file /v1/files/KEY1"]);

      // Rate-limited: no wait for it with a copy at hand; no request again before Retry-After has passed.
      from = figma.requests.length;
      clock += 60_000;
      figma.script("file", rateLimited(120));
      const limited = await origin();
      expect(limited).toMatchObject({ fromCache: true, cache: "stale", ageSec: 60 });
      expect(limited.note).toMatch(
        /rate-limited .*\(429\) and asks to wait 2 min \(no request before then\): this is the cached copy, not/,
      );
      clock += 60_000;
      expect((await origin()).note).toMatch(/asked to wait until 2026-11-27T12:05:10.000Z/);
      expect(since(from)).toEqual(["file /v1/files/KEY1?depth=1"]);
      clock += 61_000;
      expect(await origin()).toMatchObject({ cache: "unchanged", ageSec: 181 });
      expect(since(from)).toEqual(["file /v1/files/KEY1?depth=1", "file /v1/files/KEY1?depth=1"]);
      expect(waits).toEqual([]);
      expect(logs.join("\n")).toMatch(/rate-limited/);

      // refresh: fetched now whatever the interval.
      from = figma.requests.length;
      expect(
        await client.callTool({ name: "list_frames", arguments: { fileKey: "KEY1", refresh: true } }),
      ).toMatchObject({ structuredContent: { figma: { cache: "fetched" } } });
      expect(since(from)).toEqual(["file /v1/files/KEY1"]);

      // A new version on Figma, but its download rate-limited: the cached copy, which says it is behind.
      from = figma.requests.length;
      clock += 60_000;
      figma.script("file", { status: 200, body: { version: "2000000002" } }, rateLimited(60));
      const behind = await origin();
      expect(behind).toMatchObject({ cache: "stale", version: "2000000001", ageSec: 60 });
      expect(behind.note).toMatch(/though Figma has a newer version than its version 2000000001$/);
      expect(since(from)).toEqual(["file /v1/files/KEY1?depth=1", "file /v1/files/KEY1"]);
      expect(waits).toEqual([]);
      results.push(behind);
      expect(JSON.stringify([results, logs])).not.toContain(TOKEN);
    } finally {
      await client.close();
      await served.close();
    }
  });

  it("without FIGMA_TOKEN: a cached copy is used, saying from when; no copy, or refresh: the token error", async () => {
    const cacheDir = join(work, "cache-no-token");
    const fetchedAt = new Date(clock).toISOString();
    const first = await connect(cacheDir);
    try {
      const hint = await first.client.callTool({ name: "get_design_hint", arguments: { fileKey: "KEY1" } });
      expect(hint.structuredContent).toMatchObject({ figma: { cache: "fetched" } });
    } finally {
      await first.client.close();
      await first.served.close();
    }
    const { client, served, logs } = await connect(cacheDir, {});
    try {
      const from = figma.requests.length;
      const call = (args: Record<string, unknown>) =>
        client.callTool({ name: "get_design_hint", arguments: { fileKey: "KEY1", ...args } });
      clock += 5_000;
      const recent = await call({});
      expect(recent.isError, JSON.stringify(recent.content)).toBeFalsy();
      expect(recent.structuredContent).toMatchObject({ figma: { fromCache: true, cache: "recent", ageSec: 5 } });
      expect((recent.structuredContent as { hint: string }).hint).toMatch(/^F 101:3 /m);
      clock += 3_600_000;
      const stale = (await call({})).structuredContent as { figma: FigmaOrigin };
      expect(stale.figma).toMatchObject({ fromCache: true, cache: "stale", ageSec: 3605 });
      expect(stale.figma.note).toBe(
        `no FIGMA_TOKEN in the server's environment: this is the cached copy downloaded at ${fetchedAt}, not ` +
          "checked against Figma",
      );
      expect(logs.join("\n")).toContain(`cached copy downloaded at ${fetchedAt}`);
      expect(since(from)).toEqual([]);
      for (const args of [{ nodes: ["101:3"] }, { refresh: true }]) {
        const refused = await call(args);
        expect(refused.isError).toBe(true);
        expect(JSON.stringify(refused.content)).toMatch(/needs a Figma token: set FIGMA_TOKEN in the MCP server/);
      }
      expect(since(from)).toEqual([]);
    } finally {
      await client.close();
      await served.close();
    }
  });

  it("without a cached copy, a 429 waits Figma's Retry-After and fetches; the nodes carry the version", async () => {
    const { client, served } = await connect(join(work, "cache-2"));
    try {
      const from = figma.requests.length;
      figma.script("nodes", rateLimited(7));
      const hint = await client.callTool({ name: "get_design_hint", arguments: { fileKey: "KEY1", nodes: ["101:3"] } });
      expect(hint.structuredContent).toMatchObject({ figma: { cache: "fetched", version: document.version } });
      expect(since(from)).toEqual(["nodes /v1/files/KEY1/nodes?ids=101%3A3", "nodes /v1/files/KEY1/nodes?ids=101%3A3"]);
      expect(waits).toEqual([7000]);
    } finally {
      waits.length = 0;
      await client.close();
      await served.close();
    }
  });

  it("keeps image fills, SVGs and Figma's render on disk: a second get_code or screenshot fetches none", async () => {
    const cacheDir = join(work, "cache-3");
    let { client, served, logs } = await connect(cacheDir);
    const images = (from: number): string[] =>
      since(from).filter((r) => !r.startsWith("file ") && !r.startsWith("nodes "));
    try {
      let from = figma.requests.length;
      const code = async (out: string) => {
        const result = await client.callTool({
          name: "get_code",
          arguments: { fileKey: "KEY1", out: join(work, out), target: "html" },
        });
        expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
        expect(readFileSync(join(work, out, "assets", "background-image.png")).equals(Buffer.from(png))).toBe(true);
        return result;
      };
      await code("first");
      const fetched = images(from);
      expect(fetched.filter((r) => r.startsWith("fills "))).toHaveLength(1);
      expect(fetched.filter((r) => r.startsWith("image "))).toHaveLength(1);
      expect(fetched.some((r) => /^renders .*format=svg&version=/.test(r))).toBe(true);

      from = figma.requests.length;
      await code("second");
      expect(images(from)).toEqual([]);
      // Another server on the same cache folder: still none (the cache is the folder, not the process).
      await client.close();
      await served.close();
      ({ client, served, logs } = await connect(cacheDir));
      const third = await code("third");
      expect(images(from)).toEqual([]);
      expect(third.structuredContent).toMatchObject({ figma: { fromCache: true } });

      // Figma's own render of the frame, asked once at this version and scale, then from the cache.
      from = figma.requests.length;
      const shot = async (args: Record<string, unknown>) => {
        const result = await client.callTool({ name: "get_screenshot", arguments: { fileKey: "KEY1", ...args } });
        expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
        return result as { structuredContent: Record<string, unknown>; content: { type: string; data?: string }[] };
      };
      const figmaShot = await shot({ scale: 2 });
      expect(figmaShot.structuredContent).toMatchObject({ source: "figma", scale: 2, renderFromCache: false });
      expect(figmaShot.content[0]!.data).toBe(Buffer.from(render).toString("base64"));
      expect(images(from)).toEqual([
        `renders /v1/images/KEY1?ids=101:3&format=png&scale=2&version=${document.version}`,
        "png /assets/png/KEY1/101%3A3",
      ]);
      from = figma.requests.length;
      expect((await shot({ scale: 2 })).structuredContent).toMatchObject({ source: "figma", renderFromCache: true });
      expect(images(from)).toEqual([]);

      // Figma rate-limiting the render: Figment's own, which says so; its images from the cache too.
      figma.script("renders", rateLimited(30));
      const standIn = await shot({ scale: 3 });
      expect(standIn.structuredContent).toMatchObject({ source: "figment", scale: 1 });
      expect(standIn.structuredContent["note"]).toMatch(/rate-limited .*429.*this is Figment's render/);
      expect(images(from)).toEqual([
        `renders /v1/images/KEY1?ids=101:3&format=png&scale=3&version=${document.version}`,
      ]);
      expect(JSON.stringify([third, figmaShot.structuredContent, standIn, logs])).not.toContain(TOKEN);
      // Nor in the cache folder.
      const kept = readdirSync(cacheDir, { recursive: true, withFileTypes: true }).filter((f) => f.isFile());
      expect(kept.length).toBeGreaterThan(5);
      for (const f of kept) expect(readFileSync(join(f.parentPath, f.name), "latin1")).not.toContain(TOKEN);
    } finally {
      await client.close();
      await served.close();
    }
  }, 120_000);

  it("without FIGMA_TOKEN, get_code and get_screenshot use the cached images and render, saying when", async () => {
    const cacheDir = join(work, "cache-5");
    const downloaded = new Date(clock).toISOString();
    const withToken = await connect(cacheDir);
    try {
      const code = await withToken.client.callTool({
        name: "get_code",
        arguments: { fileKey: "KEY1", out: join(work, "token-code"), target: "html" },
      });
      expect(code.isError, JSON.stringify(code.content)).toBeFalsy();
      const shot = await withToken.client.callTool({ name: "get_screenshot", arguments: { fileKey: "KEY1" } });
      expect(shot.structuredContent).toMatchObject({ source: "figma", renderFromCache: false });
      // Only the design, not its images: what a later call without a token finds missing.
      const hint = await withToken.client.callTool({ name: "get_design_hint", arguments: { fileKey: "KEY2" } });
      expect(hint.isError, JSON.stringify(hint.content)).toBeFalsy();
    } finally {
      await withToken.client.close();
      await withToken.served.close();
    }
    clock += 7_000;
    const { client, served, logs } = await connect(cacheDir, {});
    try {
      const from = figma.requests.length;
      const out = join(work, "cached-code");
      const code = await client.callTool({ name: "get_code", arguments: { fileKey: "KEY1", out, target: "html" } });
      expect(code.isError, JSON.stringify(code.content)).toBeFalsy();
      expect(readFileSync(join(out, "assets", "background-image.png")).equals(Buffer.from(png))).toBe(true);
      const { figma: origin } = code.structuredContent as { figma: FigmaOrigin };
      expect(origin).toMatchObject({ fromCache: true, cache: "recent", ageSec: 7 });
      expect(origin.note).toBe(
        `no FIGMA_TOKEN in the server's environment: this is the cached copy downloaded at ${downloaded}, its ` +
          "version confirmed by Figma less than the check interval ago; 5 images and SVGs from the cache folder, " +
          `downloaded at ${downloaded}`,
      );
      const shot = await client.callTool({ name: "get_screenshot", arguments: { fileKey: "KEY1" } });
      expect(shot.isError, JSON.stringify(shot.content)).toBeFalsy();
      expect(shot.structuredContent).toMatchObject({ source: "figma", scale: 1, renderFromCache: true });
      expect((shot.content as { data?: string }[])[0]!.data).toBe(Buffer.from(render).toString("base64"));
      expect((shot.structuredContent as { figma: FigmaOrigin }).figma.note).toBe(
        `no FIGMA_TOKEN in the server's environment: this is the cached copy downloaded at ${downloaded}, its ` +
          "version confirmed by Figma less than the check interval ago; Figma's render of frame 101:3 (scale 1) " +
          `from the cache folder, downloaded at ${downloaded}`,
      );
      expect(since(from)).toEqual([]);

      // The design cached, its images not: the error that says so and asks for the token; nothing asked of Figma.
      for (const name of ["get_code", "get_screenshot"]) {
        const refused = await client.callTool({ name, arguments: { fileKey: "KEY2", out: join(work, "k2") } });
        expect(refused.isError, name).toBe(true);
        expect((refused.content as { text: string }[])[0]!.text).toBe(
          "figment: 5 images and SVGs of the selected frames are not in the cache folder (fetched by an earlier " +
            "call with a token) and there is no Figma token to fetch them: set the FIGMA_TOKEN of the MCP server's " +
            "environment",
        );
      }
      // Nothing cached: the token error, as for every tool.
      const none = await client.callTool({ name: "get_code", arguments: { fileKey: "KEY3", out: join(work, "k3") } });
      expect((none.content as { text: string }[])[0]!.text).toMatch(/needs a Figma token: set FIGMA_TOKEN in the MCP/);
      expect(since(from)).toEqual([]);
      expect(JSON.stringify(logs)).not.toContain(TOKEN);
    } finally {
      await client.close();
      await served.close();
    }
  }, 120_000);

  it("a design file on disk: Figment's render, which says so", async () => {
    const { client, served } = await connect(join(work, "cache-4"));
    try {
      const from = figma.requests.length;
      const result = await client.callTool({ name: "get_screenshot", arguments: { design: LOGIN } });
      expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
      expect(result.structuredContent).toMatchObject({ source: "figment", scale: 1, frameId: "101:3" });
      expect(result.structuredContent).not.toHaveProperty("figma");
      expect(since(from)).toEqual([]);
    } finally {
      await client.close();
      await served.close();
    }
  }, 60_000);
});
