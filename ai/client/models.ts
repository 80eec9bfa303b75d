/**
 * Which model each request uses on the settings' endpoint, apart from the client (providers.ts) so the panel
 * can name and price them without loading the SDK. Pure.
 */
import { DEFAULT_SETTINGS, PROVIDER_DEFAULTS, type Settings } from "../../contract/settings.js";

/**
 * The model for the provider: the user's model, except that the OpenAI default name is mapped to the
 * provider's own default (OpenRouter needs the `openai/` prefix).
 */
export function modelFor(settings: Settings): string {
  const model = settings.model.trim();
  if (!model || model === PROVIDER_DEFAULTS.openai.model) return PROVIDER_DEFAULTS[settings.provider].model;
  return model;
}

/**
 * Search's models on the settings' endpoint (same base URL and key): the embedding model — the OpenAI default
 * name gets OpenRouter's `openai/` prefix there — and the caption model ("" = the settings' vision model).
 */
export function searchModelsFor(settings: Settings): { embedding: string; caption: string } {
  const embedding = settings.embeddingModel.trim() || DEFAULT_SETTINGS.embeddingModel;
  const prefixed =
    settings.provider === "openrouter" && embedding === DEFAULT_SETTINGS.embeddingModel
      ? `openai/${embedding}`
      : embedding;
  return { embedding: prefixed, caption: settings.captionModel.trim() || modelFor(settings) };
}
