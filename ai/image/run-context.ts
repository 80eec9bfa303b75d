/** What each request of an image batch runs with, and what it gives back to be merged into the result. */
import type OpenAI from "openai";
import type { ImageConversation } from "./options.js";
import type { GeneratedImage, ImageProgress, ImageUsage } from "./result.js";

export interface RunContext {
  client: OpenAI;
  /** Aborts this request (the caller's cancel, or another request of the batch failing). */
  signal: AbortSignal;
  /** The batch index of this request's first image. */
  first: number;
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
