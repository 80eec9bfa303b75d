import { describe, expect, it } from "vitest";
import { PROVIDER_DEFAULTS, type Provider } from "../../contract/settings.js";
import { ESTIMATE_PRICES, priceFor, pricesFromModelsListing } from "./prices.js";

const PROVIDERS = Object.keys(PROVIDER_DEFAULTS) as Provider[];

describe("the built-in prices", () => {
  it("price every provider's default model, and the OpenRouter form of the OpenAI default", () => {
    const defaults = PROVIDERS.map((provider) => PROVIDER_DEFAULTS[provider].model);
    const openai = PROVIDER_DEFAULTS.openai.model;
    for (const model of [...defaults, `openai/${openai}`]) {
      expect(Object.hasOwn(ESTIMATE_PRICES, model), `${model} is in the table`).toBe(true);
      expect(priceFor(model), model).toBeDefined();
    }
  });

  it("say where and when each price was read", () => {
    for (const [model, price] of Object.entries(ESTIMATE_PRICES)) {
      expect(new URL(price.source).protocol, model).toBe("https:");
      expect(price.asOf, model).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(
        new Date(`${price.asOf}T00:00:00Z`).toISOString().slice(0, 10),
        `${model}: ${price.asOf} is a real day`,
      ).toBe(price.asOf);
      expect(Date.parse(price.asOf), `${model} is not dated in the future`).toBeLessThanOrEqual(Date.now());
      expect(price.input, model).toBeGreaterThan(0);
      // Embedding models charge for input only.
      if (model.includes("embedding")) expect(price.output, model).toBe(0);
      else expect(price.output, model).toBeGreaterThan(0);
    }
  });

  it("have text-embedding-3-small at $0.02 per 1M input tokens, with or without OpenRouter's prefix", () => {
    for (const model of ["text-embedding-3-small", "openai/text-embedding-3-small"])
      expect(priceFor(model)).toMatchObject({ input: 0.02, output: 0 });
  });

  it("have GPT-5.4 Image 2 at $8 in / $15 out on OpenAI and OpenRouter", () => {
    for (const model of ["gpt-5.4-image-2", "openai/gpt-5.4-image-2"]) {
      expect(priceFor(model)).toEqual({
        input: 8,
        output: 15,
        source: "https://openrouter.ai/openai/gpt-5.4-image-2",
        asOf: "2026-04-23",
      });
    }
  });
});

describe("priceFor", () => {
  const fetched = { source: "https://openrouter.ai/api/v1/models", asOf: "2026-11-20" };

  it("finds a model by exact name, then without its provider prefix", () => {
    expect(priceFor("openai/gpt-4o")).toBe(ESTIMATE_PRICES["gpt-4o"]);
    expect(priceFor("some-lab/unknown")).toBeUndefined();
  });

  it("prefers fetched prices over the built-in table", () => {
    const prices = { "openai/gpt-4o": { input: 2, output: 9, ...fetched } };
    expect(priceFor("openai/gpt-4o", prices)).toEqual({ input: 2, output: 9, ...fetched });
    // The prefixed name is looked up in the fetched prices without its prefix too.
    expect(priceFor("lab/gpt-4o", { "gpt-4o": { input: 3, output: 4, ...fetched } })).toMatchObject({ input: 3 });
    // Fetched prices that do not know the model leave the table in charge.
    expect(priceFor("gpt-5", prices)).toBe(ESTIMATE_PRICES["gpt-5"]);
    expect(priceFor("mystery", { mystery: { input: 1, output: 2, ...fetched } })).toEqual({
      input: 1,
      output: 2,
      ...fetched,
    });
  });
});

describe("pricesFromModelsListing", () => {
  const listing = {
    data: [
      {
        id: "openai/gpt-5.4-image-2",
        name: "OpenAI: GPT-5.4 Image 2",
        pricing: { prompt: "0.000008", completion: "0.000015", image: "0", request: "0" },
      },
      { id: "openai/gpt-4o-mini", pricing: { prompt: "0.00000015", completion: "0.0000006" } },
      { id: "meta/free", pricing: { prompt: "0", completion: "0" } },
      { id: "openrouter/auto", pricing: { prompt: "-1", completion: "-1" } },
      { id: "numbers/ok", pricing: { prompt: 0.0000025, completion: 0.00001 } },
      { id: "half/priced", pricing: { prompt: "0.000001" } },
      { id: "bad/strings", pricing: { prompt: "cheap", completion: "" } },
      { id: "no/pricing" },
      { id: "__proto__", pricing: { prompt: "1", completion: "1" } },
      { pricing: { prompt: "0.1", completion: "0.1" } },
      "not a model",
      null,
    ],
  };

  it("converts USD per token to USD per 1M tokens, with source and date", () => {
    const prices = pricesFromModelsListing(listing, {
      source: "https://openrouter.ai/api/v1/models",
      asOf: "2026-11-20",
    });
    expect(prices).toEqual({
      "openai/gpt-5.4-image-2": {
        input: 8,
        output: 15,
        source: "https://openrouter.ai/api/v1/models",
        asOf: "2026-11-20",
      },
      "openai/gpt-4o-mini": {
        input: 0.15,
        output: 0.6,
        source: "https://openrouter.ai/api/v1/models",
        asOf: "2026-11-20",
      },
      "meta/free": { input: 0, output: 0, source: "https://openrouter.ai/api/v1/models", asOf: "2026-11-20" },
      "numbers/ok": { input: 2.5, output: 10, source: "https://openrouter.ai/api/v1/models", asOf: "2026-11-20" },
    });
    expect(Object.getPrototypeOf(prices)).toBe(Object.prototype);
  });

  it("dates the prices today and names OpenRouter's listing unless told otherwise", () => {
    const prices = pricesFromModelsListing(listing);
    expect(prices["openai/gpt-4o-mini"]?.asOf).toBe(new Date().toISOString().slice(0, 10));
    expect(prices["openai/gpt-4o-mini"]?.source).toBe("https://openrouter.ai/api/v1/models");
  });

  it("gives nothing for bodies that are not such a listing (an OpenAI listing has no pricing)", () => {
    for (const body of [
      undefined,
      null,
      "x",
      42,
      {},
      { data: "x" },
      { data: [{ id: "gpt-5", object: "model", created: 1, owned_by: "openai" }] },
    ]) {
      expect(pricesFromModelsListing(body)).toEqual({});
    }
  });
});
