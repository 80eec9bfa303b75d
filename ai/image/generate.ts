/**
 * `generateImages`: one image request end to end. Checks the parameters (nothing is sent when they fail:
 * ImageOptionsError), builds the requests (request.ts), runs them at once over one SDK client, reports
 * progress, and merges the images (in batch order), usage and text. Cancel (the AbortSignal) or any request
 * failing stops every request at once and nothing is returned; failures are ModelErrors from the classifier.
 */
import { throwIfCancelled, toModelError } from "../errors/classify.js";
import { createClient } from "../client/providers.js";
import { encodeOpenAiMask } from "../mask/convert.js";
import { checkImageRequest, ImageOptionsError } from "./check.js";
import type { ImageConfig } from "./config.js";
import type { ImageRequest } from "./options.js";
import { buildImageRequests, imagesIn, type ImagePlan, type PlanOptions } from "./request.js";
import { sumUsage, type ImageProgress, type ImageResult } from "./result.js";
import type { PlanOutcome, RunContext } from "./run-context.js";
import { runChatPlan } from "./run-chat.js";
import { runImagesPlan } from "./run-images.js";
import { runResponsesPlan } from "./run-responses.js";

/** How long one image request may take by default: high-quality images at large sizes take minutes. */
export const IMAGE_TIMEOUT_MS = 300_000;

export interface GenerateImageOptions extends PlanOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  /** The SDK's retries of 429/5xx before a failure is reported (default 0: the caller decides). */
  maxRetries?: number;
  fetch?: typeof fetch;
  onProgress?: (event: ImageProgress) => void;
}

function runPlan(plan: ImagePlan, context: RunContext): Promise<PlanOutcome> {
  if (plan.api === "images") return runImagesPlan(plan, context);
  if (plan.api === "responses") return runResponsesPlan(plan, context);
  return runChatPlan(plan, context);
}

const joined = (texts: string[]): string => texts.filter((t) => t.trim()).join("\n\n");

/** Throws ImageOptionsError (nothing sent), Cancelled, or ModelError (moderation, rate-limited, …). */
export async function generateImages(
  config: ImageConfig,
  request: ImageRequest,
  options: GenerateImageOptions = {},
): Promise<ImageResult> {
  const check = checkImageRequest(config, request);
  if (check.problems.length > 0) throw new ImageOptionsError(check.problems);
  throwIfCancelled(options.signal);
  // The mask's PNG, encoded once off the platform's deflate; buildImageRequests then finds it made.
  if (request.mask) await encodeOpenAiMask(request.mask);
  const plans = buildImageRequests(config, request, options);
  const client = createClient(config, {
    timeoutMs: options.timeoutMs ?? IMAGE_TIMEOUT_MS,
    maxRetries: options.maxRetries ?? 0,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  // One controller for the batch: the caller's cancel, or the first failure, stops every request.
  const controller = new AbortController();
  const cancel = (): void => controller.abort();
  options.signal?.addEventListener("abort", cancel, { once: true });
  const emit = (event: ImageProgress): void => {
    if (!controller.signal.aborted) options.onProgress?.(event);
  };
  let first = 0;
  const runs = plans.map((plan) => {
    const context: RunContext = { client, signal: controller.signal, first, expected: imagesIn(plan), emit };
    first += imagesIn(plan);
    return runPlan(plan, context);
  });
  let outcomes: PlanOutcome[];
  try {
    outcomes = await Promise.all(runs);
  } catch (error) {
    // Classified before the other requests are stopped: only the caller's own abort is a cancel.
    const failure = toModelError(error, options.signal);
    controller.abort();
    throw failure;
  } finally {
    options.signal?.removeEventListener("abort", cancel);
  }
  throwIfCancelled(options.signal);

  const images = outcomes.flatMap((o) => o.images);
  const usage = sumUsage(outcomes.map((o) => o.usage));
  const responseId = outcomes.find((o) => o.responseId)?.responseId;
  const conversation = outcomes.find((o) => o.conversation)?.conversation;
  const revisedPrompt = images.find((i) => i.revisedPrompt)?.revisedPrompt;
  return {
    images,
    api: config.api,
    model: config.model,
    imageModel: config.imageModel,
    ...(responseId ? { responseId } : {}),
    ...(revisedPrompt ? { revisedPrompt } : {}),
    reasoning: joined(outcomes.map((o) => o.reasoning)),
    message: joined(outcomes.map((o) => o.message)),
    ...(usage ? { usage } : {}),
    ...(conversation ? { conversation } : {}),
    partials: outcomes.reduce((n, o) => n + o.partials, 0),
  };
}
