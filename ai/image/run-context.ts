/** What each request of a several-image generation runs with, and what it gives back to be merged into the result. */
import type OpenAI from "openai";
import type { ImageConversation } from "./options.js";
import { ModelError } from "../errors/classify.js";
import type { GeneratedImage, ImageProgress, ImageUsage } from "./result.js";

export interface RunContext {
  client: OpenAI;
  /** Aborts this request (the caller's cancel, or another request of the batch failing). */
  signal: AbortSignal;
  /** The batch index of this request's first image. */
  first: number;
  /** How many images this request asked for: an answer with more is malformed. */
  expected: number;
  emit(event: ImageProgress): void;
}

export interface PlanOutcome {
  images: GeneratedImage[];
  usage?: ImageUsage;
  responseId?: string;
  reasoning: string;
  message: string;
  conversation?: ImageConversation;
  partials: number;
}

/** Keeps an image of the answer (and shows it), refusing one more than the request asked for. */
export function keepImage(images: GeneratedImage[], image: GeneratedImage, context: RunContext): void {
  if (images.length >= context.expected) {
    throw new ModelError("bad-output", `The endpoint sent more images than the ${context.expected} asked for.`);
  }
  context.emit({ type: "image", image: context.first + images.length, result: image });
  images.push(image);
}
