/**
 * The Figma REST client's options for a command (cli/figma-rest/client.ts): the token from --figma-token or
 * FIGMA_TOKEN (checked, never printed), --figma-base-url, the retry policy, timeout and sleep tests replace
 * (RunContext.figma), the run's cancel signal, and each retry said on stderr as `figment code --file-key` says it.
 */
import { FIGMA_API, type CliArgs } from "../common/args.js";
import type { Output, RunContext } from "../common/design-files.js";
import { FIGMA_TIMEOUT_SEC, figmaToken } from "../figma-rest/token.js";
import type { FigmaClientOptions } from "../figma-rest/client.js";
import { formatWait } from "../figma-rest/errors.js";
import { DEFAULT_RETRY_POLICY, realSleep, type RetryNotice } from "../figma-rest/retry.js";

/** A retry in words: `figma: rate-limited (429) on the file K; retrying in 2 s (1 of 3)`. */
export function retryLine(n: RetryNotice): string {
  return (
    `figma: ${n.status === 429 ? "rate-limited (429)" : `Figma answered ${n.status}`} ` +
    `on ${n.what}; retrying in ${formatWait(n.waitSec)} (${n.attempt} of ${n.of})`
  );
}

export function figmaClientOptions(
  args: Pick<CliArgs, "figmaToken" | "figmaBaseUrl">,
  io: Pick<Output, "err">,
  context: RunContext,
): FigmaClientOptions {
  return {
    token: figmaToken(args, context.env ?? process.env),
    baseUrl: args.figmaBaseUrl ?? FIGMA_API,
    timeoutMs: context.figma?.timeoutMs ?? FIGMA_TIMEOUT_SEC * 1000,
    policy: context.figma?.policy ?? DEFAULT_RETRY_POLICY,
    sleep: context.figma?.sleep ?? realSleep,
    ...(context.signal ? { signal: context.signal } : {}),
    onRetry: (n) => io.err(retryLine(n)),
  };
}
