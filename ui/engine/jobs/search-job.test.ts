/**
 * Search's model work in the worker over real HTTP against the OpenAI-wire test server: captions (each an
 * event as soon as it is made), vectors of text + caption (batched, encoded, each batch an event) and a
 * query's vector, every message read back through the protocol's checks as the panel reads them; bodies
 * valid per the OpenAPI spec; failures as data with the kind the panel explains, keeping what finished.
 */
import { afterEach, describe, expect, it } from "vitest";
import { searchEmbeddingText } from "../../../ai/search/embedding-text.js";
import { frameDocs } from "../../../codegen/search/frame-doc.js";
import { DEFAULT_SETTINGS, type Settings } from "../../../contract/settings.js";
import { decodeVector } from "../../../contract/vector-codec.js";
import { readFixture } from "../../../test/helpers/fixtures.js";
import { captionReplies, defaultCaption, searchAiScript } from "../../../test/openai-server/captions.js";
import {
  bagOfWordsVector,
  encodePng,
  startOpenAiServer,
  type OpenAiTestServer,
  type ScriptedReply,
} from "../../../test/openai-server/server.js";
import { parseEngineMessage, type EngineReply, type RequestOf, type SearchEvent } from "../protocol/index.js";
import { runJob } from "./run.js";
import { searchJobs } from "./search.js";

const KEY = "sk-test-search-job-9911";
let srv: OpenAiTestServer | undefined;
afterEach(async () => {
  await srv?.close();
  srv = undefined;
});
async function serve(script: Parameters<typeof startOpenAiServer>[0] = searchAiScript()): Promise<Settings> {
  srv = await startOpenAiServer(script);
  return { ...DEFAULT_SETTINGS, provider: "custom", baseUrl: srv.url, model: "gpt-4o-mini" };
}

type Body<K extends "search-captions" | "search-embed" | "search-query"> = Omit<
  RequestOf<K>,
  "id" | "kind" | "settings" | "apiKey" | "timeoutMs"
>;
async function run<K extends "search-captions" | "search-embed" | "search-query">(
  kind: K,
  settings: Settings,
  body: Body<K>,
  signal = new AbortController().signal,
) {
  const events: SearchEvent[] = [];
  const request = { kind, id: "s1", settings, apiKey: KEY, timeoutMs: 10_000, ...body } as unknown as RequestOf<K>;
  const reply = await runJob(searchJobs, request, {
    signal,
    emit: (event) => {
      const parsed = parseEngineMessage({ id: "s1", event });
      if (!("event" in parsed)) throw new Error("expected an event");
      events.push(parsed.event.event as SearchEvent);
    },
  });
  const parsed = parseEngineMessage(reply);
  if (!("reply" in parsed)) throw new Error("expected a reply");
  return { reply: parsed.reply as EngineReply, events };
}

const png = (seed: number) => new Uint8Array(encodePng(60, 40, { seed }));
const docs = frameDocs(readFixture("figmagic-design-system.file.json")).map((d) => ({ ...d, pageId: "0:1" }));

describe("search-captions in the worker", () => {
  it("sends each caption as an event when it is made, with the caption model of the settings", async () => {
    const settings = await serve();
    const frames = [0, 1, 2].map((i) => ({ id: `1:${i}`, hash: `h${i}`, png: png(i) }));
    const { reply, events } = await run("search-captions", { ...settings, captionModel: "gpt-4.1-mini" }, { frames });
    expect(reply).toMatchObject({ ok: true, kind: "search-captions", captioned: 3, requests: 3 });
    expect(events.map((e) => (e.type === "search-caption" ? e.frameId : "")).sort()).toEqual(["1:0", "1:1", "1:2"]);
    const first = events.find((e) => e.type === "search-caption" && e.frameId === "1:0")!;
    expect(first).toMatchObject({
      caption: {
        hash: "h0",
        model: "gpt-4.1-mini",
        text: defaultCaption({ width: 60, height: 40, bytes: Buffer.from(frames[0]!.png) }),
      },
    });
    expect(srv!.requests.every((r) => r.path === "/v1/chat/completions" && r.schemaErrors.length === 0)).toBe(true);
    expect(
      srv!.requests.every(
        (r) => r.secretDigests["authorization"] !== undefined && !JSON.stringify(r.body).includes(KEY),
      ),
    ).toBe(true);
  });

  it("a failure answers as model data; the captions made before it were already sent", async () => {
    // Three in flight: the fourth request goes only once one of the first three has answered (and was sent on).
    let calls = 0;
    const captions = captionReplies();
    const settings = await serve((req) =>
      ++calls === 4
        ? { kind: "error", status: 429, message: "slow down", headers: { "retry-after": "3" } }
        : captions(req),
    );
    const frames = [0, 1, 2, 3].map((i) => ({ id: `1:${i}`, hash: `h${i}`, png: png(i) }));
    const { reply, events } = await run("search-captions", settings, { frames });
    expect(reply).toMatchObject({
      ok: false,
      failure: { reason: "rate-limited", data: { status: 429, retryAfterMs: 3000 } },
    });
    expect(events.filter((e) => e.type === "search-caption").length).toBeGreaterThanOrEqual(1);
    expect(calls).toBe(4);
  });
});

