/**
 * Image generation over the openai SDK: the OpenAI Images API, the Responses API's image_generation tool,
 * and chat completions with image output (OpenRouter, compatible endpoints). Typed options with checks
 * before sending, an AbortSignal, progress (partial images, reasoning and message text, usage), results as
 * bytes with format, pixel size, response id, revised prompt and usage, the request bodies for estimates
 * and benches, and the estimate itself. Pure: runs in the panel's worker and in Node.
 */
export { fromDataUrl, imageInfo, MIME, toDataUrl } from "./bytes.js";
export type { ImageInfo } from "./bytes.js";
export { checkImageRequest, ImageOptionsError } from "./check.js";
export type { ImageCheck, ImageField, ImageProblem } from "./check.js";
export { DEFAULT_IMAGE_MODEL, imageConfig, imagePath } from "./config.js";
export type { ImageConfig, ImageConfigOptions } from "./config.js";
export { estimateImageRequest, usageCost } from "./estimate.js";
export type { ImageEstimate } from "./estimate.js";
export { generateImages, IMAGE_TIMEOUT_MS } from "./generate.js";
export type { GenerateImageOptions } from "./generate.js";
export {
  FIXED_SIZES,
  FLEXIBLE,
  nearestFlexibleSize,
  sameShape,
  SHAPE_TOLERANCE,
  sizeForFrame,
  sizeKeepingShape,
  sizeProblem,
  sizeRule,
} from "./limits.js";
export type { SizeRule } from "./limits.js";
export {
  IMAGE_APIS,
  IMAGE_BACKGROUNDS,
  IMAGE_DEFAULTS,
  IMAGE_FORMATS,
  IMAGE_QUALITIES,
  MAX_IMAGES,
  MAX_PARTIALS,
  MAX_PROMPT_CHARS,
  MAX_REFERENCES,
  MIN_IMAGES,
  parseSize,
  resolveRequest,
  SIZE_PRESETS,
  sizeText,
} from "./options.js";
export type {
  ImageApi,
  ImageBackground,
  ImageConversation,
  ImageFormat,
  ImageInput,
  ImageQuality,
  ImageRefinement,
  ImageRequest,
  ImageSize,
  ResolvedImageRequest,
  ServedFormat,
  SizeChoice,
} from "./options.js";
export {
  GPT_IMAGE_2_OUTPUT_TOKENS,
  GPT_IMAGE_2_PRICE,
  imagePriceFor,
  outputTokensPerImage,
  PARTIAL_IMAGE_TOKENS,
} from "./prices.js";
export type { ImageTokenPrice } from "./prices.js";
export { designBlock, imageInstructions, imagesPrompt, requestText } from "./prompt.js";
export { buildImageRequests, imagesIn, inputsOf } from "./request.js";
export type { ChatImageParams, ImagePlan, PlanOptions } from "./request.js";
export { decodeImage, imageFromBytes, sumUsage } from "./result.js";
export type { GeneratedImage, ImageProgress, ImageResult, ImageUsage, TokenCounts } from "./result.js";
