/**
 * Bounded retries for Figma's REST API: a 429 waits as long as its `Retry-After` says (Figma sends seconds),
 * a 5xx waits a short backoff; a wait longer than the policy allows gives up at once, so the user learns when
 * to come back instead of watching a stalled command. The sleep is injected: tests never wait.
 */
import { FigmaRestError, formatWait, isServerError } from "./errors.js";
import { plural } from "../../kernel/plural.js";

export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

export interface RetryPolicy {
  /** Retries after a 429, at most. */
  rateLimitRetries: number;
  /** Retries after a 5xx, at most. */
  serverRetries: number;
  /** The longest Retry-After waited for, in seconds. */
  maxWaitSec: number;
  /** Wait after a 429 without Retry-After (Figma's docs: "typically a minute"). */
  defaultWaitSec: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  rateLimitRetries: 3,
  serverRetries: 2,
  maxWaitSec: 120,
  defaultWaitSec: 60,
};

export interface RetryNotice {
  what: string;
  status: number | undefined;
  waitSec: number;
  attempt: number;
  of: number;
}

export const realSleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason as Error);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal!.reason as Error);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });

/** Runs `attempt`, retrying rate limits and server errors within `policy`; other errors pass through. */
export async function withRetry<T>(
  what: string,
  attempt: () => Promise<T>,
  options: { policy: RetryPolicy; sleep: Sleep; onRetry?: (notice: RetryNotice) => void; signal?: AbortSignal },
): Promise<T> {
  const { policy } = options;
  let limited = 0;
  let failed = 0;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (!(error instanceof FigmaRestError)) throw error;
      let waitSec: number;
      let of: number;
      if (error.kind === "limit") {
        waitSec = error.retryAfterSec ?? policy.defaultWaitSec;
        if (limited >= policy.rateLimitRetries) {
          const tries = plural(limited, "retry", "retries");
          throw new FigmaRestError(
            "limit",
            `${error.message}, still after ${tries}: run the command again in ${formatWait(waitSec)} ` +
              `or later (Figma's limits depend on the plan and seat of the token's account).`,
            error.status,
            waitSec,
          );
        }
        if (waitSec > policy.maxWaitSec) {
          throw new FigmaRestError(
            "limit",
            `${error.message} and asks to wait ${formatWait(waitSec)}, longer than figment waits ` +
              `(${formatWait(policy.maxWaitSec)}): run the command again in ${formatWait(waitSec)}.`,
            error.status,
            waitSec,
          );
        }
        limited++;
        of = policy.rateLimitRetries;
      } else if (isServerError(error)) {
        if (failed >= policy.serverRetries) throw error;
        failed++;
        waitSec = 2 ** (failed - 1);
        of = policy.serverRetries;
      } else {
        throw error;
      }
      options.onRetry?.({
        what,
        status: error.status,
        waitSec,
        attempt: error.kind === "limit" ? limited : failed,
        of,
      });
      await options.sleep(waitSec * 1000, options.signal);
    }
  }
}
