/**
 * The model flags every command that talks to a model shares (`--provider`, `--model`, `--base-url`,
 * `--timeout`): one check each, with one wording, so `figment code --ai`, `analyze --ai`, `image` and
 * `search --ai` refuse the same input the same way.
 */
import type { Provider } from "../../contract/words.js";
import { oneOfWords, present } from "./flags.js";
import { FigmentError } from "../../kernel/errors.js";

/** The flags' names, for readFlags's `string` list. */
export const MODEL_FLAGS = ["provider", "base-url", "model", "timeout"] as const;

export function providerFlag(value: string | undefined): Provider {
  return oneOfWords("provider", ["openai", "openrouter", "custom"] as const, value, "openai");
}

/** The model name, trimmed; undefined when the flag is absent. */
export function modelFlag(value: string | undefined): string | undefined {
  const model = value?.trim();
  if (value !== undefined && (!model || model.length > 200))
    throw new FigmentError("input", "--model needs a model name (at most 200 characters)");
  return model;
}

export function baseUrlFlag(value: string | undefined): string | undefined {
  const baseUrl = value?.trim();
  if (baseUrl !== undefined && !/^https?:\/\/[^\s]+$/.test(baseUrl))
    throw new FigmentError(
      "input",
      `--base-url must be an http(s) URL such as http://localhost:8080/v1, not ${baseUrl || '""'}`,
    );
  return baseUrl;
}

/** Seconds above 0; undefined when the flag is absent. */
export function timeoutFlag(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (value.trim() === "" || !Number.isFinite(seconds) || seconds <= 0)
    throw new FigmentError("input", `--timeout must be a number of seconds above 0, not ${value}`);
  return seconds;
}

export interface ModelConnectionArgs {
  provider: Provider;
  baseUrl?: string;
  model?: string;
  timeoutSec?: number;
}

/** The four flags read and checked together, the absent ones left out. */
export function modelConnectionArgs(values: { [K in (typeof MODEL_FLAGS)[number]]?: string }): ModelConnectionArgs {
  return {
    provider: providerFlag(values.provider),
    ...present({
      model: modelFlag(values.model),
      baseUrl: baseUrlFlag(values["base-url"]),
      timeoutSec: timeoutFlag(values.timeout),
    }),
  };
}
