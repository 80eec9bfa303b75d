/**
 * `figment search DESIGN.json QUERY`: ranks the design's top-level frames (all pages) for the query with the
 * same index the panel uses (codegen/search). With --ai the frames and the query are embedded (ai/search/embeddings.ts)
 * for hybrid ranking; --cache FILE keeps the frames' and the queries' vectors between runs (cache.ts). Keys and model
 * failures as for `figment code --ai` (cli/common/api-keys.ts, model-errors.ts).
 */
import { DEFAULT_EMBEDDING_MODEL, embedFrames, embedQuery } from "../../ai/search/embeddings.js";
import { ModelError } from "../../ai/errors/classify.js";
import { Cancelled, isCancelled } from "../../kernel/cancelled.js";
import { providerConfig, type ProviderConfig } from "../../ai/client/providers.js";
import { frameDocs, type FrameDoc } from "../../codegen/search/frame-doc.js";
import { createFrameIndex, searchFrames, type FrameHit, type FrameIndex } from "../../codegen/search/frame-index.js";
import { DEFAULT_SETTINGS } from "../../contract/settings.js";
import { keyFor } from "../common/api-keys.js";
import { readDesign, type Output, type RunContext } from "../common/design-files.js";
import { reportModelError } from "../common/model-errors.js";
import type { SearchArgs } from "./args.js";
import { queryKey, readSearchCache, rememberQuery, writeSearchCache } from "./cache.js";
import { plural } from "../../kernel/plural.js";

const STEPS = {
  "bad-request": () =>
    "The endpoint rejected the embeddings request; check --model (an embedding model) and --dimensions.",
  "model-not-found": () =>
    "Check --model and --base-url: the endpoint does not serve this embedding model at /embeddings.",
  timeout: () => "The embeddings request took too long; try again or raise --timeout (seconds).",
};

function embeddingModel(args: SearchArgs): string {
  return args.model ?? (args.provider === "openrouter" ? `openai/${DEFAULT_EMBEDDING_MODEL}` : DEFAULT_EMBEDDING_MODEL);
}

/** The hybrid index and query vector, or a ModelError for the caller to report. */
async function aiIndex(
  args: SearchArgs,
  docs: FrameDoc[],
  config: ProviderConfig,
  io: Output,
  context: RunContext,
): Promise<{ index: FrameIndex; vector: number[] }> {
  const cache = args.cache ? await readSearchCache(args.cache) : { embeddings: {}, queries: {} };
  const options = {
    model: embeddingModel(args),
    timeoutMs: args.timeoutSec * 1000,
    ...(args.dimensions ? { dimensions: args.dimensions } : {}),
    ...(context.signal ? { signal: context.signal } : {}),
  };
  const frames = await embedFrames(config, docs, cache.embeddings, options);
  io.err(
    `figment: embedded ${frames.embedded.length} of ${docs.length} frames (${plural(frames.requests, "request")}, ` +
      `${options.model})${args.cache ? `; ${docs.length - frames.embedded.length} from ${args.cache}` : ""}`,
  );
  // Written before the query is embedded, so the frames' vectors are kept even when that request fails.
  if (args.cache) await writeSearchCache(args.cache, { embeddings: frames.cache, queries: cache.queries });
  const key = queryKey(args.query, options.model, args.dimensions, config.baseURL);
  const vector = cache.queries[key] ?? (await embedQuery(config, args.query, options));
  if (args.cache)
    await writeSearchCache(args.cache, {
      embeddings: frames.cache,
      queries: rememberQuery(cache.queries, key, vector),
    });
  const index = await createFrameIndex(
    docs.map((doc) => ({ ...doc, embedding: frames.vectors.get(doc.id)! })),
    vector.length,
  );
  return { index, vector };
}

/**
 * Prints the hits; the exit code is 1 when there are none (nothing found, as grep), which is said plainly, not as an
 * error.
 */
function print(hits: FrameHit[], args: SearchArgs, io: Output): number {
  if (args.json)
    io.out(JSON.stringify({ results: hits.map(({ id, name, page, score }) => ({ id, name, page, score })) }, null, 2));
  else if (hits.length === 0) io.err(`no frame matches "${args.query}"`);
  const short = (name: string): string => (name.length > 60 ? `${name.slice(0, 59)}…` : name).replace(/\s+/g, " ");
  if (!args.json) for (const hit of hits) io.out(`${hit.score.toFixed(3)}\t${hit.id}\t${hit.page}\t${short(hit.name)}`);
  return hits.length === 0 ? 1 : 0;
}

export async function searchCommand(args: SearchArgs, io: Output, context: RunContext = {}): Promise<number> {
  const json = await readDesign(args.input!, io);
  const docs = frameDocs(json);
  if (!args.ai) {
    return print(await searchFrames(await createFrameIndex(docs), { term: args.query, limit: args.top }), args, io);
  }
  try {
    const settings = { ...DEFAULT_SETTINGS, provider: args.provider, baseUrl: args.baseUrl ?? "" };
    const config = providerConfig(settings, keyFor(args.provider, context.env ?? process.env, io));
    const { index, vector } = await aiIndex(args, docs, config, io, context);
    return print(await searchFrames(index, { term: args.query, vector, limit: args.top }), args, io);
  } catch (error) {
    if (isCancelled(error)) throw new Cancelled("cancelled");
    if (!(error instanceof ModelError)) throw error;
    return reportModelError(error, args.provider, io, STEPS);
  }
}
