/**
 * Captions for Search: a one-time short description of each frame's picture by the vision model (what screen
 * it is, its main content, notable imagery), cached by frame id + content hash + model like embeddings.ts
 * caches vectors, so an unchanged frame is never described again.
 *
 * One frame per request, at most `concurrency` (default 3) in flight: several pictures in one request would
 * make the model say which caption belongs to which picture (models mix them up or merge them), one bad
 * picture or a cut answer would fail them all, and the cache is per frame anyway. The request carries the
 * picture alone: frame names and texts found in designs are DATA and never enter the instructions (they are
 * indexed beside the caption already), so a layer named "ignore previous instructions" cannot steer it.
 * Failures are ModelErrors (errors.ts); captions finished before a failure reach `onCaption`, so nothing
 * made is lost. Pure: fetch-based SDK only, runs in the UI's worker and in Node.
 */
import type { ResponseCreateParamsNonStreaming } from "openai/resources/responses/responses";
import type { ChatCompletionCreateParamsNonStreaming } from "openai/resources/chat/completions";
import { ModelError, throwIfCancelled, toModelError } from "../errors/classify.js";
import { readChatCompletion, readResponse } from "../answer/outcome.js";
import { pngDataUrl } from "../code/prompt.js";
import { CAPTION_DETAIL, CAPTION_INSTRUCTIONS } from "./caption-prompt.js";
import { createClient, type ProviderConfig } from "../client/providers.js";

export { CAPTION_DETAIL, CAPTION_INSTRUCTIONS, CAPTION_OUTPUT_TOKENS } from "./caption-prompt.js";

/** Room for the answer (reasoning models spend some before writing). */
const MAX_OUTPUT_TOKENS = 400;
/** Longest caption kept (the contract's frameCaptionField allows 2,000 characters). */
const MAX_CAPTION_CHARS = 600;
export const DEFAULT_CAPTION_CONCURRENCY = 3;

export interface CaptionFrame {
  id: string;
  /** The frame's content hash (codegen/search/hash.ts): the caption is valid while it is unchanged. */
  hash: string;
  png: Uint8Array;
}

export interface CachedCaption {
  hash: string;
  model: string;
  text: string;
}

/** Captions by frame id. Plain JSON: the CLI keeps it in its cache file, the panel in clientStorage. */
export type CaptionCache = Record<string, CachedCaption>;

export interface CaptionOptions {
  /** The vision model (default: the config's). */
  model?: string;
  signal?: AbortSignal;
  timeoutMs?: number;
  concurrency?: number;
  /** After each frame, cached or described: how many are done of all. */
  onProgress?(done: number, total: number): void;
  /** Each new caption as soon as it is made (kept by the caller even if a later frame fails). */
  onCaption?(id: string, caption: CachedCaption): void;
  fetch?: typeof fetch;
}

export interface FrameCaptions {
  /** The cache for these frames only (deleted frames drop out). */
  cache: CaptionCache;
  /** Ids of the frames described by this call. */
  captioned: string[];
  requests: number;
}

export const isFreshCaption = (entry: CachedCaption | undefined, hash: string, model: string): entry is CachedCaption =>
  entry !== undefined && entry.hash === hash && entry.model === model;

/** The answer as one tidy line, cut at a word near MAX_CAPTION_CHARS. */
export function cleanCaption(text: string): string {
  const line = text
    .replace(/[*_#`>]+/g, "")
    .replace(/\s+/g, " ")
    .trim();
  if (line.length <= MAX_CAPTION_CHARS) return line;
  const cut = line.slice(0, MAX_CAPTION_CHARS);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(" "), MAX_CAPTION_CHARS / 2))}…`;
}

export function captionResponsesRequest(png: Uint8Array, model: string): ResponseCreateParamsNonStreaming {
  return {
    model,
    instructions: CAPTION_INSTRUCTIONS,
    input: [{ role: "user", content: [{ type: "input_image", image_url: pngDataUrl(png), detail: CAPTION_DETAIL }] }],
    max_output_tokens: MAX_OUTPUT_TOKENS,
  };
}

export function captionChatRequest(png: Uint8Array, model: string): ChatCompletionCreateParamsNonStreaming {
  return {
    model,
    messages: [
      { role: "system", content: CAPTION_INSTRUCTIONS },
      { role: "user", content: [{ type: "image_url", image_url: { url: pngDataUrl(png), detail: CAPTION_DETAIL } }] },
    ],
    max_completion_tokens: MAX_OUTPUT_TOKENS,
  };
}

type Client = ReturnType<typeof createClient>;

async function describe(
  client: Client,
  config: Pick<ProviderConfig, "kind">,
  png: Uint8Array,
  model: string,
  signal: AbortSignal,
): Promise<string> {
  const outcome =
    config.kind === "responses"
      ? readResponse(await client.responses.create(captionResponsesRequest(png, model), { signal }))
      : readChatCompletion(await client.chat.completions.create(captionChatRequest(png, model), { signal }));
  // A caption cut at the token limit is still a description: keep what came.
  if (outcome.error && !(outcome.error.reason === "truncated" && outcome.text.trim())) throw outcome.error;
  const text = cleanCaption(outcome.text);
  if (!text) throw new ModelError("bad-output", "The model returned an empty caption.");
  return text;
}

/**
 * A caption for each frame: from the cache when its hash and model match, else described by the model (one
 * frame per request, `concurrency` at a time). The first failure stops the rest and is thrown as a ModelError.
 */
export async function captionFrames(
  config: ProviderConfig,
  frames: readonly CaptionFrame[],
  cache: CaptionCache = {},
  options: CaptionOptions = {},
): Promise<FrameCaptions> {
  const model = options.model ?? config.model;
  const next: CaptionCache = {};
  const stale: CaptionFrame[] = [];
  for (const frame of frames) {
    const entry = cache[frame.id];
    if (isFreshCaption(entry, frame.hash, model)) next[frame.id] = entry;
    else stale.push(frame);
  }
  let done = frames.length - stale.length;
  options.onProgress?.(done, frames.length);
  if (stale.length === 0) return { cache: next, captioned: [], requests: 0 };

  const client = createClient(config, {
    timeoutMs: options.timeoutMs ?? 60_000,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  // One controller for the run: the caller's cancel, or the first failure, stops every request in flight.
  const stop = new AbortController();
  const onAbort = (): void => stop.abort();
  options.signal?.addEventListener("abort", onAbort, { once: true });
  if (options.signal?.aborted) stop.abort();
  const captioned: string[] = [];
  let requests = 0;
  let failure: ReturnType<typeof toModelError> | undefined;
  let cursor = 0;
  const lane = async (): Promise<void> => {
    while (!stop.signal.aborted && cursor < stale.length) {
      const frame = stale[cursor++]!;
      requests++;
      try {
        const text = await describe(client, config, frame.png, model, stop.signal);
        const entry = { hash: frame.hash, model, text };
        next[frame.id] = entry;
        captioned.push(frame.id);
        options.onCaption?.(frame.id, entry);
        options.onProgress?.(++done, frames.length);
      } catch (error) {
        failure ??= toModelError(error, options.signal);
        stop.abort();
      }
    }
  };
  try {
    const lanes = Math.max(1, Math.min(options.concurrency ?? DEFAULT_CAPTION_CONCURRENCY, 8, stale.length));
    await Promise.all(Array.from({ length: lanes }, lane));
  } finally {
    options.signal?.removeEventListener("abort", onAbort);
  }
  throwIfCancelled(options.signal);
  if (failure) throw failure;
  return { cache: next, captioned, requests };
}
