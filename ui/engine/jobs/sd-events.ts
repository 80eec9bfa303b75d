/**
 * A local server's progress as the panel's events (SD.Next's polls and ComfyUI's WebSocket alike): a preview, its
 * buffer transferred rather than copied and stamped with when it left the worker, or the sampling progress.
 */
import { ModelError } from "../../../ai/errors/classify.js";
import type { SdProgress } from "../../../ai/sdnext/index.js";
import type { SdEvent } from "../protocol/index.js";

/** A preview (its buffer transferred, not copied) or a progress report; finished images come in the reply only. */
export function eventOf(progress: SdProgress): { event: SdEvent; transfer?: ArrayBuffer[] } | undefined {
  if (progress.type === "progress")
    return {
      event: {
        type: "sd-progress",
        fraction: progress.fraction,
        etaSeconds: progress.etaSeconds,
        step: progress.step,
        steps: progress.steps,
      },
    };
  if (progress.type !== "partial") return undefined;
  const own = progress.bytes.slice();
  return {
    event: {
      type: "image-partial",
      image: progress.image,
      index: progress.index,
      bytes: own,
      ...(progress.format ? { format: progress.format } : {}),
      at: performance.timeOrigin + performance.now(),
    },
    transfer: [own.buffer],
  };
}

/**
 * A connection test's failure (sd-connect, either server): its own timer's abort is said as a timeout naming the
 * server; a cancel or anything else stays as it is.
 */
export function connectFailure(
  error: unknown,
  { timer, signal }: { timer: AbortSignal; signal: AbortSignal },
  request: { connection: { baseUrl: string }; timeoutMs: number },
): unknown {
  if (!timer.aborted || signal.aborted) return error;
  return new ModelError(
    "timeout",
    `No answer from ${request.connection.baseUrl} within ${Math.round(request.timeoutMs / 1000)} s.`,
    { cause: error },
  );
}
