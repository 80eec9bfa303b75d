/**
 * The one request idiom of every boundary (panel ⇄ main thread, panel ⇄ engine worker, panel ⇄ search worker):
 * `call(name, body, { onEvent, signal, timeoutMs })`, typed by the boundary's declared messages (`Caller`), and
 * one implementation of what a call needs (`PendingRequests`): a fresh id per call, its answer settling it once,
 * its events reaching only its own caller, its failure (contract/failure.ts's one shape) arriving as the error of the
 * kind the other side threw, and cancel (an AbortSignal: rejects with `Cancelled`), timeout (a `network` failure)
 * and an answer for an unknown (finished, cancelled or foreign) id handled here. Each boundary only says how a call
 * is sent and how the other side is told to stop. Pure: timers only.
 */
import { FigmentError, isFigmentError } from "../kernel/errors.js";
import { Cancelled } from "../kernel/cancelled.js";
import { fromFailure, type DecodeFailure, type Failure } from "./failure.js";

/** No answer in time: the other side could not be reached or did not answer, so a `network` failure. */
export const requestTimeout = (message: string): FigmentError =>
  new FigmentError("network", message, { reason: "timeout" });

/** Whether `error` is a call's timeout (requestTimeout), not another failure of the other side. */
export const isRequestTimeout = (error: unknown): boolean =>
  isFigmentError(error, "network") && error.reason === "timeout";

/** The part of AbortSignal used here (the main thread's typings have no DOM). */
export interface AbortSignalLike {
  readonly aborted: boolean;
  addEventListener(type: "abort", listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: "abort", listener: () => void): void;
}

/** What a caller may give any call, at every boundary. */
export interface CallOptions<Event = never> {
  /** What the call reports before its answer (only the events its name may send). */
  onEvent?(event: Event): void;
  /** Aborting it rejects the call with `Cancelled` (and tells the other side to stop, where it can). */
  signal?: AbortSignalLike;
  /** Rejects with requestTimeout's error after this long without an answer. */
  timeoutMs?: number;
  /** What the timeout says ("the main thread did not send the code generator in time"). */
  timeoutMessage?: string;
}

/** A boundary's calls, by name: what each takes, answers, and may report before its answer. */
export type CallMap = { [name: string]: { body: object; reply: unknown; event: unknown } };

/** The one typed call, whichever boundary it crosses. */
export interface Caller<M extends CallMap> {
  call<K extends keyof M & string>(
    name: K,
    body: M[K]["body"],
    options?: CallOptions<M[K]["event"]>,
  ): Promise<M[K]["reply"]>;
}

export interface OpenOptions<Event> extends CallOptions<Event> {
  /** Sends the call with its id (called synchronously by `open`; a throw rejects the call). */
  send(id: string): void;
  /** Called when a sent call ends without its answer (cancelled or timed out), to stop the other side. */
  onCancel?(id: string): void;
  /**
   * "answer": an abort only asks (`onCancel`) and the call stays open until the other side answers (the engine
   * worker sends what its job made until then, then its failure, which its boundary reads as `Cancelled`).
   * Default "now": an abort rejects at once.
   */
  abortSettles?: "now" | "answer";
}

interface Pending<Reply, Event> {
  resolve(reply: Reply): void;
  reject(error: Error): void;
  onEvent: ((event: Event) => void) | undefined;
  cleanup(): void;
}

export type UnknownAnswer = "reply" | "event" | "error";

export class PendingRequests<Reply, Event = never> {
  private readonly pending = new Map<string, Pending<Reply, Event>>();
  /** Ids this tracker gave out and that ended, so a late answer is told apart from a foreign one. */
  private readonly ended = new Set<string>();
  private next = 1;

  constructor(
    private readonly options: {
      /** Ids are `<prefix>-<n>-<random>` so two trackers (or two panel sessions) never share one. */
      prefix: string;
      /** An answer whose id is not pending; `late` when it was one of ours that already ended. */
      onUnknown?(id: string, what: UnknownAnswer, late: boolean): void;
      /**
       * The boundary's own error for a failure that carries its data (the engine's model failure, the main thread's
       * refusal code); undefined: the one every boundary shares (`fromFailure`).
       */
      decode?: DecodeFailure;
    },
  ) {}

  get size(): number {
    return this.pending.size;
  }

  has(id: string): boolean {
    return this.pending.has(id);
  }

  /** Opens a call; resolves with its answer, rejects with its error, `Cancelled` or a timeout. */
  open(options: OpenOptions<Event>): { id: string; reply: Promise<Reply> } {
    const id = `${this.options.prefix}-${this.next++}-${Math.random().toString(36).slice(2, 8)}`;
    const reply = new Promise<Reply>((resolve, reject) => {
      if (options.signal?.aborted) {
        // Never sent, so there is nothing to stop on the other side.
        reject(new Cancelled());
        return;
      }
      let timer: ReturnType<typeof setTimeout> | undefined;
      const onAbort = (): void => {
        if (options.abortSettles === "answer") options.onCancel?.(id);
        else this.stop(id, new Cancelled(), options.onCancel);
      };
      const cleanup = (): void => {
        if (timer !== undefined) clearTimeout(timer);
        options.signal?.removeEventListener("abort", onAbort);
      };
      this.pending.set(id, { resolve, reject, onEvent: options.onEvent, cleanup });
      options.signal?.addEventListener("abort", onAbort, { once: true });
      if (options.timeoutMs !== undefined) {
        timer = setTimeout(
          () =>
            this.stop(
              id,
              requestTimeout(options.timeoutMessage ?? `No answer within ${Math.round(options.timeoutMs! / 1000)} s.`),
              options.onCancel,
            ),
          options.timeoutMs,
        );
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

  /** Fails `id` with the other side's failure, as the error of its kind; false (and `onUnknown`) when not pending. */
  failWith(id: string, failure: Failure<unknown>): boolean {
    const request = this.take(id, "error");
    request?.reject(fromFailure(failure, this.options.decode));
    return request !== undefined;
  }

  fail(id: string, error: Error): boolean {
    const request = this.take(id, "error");
    request?.reject(error);
    return request !== undefined;
  }

  /** Hands an event to the call `id`'s caller; false (and `onUnknown`) when it is not pending. */
  event(id: string, event: Event): boolean {
    const request = this.pending.get(id);
    if (!request) {
      this.unknown(id, "event");
      return false;
    }
    request.onEvent?.(event);
    return true;
  }

  /** Rejects every pending call (the other side crashed, went away, or was stopped). */
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

  private take(id: string, what: UnknownAnswer): Pending<Reply, Event> | undefined {
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
