/**
 * The estimate before sending an image request, from the very requests that would be sent (request.ts):
 * input text tokens (o200k_base), reference images by OpenAI's tile rule, the output image tokens for the
 * size and quality (client/prices.ts), and the cost where prices are known. Also the cost of the usage a provider
 * reports afterwards. Call `loadTokenizer()` (ai/estimate/estimate.ts) first.
 */
import { countTextTokens, imageTokens } from "../estimate/estimate.js";
import { batchCost, priceFor, type SourcedPrice } from "../client/prices.js";
import { fromDataUrl, imageInfo } from "./bytes.js";
import type { ImageConfig } from "./config.js";
import { resolveRequest, type ImageRequest } from "./options.js";
import { imagePriceFor, outputTokensPerImage, PARTIAL_IMAGE_TOKENS, type ImageTokenPrice } from "./prices.js";
import { buildImageRequests, inputsOf, type ImagePlan, type PlanOptions } from "./request.js";
import type { ImageUsage } from "./result.js";

export interface ImageEstimate {
  /** Always true: label it as an estimate. */
  estimate: true;
  images: number;
  /** Requests sent (several when each image streams its partials, or on chat endpoints). */
  requests: number;
  textTokens: number;
  /** Reference images (and the image being refined), all requests. */
  imageTokens: number;
  inputTokens: number;
  /** About what one image costs in output tokens; undefined when unknown for the model. */
  outputTokensPerImage: number | undefined;
  /** All images and partial images; undefined when unknown. */
  outputTokens: number | undefined;
  /** USD; undefined when a price or the output tokens are unknown. */
  costUsd: number | undefined;
  /** USD on OpenAI's Batch API (half of costUsd; Images API and Responses requests can be batched). */
  batchCostUsd?: number | undefined;
  /** The prices used, each with its source and date. */
  imagePrice: ImageTokenPrice | undefined;
  modelPrice: SourcedPrice | undefined;
}

/** Every text and image data URL a request carries. */
function contents(plan: ImagePlan): { texts: string[]; dataUrls: string[] } {
  const texts: string[] = [];
  const dataUrls: string[] = [];
  if (plan.api === "images") texts.push(plan.params.prompt);
  else if (plan.api === "responses") {
    if (plan.params.instructions) texts.push(plan.params.instructions);
    for (const item of Array.isArray(plan.params.input) ? plan.params.input : [])
      if ("content" in item && Array.isArray(item.content))
        for (const part of item.content) {
          if (part.type === "input_text") texts.push(part.text);
          else if (part.type === "input_image" && part.image_url) dataUrls.push(part.image_url);
        }
  } else
    for (const message of plan.params.messages) {
      if (typeof message.content === "string") texts.push(message.content);
      else
        for (const part of message.content ?? []) {
          if (part.type === "text") texts.push(part.text);
          else if (part.type === "image_url") dataUrls.push(part.image_url.url);
        }
    }
  return { texts, dataUrls };
}

function tokensOfImage(bytes: Uint8Array | undefined): number {
  const info = bytes ? imageInfo(bytes) : undefined;
  return info ? imageTokens(info.width, info.height, "high") : 0;
}

export function estimateImageRequest(
  config: ImageConfig,
  request: ImageRequest,
  options: PlanOptions & { prices?: Readonly<Record<string, SourcedPrice>> } = {},
): ImageEstimate {
  const r = resolveRequest(request);
  // The mask is not priced (it is no input image) and a large one takes a while to encode: it is left out here.
  const { mask: _unpriced, ...priced } = request;
  const plans = buildImageRequests(config, priced, options);
  let textTokens = 0;
  let images = 0;
  for (const plan of plans) {
    const { texts, dataUrls } = contents(plan);
    textTokens += texts.reduce((sum, text) => sum + countTextTokens(text), 0);
    images +=
      plan.api === "images"
        ? inputsOf(r).reduce((sum, input) => sum + tokensOfImage(input.bytes), 0)
        : dataUrls.reduce((sum, url) => sum + tokensOfImage(fromDataUrl(url)), 0);
  }
  const perImage = outputTokensPerImage(config.imageModel, r.size, r.quality);
  const partials = config.api === "chat" ? 0 : r.partials;
  const outputTokens = perImage === undefined ? undefined : r.count * (perImage + partials * PARTIAL_IMAGE_TOKENS);
  const imagePrice = imagePriceFor(config.imageModel);
  const modelPrice = config.api === "images" ? undefined : priceFor(config.model, options.prices);
  const inputTokens = textTokens + images;
  let costUsd: number | undefined;
  if (outputTokens !== undefined) {
    // Images API: the image model reads and writes. Responses: the model reads, the tool writes. Chat: the
    // model does both, its image output priced at its output rate.
    if (config.api === "images" && imagePrice)
      costUsd =
        (textTokens * imagePrice.textInput + images * imagePrice.imageInput + outputTokens * imagePrice.imageOutput) /
        1e6;
    else if (config.api === "responses" && imagePrice && modelPrice)
      costUsd = (inputTokens * modelPrice.input + outputTokens * imagePrice.imageOutput) / 1e6;
    else if (config.api === "chat" && modelPrice)
      costUsd = (inputTokens * modelPrice.input + outputTokens * modelPrice.output) / 1e6;
  }
  return {
    estimate: true,
    images: r.count,
    requests: plans.length,
    textTokens,
    imageTokens: images,
    inputTokens,
    outputTokensPerImage: perImage,
    outputTokens,
    costUsd,
    ...(config.api !== "chat" ? { batchCostUsd: batchCost(costUsd) } : {}),
    imagePrice,
    modelPrice,
  };
}

/** What reported usage costs at the known prices; undefined when a needed price is unknown. */
export function usageCost(
  config: Pick<ImageConfig, "api" | "model" | "imageModel">,
  usage: ImageUsage,
  prices?: Readonly<Record<string, SourcedPrice>>,
): number | undefined {
  let cost = 0;
  if (usage.image) {
    const price = imagePriceFor(config.imageModel);
    if (!price) return undefined;
    const { inputTokens, inputTextTokens, inputImageTokens, outputTokens } = usage.image;
    const text = inputTextTokens ?? inputTokens - (inputImageTokens ?? 0);
    cost += text * price.textInput + (inputImageTokens ?? 0) * price.imageInput + outputTokens * price.imageOutput;
  }
  if (usage.model) {
    const price = priceFor(config.model, prices);
    if (!price) return undefined;
    cost += usage.model.inputTokens * price.input + usage.model.outputTokens * price.output;
  }
  return cost / 1e6;
}
