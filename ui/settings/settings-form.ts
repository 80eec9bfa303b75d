/**
 * The Settings form as the user edits it (text fields stay text until saved), and the checks that turn it
 * into a settings patch. Pure: no preact, no DOM.
 */
import { isKeySlot, keySlot, sdSlot, slotLabel, type KeySlot } from "../../contract/keys.js";
import {
  checkSettingsPatch,
  DEFAULT_SD_URL,
  DEFAULT_SETTINGS,
  PROVIDER_DEFAULTS,
  type Provider,
  type Settings,
} from "../../contract/settings.js";
import type { Form } from "../parts/settings-draft-types.js";

export type { Form };

export const formFrom = (s: Settings): Form => ({
  provider: s.provider,
  baseUrl: s.baseUrl,
  model: s.model,
  target: s.target,
  styling: s.styling,
  maxImageSize: String(s.maxImageSize),
  timeoutSec: String(s.timeoutSec),
  embeddingModel: s.embeddingModel,
  embeddingDimensions: String(s.embeddingDimensions),
  captionModel: s.captionModel,
  batchApiThreshold: String(s.batchApiThreshold),
  imageSource: s.imageSource,
  sdBaseUrl: s.sdBaseUrl,
  sdModel: s.sdModel,
  sdSampler: s.sdSampler,
});

/** What each field's label says, for "unsaved: …" lists. */
export const FIELD_NAMES: Record<keyof Form, string> = {
  provider: "provider",
  baseUrl: "base URL",
  model: "model",
  target: "target",
  styling: "styling",
  maxImageSize: "max image size",
  timeoutSec: "model timeout",
  embeddingModel: "embedding model",
  embeddingDimensions: "embedding dimensions",
  captionModel: "caption model",
  batchApiThreshold: "Batch API threshold",
  imageSource: "image source",
  sdBaseUrl: "SD server URL",
  sdModel: "SD model",
  sdSampler: "SD sampler",
};

export const FIELD_ERRORS: Record<string, string> = {
  baseUrl: "Enter an http:// or https:// URL, or leave it empty for the provider's default.",
  model: "Enter a model name.",
  maxImageSize: "Enter a whole number from 256 to 4096.",
  timeoutSec: "Enter a whole number of seconds from 10 to 900.",
  embeddingModel: "Enter an embedding model name.",
  embeddingDimensions: "Enter a whole number from 16 to 3072.",
  captionModel: "Enter a model name, or leave it empty for the model above.",
  batchApiThreshold: "Enter a whole number of images from 1 to 50,000.",
  sdBaseUrl: `Enter the server's address, such as ${DEFAULT_SD_URL}.`,
};

/** The base URL as it is saved: trimmed, without trailing slashes ("" = the provider's default). */
export const cleanBaseUrl = (baseUrl: string): string => baseUrl.trim().replace(/\/+$/, "");

/** The key slot of the form's endpoint (provider + base URL): the only slot its key is read from or saved to. */
export const formSlot = (form: Pick<Form, "provider" | "baseUrl">): KeySlot =>
  keySlot({ provider: form.provider, baseUrl: cleanBaseUrl(form.baseUrl) });

/** The slot of the form's SD server: the only one its credentials are read from or saved to. */
export const formSdSlot = (form: Pick<Form, "sdBaseUrl">): KeySlot =>
  sdSlot(cleanBaseUrl(form.sdBaseUrl) || DEFAULT_SD_URL);

/**
 * "OpenRouter", "OpenAI at proxy.example", "the SD server at 127.0.0.1:7860", or "this base URL" while the URL is not
 * one yet.
 */
export const slotName = (slot: KeySlot): string => (isKeySlot(slot) ? slotLabel(slot) : "this base URL");

/** The form as a settings patch, or the message for each field that is not valid. */
export function patchFrom(form: Form): { patch: Partial<Settings> } | { errors: Record<string, string> } {
  const { accepted, rejected } = checkSettingsPatch({
    provider: form.provider,
    baseUrl: cleanBaseUrl(form.baseUrl),
    model: form.model.trim() || PROVIDER_DEFAULTS[form.provider].model,
    target: form.target,
    styling: form.styling,
    maxImageSize: Number(form.maxImageSize),
    timeoutSec: Number(form.timeoutSec),
    embeddingModel: form.embeddingModel.trim() || DEFAULT_SETTINGS.embeddingModel,
    // An empty field is a mistake to show, not 0.
    embeddingDimensions: form.embeddingDimensions.trim() === "" ? Number.NaN : Number(form.embeddingDimensions),
    captionModel: form.captionModel.trim(),
    batchApiThreshold: form.batchApiThreshold.trim() === "" ? Number.NaN : Number(form.batchApiThreshold),
    imageSource: form.imageSource,
    sdBaseUrl: cleanBaseUrl(form.sdBaseUrl),
    sdModel: form.sdModel.trim(),
    sdSampler: form.sdSampler.trim(),
  });
  if (rejected.length === 0) return { patch: accepted };
  return {
    errors: Object.fromEntries(rejected.map((key) => [key, FIELD_ERRORS[key] ?? "This value is not allowed."])),
  };
}

/** Switching provider: a model left at the old provider's default follows to the new provider's default. */
export function providerChange(form: Form, provider: Provider): Pick<Form, "provider" | "model"> {
  const followsDefault = form.model.trim() === "" || form.model === PROVIDER_DEFAULTS[form.provider].model;
  return { provider, model: followsDefault ? PROVIDER_DEFAULTS[provider].model : form.model };
}
