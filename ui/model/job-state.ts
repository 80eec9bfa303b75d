/**
 * What a model job (Code's, Image's, Analyze's) holds and shows: export → prepare → confirm → stream →
 * failed / cancelled → idle again once the panel has the result. Each panel adds its own confirm data and
 * streamed progress; the failures and their classification are the same for all. Pure.
 */
import type { ErrorCode } from "../../contract/messages.js";
import { isCancelled } from "../../contract/cancelled.js";
import { MainThreadError } from "../channel/requests.js";
import { CodegenError, ModelFailure } from "../engine/engine.js";
import type { ModelFailureData } from "../engine/protocol/index.js";

export type ModelJobFailure =
  | { kind: "model"; message: string; model: ModelFailureData; at: number }
  | { kind: "main"; code: ErrorCode; message: string }
  /** The request did not pass a check (not Figma JSON, a reference that is no image, Compare with one frame): nothing was sent. */
  | { kind: "check"; message: string }
  | { kind: "worker"; message: string };

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

/** `C`: the panel's confirm state, `S`: its streamed progress. `partial`: the stream as it was when it failed or was stopped (shown, never kept). */
export type ModelJobState<C extends ConfirmBase, S extends StreamBase> =
  | { phase: "idle" }
  | Exporting
  | { phase: "preparing" }
  | C
  | S
  | { phase: "failed"; failure: ModelJobFailure; partial?: S }
  | { phase: "cancelled"; partial?: S };

/** Thrown by a panel's prepare when the request cannot go as it is (nothing was sent). */
export class RequestCheckError extends Error {
  override name = "RequestCheckError";
}

export const IDLE = { phase: "idle" } as const;

export const isBusy = (state: { phase: string }): boolean => state.phase === "exporting" || state.phase === "preparing" || state.phase === "streaming";

/** What any step of a model job threw, as the panel explains it; "cancelled" when the user (or a newer run) stopped it. */
export function failureOf(error: unknown): ModelJobFailure | "cancelled" {
  if (isCancelled(error)) return "cancelled";
  if (error instanceof ModelFailure) return { kind: "model", message: error.message, model: error.model, at: Date.now() };
  if (error instanceof MainThreadError) return { kind: "main", code: error.code, message: error.message };
  if ((error instanceof CodegenError && error.bad) || error instanceof RequestCheckError) return { kind: "check", message: error.message };
  return { kind: "worker", message: error instanceof Error ? error.message : String(error) };
}

/** No key saved for the chosen endpoint: said before anything is exported or sent. */
export function missingKey(provider: string): ModelJobFailure {
  return { kind: "model", message: `No API key for ${provider}.`, model: { kind: "missing-key" }, at: Date.now() };
}

/** When Try again may run after a 429 with a retry-after (ms since the epoch); undefined when at once. */
export function retryAt(failure: { kind: string; model?: { retryAfterMs?: number | undefined }; at?: number }): number | undefined {
  if (failure.kind !== "model" || failure.model?.retryAfterMs === undefined || failure.at === undefined) return undefined;
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
