/**
 * The Figma-REST test server answers in Figma's shapes: fills map, renders map with nulls, errors as `{ status, err }`.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { GetFileVersionsResponse, GetImageFillsResponse, GetImagesResponse } from "@figma/rest-api-spec";
import { encodePng, rateLimited, startFigmaRestServer, tokenDigest, type FigmaRestTestServer } from "./server.js";

const TOKEN = "figd_server-test";
let srv: FigmaRestTestServer | undefined;
afterEach(async () => {
  await srv?.close();
  srv = undefined;
});

async function start(): Promise<FigmaRestTestServer> {
  srv = await startFigmaRestServer({
    token: TOKEN,
    files: {
      K1: { imageFills: { ref1: encodePng(2, 2), ref2: null }, svgs: { "1:2": "<svg/>", "I3:4;5:6": "<svg id='i'/>" } },
    },
  });
  return srv;
}

/** `token` null sends none (as a browser fetching a pre-signed image link would). */
const get = (s: FigmaRestTestServer, path: string, token: string | null = TOKEN): Promise<Response> =>
  fetch(s.url + path, { headers: token === null ? {} : { "X-Figma-Token": token } });

describe("figma-rest-server", () => {
  it(
    "GET /v1/files/:key/images: every fill's URL (null for " +
      "a broken one); the URL serves the bytes without a token",
    async () => {
      const s = await start();
      const res = await get(s, "/v1/files/K1/images");
      expect(res.status).toBe(200);
      const body = (await res.json()) as GetImageFillsResponse;
      expect(body).toMatchObject({ error: false, status: 200 });
      expect(body.meta.images["ref2"]).toBeNull();
      const png = await get(s, new URL(body.meta.images["ref1"]!).pathname, null);
      expect(png.headers.get("content-type")).toBe("image/png");
      expect(Buffer.from(await png.arrayBuffer()).equals(encodePng(2, 2))).toBe(true);
      expect(s.requests.map((r) => [r.route, r.tokenDigest])).toEqual([
        ["fills", tokenDigest(TOKEN)],
        ["image", undefined],
      ]);
    },
  );

  it("GET /v1/images/:key?ids=…&format=svg: each id, null for unknown; instance ids survive encoding", async () => {
    const s = await start();
    const res = await get(s, `/v1/images/K1?ids=1:2,${encodeURIComponent("I3:4;5:6")},9:9&format=svg`);
    const body = (await res.json()) as GetImagesResponse;
    expect(body.err).toBeNull();
    expect(Object.keys(body.images)).toEqual(["1:2", "I3:4;5:6", "9:9"]);
    expect(body.images["9:9"]).toBeNull();
    expect(await (await get(s, new URL(body.images["I3:4;5:6"]!).pathname, null)).text()).toBe("<svg id='i'/>");
    expect(s.requests[0]!.ids).toEqual(["1:2", "I3:4;5:6", "9:9"]);
  });

  it("403 without or with a wrong token, 404 for an unknown key, 400 for a format it does not serve", async () => {
    const s = await start();
    const answers = [
      await get(s, "/v1/files/K1/images", null),
      await get(s, "/v1/files/K1/images", "figd_wrong"),
      await get(s, "/v1/files/NOPE/images"),
      await get(s, "/v1/images/K1?ids=1:2&format=jpg"),
    ];
    expect(answers.map((r) => r.status)).toEqual([403, 403, 404, 400]);
    expect(await answers[0]!.json()).toEqual({ status: 403, err: "Invalid token" });
    expect(await answers[2]!.json()).toEqual({ status: 404, err: "Not found" });
  });

  it("?version=ID: that version's file and nodes (404 for one it lacks); /versions: pages, newest first", async () => {
    const node = (id: string, name: string) => ({ id, name, type: "FRAME" });
    const reply = (version: string, name: string) => ({
      version,
      lastModified: `2026-0${version}-01T00:00:00Z`,
      document: { id: "0:0", children: [{ id: "0:1", type: "CANVAS", children: [node("1:2", name)] }] },
    });
    srv = await startFigmaRestServer({
      token: TOKEN,
      files: {
        K2: {
          imageFills: {},
          svgs: {},
          document: reply("3", "Now"),
          versions: ["3", "2", "1"].map((id) => ({
            id,
            created_at: `2026-0${id}-01T00:00:00Z`,
            label: id === "2" ? "Handoff" : null,
            user: { handle: "jo" },
            reply: reply(id, `Then ${id}`),
          })),
        },
      },
    });
    const json = async (path: string): Promise<Record<string, unknown>> =>
      (await (await get(srv!, path)).json()) as Record<string, unknown>;
    expect(await json("/v1/files/K2?version=2")).toMatchObject({ version: "2", document: { id: "0:0" } });
    expect(await json("/v1/files/K2?version=3")).toMatchObject({ version: "3" });
    expect(await json("/v1/files/K2/nodes?ids=1:2&version=1")).toMatchObject({
      version: "1",
      nodes: { "1:2": { document: { name: "Then 1" } } },
    });
    expect((await get(srv, "/v1/files/K2?version=9")).status).toBe(404);
    const first = (await json("/v1/files/K2/versions?page_size=2")) as unknown as GetFileVersionsResponse;
    expect(first.versions.map((v) => [v.id, v.label, v.user.handle])).toEqual([
      ["3", null, "jo"],
      ["2", "Handoff", "jo"],
    ]);
    expect(first.pagination.next_page).toBe(`${srv.url}/v1/files/K2/versions?page_size=2&before=2`);
    const next = (await json("/v1/files/K2/versions?page_size=2&before=2")) as unknown as GetFileVersionsResponse;
    expect([next.versions.map((v) => v.id), next.pagination]).toEqual([["1"], {}]);
    expect(srv.requests.at(-1)?.route).toBe("versions");
  });

  it("scripted replies come first, in order, per route", async () => {
    const s = await start();
    s.script("fills", rateLimited(2), { status: 502 });
    const first = await get(s, "/v1/files/K1/images");
    expect(first.status).toBe(429);
    expect(first.headers.get("retry-after")).toBe("2");
    expect(await first.json()).toEqual({ status: 429, err: "Rate limit exceeded" });
    expect((await get(s, "/v1/files/K1/images")).status).toBe(502);
    expect((await get(s, "/v1/files/K1/images")).status).toBe(200);
  });
});
