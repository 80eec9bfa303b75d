/**
 * The connection test over real HTTP against the OpenAI-wire test server: the SDK's `models.list()` with
 * the provider's client, every failure classified as in generation, the key sent exactly and never echoed.
 */
import { afterEach, describe, expect, it } from "vitest";
import { Cancelled } from "../../kernel/cancelled.js";
import { DEFAULT_SETTINGS } from "../../contract/settings.js";
import {
  modelsJson,
  openRouterModelsJson,
  secretDigest,
  startOpenAiServer,
  type OpenAiTestServer,
} from "../../test/openai-server/server.js";
import { scriptedServer } from "../../test/openai-server/scripted.js";
import { CONNECTION_TIMEOUT_MS, testConnection, type ConnectionResult } from "./connection.js";
import { providerConfig, type ProviderConfig } from "./providers.js";

const OPENAI_KEY = "sk-test-connection-abcd1234";
const OPENROUTER_KEY = "sk-or-v1-connection-efgh5678";

const openai = (url: string, key = OPENAI_KEY): ProviderConfig =>
  providerConfig({ ...DEFAULT_SETTINGS, provider: "openai", baseUrl: url }, key);
const openrouter = (url: string): ProviderConfig =>
  providerConfig({ ...DEFAULT_SETTINGS, provider: "openrouter", baseUrl: url }, OPENROUTER_KEY);

const serve = scriptedServer();
let other: OpenAiTestServer | undefined;
afterEach(async () => {
  await other?.close();
  other = undefined;
});

function failed(result: ConnectionResult): Extract<ConnectionResult, { ok: false }>["error"] {
  if (result.ok) throw new Error(`expected a failure, got ${JSON.stringify(result)}`);
  return result.error;
}

