/**
 * What a model job (Code's, Image's, Analyze's) holds and shows: export → prepare → confirm → stream →
 * failed / cancelled → idle again once the panel has the result. Each panel adds its own confirm data and
 * streamed progress; the failures and their classification (failureOf, the panels' one classifier) are the
 * same for every job of every panel. Pure.
 */
import { kindOf } from "../../kernel/errors.js";
import { missingKeyText } from "../../contract/keys.js";
import type { ErrorCode } from "../../contract/messages.js";
import { isCancelled } from "../../kernel/cancelled.js";
import { PluginError } from "../channel/requests.js";
import { ModelFailure } from "../engine/engine.js";
import type { ModelFailureData } from "../engine/protocol/index.js";

/** What any job of a panel failed with (the Code job's too), as its panel explains it. */
export type ModelJobFailure =
  | { kind: "model"; message: string; model: ModelFailureData; at: number }
  | { kind: "main"; code: ErrorCode; message: string }
  /**
   * The request did not pass a check (not Figma JSON, a reference that is no image, Compare with one frame): nothing
   * was sent.
   */
  | { kind: "check"; message: string }
  /**
   * Anything else the engine (or the panel) failed with; `crashed` when its worker stopped (the next try starts a fresh
   * one).
   */
  | { kind: "worker"; message: string; crashed?: true };

/** Where a request goes, as the estimate card and the stream say it. */
export interface Destination {
  model: string;
  host: string;
}

/** What every panel's confirm state has: the card names where the request goes. */
export interface ConfirmBase {
  phase: "confirm";
  to: Destination;
}

/** What every panel's streaming state has: the header counts the seconds from `startedAt` (ms since the epoch). */
export interface StreamBase {
  phase: "streaming";
  startedAt: number;
}

export interface Exporting {
  phase: "exporting";
  done: number;
  total: number;
  label: string;
}

/**
 * `C`: the panel's confirm state, `S`: its streamed progress. `partial`: the stream as it was when it failed or was
 * stopped (shown, never kept).
 */
export type ModelJobState<C extends ConfirmBase, S extends StreamBase> =
  | { phase: "idle" }
  | Exporting
  | { phase: "preparing" }
  | C
  | S
  | { phase: "failed"; failure: ModelJobFailure; partial?: S }
  | { phase: "cancelled"; partial?: S };

export const IDLE = { phase: "idle" } as const;

export const isBusy = (state: { phase: string }): boolean =>
  state.phase === "exporting" || state.phase === "preparing" || state.phase === "streaming";

/**
 * The panels' one classifier: what any step of a job threw, as the panel explains it; "cancelled" when the user
 * (or a newer run) stopped it. A panel's own check that refuses a request throws an `input` FigmentError.
 */
export function failureOf(error: unknown): ModelJobFailure | "cancelled" {
  if (isCancelled(error)) return "cancelled";
  if (error instanceof ModelFailure)
    return { kind: "model", message: error.message, model: error.model, at: Date.now() };
  if (error instanceof PluginError) return { kind: "main", code: error.code, message: error.message };
  const kind = kindOf(error);
  const message = error instanceof Error ? error.message : String(error);
  if (kind === "input") return { kind: "check", message };
  return kind === "crashed" ? { kind: "worker", message, crashed: true } : { kind: "worker", message };
}

/** No key saved for the chosen endpoint: said before anything is exported or sent (the one place the panels say it). */
export function missingKey(provider: string): ModelJobFailure {
  const { message, model } = missingKeyError(provider);
  return { kind: "model", message, model, at: Date.now() };
}

/** The same, thrown: a step that finds no key stops its job with it. */
export const missingKeyError = (provider: string): ModelFailure =>
  new ModelFailure(missingKeyText(provider), { kind: "missing-key" });

/** When Try again may run after a 429 with a retry-after (ms since the epoch); undefined when at once. */
export function retryAt(failure: {
  kind: string;
  model?: { retryAfterMs?: number | undefined };
  at?: number;
}): number | undefined {
  if (failure.kind !== "model" || failure.model?.retryAfterMs === undefined || failure.at === undefined)
    return undefined;
  return failure.at + failure.model.retryAfterMs;
}

/** The host of an endpoint URL ("api.openai.com"), or the text as it is when it is no URL. */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
