import { Cancelled } from "../../kernel/cancelled.js";
import { FigmentError } from "../../kernel/errors.js";
import type { ServedFormat } from "../../ai/image/options.js";
import type { RunFiles } from "../common/image-files.js";

/**
 * How a local server's run is stopped: Ctrl-C (the command's signal) and --timeout both abort one signal, which
 * interrupts the server (it answers with what it made); which one fired first decides the exit (130 or 1).
 */
export interface RunStop {
  signal: AbortSignal;
  /** What stopped the run, if anything did. */
  readonly by: "cancel" | "timeout" | undefined;
  /** Clears the timer and lets go of the command's signal; call once the run is over. */
  dispose(): void;
}

export function runStop(outer: AbortSignal | undefined, timeoutSec: number | undefined): RunStop {
  const stop = new AbortController();
  let by: RunStop["by"];
  const cancel = (): void => {
    by ??= "cancel";
    stop.abort();
  };
  if (outer?.aborted) cancel();
  outer?.addEventListener("abort", cancel, { once: true });
  const timer =
    timeoutSec !== undefined
      ? setTimeout(() => {
          by ??= "timeout";
          stop.abort();
        }, timeoutSec * 1000)
      : undefined;
  return {
    signal: stop.signal,
    get by() {
      return by;
    },
    dispose() {
      clearTimeout(timer);
      outer?.removeEventListener("abort", cancel);
    },
  };
}

/**
 * The error of a run stopped before `server` had saved an image (nothing written): --timeout's says what to change,
 * Ctrl-C's is the cancel (exit 130).
 */
export function stoppedWithoutImages(stop: RunStop, timeoutSec: number | undefined, server: string): Error {
  if (stop.by !== "timeout") return new Cancelled("cancelled; nothing was written");
  return new FigmentError(
    "network",
    `the run took longer than --timeout ${timeoutSec} s and was interrupted before ${server} had made an image; ` +
      "nothing was written. Raise --timeout, or ask for fewer --steps or a smaller --size.",
  );
}

/** A server's finished images written under `files.out` (all or none: a failed write removes what the run wrote). */
export async function writeRunImages<
  T extends { bytes: Uint8Array; format: ServedFormat; width: number; height: number },
>(
  files: RunFiles,
  images: readonly T[],
  seedOf: (image: T) => number | null,
): Promise<
  { path: string; width: number; height: number; bytes: number; format: ServedFormat; seed: number | null }[]
> {
  const written = images.map((image, i) => ({
    path: files.write(files.imageName(i, image.format), image.bytes),
    width: image.width,
    height: image.height,
    bytes: image.bytes.length,
    format: image.format,
    seed: seedOf(image),
  }));
  try {
    await files.flush();
  } catch (error) {
    await files.removeAll();
    throw new FigmentError("input", `could not write under ${files.out}: ${(error as Error).message}`);
  }
  return written;
}