describe("testConnection", () => {
  it("counts the models of an OpenAI listing; no prices there", async () => {
    const srv = await serve(modelsJson(["gpt-5.4-image-2", "gpt-5", "gpt-4o"]));
    const result = await testConnection(openai(srv.url));
    expect(result).toEqual({ ok: true, models: 3 });
  });

  it("reads the prices of an OpenRouter listing, per 1M tokens, sourced to the listing and dated today", async () => {
    const srv = await serve(
      openRouterModelsJson([
        ["openai/gpt-5.4-image-2", "0.000008", "0.000015"],
        ["openai/gpt-4o-mini", "0.00000015", "0.0000006"],
        ["openrouter/auto", "-1", "-1"],
      ]),
    );
    const result = await testConnection(openrouter(srv.url));
    const today = new Date().toISOString().slice(0, 10);
    expect(result).toEqual({
      ok: true,
      models: 3,
      prices: {
        "openai/gpt-5.4-image-2": { input: 8, output: 15, source: `${srv.url}/models`, asOf: today },
        "openai/gpt-4o-mini": { input: 0.15, output: 0.6, source: `${srv.url}/models`, asOf: today },
      },
    });
    // The same client as generation: OpenRouter's attribution header goes along.
    expect(srv.requests[0]!.headers["x-title"]).toBe("Figment");
  });

  it("sends exactly the given key, to the given base URL only", async () => {
    other = await startOpenAiServer();
    const srv = await serve(modelsJson());
    expect((await testConnection(openai(srv.url))).ok).toBe(true);
    expect(other.requests).toHaveLength(0);
    expect(srv.requests).toHaveLength(1);
    const [request] = srv.requests;
    expect(request).toMatchObject({ method: "GET", path: "/v1/models" });
    expect(request!.secretDigests["authorization"]).toBe(secretDigest(`Bearer ${OPENAI_KEY}`));
    expect(request!.secretDigests["authorization"]).not.toBe(secretDigest(`Bearer ${OPENAI_KEY}x`));

    await testConnection(openai(other.url, "sk-other-key-0000"));
    expect(other.requests).toHaveLength(1);
    expect(other.requests[0]!.secretDigests["authorization"]).toBe(secretDigest("Bearer sk-other-key-0000"));
    expect(srv.requests).toHaveLength(1);
  });

  it("401: unauthorized, with the provider's message and never the key, even when the provider echoes it", async () => {
    const srv = await serve({ kind: "error", status: 401, message: `Incorrect API key provided: ${OPENAI_KEY}.` });
    const error = failed(await testConnection(openai(srv.url)));
    expect(error).toMatchObject({ kind: "unauthorized", status: 401 });
    expect(error.message).toContain("Incorrect API key provided");
    expect(error.message).not.toContain(OPENAI_KEY);
    expect(error.message).not.toContain("abcd1234");
  });

  it("404 (a base URL without /models): model-not-found", async () => {
    const srv = await serve({ kind: "error", status: 404, message: "Not found" });
    expect(failed(await testConnection(openai(srv.url)))).toMatchObject({ kind: "model-not-found", status: 404 });
  });

  it("429 carries the provider's retry-after", async () => {
    const srv = await serve({
      kind: "error",
      status: 429,
      message: "Rate limit reached",
      headers: { "retry-after": "7" },
    });
    expect(failed(await testConnection(openai(srv.url)))).toEqual({
      kind: "rate-limited",
      status: 429,
      retryAfterMs: 7000,
      message: "The endpoint answered 429: Rate limit reached",
    });
  });

  it("500: server", async () => {
    const srv = await serve({ kind: "error", status: 500, message: "boom" });
    expect(failed(await testConnection(openai(srv.url)))).toMatchObject({ kind: "server", status: 500 });
  });

  it("a server that never answers: timeout after timeoutMs (10 s unless told)", async () => {
    expect(CONNECTION_TIMEOUT_MS).toBe(10_000);
    const srv = await serve({ kind: "hang" });
    const started = performance.now();
    const error = failed(await testConnection(openai(srv.url), { timeoutMs: 200 }));
    expect(error.kind).toBe("timeout");
    expect(error.status).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it("a closed port: offline", async () => {
    const closed = await startOpenAiServer();
    await closed.close();
    expect(failed(await testConnection(openai(closed.url)))).toMatchObject({ kind: "offline" });
  });

  it("an abort from the caller: Cancelled, thrown (the test did not end)", async () => {
    const srv = await serve({ kind: "hang" });
    const controller = new AbortController();
    const testing = testConnection(openai(srv.url), { signal: controller.signal });
    // Cancelled once the request is on its way (a state), not after a guessed time.
    await srv.requested(1);
    controller.abort();
    await expect(testing).rejects.toBeInstanceOf(Cancelled);
  });

  it("a page that is not a models listing: bad-output; an empty listing is fine", async () => {
    const srv = await serve({ kind: "json", body: { hello: "world" } }, modelsJson([]));
    expect(failed(await testConnection(openai(srv.url))).kind).toBe("bad-output");
    expect(await testConnection(openai(srv.url))).toEqual({ ok: true, models: 0 });
  });

  it("never throws: no key, or a base URL that is not a URL", async () => {
    const config = openai("http://127.0.0.1:1/v1");
    expect(failed(await testConnection({ ...config, apiKey: " " })).kind).toBe("missing-key");
    const result = await testConnection({ ...config, baseURL: "not a url" });
    expect(result.ok).toBe(false);
    expect(failed(result).message).not.toContain(OPENAI_KEY);
  });

  it("uses the given fetch", async () => {
    const srv = await serve(modelsJson(["a"]));
    const seen: string[] = [];
    const spy: typeof fetch = (input, init) => {
      seen.push(String(input instanceof Request ? input.url : input));
      return fetch(input, init);
    };
    expect(await testConnection(openai(srv.url), { fetch: spy })).toEqual({ ok: true, models: 1 });
    expect(seen).toEqual([`${srv.url}/models`]);
  });
});
