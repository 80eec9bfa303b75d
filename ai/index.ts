/**
 * The model client core: providers, request builders, reply reading, streaming progress, estimates and
 * typed errors. Pure TypeScript over the fetch-based OpenAI SDK: runs in the UI iframe and in Node.
 */
export {
  isModerationCode,
  MODEL_ERROR_KINDS,
  MODERATION_CODES,
  ModelError,
  parseRetryAfter,
  toModelError,
} from "./errors/classify.js";
export type { ModelErrorKind, ModelErrorOptions } from "./errors/classify.js";
export { createClient, OPENROUTER_HEADERS, providerConfig } from "./client/providers.js";
export type { ApiKind, ClientOptions, ProviderConfig } from "./client/providers.js";
export { CONNECTION_TIMEOUT_MS, testConnection } from "./client/connection.js";
export type { ConnectionFailure, ConnectionOptions, ConnectionResult } from "./client/connection.js";
export { FILES_SCHEMA, FILES_SCHEMA_NAME, parseFilesReply } from "./code/schema.js";
export type { FilesReply } from "./code/schema.js";
export {
  chatMessages,
  chatRequest,
  delimit,
  DESIGN_TAG,
  DRAFT_TAG,
  escapeDelimiters,
  keptMessages,
  pngDataUrl,
  responsesRequest,
  systemInstructions,
  userTexts,
} from "./code/prompt.js";
export type {
  ChatRefinement,
  ImageDetail,
  PromptInput,
  RefinementImage,
  RequestOptions,
  ResponsesRefinement,
} from "./code/prompt.js";
export { ProgressReader } from "./code/progress.js";
export type { ProgressEvent } from "./code/progress.js";
export {
  countTextTokens,
  estimate,
  estimatePrompt,
  imageTiles,
  imageTokens,
  loadTokenizer,
  pngSize,
} from "./estimate/estimate.js";
export type { Estimate, EstimateInput } from "./estimate/estimate.js";
export { BATCH_PRICE_FACTOR, batchCost, ESTIMATE_PRICES, priceFor, pricesFromModelsListing } from "./client/prices.js";
export type { ListingOptions, ModelPrice, SourcedPrice } from "./client/prices.js";
export { readChatCompletion, readResponse } from "./answer/outcome.js";
export type { ModelOutcome } from "./answer/outcome.js";
export { generateTurn } from "./code/generate.js";
export type { Conversation, TurnOptions, TurnResult } from "./code/generate.js";
export { generateModelCode, isBlocking, postProcess, repairInstructions, where } from "./code/pipeline.js";
export type { Attempt, ModelCodeOptions, ModelCodeResult } from "./code/pipeline.js";
export * from "./image/index.js";
export * from "./analyze/index.js";
export {
  DEFAULT_EMBEDDING_MODEL,
  embedFrames,
  embedQuery,
  embedTexts,
  frameEmbeddingText,
  MAX_INPUTS_PER_REQUEST,
} from "./search/embeddings.js";
export type { CachedEmbedding, EmbeddingCache, EmbeddingOptions, FrameEmbeddings } from "./search/embeddings.js";
export {
  CAPTION_DETAIL,
  CAPTION_INSTRUCTIONS,
  CAPTION_OUTPUT_TOKENS,
  captionFrames,
  cleanCaption,
  DEFAULT_CAPTION_CONCURRENCY,
  isFreshCaption,
} from "./search/captions.js";
export type { CachedCaption, CaptionCache, CaptionFrame, CaptionOptions, FrameCaptions } from "./search/captions.js";
export * from "./batch/index.js";
export * from "./verify/index.js";
export { askModel } from "./verify/ask.js";
