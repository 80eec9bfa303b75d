/**
 * Settings: one field (type + check) per key and a default per key, so a value from an older version or a
 * damaged store falls back to its default instead of breaking the plugin. Pure (no `figma`), shared by
 * every side. API keys are not settings: they live under their own clientStorage keys, one per key slot
 * (contract/keys.ts), and travel separately.
 */
import { boolean, custom, number, object, oneOf, optional, string, type Field, type Infer } from "./fields.js";
import { DEFAULT_SEARCH_DIMENSIONS } from "./limits.js";
import { IMAGE_SOURCES, PROVIDERS, STYLINGS, TARGETS, type Provider, type Styling } from "./words.js";

export type { Provider } from "./words.js";

/** An http(s) URL without spaces, or "" for the provider's default. */
const baseUrl = custom<string>("an http:// or https:// URL, or empty", (v) =>
  typeof v === "string" && (v === "" || /^https?:\/\/[^\s]+$/.test(v)) ? v : undefined,
);
/**
 * A Stable Diffusion server's address: an http(s) URL without spaces (never empty: it has no default host to fall back
 * to).
 */
const serverUrl = custom<string>("an http:// or https:// URL", (v) =>
  typeof v === "string" && /^https?:\/\/[^\s/]+(\/[^\s]*)?$/.test(v) ? v : undefined,
);

/** Where SD.Next and AUTOMATIC1111 listen when started without --port. */
export const DEFAULT_SD_URL = "http://127.0.0.1:7860";
/** Where ComfyUI listens when started without --port (the CLI's --base-url default too, through ai/comfyui). */
export const DEFAULT_COMFY_URL = "http://127.0.0.1:8188";

export const SETTINGS_FIELDS = {
  provider: oneOf(PROVIDERS),
  /** Base URL of an OpenAI-compatible endpoint; empty = the provider's default. */
  baseUrl,
  model: string({ nonEmpty: true, max: 200 }),
  target: oneOf(TARGETS),
  styling: oneOf(STYLINGS),
  /** Longest side, in px, of the PNG exported for a frame. */
  maxImageSize: number({ integer: true, min: 256, max: 4096 }),
  /** Put data-node-id attributes on generated elements. */
  nodeIds: boolean(),
  /** How long one model request may take, in seconds. */
  timeoutSec: number({ integer: true, min: 10, max: 900 }),
  /** The code panel regenerates offline code whenever the selection changes ("update as I select"). */
  followSelection: boolean(),
  /** Generate with AI splits a frame too large for one request into sections, one request each (issue 74). */
  codeSections: boolean(),
  /** Search: the model that embeds frames and queries, on the same endpoint and key (it must serve `/embeddings`). */
  embeddingModel: string({ nonEmpty: true, max: 200 }),
  /** Search: the embedding's length (`dimensions`); smaller keeps the index small in clientStorage. */
  embeddingDimensions: number({ integer: true, min: 16, max: 3072 }),
  /** Search: the vision model that describes each frame's picture once; "" = the model above. */
  captionModel: string({ max: 200 }),
  /** Rows runs of more than this many images are offered OpenAI's Batch API first (half price, within 24 h). */
  batchApiThreshold: number({ integer: true, min: 1, max: 50_000 }),
  /** Image panel: the hosted model above, a local Stable Diffusion server (SD.Next / AUTOMATIC1111) or ComfyUI. */
  imageSource: oneOf(IMAGE_SOURCES),
  /**
   * The local server's base URL (SD's or ComfyUI's); its `user:password` is kept like a key, in the slot of this URL
   * (contract/keys.ts).
   */
  sdBaseUrl: serverUrl,
  /**
   * The checkpoint to draw with (a title from /sdapi/v1/sd-models, or a ckpt_name ComfyUI lists); "" = the one the
   * server has loaded (ComfyUI: the first it lists).
   */
  sdModel: string({ max: 300 }),
  /** The sampler the Image panel starts with (a name from /sdapi/v1/samplers); "" = the server's default. */
  sdSampler: string({ max: 200 }),
} satisfies Record<string, Field<unknown>>;

type SettingsFields = typeof SETTINGS_FIELDS;
export type Settings = { [K in keyof SettingsFields]: Infer<SettingsFields[K]> };

/** The styling choice as the panels offer it (the Code panel's options and Settings' defaults). */
export const STYLING_MENU: { value: Styling; label: string }[] = [
  { value: "css-modules", label: "CSS modules" },
  { value: "tailwind", label: "Tailwind" },
];

export const DEFAULT_SETTINGS: Settings = {
  provider: "openai",
  baseUrl: "",
  model: "gpt-5.4-image-2",
  target: "react",
  styling: "css-modules",
  maxImageSize: 2048,
  nodeIds: false,
  timeoutSec: 180,
  followSelection: false,
  codeSections: true,
  embeddingModel: "text-embedding-3-small",
  embeddingDimensions: DEFAULT_SEARCH_DIMENSIONS,
  captionModel: "",
  batchApiThreshold: 20,
  imageSource: "hosted",
  sdBaseUrl: DEFAULT_SD_URL,
  sdModel: "",
  sdSampler: "",
};

export const PROVIDER_DEFAULTS: Record<Provider, { baseUrl: string; model: string }> = {
  openai: { baseUrl: "https://api.openai.com/v1", model: "gpt-5.4-image-2" },
  openrouter: { baseUrl: "https://openrouter.ai/api/v1", model: "openai/gpt-5.4-image-2" },
  custom: { baseUrl: "http://localhost:8080/v1", model: "gpt-5.4-image-2" },
};

const KEYS = Object.keys(SETTINGS_FIELDS) as (keyof Settings)[];

function accepts<K extends keyof Settings>(key: K, value: unknown): boolean {
  try {
    SETTINGS_FIELDS[key].check(value, key);
    return true;
  } catch {
    return false;
  }
}

/** Every known key from `raw` that passes its check; the rest from the defaults. Never throws. */
export function readSettings(raw: unknown): Settings {
  const out: Settings = { ...DEFAULT_SETTINGS };
  if (typeof raw !== "object" || raw === null) return out;
  const record = raw as Record<string, unknown>;
  for (const key of KEYS) if (accepts(key, record[key])) (out as Record<keyof Settings, unknown>)[key] = record[key];
  return out;
}

/** Validates a partial update; returns the accepted keys and the names of rejected (or unknown) ones. */
export function checkSettingsPatch(patch: unknown): { accepted: Partial<Settings>; rejected: string[] } {
  const accepted: Partial<Settings> = {};
  const rejected: string[] = [];
  if (typeof patch !== "object" || patch === null) return { accepted, rejected: ["(not an object)"] };
  for (const [key, value] of Object.entries(patch)) {
    if ((KEYS as string[]).includes(key) && accepts(key as keyof Settings, value))
      (accepted as Record<string, unknown>)[key] = value;
    else rejected.push(key);
  }
  return { accepted, rejected };
}

/** Whole settings in a message: every key present and valid. */
export const settingsField: Field<Settings> = object(SETTINGS_FIELDS) as Field<Settings>;

/** A settings update in a message: any subset of the keys, each valid. */
export const settingsPatchField: Field<Partial<Settings>> = object(
  Object.fromEntries(KEYS.map((key) => [key, optional(SETTINGS_FIELDS[key] as Field<unknown>)])),
) as unknown as Field<Partial<Settings>>;

/** Effective endpoint for a provider: the user's base URL, else the provider's. */
export function endpointFor(settings: Pick<Settings, "provider" | "baseUrl">): string {
  return settings.baseUrl || PROVIDER_DEFAULTS[settings.provider].baseUrl;
}
