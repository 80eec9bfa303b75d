import { afterEach, describe, expect, it } from "vitest";
import OpenAI, { APIConnectionTimeoutError, APIError, AuthenticationError, RateLimitError } from "openai";
import {
  chatChunks,
  chatJson,
  chatStream,
  embeddingsJson,
  imagesJson,
  modelsJson,
  modelsList,
  openRouterModelsJson,
  responseObject,
  responsesEvents,
  responsesJson,
  responsesStream,
  secretDigest,
  startOpenAiServer,
  type OpenAiTestServer,
  type ScriptedReply,
} from "./server.js";
import { validateAgainst, validateRequest } from "./validate.js";

const PNG_DATA_URL =
  "data:image/png;base64," +
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

let server: OpenAiTestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(
  script?: ScriptedReply[] | ((req: unknown) => ScriptedReply),
): Promise<{ srv: OpenAiTestServer; client: OpenAI }> {
  server = await startOpenAiServer(script);
  return { srv: server, client: new OpenAI({ apiKey: "sk-test-abcd1234", baseURL: server.url, maxRetries: 0 }) };
}

describe("openai test server + real SDK", () => {
  it("answers a non-streamed vision request; the body passes the OpenAPI schema", async () => {
    const { srv, client } = await start([responsesJson("<div>hello</div>", { id: "resp_abc" })]);
    const res = await client.responses.create({
      model: "gpt-5",
      input: [
        {
          role: "user",
          content: [
            { type: "input_image", image_url: PNG_DATA_URL, detail: "high" },
            { type: "input_text", text: "Turn this design into React." },
          ],
        },
      ],
    });
    expect(res.id).toBe("resp_abc");
    expect(res.output_text).toBe("<div>hello</div>");
    expect(res._request_id).toBe("req_test_1");
    expect(srv.requests).toHaveLength(1);
    const rec = srv.requests[0]!;
    expect(rec.method).toBe("POST");
    expect(rec.path).toBe("/v1/responses");
    expect(rec.schemaErrors).toEqual([]);
    expect((rec.body as { model: string }).model).toBe("gpt-5");
  });

  it("records schema errors when input_image lacks `detail`", async () => {
    const { srv, client } = await start([responsesJson("ok")]);
    // The SDK types make `detail` required too; the cast simulates a client that forgets it.
    const part = { type: "input_image", image_url: PNG_DATA_URL } as unknown as OpenAI.Responses.ResponseInputImage;
    await client.responses.create({ model: "gpt-5", input: [{ role: "user", content: [part] }] });
    const errs = srv.requests[0]!.schemaErrors;
    expect(errs.length).toBeGreaterThan(0);
    expect(errs.some((e) => e.includes("/input/0/content/0") && e.includes("'detail'"))).toBe(true);
  });

  it("streams Responses API deltas in order (event: + data: framing)", async () => {
    const { srv, client } = await start([responsesStream(["<div>", "hel", "lo", "</div>"], { id: "resp_s1" })]);
    const stream = await client.responses.create({ model: "gpt-5", input: "hi", stream: true });
    const deltas: string[] = [];
    const types: string[] = [];
    let completed: OpenAI.Responses.Response | undefined;
    for await (const ev of stream) {
      types.push(ev.type);
      if (ev.type === "response.output_text.delta") deltas.push(ev.delta);
      if (ev.type === "response.completed") completed = ev.response;
    }
    expect(deltas).toEqual(["<div>", "hel", "lo", "</div>"]);
    expect(types[0]).toBe("response.created");
    expect(types.at(-1)).toBe("response.completed");
    expect(completed?.id).toBe("resp_s1");
    expect(completed?.output[0]).toMatchObject({
      type: "message",
      content: [{ type: "output_text", text: "<div>hello</div>" }],
    });
    expect(srv.requests[0]!.schemaErrors).toEqual([]);
    expect((srv.requests[0]!.body as { stream: boolean }).stream).toBe(true);
  });

  it("works with the SDK's responses.stream() accumulator", async () => {
    const { client } = await start([responsesStream(["a", "b", "c"])]);
    const stream = client.responses.stream({ model: "gpt-5", input: "hi" });
    const final = await stream.finalResponse();
    expect(final.output_text).toBe("abc");
  });

  it("streams chat completion chunks and ends at [DONE]", async () => {
    const { srv, client } = await start([chatStream(["Hel", "lo", "!"])]);
    const stream = await client.chat.completions.create({
      model: "gpt-4o",
      messages: [{ role: "user", content: "hi" }],
      stream: true,
    });
    const pieces: string[] = [];
    let finish: string | null = null;
    for await (const chunk of stream) {
      const c = chunk.choices[0]!;
      if (c.delta.content) pieces.push(c.delta.content);
      if (c.finish_reason) finish = c.finish_reason;
    }
    expect(pieces).toEqual(["Hel", "lo", "!"]);
    expect(finish).toBe("stop");
    expect(srv.requests[0]!.schemaErrors).toEqual([]);
  });

  it("answers non-streamed chat, models, embeddings and images", async () => {
    const { srv, client } = await start([
      chatJson("hi there"),
      embeddingsJson([[0.1, 0.2]]),
      imagesJson(["iVBORw0KGgo="]),
    ]);
    const chat = await client.chat.completions.create({ model: "gpt-4o", messages: [{ role: "user", content: "hi" }] });
    expect(chat.choices[0]!.message.content).toBe("hi there");
    // "float" as ai/search/embeddings.ts asks: without it the SDK (6.x) asks for base64 and decodes what comes back.
    const emb = await client.embeddings.create({
      model: "text-embedding-3-small",
      input: "x",
      encoding_format: "float",
    });
    expect(emb.data[0]!.embedding).toEqual([0.1, 0.2]);
    const img = await client.images.generate({ model: "gpt-image-1", prompt: "a button" });
    expect(img.data?.[0]?.b64_json).toBe("iVBORw0KGgo=");
    // empty queue: /v1/models has a default reply
    const ids: string[] = [];
    for await (const m of client.models.list()) ids.push(m.id);
    expect(ids).toContain("gpt-5");
    expect(srv.requests.map((r) => r.schemaErrors)).toEqual([[], [], [], []]);
  });

  it("401 → AuthenticationError", async () => {
    const { client } = await start([
      { kind: "error", status: 401, message: "Incorrect API key provided: sk-test***1234." },
    ]);
    const err = await client.responses.create({ model: "gpt-5", input: "hi" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AuthenticationError);
    expect((err as AuthenticationError).status).toBe(401);
    expect((err as AuthenticationError).code).toBe("invalid_api_key");
    expect((err as AuthenticationError).message).toContain("Incorrect API key");
  });

  it("429 exposes retry-after on the error's headers", async () => {
    const { client } = await start([
      { kind: "error", status: 429, message: "Rate limit reached", headers: { "retry-after": "1" } },
    ]);
    const err = await client.responses.create({ model: "gpt-5", input: "hi" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RateLimitError);
    expect((err as RateLimitError).status).toBe(429);
    expect((err as RateLimitError).headers?.get("retry-after")).toBe("1");
  });

  it("404 for unknown routes in OpenAI's error shape, without consuming the script", async () => {
    const { srv, client } = await start([responsesJson("still here")]);
    const res = await fetch(`${srv.url}/nope`, { method: "POST", body: "{}" });
    expect(res.status).toBe(404);
    const body = (await res.json()) as { error: { message: string; type: string; code: unknown } };
    expect(body.error).toMatchObject({ type: "invalid_request_error", code: null });
    expect(body.error.message).toContain("/v1/nope");
    const ok = await client.responses.create({ model: "gpt-5", input: "hi" });
    expect(ok.output_text).toBe("still here");
  });

  it("a cut stream makes the SDK iteration throw", async () => {
    const { client } = await start([responsesStream(["a", "b", "c", "d"], { cutAfter: 5 })]);
    const stream = await client.responses.create({ model: "gpt-5", input: "hi", stream: true });
    const deltas: string[] = [];
    const run = async () => {
      for await (const ev of stream) if (ev.type === "response.output_text.delta") deltas.push(ev.delta);
    };
    const err = await run().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(Error);
    expect(String(err)).toMatch(/terminated|socket|closed/i);
    expect(deltas).toEqual(["a"]);
  });

  it("a cut chat stream also throws", async () => {
    const { client } = await start([chatStream(["a", "b"], { cutAfter: 2 })]);
    const stream = await client.chat.completions.create({
      model: "gpt-4o",
      messages: [{ role: "user", content: "hi" }],
      stream: true,
    });
    const run = async () => {
      for await (const _ of stream) void _;
    };
    await expect(run()).rejects.toThrow();
  });

  it("hang + SDK timeout → APIConnectionTimeoutError; close() still returns promptly", async () => {
    const { srv, client } = await start([{ kind: "hang" }, { kind: "hang" }]);
    const err = await client.responses
      .create({ model: "gpt-5", input: "hi" }, { timeout: 200 })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(APIConnectionTimeoutError);
    // a second hanging request still open at close time
    const pending = client.responses
      .create({ model: "gpt-5", input: "hi" }, { timeout: 10_000 })
      .catch((e: unknown) => e);
    await new Promise((r) => setTimeout(r, 50));
    await srv.close();
    expect(await pending).toBeInstanceOf(APIError);
  });

  it("redacts the authorization header to its last 4 chars", async () => {
    const { srv, client } = await start([responsesJson("ok")]);
    await client.responses.create({ model: "gpt-5", input: "hi" });
    const h = srv.requests[0]!.headers;
    expect(h.authorization).toBe("***1234");
    expect(JSON.stringify(srv.requests)).not.toContain("sk-test");
    expect(h["content-type"]).toContain("application/json");
  });

  it("scripts GET /v1/models: OpenAI's listing or OpenRouter's, with pricing", async () => {
    const { srv, client } = await start([
      modelsJson(["gpt-5.4-image-2"]),
      openRouterModelsJson([["openai/gpt-5.4-image-2", "0.000008", "0.000015"]]),
    ]);
    const openai = await client.models.list();
    expect(openai.data.map((m) => m.id)).toEqual(["gpt-5.4-image-2"]);
    const openrouter = await client.models.list();
    expect(openrouter.data).toHaveLength(1);
    expect(openrouter.data[0]).toMatchObject({
      id: "openai/gpt-5.4-image-2",
      pricing: { prompt: "0.000008", completion: "0.000015" },
    });
    expect(srv.requests.map((r) => `${r.method} ${r.path}`)).toEqual(["GET /v1/models", "GET /v1/models"]);
  });

  it("keeps a digest of the full key, never the key", async () => {
    const { srv, client } = await start([responsesJson("ok")]);
    await client.responses.create({ model: "gpt-5", input: "hi" });
    const request = srv.requests[0]!;
    expect(request.secretDigests).toEqual({ authorization: secretDigest("Bearer sk-test-abcd1234") });
    expect(request.secretDigests["authorization"]).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(request)).not.toContain("sk-test");
  });

  it("function script and push()", async () => {
    const { srv, client } = await start((req) => responsesJson(`echo ${(req as { path: string }).path}`));
    srv.push(responsesJson("pushed first"));
    expect((await client.responses.create({ model: "gpt-5", input: "hi" })).output_text).toBe("pushed first");
    expect((await client.responses.create({ model: "gpt-5", input: "hi" })).output_text).toBe("echo /v1/responses");
  });

  it("requested(n) resolves once n matching requests arrived, at once when they already had", async () => {
    const { srv, client } = await start(() => responsesJson("ok"));
    let models: number | undefined;
    const twoModels = srv.requested(2, (r) => r.path.endsWith("/models")).then((seen) => (models = seen.length));
    await client.responses.create({ model: "gpt-5", input: "hi" });
    await client.models.list();
    // A state, not a time: the two answers are in, so whatever was due has settled before this microtask.
    await Promise.resolve();
    expect(models).toBeUndefined();
    await client.models.list();
    expect(await twoModels).toBe(2);
    expect(await srv.requested(3)).toHaveLength(3);
  });
});

describe("validateRequest / reply shapes vs the OpenAPI spec", () => {
  it("maps paths to request schemas", () => {
    expect(validateRequest("/v1/embeddings", { model: "text-embedding-3-small", input: "x" })).toEqual([]);
    expect(validateRequest("/v1/embeddings", { input: "x" }).join("\n")).toContain("'model'");
    expect(
      validateRequest("/v1/images/generations", { prompt: "a cat", model: "gpt-image-1", size: "1024x1024" }),
    ).toEqual([]);
    expect(validateRequest("/v1/models", {})).toEqual([]);
  });

  it("helper replies validate against the spec's response schemas", () => {
    expect(validateAgainst("Response", responseObject("hi"))).toEqual([]);
    for (const ev of responsesEvents(["a", "b"])) expect(validateAgainst("ResponseStreamEvent", ev)).toEqual([]);
    expect(validateAgainst("CreateChatCompletionResponse", chatJson("hi").body)).toEqual([]);
    for (const c of chatChunks(["a"])) expect(validateAgainst("CreateChatCompletionStreamResponse", c)).toEqual([]);
    expect(validateAgainst("ListModelsResponse", modelsList())).toEqual([]);
    expect(validateAgainst("CreateEmbeddingResponse", embeddingsJson([[1]]).body)).toEqual([]);
    expect(validateAgainst("ImagesResponse", imagesJson(["AA=="]).body)).toEqual([]);
  });
});
