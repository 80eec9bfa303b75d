/** Where `figment code --ai` takes the API key from: the environment only, never a flag or a file. */
import { ModelError } from "../../ai/errors/classify.js";
import type { ProviderName } from "./args.js";
import type { Output } from "./design-files.js";

/** The environment variable holding each provider's key. */
export const KEY_ENV: Readonly<Record<ProviderName, string>> = {
  openai: "OPENAI_API_KEY",
  openrouter: "OPENROUTER_API_KEY",
  custom: "OPENAI_API_KEY",
};

/** Sent to a custom endpoint when OPENAI_API_KEY is unset: local servers usually ignore the key. */
export const NO_KEY = "none";

/** The key for the provider from the environment, "none" for a custom endpoint without one. */
export function keyFor(provider: ProviderName, env: Readonly<Record<string, string | undefined>>, io: Output): string {
  const name = KEY_ENV[provider];
  const key = env[name]?.trim() ?? "";
  if (key) return key;
  if (provider === "custom") {
    io.err(
      `figment: ${name} is not set; sending the key "${NO_KEY}" ` +
        `to the custom endpoint (local servers usually ignore it)`,
    );
    return NO_KEY;
  }
  throw new ModelError("missing-key", `no API key for ${provider}: ${name} is not set`);
}
