/**
 * The steps every model job takes, whatever the panel: check the key, export and prepare the request with its
 * estimate, wait for Send, stream it, and explain a failure (Try again repeats the step that failed, once the
 * provider's retry-after has run). The panel gives its own pieces: how it prepares and sends the request, how
 * streamed events move its progress, what it does with the result. Latest only: a new run or Cancel aborts
 * the one before, whose events and result are then ignored. No Preact here (use-model-job.ts holds it).
 */
import type { Settings } from "../../contract/settings.js";
import {
  failureOf,
  IDLE,
  missingKey,
  retryAt,
  type ConfirmBase,
  type Exporting,
  type ModelJobState,
  type StreamBase,
} from "./job-state.js";
import { LatestRun } from "../lib/latest-only.js";

/** How `prepare` reports its steps; `signal` is aborted when the run is cancelled or replaced. */
export interface PrepareIo {
  signal: AbortSignal;
  exporting(progress: Omit<Exporting, "phase">): void;
  preparing(): void;
}

/** What `send` gets: the key saved for the chosen endpoint (never another host's), and where its events go. */
export interface SendIo<E> {
  signal: AbortSignal;
  onEvent(event: E): void;
  settings: Settings;
  apiKey: string;
}

export interface ModelJobPieces<A, R, C extends ConfirmBase, S extends StreamBase, E, T> {
  /**
   * Exports and prepares the request from what the user asked (`A`): the request to send and the confirm card's
   * data; without a card (a request that costs nothing, to the user's own server) it goes at once. Throws to fail.
   */
  prepare(args: A, io: PrepareIo): Promise<{ request: R; confirm?: C }>;
  /** The panel's one call to the worker. */
  send(request: R, io: SendIo<E>): Promise<T>;
  /** The stream's first progress. */
  streaming(request: R, startedAt: number): S;
  /** How one streamed event moves the progress on (only the current run's events come here). */
  progress(stream: S, event: E): S;
  /** What the panel does with the result (only the current run's); `run`: when it went, with which settings. */
  done(result: T, request: R, run: { startedAt: number; settings: Settings }): void;
  /** Send was pressed on the estimate: `request` goes now. */
  sent?(request: R): void;
  /**
   * After a failed send, Try again prepares anew from these (the estimate is shown again); absent, it sends the same
   * request again.
   */
  againFrom?(request: R): A;
  /** The run stopped without a result (cancelled, failed, replaced): drop what it showed beside the state. */
  stopped?(): void;
}

export interface ModelJobContext {
  vault: { hasKeyFor(settings: Settings): boolean; revealFor(settings: Settings): string | null };
  settings(): Settings;
  /**
   * Whether these settings send to an endpoint that takes no API key (a local SD server): `send` gets "" as the key.
   */
  keyless?(settings: Settings): boolean;
}

export class ModelJob<A, R, C extends ConfirmBase, S extends StreamBase, E, T> {
  private state: ModelJobState<C, S> = IDLE;
  /** Only the latest run's events and result are shown. */
  private readonly runs = new LatestRun();
  private controller: AbortController | undefined;
  /** The prepared request awaiting Send. */
  private ready: R | undefined;
  /** What Try again does: the step that failed last. */
  private again: (() => void) | undefined;
  /** The current run's streamed progress (kept with a failure or cancel as its `partial`). */
  private stream: S | undefined;

  constructor(
    private readonly show: (state: ModelJobState<C, S>) => void,
    public pieces: ModelJobPieces<A, R, C, S, E, T>,
    public context: ModelJobContext,
  ) {}

  get current(): ModelJobState<C, S> {
    return this.state;
  }

