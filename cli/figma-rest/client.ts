/**
 * A small client for the two Figma REST calls the CLI needs and for downloading what they point to. The
 * token goes in `X-Figma-Token` to the API only — never to the image URLs (they are pre-signed storage
 * links on another host) and never into an error. Every request has a timeout and the bounded retries of
 * retry.ts.
 */
import { FigmaRestError, figmaErrorText, redact, statusError } from "./errors.js";
import { parseRetryAfterSec } from "../../ai/errors/retry-after.js";
import { withRetry, type RetryNotice, type RetryPolicy, type Sleep } from "./retry.js";

export interface FigmaClientOptions {
  token: string;
  /** e.g. `https://api.figma.com` (a test server in tests). */
  baseUrl: string;
  /** Milliseconds one request (answer and body) may take. */
  timeoutMs: number;
  policy: RetryPolicy;
  sleep: Sleep;
  onRetry?: (notice: RetryNotice) => void;
  /** Cancels everything (Ctrl-C). */
  signal?: AbortSignal;
}

export class FigmaClient {
  constructor(private readonly options: FigmaClientOptions) {}

  /** GET an API path (e.g. `/v1/files/K/images`) as JSON; non-2xx answers become FigmaRestError. */
  getJson(path: string, what: string): Promise<unknown> {
    const url = this.options.baseUrl.replace(/\/+$/, "") + path;
    return this.retrying(what, async () => {
      const { res, timeout } = await this.request(url, what, { "X-Figma-Token": this.options.token });
      const text = await this.body(res, what, timeout, (r) => r.text());
      let body: unknown;
      try {
        body = JSON.parse(text) as unknown;
      } catch {
        body = undefined;
      }
      if (!res.ok) {
        const said = figmaErrorText(body);
        throw statusError(
          res.status,
          said === undefined ? undefined : this.clean(said),
          what,
          parseRetryAfterSec(res.headers.get("retry-after")),
        );
      }
      if (body === undefined) throw new FigmaRestError("service", `Figma's answer for ${what} is not JSON`, res.status);
      return body;
    });
  }

  /** Downloads a URL Figma handed out (image fill, rendered SVG), without the token. */
  download(url: string, what: string): Promise<Uint8Array> {
    return this.retrying(what, async () => {
      const { res, timeout } = await this.request(url, what, {});
      if (res.status === 429 || res.status >= 500) {
        await res.body?.cancel();
        throw new FigmaRestError(
          res.status === 429 ? "limit" : "service",
          `the download of ${what} answered ${res.status}`,
          res.status,
          parseRetryAfterSec(res.headers.get("retry-after")),
        );
      }
      if (!res.ok) {
        await res.body?.cancel();
        throw new FigmaRestError("service", `the download of ${what} answered ${res.status}`, res.status);
      }
      return new Uint8Array(await this.body(res, what, timeout, (r) => r.arrayBuffer()));
    });
  }

  private retrying<T>(what: string, attempt: () => Promise<T>): Promise<T> {
    const { policy, sleep, onRetry, signal } = this.options;
    return withRetry(what, attempt, { policy, sleep, ...(onRetry ? { onRetry } : {}), ...(signal ? { signal } : {}) });
  }

  /** One request's response and its timeout, which covers the body too: fetch's signal stays attached to it. */
  private async request(
    url: string,
    what: string,
    headers: Record<string, string>,
  ): Promise<{ res: Response; timeout: AbortSignal }> {
    const timeout = AbortSignal.timeout(this.options.timeoutMs);
    const signal = this.options.signal ? AbortSignal.any([this.options.signal, timeout]) : timeout;
    try {
      const res = await fetch(url, { headers: { Accept: "*/*", ...headers }, signal, redirect: "follow" });
      return { res, timeout };
    } catch (error) {
      throw this.failure(error, url, what, timeout);
    }
  }

  private async body<T>(
    res: Response,
    what: string,
    timeout: AbortSignal,
    read: (r: Response) => Promise<T>,
  ): Promise<T> {
    try {
      return await read(res);
    } catch (error) {
      throw this.failure(error, res.url, what, timeout);
    }
  }

  /**
   * A thrown fetch error as a FigmaRestError (timeout, network), or the user's own abort as it was (the command
   * says it cancelled). Which signal stopped the request tells a timeout from a cancel, not the error's name.
   */
  private failure(error: unknown, url: string, what: string, timeout: AbortSignal): unknown {
    if (this.options.signal?.aborted) return this.options.signal.reason ?? error;
    const seconds = Math.round(this.options.timeoutMs / 100) / 10;
    if (timeout.aborted) {
      return new FigmaRestError(
        "network",
        `Figma did not answer the request for ${what} within ${seconds} s; try again later`,
      );
    }
    const cause =
      error instanceof Error ? ((error.cause as Error | undefined)?.message ?? error.message) : String(error);
    return new FigmaRestError("network", `could not reach ${new URL(url).origin} for ${what}: ${this.clean(cause)}`);
  }

  private clean(text: string): string {
    return redact(text, this.options.token);
  }
}
