/**
 * Embeddings for Search against the OpenAI-wire test server (bodies validated against the OpenAPI spec's
 * CreateEmbeddingRequest; vectors are bags of words, so ranking by them follows the frames' words).
 */
import { afterEach, describe, expect, it } from "vitest";
import { frameDocs } from "../../codegen/search/frame-doc.js";
import { createFrameIndex, searchFrames } from "../../codegen/search/frame-index.js";
import { readFixture } from "../../test/helpers/fixtures.js";
import { bagOfWordsEmbeddings, startOpenAiServer, type OpenAiTestServer } from "../../test/openai-server/server.js";
import { embedFrames, embedQuery, MAX_INPUTS_PER_REQUEST } from "./embeddings.js";
import { ModelError } from "../errors/classify.js";

let srv: OpenAiTestServer | undefined;
afterEach(async () => {
  await srv?.close();
  srv = undefined;
});
async function server(): Promise<{ apiKey: string; baseURL: string; headers: Record<string, string> }> {
  srv = await startOpenAiServer(bagOfWordsEmbeddings);
  return { apiKey: "sk-test", baseURL: srv.url, headers: {} };
}
type FileJson = { document: { children: { children: { id: string; name: string }[] }[] } };

describe("embedFrames", () => {
  it("sends many frames per request, in valid CreateEmbeddingRequest bodies", async () => {
    const config = await server();
    const docs = frameDocs(readFixture("figmagic-design-system.file.json"));
    const result = await embedFrames(config, docs, {}, { batchSize: 20, dimensions: 32 });
    expect(result.requests).toBe(3);
    expect(srv!.requests.map((r) => (r.body as { input: string[] }).input.length)).toEqual([20, 20, 17]);
    for (const r of srv!.requests) {
      expect(r.path).toBe("/v1/embeddings");
      expect(r.schemaErrors).toEqual([]);
      expect(r.body).toMatchObject({ model: "text-embedding-3-small", dimensions: 32, encoding_format: "float" });
    }
    expect(result.embedded.length).toBe(docs.length);
    expect([...result.vectors.values()].every((v) => v.length === 32)).toBe(true);
    expect(MAX_INPUTS_PER_REQUEST).toBeLessThanOrEqual(2048);
  });

  it("embeds only a changed frame again and drops a deleted one from the cache", async () => {
    const config = await server();
    const json = readFixture("figmagic-design-system.file.json") as FileJson;
    const first = await embedFrames(config, frameDocs(json), {});
    const unchanged = await embedFrames(config, frameDocs(json), first.cache);
    expect(unchanged.requests).toBe(0);
    expect(unchanged.embedded).toEqual([]);
    const page = json.document.children[0]!.children;
    page[2]!.name = "Delays and pauses";
    const deleted = page.splice(5, 1)[0]!;
    srv!.requests.length = 0;
    const again = await embedFrames(config, frameDocs(json), first.cache);
    expect(again.embedded).toEqual([page[2]!.id]);
    expect(srv!.requests.length).toBe(1);
    expect((srv!.requests[0]!.body as { input: string[] }).input).toEqual([
      expect.stringContaining("Delays and pauses"),
    ]);
    expect(again.cache[deleted.id]).toBeUndefined();
    expect(Object.keys(again.cache).length).toBe(
      page.length + json.document.children.slice(1).reduce((n, p) => n + p.children.length, 0),
    );
  });

  it("embeds again when the model or dimensions change", async () => {
    const config = await server();
    const docs = frameDocs(readFixture("figmasharp-login.file.json"));
    const first = await embedFrames(config, docs, {}, { dimensions: 16 });
    expect((await embedFrames(config, docs, first.cache, { dimensions: 32 })).embedded).toEqual([docs[0]!.id]);
    expect((await embedFrames(config, docs, first.cache, { dimensions: 16, model: "other" })).embedded).toEqual([
      docs[0]!.id,
    ]);
  });

  it("ranks by vector: a frame's own words, and 'like the selection' finds the frame itself first", async () => {
    const config = await server();
    const docs = frameDocs(readFixture("figmagic-design-system.file.json"));
    const { vectors } = await embedFrames(config, docs, {});
    const dimensions = vectors.values().next().value!.length;
    const index = await createFrameIndex(
      docs.map((d) => ({ ...d, embedding: vectors.get(d.id)! })),
      dimensions,
    );
    const easings = docs.find((d) => d.name === "Easings")!;
    expect((await searchFrames(index, { vector: vectors.get(easings.id)!, limit: 1 }))[0]!.id).toBe(easings.id);
    const query = await embedQuery(config, "cubic bezier easings");
    expect((await searchFrames(index, { vector: query, limit: 3 })).map((h) => h.id)).toContain(easings.id);
    expect((await searchFrames(index, { term: "cubic-bezier", vector: query, limit: 3 }))[0]!.id).toBe(easings.id);
  });

  it("reports a refused key as an unauthorized ModelError", async () => {
    srv = await startOpenAiServer([{ kind: "error", status: 401, message: "Incorrect API key provided" }]);
    const error = await embedFrames(
      { apiKey: "sk-bad", baseURL: srv.url, headers: {} },
      frameDocs(readFixture("figmasharp-login.file.json")),
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ModelError);
    expect((error as ModelError).reason).toBe("unauthorized");
    expect((error as ModelError).message).not.toContain("sk-bad");
  });

  it("rejects a reply with too few vectors as bad output", async () => {
    srv = await startOpenAiServer([
      { kind: "json", body: { object: "list", data: [], model: "m", usage: { prompt_tokens: 1, total_tokens: 1 } } },
    ]);
    const error = await embedQuery({ apiKey: "sk", baseURL: srv.url, headers: {} }, "x").catch((e: unknown) => e);
    expect((error as ModelError).reason).toBe("bad-output");
  });

  it.each([
    [
      "an entry that is null",
      [null, { index: 1, embedding: [0.1, 0.2] }],
      "The endpoint's embeddings are not numbered 0 to 1, one for each input.",
    ],
    [
      "an index of null",
      [
        { index: null, embedding: [0.1, 0.2] },
        { index: 1, embedding: [0.1, 0.2] },
      ],
      "The endpoint's embeddings are not numbered 0 to 1, one for each input.",
    ],
    [
      "one index twice",
      [
        { index: 0, embedding: [0.1, 0.2] },
        { index: 0, embedding: [0.3, 0.4] },
      ],
      "The endpoint's embeddings are not numbered 0 to 1, one for each input.",
    ],
    [
      "a vector holding text",
      [
        { index: 0, embedding: [0.1, "0.2"] },
        { index: 1, embedding: [0.1, 0.2] },
      ],
      "The endpoint's embedding 0 is not a list of numbers.",
    ],
    [
      "a vector of another length than asked",
      [
        { index: 0, embedding: [0.1, 0.2] },
        { index: 1, embedding: [0.3, 0.4] },
      ],
      "The endpoint answered with embeddings of 2 numbers, not the 3 asked for.",
    ],
  ])("refuses %s as bad output in a sentence", async (_, data, message) => {
    srv = await startOpenAiServer([
      { kind: "json", body: { object: "list", data, model: "m", usage: { prompt_tokens: 1, total_tokens: 1 } } },
    ]);
    const docs = frameDocs(readFixture("figmagic-design-system.file.json")).slice(0, 2);
    const error = await embedFrames({ apiKey: "sk", baseURL: srv.url, headers: {} }, docs, {}, { dimensions: 3 }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ModelError);
    expect(error).toMatchObject({ reason: "bad-output", message });
  });

  it("puts vectors in input order by their index", async () => {
    srv = await startOpenAiServer([
      {
        kind: "json",
        body: {
          object: "list",
          data: [
            { index: 1, embedding: [0, 1] },
            { index: 0, embedding: [1, 0] },
          ],
          model: "m",
          usage: { prompt_tokens: 1, total_tokens: 1 },
        },
      },
    ]);
    const docs = frameDocs(readFixture("figmagic-design-system.file.json")).slice(0, 2);
    const result = await embedFrames({ apiKey: "sk", baseURL: srv.url, headers: {} }, docs);
    expect([...result.vectors.values()]).toEqual([
      [1, 0],
      [0, 1],
    ]);
  });
});
