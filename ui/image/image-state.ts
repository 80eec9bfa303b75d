/** What the image job shows (its estimate card and streamed progress), and how streamed events move it along. Pure. */
import type { ImageEstimate } from "../../ai/image/estimate.js";
import type { ImageApi } from "../../ai/image/options.js";
import type { ConfirmBase, Destination as ModelDestination, ModelJobState } from "../model/job-state.js";
import type { ImageEvent, SdEvent } from "../engine/protocol/index.js";
import type { ImageUsageData } from "../engine/protocol/image.js";

/** Where a request goes, as the estimate card and the stream say it: the model, and the one that draws. */
export interface Destination extends ModelDestination {
  api: ImageApi;
  imageModel: string;
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
  /** A local SD server's run: its last progress report (fraction, ETA, step), and whether Cancel asked it to stop. */
  sd?: {
    progress: { fraction: number; etaSeconds: number; step: number; steps: number } | undefined;
    stopping: boolean;
  };
}

/** Cancel on an SD run: the interrupt was sent; the server's answer (the images made so far) is awaited. */
export interface SdStopping {
  type: "sd-stopping";
}
/** What moves an image run's progress: the hosted model's events, the SD server's, and Cancel's interrupt. */
export type ImageRunEvent = ImageEvent | SdEvent | SdStopping;

export interface ImageConfirm extends ConfirmBase {
  to: Destination;
  estimate: ImageEstimate;
  notes: string[];
  prompt: string;
  /** The version being refined (its number), if any. */
  refining: number | undefined;
  /** The frames sent as the reference (their names). */
  references: string[];
  withHint: boolean;
  /** "Render this frame": the frame's name (its picture is the reference, its layout kept). */
  render?: string;
}

export type ImageState = ModelJobState<ImageConfirm, Streaming>;

export function streaming(
  to: Destination,
  prompt: string,
  count: number,
  aspect: number,
  refining: number | undefined,
  startedAt: number,
): Streaming {
  return {
    phase: "streaming",
    to,
    refining,
    prompt,
    reasoning: "",
    message: "",
    slots: Array.from({ length: count }, () => ({ partials: 0, done: false })),
    aspect,
    usage: undefined,
    startedAt,
  };
}

/** Applies one streamed event (partial images are painted apart from the state; here they are counted). */
export function applyImageEvent(state: Streaming, event: ImageRunEvent): Streaming {
  switch (event.type) {
    case "sd-progress": {
      const { type: _type, ...progress } = event;
      return { ...state, sd: { stopping: state.sd?.stopping ?? false, progress } };
    }
    case "sd-stopping":
      return { ...state, sd: { progress: state.sd?.progress, stopping: true } };
    case "image-partial":
    case "image-done": {
      const slots = [...state.slots];
      const slot = slots[event.image] ?? { partials: 0, done: false };
      slots[event.image] =
        event.type === "image-partial" ? { ...slot, partials: slot.partials + 1 } : { ...slot, done: true };
      return { ...state, slots };
    }
    case "image-text":
      return event.channel === "reasoning"
        ? { ...state, reasoning: state.reasoning + event.delta }
        : { ...state, message: state.message + event.delta };
    case "image-usage":
      return { ...state, usage: event.usage };
  }
}
