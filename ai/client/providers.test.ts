import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, type Settings } from "../../contract/settings.js";
import { ModelError } from "../errors/classify.js";
import { createClient, OPENROUTER_HEADERS, providerConfig } from "./providers.js";

const settings = (patch: Partial<Settings>): Settings => ({ ...DEFAULT_SETTINGS, ...patch });

describe("providerConfig", () => {
  it("uses the Responses API for OpenAI", () => {
    expect(providerConfig(settings({ provider: "openai" }), " sk-test ")).toEqual({
      kind: "responses",
      baseURL: "https://api.openai.com/v1",
      model: "gpt-5.4-image-2",
      apiKey: "sk-test",
      headers: {},
    });
  });

  it("uses chat completions, the prefixed default model and attribution headers for OpenRouter", () => {
    const config = providerConfig(settings({ provider: "openrouter" }), "or-key");
    expect(config.kind).toBe("chat");
    expect(config.baseURL).toBe("https://openrouter.ai/api/v1");
    expect(config.model).toBe("openai/gpt-5.4-image-2");
    expect(config.headers).toEqual(OPENROUTER_HEADERS);
    expect(Object.keys(config.headers).sort()).toEqual(["X-Title"]);
  });

  it("keeps a user's model and base URL for custom endpoints", () => {
    const config = providerConfig(
      settings({ provider: "custom", baseUrl: "http://127.0.0.1:9999/v1/", model: "llava" }),
      "x",
    );
    expect(config).toEqual({
      kind: "chat",
      baseURL: "http://127.0.0.1:9999/v1",
      model: "llava",
      apiKey: "x",
      headers: {},
    });
  });

  it("throws missing-key for an empty key", () => {
    expect(() => providerConfig(settings({}), "  ")).toThrow(ModelError);
    try {
      providerConfig(settings({}), "");
    } catch (error) {
      expect((error as ModelError).reason).toBe("missing-key");
    }
  });
});

describe("createClient", () => {
  it("configures the SDK without retries and with the given fetch, timeout and headers", async () => {
    const seen: { url: string; headers: Headers }[] = [];
    const fakeFetch = (async (url: string | URL | Request, init?: RequestInit) => {
      seen.push({ url: String(url), headers: new Headers(init?.headers) });
      return new Response(JSON.stringify({ error: { message: "no" } }), {
        status: 500,
        headers: { "content-type": "application/json" },
      });
    }) as typeof fetch;
    const config = providerConfig(settings({ provider: "openrouter" }), "or-key");
    const client = createClient(config, { timeoutMs: 1234, fetch: fakeFetch });
    expect(client.timeout).toBe(1234);
    expect(client.maxRetries).toBe(0);
    await expect(client.chat.completions.create({ model: config.model, messages: [] })).rejects.toThrow();
    expect(seen).toHaveLength(1); // no retry
    expect(seen[0]!.url).toBe("https://openrouter.ai/api/v1/chat/completions");
    expect(seen[0]!.headers.get("x-title")).toBe("Figment");
    expect(seen[0]!.headers.get("authorization")).toBe("Bearer or-key");
  });
});
