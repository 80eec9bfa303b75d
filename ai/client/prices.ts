/**
 * Model prices for the estimate, each with where it was read and when: a small built-in table of list
 * prices, and prices read from an OpenRouter-style `GET /models` listing, which win over the table. Prices
 * change and providers round differently, so every cost made from them is an estimate ("about"), never a
 * quote. Pure: no DOM, no Node.
 */

/** USD per 1M tokens. */
export interface ModelPrice {
  input: number;
  output: number;
}

/** A price with its source (a URL) and the day it was read there (ISO date, YYYY-MM-DD). */
export interface SourcedPrice extends ModelPrice {
  source: string;
  asOf: string;
}

const OPENAI_PRICING = "https://platform.openai.com/docs/pricing";
/** The day the OpenAI list prices below were taken from OPENAI_PRICING (standard tier). */
const OPENAI_LIST_DATE = "2025-08-07";
const openai = (input: number, output: number): SourcedPrice => ({
  input,
  output,
  source: OPENAI_PRICING,
  asOf: OPENAI_LIST_DATE,
});

/** GPT-5.4 Image 2 costs the same on OpenAI and on OpenRouter (both listings checked that day). */
const GPT_5_4_IMAGE_2: SourcedPrice = {
  input: 8,
  output: 15,
  source: "https://openrouter.ai/openai/gpt-5.4-image-2",
  asOf: "2026-04-23",
};

/**
 * text-embedding-3-small: $0.02 per 1M input tokens, nothing for output; the same on OpenAI and on OpenRouter
 * (read on OpenRouter's model page that day).
 */
const TEXT_EMBEDDING_3_SMALL: SourcedPrice = {
  input: 0.02,
  output: 0,
  source: "https://openrouter.ai/openai/text-embedding-3-small",
  asOf: "2026-11-23",
};

/**
 * Built-in list prices (USD per 1M tokens, standard tier), for the estimate only. Every default model of
 * contract/settings.ts has one (ai/client/prices.test.ts checks). A provider prefix is optional in lookups
 * (`openai/gpt-4o` finds `gpt-4o`); OpenRouter's id of the default is listed as itself all the same.
 */
export const ESTIMATE_PRICES: Readonly<Record<string, SourcedPrice>> = {
  "gpt-5.4-image-2": GPT_5_4_IMAGE_2,
  "openai/gpt-5.4-image-2": GPT_5_4_IMAGE_2,
  "gpt-4o": openai(2.5, 10),
  "gpt-4o-mini": openai(0.15, 0.6),
  "gpt-4.1": openai(2, 8),
  "gpt-4.1-mini": openai(0.4, 1.6),
  "gpt-5": openai(1.25, 10),
  "gpt-5-mini": openai(0.25, 2),
  "text-embedding-3-small": TEXT_EMBEDDING_3_SMALL,
  "openai/text-embedding-3-small": TEXT_EMBEDDING_3_SMALL,
};

/**
 * What OpenAI's Batch API charges against the standard price: half, for inputs and outputs alike
 * (https://platform.openai.com/docs/guides/batch: "a 50% cost discount compared to synchronous APIs").
 */
export const BATCH_PRICE_FACTOR = 0.5;

/** The Batch API's cost for a standard-price estimate (undefined stays undefined). */
export function batchCost(costUsd: number | undefined): number | undefined {
  return costUsd === undefined ? undefined : costUsd * BATCH_PRICE_FACTOR;
}

function lookup(prices: Readonly<Record<string, SourcedPrice>>, model: string): SourcedPrice | undefined {
  if (Object.hasOwn(prices, model)) return prices[model];
  const bare = model.slice(model.lastIndexOf("/") + 1);
  return Object.hasOwn(prices, bare) ? prices[bare] : undefined;
}

/**
 * The price of `model`: from `fetched` (e.g. the endpoint's own listing) when it has one, else from the
 * built-in table. Each is searched by exact name, then without a provider prefix.
 */
export function priceFor(model: string, fetched?: Readonly<Record<string, SourcedPrice>>): SourcedPrice | undefined {
  return (fetched && lookup(fetched, model)) ?? lookup(ESTIMATE_PRICES, model);
}

/** USD per token as OpenRouter writes it ("0.000008" or a number); undefined when absent or variable (negative). */
function perToken(value: unknown): number | undefined {
  const number =
    typeof value === "number" ? value : typeof value === "string" && value.trim() !== "" ? Number(value) : Number.NaN;
  return Number.isFinite(number) && number >= 0 ? number : undefined;
}

/** Per token → per 1M tokens, rounded to a millionth of a dollar so "0.000008" gives 8, not 7.999999999999999. */
const perMillion = (usdPerToken: number): number => Math.round(usdPerToken * 1e12) / 1e6;

export interface ListingOptions {
  /** Where the listing came from (default OpenRouter's public `GET /models`). */
  source?: string;
  /** The day it was read (default today, UTC). */
  asOf?: string;
}

/**
 * Prices from a `GET /models` listing in OpenRouter's shape: `{ data: [{ id, pricing: { prompt, completion } }] }`
 * with USD per token as decimal strings. Read defensively: models without a numeric prompt and completion
 * price, or with a negative one (OpenRouter's "-1" means variable), are skipped; anything else in the body
 * is ignored. An OpenAI listing (no `pricing`) gives {}.
 */
export function pricesFromModelsListing(body: unknown, options: ListingOptions = {}): Record<string, SourcedPrice> {
  const source = options.source ?? "https://openrouter.ai/api/v1/models";
  const asOf = options.asOf ?? new Date().toISOString().slice(0, 10);
  const prices: Record<string, SourcedPrice> = {};
  const data = typeof body === "object" && body !== null ? (body as { data?: unknown }).data : undefined;
  if (!Array.isArray(data)) return prices;
  for (const model of data as unknown[]) {
    if (typeof model !== "object" || model === null) continue;
    const { id, pricing } = model as { id?: unknown; pricing?: unknown };
    // "__proto__" would set the record's prototype instead of adding a price.
    if (typeof id !== "string" || id === "" || id === "__proto__" || typeof pricing !== "object" || pricing === null)
      continue;
    const input = perToken((pricing as { prompt?: unknown }).prompt);
    const output = perToken((pricing as { completion?: unknown }).completion);
    if (input === undefined || output === undefined) continue;
    prices[id] = { input: perMillion(input), output: perMillion(output), source, asOf };
  }
  return prices;
}
