/** What the image job holds and shows, and how streamed events move it along. Pure. */
import type { ImageEstimate } from "../../ai/image/estimate.js";
import type { ImageApi } from "../../ai/image/options.js";
import type { ErrorCode } from "../../contract/messages.js";
import { RequestCancelledError } from "../../contract/requests.js";
import { MainThreadError } from "../channel/requests.js";
import { WorkerCancelledError } from "../engine/engine.js";
import type { ImageEvent, ModelFailureData } from "../engine/protocol/index.js";
import type { ImageUsageData } from "../engine/protocol/image.js";

export type ImageFailure =
  | { kind: "model"; message: string; model: ModelFailureData; at: number }
  | { kind: "main"; code: ErrorCode; message: string }
  /** The request did not pass the check (a reference that is no image, …): nothing was sent. */
  | { kind: "check"; message: string }
  | { kind: "worker"; message: string };

/** Where a request goes, as the estimate card and the stream say it. */
export interface Destination {
  api: ImageApi;
  model: string;
  imageModel: string;
  host: string;
}

/** One image's slot while the request runs: how many partial images came, and whether it is done. */
export interface Slot {
  partials: number;
  done: boolean;
}

export interface Streaming {
  phase: "streaming";
  to: Destination;
  /** The version being refined (its number), if any. */
  refining: number | undefined;
  prompt: string;
  reasoning: string;
  message: string;
  slots: Slot[];
  /** Width / height of the images asked for (1 for auto), so the slots have their shape before any pixel. */
  aspect: number;
  usage: ImageUsageData | undefined;
  startedAt: number;
}

export type ImageState =
  | { phase: "idle" }
  | { phase: "exporting"; done: number; total: number; label: string }
  | { phase: "preparing" }
  | { phase: "confirm"; to: Destination; estimate: ImageEstimate; notes: string[]; prompt: string; refining: number | undefined; references: string[]; withHint: boolean }
  | Streaming
  | { phase: "failed"; failure: ImageFailure }
  | { phase: "cancelled" };

export function streaming(to: Destination, prompt: string, count: number, aspect: number, refining: number | undefined, startedAt: number): Streaming {
  return { phase: "streaming", to, refining, prompt, reasoning: "", message: "", slots: Array.from({ length: count }, () => ({ partials: 0, done: false })), aspect, usage: undefined, startedAt };
}

/** Applies one streamed event (partial images are painted apart from the state; here they are counted). */
export function applyImageEvent(state: Streaming, event: ImageEvent): Streaming {
  switch (event.type) {
    case "image-partial":
    case "image-done": {
      const slots = [...state.slots];
      const slot = slots[event.image] ?? { partials: 0, done: false };
      slots[event.image] = event.type === "image-partial" ? { ...slot, partials: slot.partials + 1 } : { ...slot, done: true };
      return { ...state, slots };
    }
    case "image-text":
      return event.channel === "reasoning" ? { ...state, reasoning: state.reasoning + event.delta } : { ...state, message: state.message + event.delta };
    case "image-usage":
      return { ...state, usage: event.usage };
  }
}

export const isBusy = (state: ImageState): boolean => state.phase === "exporting" || state.phase === "preparing" || state.phase === "streaming";

export const hostOf = (url: string): string => {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
};

export function failureOf(error: unknown): ImageFailure | "cancelled" {
  if (error instanceof RequestCancelledError || error instanceof WorkerCancelledError) return "cancelled";
  if (error instanceof MainThreadError) return error.code === "cancelled" ? "cancelled" : { kind: "main", code: error.code, message: error.message };
  return { kind: "worker", message: error instanceof Error ? error.message : String(error) };
}