describe("search-embed in the worker", () => {
  it("embeds text + caption at the settings' dimensions, many frames per request, vectors encoded", async () => {
    const settings = await serve();
    const frames = docs.map((doc, i) => ({ doc, caption: i === 0 ? "A dashboard with a map" : "" }));
    const { reply, events } = await run("search-embed", settings, { frames });
    expect(reply).toMatchObject({ ok: true, kind: "search-embed", embedded: docs.length, requests: 1 });
    expect(srv!.requests.length).toBe(1);
    expect(srv!.requests[0]!.schemaErrors).toEqual([]);
    expect(srv!.requests[0]!.body).toMatchObject({ model: "text-embedding-3-small", dimensions: 256 });
    const vectors = events.flatMap((e) => (e.type === "search-vectors" ? Object.entries(e.vectors) : []));
    expect(vectors.length).toBe(docs.length);
    const [id, first] = vectors.find(([id]) => id === docs[0]!.id)!;
    expect(id).toBe(docs[0]!.id);
    expect(first).toMatchObject({ hash: docs[0]!.hash, model: "text-embedding-3-small", dimensions: 256 });
    const expected = bagOfWordsVector(searchEmbeddingText(docs[0]!, "A dashboard with a map"), 256);
    decodeVector(first.vector).forEach((x, i) => expect(x).toBeCloseTo(expected[i]!, 5));
    expect((srv!.requests[0]!.body as { input: string[] }).input[0]).toContain("picture: A dashboard with a map");
  });

  it("OpenRouter gets the prefixed default model on the same base URL", async () => {
    const settings = await serve();
    await run("search-embed", { ...settings, provider: "openrouter" }, { frames: [{ doc: docs[0]!, caption: "" }] });
    expect(srv!.requests[0]!.path).toBe("/v1/embeddings");
    expect(srv!.requests[0]!.body).toMatchObject({ model: "openai/text-embedding-3-small" });
  });

  it("a 401 answers as model data", async () => {
    const settings = await serve([{ kind: "error", status: 401, message: "bad key" } satisfies ScriptedReply]);
    const { reply } = await run("search-embed", settings, { frames: [{ doc: docs[0]!, caption: "" }] });
    expect(reply).toMatchObject({ ok: false, failure: { reason: "unauthorized", data: { status: 401 } } });
  });
});

describe("search-query in the worker", () => {
  it("answers the query's vector, encoded, with its model and length; cancel answers aborted", async () => {
    const settings = await serve();
    const { reply } = await run("search-query", { ...settings, embeddingDimensions: 64 }, { text: "map screen" });
    if (!reply.ok || reply.kind !== "search-query") throw new Error(JSON.stringify(reply));
    expect(reply).toMatchObject({ model: "text-embedding-3-small", dimensions: 64 });
    decodeVector(reply.vector).forEach((x, i) => expect(x).toBeCloseTo(bagOfWordsVector("map screen", 64)[i]!, 5));
    await srv!.close();
    const hanging = await serve([{ kind: "hang" }]);
    const controller = new AbortController();
    const stopping = run("search-query", hanging, { text: "x" }, controller.signal);
    // Cancelled once the request is on its way (a state), not after a guessed time.
    await srv!.requested(1);
    controller.abort();
    const { reply: stopped } = await stopping;
    expect(stopped).toMatchObject({ ok: false, failure: { kind: "cancelled" } });
  });
});