  /** Checks the key, then exports and prepares; ends at the estimate (confirm) or a failure. */
  readonly prepare = (args: A): void => {
    this.again = () => this.prepare(args);
    const { isCurrent, signal } = this.begin();
    const settings = this.context.settings();
    if (!this.context.keyless?.(settings) && !this.context.vault.hasKeyFor(settings))
      return this.set({ phase: "failed", failure: missingKey(settings.provider) });
    const io: PrepareIo = {
      signal,
      exporting: (progress) => isCurrent() && this.set({ phase: "exporting", ...progress }),
      preparing: () => isCurrent() && this.set({ phase: "preparing" }),
    };
    this.pieces.prepare(args, io).then(
      ({ request, confirm }) => {
        if (!isCurrent()) return;
        if (confirm === undefined) {
          this.pieces.sent?.(request);
          return this.run(request);
        }
        this.ready = request;
        this.set(confirm);
      },
      (error: unknown) => isCurrent() && this.fail(error),
    );
  };

  /** Sends the request the estimate was shown for. */
  readonly send = (): void => {
    const request = this.ready;
    if (this.state.phase !== "confirm" || request === undefined) return;
    this.ready = undefined;
    this.pieces.sent?.(request);
    this.run(request);
  };

  /** Sends `request` without an estimate first (a refinement of an answer on screen). */
  readonly sendNow = (request: R): void => this.run(request);

  readonly cancel = (): void => {
    const phase = this.state.phase;
    const partial = this.stream;
    this.stop();
    this.ready = undefined;
    if (phase !== "idle" && phase !== "failed")
      this.set(partial ? { phase: "cancelled", partial } : { phase: "cancelled" });
  };

  /** Repeats the step that failed; held back while a retry-after runs (the button counts down meanwhile). */
  readonly retry = (): void => {
    const state = this.state;
    if (state.phase === "failed" && (retryAt(state.failure) ?? 0) > Date.now()) return;
    this.again?.();
  };

  /** Drops a failure or Cancelled notice. */
  readonly dismiss = (): void => {
    if (this.state.phase === "failed" || this.state.phase === "cancelled") this.set(IDLE);
  };

  private run(request: R): void {
    const againFrom = this.pieces.againFrom;
    this.again = againFrom ? () => this.prepare(againFrom(request)) : () => this.run(request);
    const { isCurrent, signal } = this.begin();
    const settings = this.context.settings();
    const apiKey = this.context.keyless?.(settings) ? "" : this.context.vault.revealFor(settings);
    if (apiKey === null || (apiKey === "" && !this.context.keyless?.(settings)))
      return this.set({ phase: "failed", failure: missingKey(settings.provider) });
    const startedAt = Date.now();
    this.stream = this.pieces.streaming(request, startedAt);
    this.set(this.stream);
    const onEvent = (event: E): void => {
      if (!isCurrent() || !this.stream) return;
      this.stream = this.pieces.progress(this.stream, event);
      this.set(this.stream);
    };
    this.pieces.send(request, { signal, onEvent, settings, apiKey }).then(
      (result) => {
        if (!isCurrent()) return;
        this.stream = undefined;
        this.controller = undefined;
        this.pieces.done(result, request, { startedAt, settings });
        this.set(IDLE);
      },
      (error: unknown) => isCurrent() && this.fail(error),
    );
  }

  /** Stops the run under way: its request is aborted, its events and result are ignored from now on. */
  private stop(): void {
    this.runs.stop();
    this.controller?.abort();
    this.controller = undefined;
    this.stream = undefined;
    this.pieces.stopped?.();
  }

  /** Stops the run before and starts a new one. */
  private begin(): { isCurrent(): boolean; signal: AbortSignal } {
    this.stop();
    const { current } = this.runs.start();
    const controller = new AbortController();
    this.controller = controller;
    return { isCurrent: current, signal: controller.signal };
  }

  private fail(error: unknown): void {
    const failure = failureOf(error);
    const partial = this.stream;
    this.stream = undefined;
    this.controller = undefined;
    this.pieces.stopped?.();
    const kept = partial ? { partial } : {};
    this.set(failure === "cancelled" ? { phase: "cancelled", ...kept } : { phase: "failed", failure, ...kept });
  }

  private set(state: ModelJobState<C, S>): void {
    this.state = state;
    this.show(state);
  }
}
