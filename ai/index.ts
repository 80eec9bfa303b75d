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
} from "./errors.js";
export type { ModelErrorKind, ModelErrorOptions } from "./errors.js";
export { createClient, OPENROUTER_HEADERS, providerConfig } from "./providers.js";
export type { ApiKind, ClientOptions, ProviderConfig } from "./providers.js";
export { CONNECTION_TIMEOUT_MS, testConnection } from "./connection.js";
export type { ConnectionFailure, ConnectionOptions, ConnectionResult } from "./connection.js";
export { FILES_SCHEMA, FILES_SCHEMA_NAME, parseFilesReply } from "./schema.js";
export type { FilesReply } from "./schema.js";
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
} from "./prompt.js";
export type {
  ChatRefinement,
  ImageDetail,
  PromptInput,
  RefinementImage,
  RequestOptions,
  ResponsesRefinement,
} from "./prompt.js";
export { ProgressReader } from "./progress.js";
export type { ProgressEvent } from "./progress.js";
export {
  countTextTokens,
  estimate,
  estimatePrompt,
  imageTiles,
  imageTokens,
  loadTokenizer,
  pngSize,
} from "./estimate.js";
export type { Estimate, EstimateInput } from "./estimate.js";
export { BATCH_PRICE_FACTOR, batchCost, ESTIMATE_PRICES, priceFor, pricesFromModelsListing } from "./prices.js";
export type { ListingOptions, ModelPrice, SourcedPrice } from "./prices.js";
export { readChatCompletion, readResponse } from "./outcome.js";
export type { ModelOutcome } from "./outcome.js";
export { generateTurn } from "./generate.js";
export type { Conversation, TurnOptions, TurnResult } from "./generate.js";
export { generateModelCode, isBlocking, postProcess, repairInstructions, where } from "./pipeline.js";
export type { Attempt, ModelCodeOptions, ModelCodeResult } from "./pipeline.js";
export * from "./image/index.js";
export * from "./analyze/index.js";
export {
  DEFAULT_EMBEDDING_MODEL,
  embedFrames,
  embedQuery,
  embedTexts,
  frameEmbeddingText,
  MAX_INPUTS_PER_REQUEST,
} from "./embeddings.js";
export type { CachedEmbedding, EmbeddingCache, EmbeddingOptions, FrameEmbeddings } from "./embeddings.js";
export {
  CAPTION_DETAIL,
  CAPTION_INSTRUCTIONS,
  CAPTION_OUTPUT_TOKENS,
  captionFrames,
  cleanCaption,
  DEFAULT_CAPTION_CONCURRENCY,
  isFreshCaption,
} from "./captions.js";
export type { CachedCaption, CaptionCache, CaptionFrame, CaptionOptions, FrameCaptions } from "./captions.js";
export * from "./batch/index.js";
export * from "./verify/index.js";
export { askModel } from "./verify/ask.js";
