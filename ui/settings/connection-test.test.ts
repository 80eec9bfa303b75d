import { describe, expect, it } from "vitest";
import { modelsUrl, testConnection } from "./connection-test.js";

const respond = (status: number, body: unknown = {}) => async () => new Response(JSON.stringify(body), { status });

describe("testConnection", () => {
  it("builds {baseUrl}/models and sends the key as a bearer token", async () => {
    let seen: { url: string; auth: string | null } | undefined;
    const result = await testConnection({
      baseUrl: "https://api.openai.com/v1/",
      apiKey: "sk-secret",
      fetch: async (input, init) => {
        seen = { url: String(input), auth: new Headers(init?.headers).get("Authorization") };
        return new Response(JSON.stringify({ data: [{ id: "a" }, { id: "b" }] }), { status: 200 });
      },
    });
    expect(seen).toEqual({ url: "https://api.openai.com/v1/models", auth: "Bearer sk-secret" });
    expect(result).toEqual({ ok: true, models: 2, message: "Connected to api.openai.com: 2 models available." });
  });

  it("explains 401, 404 and others without revealing the key", async () => {
    const base = { baseUrl: "https://openrouter.ai/api/v1", apiKey: "sk-secret" };
    const r401 = await testConnection({ ...base, fetch: respond(401) });
    expect(r401).toMatchObject({ ok: false, kind: "unauthorized" });
    expect(r401.message).toContain("401");
    const r404 = await testConnection({ ...base, fetch: respond(404) });
    expect(r404).toMatchObject({ ok: false, kind: "not-found" });
    expect(r404.message).toContain("/api/v1/models");
    expect(await testConnection({ ...base, fetch: respond(503) })).toMatchObject({ ok: false, kind: "server" });
    for (const r of [r401, r404]) expect(r.message).not.toContain("sk-secret");
  });

  it("explains network errors and timeouts", async () => {
    const network = await testConnection({ baseUrl: "http://localhost:9/v1", apiKey: null, fetch: async () => Promise.reject(new TypeError("Failed to fetch")) });
    expect(network).toMatchObject({ ok: false, kind: "network" });
    expect(network.message).toContain("Could not reach localhost:9");
    const timeout = await testConnection({
      baseUrl: "http://localhost:9/v1",
      apiKey: null,
      timeoutMs: 20,
      fetch: (_input, init) =>
        new Promise((_, reject) => init?.signal?.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError")))),
    });
    expect(timeout).toMatchObject({ ok: false, kind: "timeout" });
  });

  it("refuses a base URL that is not http(s)", async () => {
    expect(modelsUrl("ftp://x")).toBeUndefined();
    expect(await testConnection({ baseUrl: "not a url", apiKey: null, fetch: respond(200) })).toMatchObject({ ok: false, kind: "bad-url" });
  });
});
