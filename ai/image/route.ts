/**
 * Where an image request goes for these settings, without the SDK (the panel and the worker's estimate need
 * it before any client exists): OpenAI's Images API, or with "Reason first" its Responses API (the settings'
 * model reasons and the image_generation tool draws with gpt-image-2); OpenRouter and compatible endpoints
 * use chat completions with the settings' model. ai/image/config.ts `imageConfig` builds the same route with
 * the client's URL and key (route.test.ts keeps the two in step).
 */
import type { ImageApi } from "./options.js";
import type { Settings } from "../../contract/settings.js";

/** The Images API's model and the Responses tool's (ai/image/config.ts DEFAULT_IMAGE_MODEL). */
export const IMAGE_MODEL = "gpt-image-2";

export interface ImageRoute {
  api: ImageApi;
  /** Images API: the image model; Responses: the model that reasons; chat: the chat model. */
  model: string;
  /** The model that draws (its size rules and prices apply). */
  imageModel: string;
}

export function imageRoute(settings: Pick<Settings, "provider" | "model">, reasonFirst: boolean): ImageRoute {
  if (settings.provider !== "openai") return { api: "chat", model: settings.model, imageModel: settings.model };
  return reasonFirst
    ? { api: "responses", model: settings.model, imageModel: IMAGE_MODEL }
    : { api: "images", model: IMAGE_MODEL, imageModel: IMAGE_MODEL };
}

/** "Reason first" is the Responses API's: only OpenAI's endpoint has it. */
export const canReasonFirst = (settings: Pick<Settings, "provider">): boolean => settings.provider === "openai";
