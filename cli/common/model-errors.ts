/**
 * How the CLI presents a failed model request: the provider's message, the retry-after and request id when
 * given, one next step in CLI terms (environment variables, --model, --base-url, --timeout) and the exit
 * code. ai/ only says what happened; the panel has its own sentences (ui/code/explain.ts).
 *
 * Exit codes come from the error's kind (kernel/errors.ts exitCodeFor): 2 for what the user fixes in their
 * configuration or input, 1 otherwise. A cancel is no model failure: it is Cancelled, which cli/run.ts turns into 130.
 */
import type { ModelError, ModelErrorKind } from "../../ai/errors/classify.js";
import { exitCodeFor } from "../../kernel/errors.js";
import { KEY_ENV } from "./api-keys.js";
import type { ProviderName } from "./args.js";
import type { Output } from "./design-files.js";

/** One next step per kind; `env` is the provider's key variable (OPENAI_API_KEY or OPENROUTER_API_KEY). */
const NEXT_STEP: Readonly<Record<ModelErrorKind, (env: string) => string>> = {
  "missing-key": (env) => `Set ${env} in the environment (keys are read from there only).`,
  unauthorized: (env) => `Check ${env}: the provider did not accept the key.`,
  forbidden: (env) =>
    `The key in ${env} has no access to this model or endpoint; ` +
    `check the account's permissions or pick another --model.`,
  "model-not-found": () => "Check --model and --base-url: the endpoint does not know this model.",
  "rate-limited": (env) =>
    `Wait a moment and run the command again, or check the rate limits and credit of the account behind ${env}.`,
  "bad-request": () =>
    "The endpoint rejected the request; check that --model " +
    "supports images and structured output (or leave out --image).",
  moderation: () =>
    "The provider's safety system refused the request; reword the " +
    "instructions (or the design's texts) and run the command again.",
  server: () => "The provider had a server error; try again in a minute.",
  timeout: () => "The model took too long; try again, pick one frame with --node, or raise --timeout (seconds).",
  offline: () => "Could not reach the endpoint; check your connection and --base-url.",
  refusal: () => "The model declined this request; rephrase --instructions or pick another --model.",
  truncated: () => "The output was cut off; pick one frame with --node or ask for fewer files in --instructions.",
  "bad-output": () => "The model's reply could not be read; run the command again or pick another --model.",
  unknown: () =>
    "Run the command again; if it keeps failing, check --base-url, --model and the provider's status page.",
};

/** The error's next step in CLI terms. */
export function cliNextStep(kind: ModelErrorKind, provider: ProviderName): string {
  return NEXT_STEP[kind](KEY_ENV[provider]);
}

/**
 * Prints what happened and what to do on stderr; returns the exit code. `steps` replaces the next step for
 * some kinds (each command knows its own flags: `figment image` speaks of --prompt and --size).
 */
export function reportModelError(
  error: ModelError,
  provider: ProviderName,
  io: Output,
  steps: Partial<Record<ModelErrorKind, (env: string) => string>> = {},
): number {
  io.err(`figment: ${error.message}`);
  if (error.reason === "rate-limited" && error.retryAfterMs !== undefined)
    io.err(`figment: the provider asks to retry after ${Math.ceil(error.retryAfterMs / 1000)} s`);
  if (error.requestId) io.err(`figment: request id ${error.requestId}`);
  io.err(`figment: ${steps[error.reason]?.(KEY_ENV[provider]) ?? cliNextStep(error.reason, provider)}`);
  return exitCodeFor(error.kind);
}
