/**
 * Settings: defaults plus a type check per key, so a value from an older version or a damaged store
 * falls back to its default instead of breaking the plugin. Pure (no `figma`), shared with the UI.
 * The API key is not a setting: it lives under its own clientStorage key and travels separately.
 */

export type Provider = "openai" | "openrouter" | "custom";

export interface Settings {
  provider: Provider;
  /** Base URL of an OpenAI-compatible endpoint; empty = the provider's default. */
  baseUrl: string;
  model: string;
  target: "react" | "html";
  styling: "css-modules" | "tailwind";
  /** Longest side, in px, of the PNG exported for a frame. */
  maxImageSize: number;
  /** Put data-node-id attributes on generated elements. */
  nodeIds: boolean;
  /** How long one model request may take, in seconds. */
  timeoutSec: number;
}

export const DEFAULT_SETTINGS: Settings = {
  provider: "openai",
  baseUrl: "",
  model: "gpt-5.4-image-2",
  target: "react",
  styling: "css-modules",
  maxImageSize: 2048,
  nodeIds: false,
  timeoutSec: 180,
};

export const PROVIDER_DEFAULTS: Record<Provider, { baseUrl: string; model: string }> = {
  openai: { baseUrl: "https://api.openai.com/v1", model: "gpt-5.4-image-2" },
  openrouter: { baseUrl: "https://openrouter.ai/api/v1", model: "openai/gpt-5.4-image-2" },
  custom: { baseUrl: "http://localhost:8080/v1", model: "gpt-5.4-image-2" },
};

type Check<K extends keyof Settings> = (value: unknown) => value is Settings[K];

const oneOf =
  <T extends string>(...values: T[]) =>
  (value: unknown): value is T =>
    typeof value === "string" && (values as string[]).includes(value);

const CHECKS: { [K in keyof Settings]: Check<K> } = {
  provider: oneOf("openai", "openrouter", "custom"),
  baseUrl: (v): v is string => typeof v === "string" && (v === "" || /^https?:\/\/[^\s]+$/.test(v)),
  model: (v): v is string => typeof v === "string" && v.trim().length > 0 && v.length <= 200,
  target: oneOf("react", "html"),
  styling: oneOf("css-modules", "tailwind"),
  maxImageSize: (v): v is number => typeof v === "number" && Number.isInteger(v) && v >= 256 && v <= 4096,
  nodeIds: (v): v is boolean => typeof v === "boolean",
  timeoutSec: (v): v is number => typeof v === "number" && Number.isInteger(v) && v >= 10 && v <= 900,
};

/** Every known key from `raw` that passes its check; the rest from the defaults. */
export function readSettings(raw: unknown): Settings {
  const out: Settings = { ...DEFAULT_SETTINGS };
  if (typeof raw !== "object" || raw === null) return out;
  const record = raw as Record<string, unknown>;
  for (const key of Object.keys(CHECKS) as (keyof Settings)[]) {
    const value = record[key];
    if ((CHECKS[key] as (v: unknown) => boolean)(value)) (out as unknown as Record<string, unknown>)[key] = value;
  }
  return out;
}

/** Validates a partial update; returns the accepted keys and the names of rejected ones. */
export function checkSettingsPatch(patch: unknown): { accepted: Partial<Settings>; rejected: string[] } {
  const accepted: Partial<Settings> = {};
  const rejected: string[] = [];
  if (typeof patch !== "object" || patch === null) return { accepted, rejected: ["(not an object)"] };
  for (const [key, value] of Object.entries(patch)) {
    const check = CHECKS[key as keyof Settings] as ((v: unknown) => boolean) | undefined;
    if (check && check(value)) (accepted as Record<string, unknown>)[key] = value;
    else rejected.push(key);
  }
  return { accepted, rejected };
}

/** Effective endpoint for a provider: the user's base URL, else the provider's. */
export function endpointFor(settings: Settings): string {
  return settings.baseUrl || PROVIDER_DEFAULTS[settings.provider].baseUrl;
}
