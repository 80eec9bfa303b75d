/**
 * Requests matched to their answers by id, in one place for every channel (panel ⇄ main thread, panel ⇄
 * worker): each request gets a fresh id, its answer settles it once, progress reaches only its own caller,
 * and cancel, timeout and an answer for an unknown (finished, cancelled or foreign) id are handled here.
 * Pure: timers only.
 */

export class RequestCancelledError extends Error {
  override name = "RequestCancelledError";
  constructor(message = "Cancelled.") {
    super(message);
  }
}

export class RequestTimeoutError extends Error {
  override name = "RequestTimeoutError";
}

/** The part of AbortSignal used here (the main thread's typings have no DOM). */
export interface AbortSignalLike {
  readonly aborted: boolean;
  addEventListener(type: "abort", listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: "abort", listener: () => void): void;
}

export interface OpenOptions<Progress> {
  /** Sends the request with its id (called synchronously by `open`; a throw rejects the request). */
  send(id: string): void;
  onProgress?(progress: Progress): void;
  /** Rejects with RequestCancelledError when aborted; `onCancel` may tell the other side to stop. */
  signal?: AbortSignalLike;
  /** Rejects with RequestTimeoutError after this long without an answer. */
  timeoutMs?: number;
  /** What the timeout says ("the main thread did not answer in time"). */
  timeoutMessage?: string;
  /** Called when the request ends without its answer (cancelled or timed out), to stop the other side. */
  onCancel?(id: string): void;
}

interface Pending<Reply, Progress> {
  resolve(reply: Reply): void;
  reject(error: Error): void;
  onProgress: ((progress: Progress) => void) | undefined;
  cleanup(): void;
}

export type UnknownAnswer = "reply" | "progress" | "error";

export class PendingRequests<Reply, Progress = never> {
  private readonly pending = new Map<string, Pending<Reply, Progress>>();
  /** Ids this tracker gave out and that ended, so a late answer is told apart from a foreign one. */
  private readonly ended = new Set<string>();
  private next = 1;

  constructor(
    private readonly options: {
      /** Ids are `<prefix>-<n>-<random>` so two trackers (or two panel sessions) never share one. */
      prefix: string;
      /** An answer whose id is not pending; `late` when it was one of ours that already ended. */
      onUnknown?(id: string, what: UnknownAnswer, late: boolean): void;
    },
  ) {}

  get size(): number {
    return this.pending.size;
  }

  has(id: string): boolean {
    return this.pending.has(id);
  }

  /** Opens a request; resolves with its answer, rejects with its error, cancel or timeout. */
  open(options: OpenOptions<Progress>): { id: string; reply: Promise<Reply> } {
    const id = `${this.options.prefix}-${this.next++}-${Math.random().toString(36).slice(2, 8)}`;
    const reply = new Promise<Reply>((resolve, reject) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const onAbort = (): void => this.stop(id, new RequestCancelledError(), options.onCancel);
      const cleanup = (): void => {
        if (timer !== undefined) clearTimeout(timer);
        options.signal?.removeEventListener("abort", onAbort);
      };
      this.pending.set(id, { resolve, reject, onProgress: options.onProgress, cleanup });
      if (options.signal?.aborted) {
        onAbort();
        return;
      }
      options.signal?.addEventListener("abort", onAbort, { once: true });
      if (options.timeoutMs !== undefined) {
        timer = setTimeout(() => this.stop(id, new RequestTimeoutError(options.timeoutMessage ?? `No answer within ${Math.round(options.timeoutMs! / 1000)} s.`), options.onCancel), options.timeoutMs);
      }
      try {
        options.send(id);
      } catch (error) {
        this.fail(id, error instanceof Error ? error : new Error(String(error)));
      }
    });
    return { id, reply };
  }

  /** Settles `id` with its answer; false (and `onUnknown`) when it is not pending. */
  settle(id: string, reply: Reply): boolean {
    const request = this.take(id, "reply");
    request?.resolve(reply);
    return request !== undefined;
  }

  fail(id: string, error: Error): boolean {
    const request = this.take(id, "error");
    request?.reject(error);
    return request !== undefined;
  }

  progress(id: string, progress: Progress): boolean {
    const request = this.pending.get(id);
    if (!request) {
      this.unknown(id, "progress");
      return false;
    }
    request.onProgress?.(progress);
    return true;
  }

  /** Rejects every pending request (the other side crashed or went away). */
  failAll(error: Error): void {
    for (const id of [...this.pending.keys()]) this.fail(id, error);
  }

  private stop(id: string, error: Error, onCancel: ((id: string) => void) | undefined): void {
    const request = this.pending.get(id);
    if (!request) return;
    this.take(id, "error");
    try {
      onCancel?.(id);
    } finally {
      request.reject(error);
    }
  }

  private take(id: string, what: UnknownAnswer): Pending<Reply, Progress> | undefined {
    const request = this.pending.get(id);
    if (!request) {
      this.unknown(id, what);
      return undefined;
    }
    this.pending.delete(id);
    request.cleanup();
    this.ended.add(id);
    // Remember only the recent ones: late answers come within seconds.
    if (this.ended.size > 200) this.ended.delete(this.ended.values().next().value as string);
    return request;
  }

  private unknown(id: string, what: UnknownAnswer): void {
    this.options.onUnknown?.(id, what, this.ended.has(id));
  }
}
