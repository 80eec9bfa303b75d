/**
 * Search's model work inside the worker: captions of frames' pictures (ai/search/captions.ts), vectors of their text
 * + caption (ai/search/embeddings.ts, many frames per request), and a typed query's vector. Each caption and each
 * batch of vectors goes to the panel as an event the moment it exists, so a cancel or a failure keeps what
 * was made. Vectors leave encoded (contract/vector-codec.ts). Loaded on first use, like model-job.ts (the
 * openai SDK's start-up).
 */
import { captionFrames } from "../../../ai/search/captions.js";
import { searchEmbeddingText } from "../../../ai/search/embedding-text.js";
import { embedTexts, MAX_INPUTS_PER_REQUEST } from "../../../ai/search/embeddings.js";
import { providerConfig, searchModelsFor } from "../../../ai/client/providers.js";
import type { FrameVector } from "../../../contract/search.js";
import { encodeVector } from "../../../contract/vector-codec.js";
import type { ReplyOf, RequestOf } from "../protocol/index.js";
import type { JobContext } from "./job.js";

export async function searchCaptions(
  request: RequestOf<"search-captions">,
  { signal, emit }: JobContext<"search-captions">,
): Promise<ReplyOf<"search-captions">> {
  const config = providerConfig(request.settings, request.apiKey);
  const { caption } = searchModelsFor(request.settings);
  const result = await captionFrames(
    config,
    request.frames,
    {},
    {
      model: caption,
      signal,
      timeoutMs: request.timeoutMs,
      onCaption: (frameId, entry) => emit({ type: "search-caption", frameId, caption: entry }),
    },
  );
  return { captioned: result.captioned.length, requests: result.requests };
}

export async function searchEmbed(
  request: RequestOf<"search-embed">,
  { signal, emit }: JobContext<"search-embed">,
): Promise<ReplyOf<"search-embed">> {
  const config = providerConfig(request.settings, request.apiKey);
  const model = searchModelsFor(request.settings).embedding;
  const dimensions = request.settings.embeddingDimensions;
  let requests = 0;
  // One request per batch, each batch's vectors sent before the next is asked: a later failure loses none.
  for (let start = 0; start < request.frames.length; start += MAX_INPUTS_PER_REQUEST) {
    const batch = request.frames.slice(start, start + MAX_INPUTS_PER_REQUEST);
    const reply = await embedTexts(
      config,
      batch.map((f) => searchEmbeddingText(f.doc, f.caption)),
      { model, dimensions, signal, timeoutMs: request.timeoutMs },
    );
    requests += reply.requests;
    const vectors: Record<string, FrameVector> = {};
    batch.forEach((frame, i) => {
      const vector = reply.vectors[i]!;
      vectors[frame.doc.id] = { hash: frame.doc.hash, model, dimensions: vector.length, vector: encodeVector(vector) };
    });
    emit({ type: "search-vectors", vectors });
  }
  return { embedded: request.frames.length, requests };
}

export async function searchQuery(
  request: RequestOf<"search-query">,
  { signal }: JobContext<"search-query">,
): Promise<ReplyOf<"search-query">> {
  const config = providerConfig(request.settings, request.apiKey);
  const model = searchModelsFor(request.settings).embedding;
  const { vectors } = await embedTexts(config, [request.text], {
    model,
    dimensions: request.settings.embeddingDimensions,
    signal,
    timeoutMs: request.timeoutMs,
  });
  const vector = vectors[0]!;
  return { vector: encodeVector(vector), model, dimensions: vector.length };
}
