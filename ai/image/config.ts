/**
 * Where an image request goes: OpenAI's Images API (default) or Responses API with the image_generation tool,
 * or chat completions with image output on OpenRouter and other OpenAI-compatible endpoints. Built from the
 * same settings and key as the code path (ai/client/providers.ts), with the image models' own defaults.
 */
import { DEFAULT_SETTINGS, type Provider, type Settings } from "../../contract/settings.js";
import { providerConfig } from "../client/providers.js";
import type { ImageApi } from "./options.js";

/** The Images API's model, and the model the Responses API's image_generation tool draws with. */
export const DEFAULT_IMAGE_MODEL = "gpt-image-2";

export interface ImageConfig {
  api: ImageApi;
  provider: Provider;
  baseURL: string;
  apiKey: string;
  headers: Record<string, string>;
  /** Images API: the image model; Responses: the model that reasons and calls the tool; chat: the chat model. */
  model: string;
  /** The model that draws: the Images API's or chat model itself, or the Responses tool's model. */
  imageModel: string;
}

export interface ImageConfigOptions {
  /** OpenAI only: "images" (default) or "responses". OpenRouter and custom endpoints always use chat. */
  api?: "images" | "responses";
  /** The model for the chosen API (see ImageConfig.model); the provider's default when absent. */
  model?: string;
  /** The Responses tool's image model (default gpt-image-2). */
  imageModel?: string;
}

/**
 * The image config for these settings and key. Throws a `missing-key` ModelError when the key is empty.
 * The settings' model is the code model; it is used as the Responses and chat model unless `model` is given,
 * while the Images API defaults to gpt-image-2.
 */
export function imageConfig(
  settings: Pick<Settings, "provider" | "baseUrl" | "model">,
  apiKey: string,
  options: ImageConfigOptions = {},
): ImageConfig {
  const chatModel = settings.provider !== "openai" && options.model?.trim() ? { model: options.model.trim() } : {};
  const base = providerConfig(
    {
      ...DEFAULT_SETTINGS,
      provider: settings.provider,
      baseUrl: settings.baseUrl,
      model: settings.model,
      ...chatModel,
    },
    apiKey,
  );
  const api: ImageApi = settings.provider === "openai" ? (options.api ?? "images") : "chat";
  const imageModel = options.imageModel?.trim() || DEFAULT_IMAGE_MODEL;
  const model = api === "images" ? options.model?.trim() || DEFAULT_IMAGE_MODEL : options.model?.trim() || base.model;
  return {
    api,
    provider: settings.provider,
    baseURL: base.baseURL,
    apiKey: base.apiKey,
    headers: base.headers,
    model,
    imageModel: api === "responses" ? imageModel : model,
  };
}

/** The path of the endpoint a request goes to (for display: "/images/edits", "/responses", …). */
export function imagePath(api: ImageApi, edit: boolean): string {
  if (api === "images") return edit ? "/images/edits" : "/images/generations";
  return api === "responses" ? "/responses" : "/chat/completions";
}
