/**
 * The worker's "test-connection" over real HTTP against the OpenAI-wire test server: the generation client
 * sends exactly the slot's key to exactly the form's endpoint, and every failure comes back as data with the
 * kind the panel explains (401, 404, 429, network, timeout), never with the key in it. (These are the cases
 * of the panel's former fetch-based test, now on the path the panel really uses.)
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, type Settings } from "../../../contract/settings.js";
import {
  modelsJson,
  openRouterModelsJson,
  secretDigest,
  startOpenAiServer,
} from "../../../test/openai-server/server.js";
import { scriptedServer } from "../../../test/openai-server/scripted.js";
import { parseEngineMessage, type RequestOf } from "../protocol/index.js";
import { modelJobs } from "./model.js";
import { runJob } from "./run.js";

type TestConnectionRequest = RequestOf<"test-connection">;

const KEY = "sk-test-conn-job-7788";
const serve = scriptedServer();

const request = (settings: Partial<Settings>, apiKey = KEY, timeoutMs = 10_000): TestConnectionRequest => ({
  kind: "test-connection",
  id: "w1",
  settings: { ...DEFAULT_SETTINGS, ...settings },
  apiKey,
  timeoutMs,
});

/** Runs the job and reads its reply as the panel does (so what it sends passes the protocol's checks). */
async function run(req: TestConnectionRequest, signal = new AbortController().signal) {
  const reply = await runJob(modelJobs, req, { signal, emit: () => undefined });
  const parsed = parseEngineMessage(reply);
  if (!("reply" in parsed)) throw new Error("expected a reply");
  return parsed.reply;
}

describe("the worker's connection test", () => {
  it("GET {baseUrl}/models with the key as a bearer token; counts the models", async () => {
    const srv = await serve(modelsJson(["a", "b"]));
    expect(await run(request({ provider: "openai", baseUrl: srv.url }))).toEqual({
      id: "w1",
      ok: true,
      kind: "test-connection",
      models: 2,
    });
    expect(srv.requests).toHaveLength(1);
    expect(srv.requests[0]).toMatchObject({ method: "GET", path: "/v1/models" });
    expect(srv.requests[0]!.secretDigests["authorization"]).toBe(secretDigest(`Bearer ${KEY}`));
  });

  it("an OpenRouter listing's prices come back, sourced to the listing and dated", async () => {
    const srv = await serve(openRouterModelsJson([["openai/gpt-5.4-image-2", "0.000008", "0.000015"]]));
    const reply = await run(request({ provider: "openrouter", baseUrl: srv.url, model: "openai/gpt-5.4-image-2" }));
    expect(reply).toMatchObject({
      ok: true,
      models: 1,
      prices: {
        "openai/gpt-5.4-image-2": {
          input: 8,
          output: 15,
          source: `${srv.url}/models`,
          asOf: expect.stringMatching(/^\d{4}-\d\d-\d\d$/),
        },
      },
    });
    expect(srv.requests[0]!.headers["x-title"]).toBe("Figment");
  });

  it.each([
    [401, "unauthorized"],
    [403, "forbidden"],
    [404, "model-not-found"],
    [503, "server"],
  ] as const)("%i comes back as %s, without the key even when the endpoint echoes it", async (status, kind) => {
    const srv = await serve({ kind: "error", status, message: `Nope for ${KEY}` });
    const reply = await run(request({ baseUrl: srv.url }));
    expect(reply).toMatchObject({ ok: false, failure: { reason: kind, data: { status } } });
    expect(JSON.stringify(reply)).not.toContain(KEY);
  });

  it("429 carries the retry-after", async () => {
    const srv = await serve({ kind: "error", status: 429, message: "slow down", headers: { "retry-after": "5" } });
    expect(await run(request({ baseUrl: srv.url }))).toMatchObject({
      ok: false,
      failure: { reason: "rate-limited", data: { status: 429, retryAfterMs: 5000 } },
    });
  });

  it("a closed port is offline; a server that never answers times out; an abort is cancelled", async () => {
    const closed = await startOpenAiServer();
    await closed.close();
    expect(await run(request({ baseUrl: closed.url }))).toMatchObject({ ok: false, failure: { reason: "offline" } });
    const srv = await serve({ kind: "hang" }, { kind: "hang" });
    const started = performance.now();
    expect(await run(request({ baseUrl: srv.url }, KEY, 200))).toMatchObject({
      ok: false,
      failure: { reason: "timeout" },
    });
    expect(performance.now() - started).toBeLessThan(5_000);
    const controller = new AbortController();
    const stopping = run(request({ baseUrl: srv.url }), controller.signal);
    // Cancelled once the second request is on its way (a state), not after a guessed time.
    await srv.requested(2);
    controller.abort();
    expect(await stopping).toMatchObject({
      ok: false,
      failure: { kind: "cancelled" },
    });
  });

  it("a blank key is missing-key, and nothing is sent", async () => {
    const srv = await serve(modelsJson());
    expect(await run(request({ baseUrl: srv.url }, "   "))).toMatchObject({
      ok: false,
      failure: { reason: "missing-key" },
    });
    expect(srv.requests).toHaveLength(0);
  });
});
