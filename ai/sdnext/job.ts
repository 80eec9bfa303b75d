/**
 * A generation request that runs while /sdapi/v1/progress is polled: each new preview (`current_image`) becomes a
 * partial image, each report a progress fraction with the server's ETA. Cancelling (the AbortSignal) sends
 * /sdapi/v1/interrupt once and keeps waiting for the generation's answer, so the images the server made so far
 * are kept; an interrupted run that returns none is Cancelled.
 */
import { Cancelled } from "../../kernel/cancelled.js";
import { ModelError, throwIfCancelled } from "../errors/classify.js";
import type { ImageProgress } from "../image/result.js";
import { sdRequest, type SdConnection } from "./http.js";
import { modelOf, readGeneration, readProgress, type SdImage, type SdProgressReport } from "./read.js";

export type SdProgress =
  | ImageProgress
  /** The server's progress: 0 to 1, its estimate of the seconds left, the sampling step. */
  | { type: "progress"; fraction: number; etaSeconds: number; step: number; steps: number };

export interface SdJobOptions {
  signal?: AbortSignal;
  onProgress?: (event: SdProgress) => void;
  /** Milliseconds between progress polls (default 1000). */
  pollMs?: number;
  /** After an interrupt, how long to wait for the server's answer before giving up (default 30 s). */
  interruptGraceMs?: number;
}

export interface SdResult {
  images: SdImage[];
  /** Whether the run was cancelled (the images are what it had made). */
  interrupted: boolean;
  /** How many previews arrived. */
  partials: number;
  /** The checkpoint that drew them, when the answer's info names it (AUTOMATIC1111's does). */
  model?: string;
}

const wait = (ms: number, signal: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
    signal.addEventListener("abort", done, { once: true });
  });

export async function runJob(
  connection: SdConnection,
  path: string,
  body: Record<string, unknown>,
  options: SdJobOptions = {},
): Promise<SdResult> {
  const { signal, onProgress } = options;
  throwIfCancelled(signal);
  const request = new AbortController();
  const polling = new AbortController();
  let interrupted = false;
  let partials = 0;
  let graceTimer: ReturnType<typeof setTimeout> | undefined;

  const onAbort = (): void => {
    if (interrupted) return;
    interrupted = true;
    // The server stops the run and answers the generation with what it has; that answer is what we keep.
    sdRequest(connection, { method: "POST", path: "/sdapi/v1/interrupt" }).catch(() => undefined);
    graceTimer = setTimeout(() => request.abort(), options.interruptGraceMs ?? 30_000);
  };
  signal?.addEventListener("abort", onAbort, { once: true });

  const poll = async (): Promise<void> => {
    let last = "";
    while (!polling.signal.aborted) {
      await wait(options.pollMs ?? 1000, polling.signal);
      if (polling.signal.aborted) return;
      let report: SdProgressReport | undefined;
      try {
        report = readProgress(
          await sdRequest(connection, { method: "GET", path: "/sdapi/v1/progress", signal: polling.signal }),
        );
      } catch {
        continue; // a failed poll is skipped: the generation's own answer says whether the run failed
      }
      if (!report || polling.signal.aborted || !report.running) continue;
      onProgress?.({
        type: "progress",
        fraction: report.fraction,
        etaSeconds: report.etaSeconds,
        step: report.step,
        steps: report.steps,
      });
      if (report.preview && report.preview.base64 !== last) {
        last = report.preview.base64;
        onProgress?.({
          type: "partial",
          image: 0,
          index: partials,
          bytes: report.preview.bytes,
          format: report.preview.format,
        });
        partials += 1;
      }
    }
  };

  const polled = onProgress ? poll() : Promise.resolve();
  try {
    const answer = await sdRequest(connection, { method: "POST", path, body, signal: request.signal });
    let images: SdImage[];
    try {
      images = readGeneration(answer);
    } catch (error) {
      if (interrupted && error instanceof ModelError && error.reason === "server")
        throw new Cancelled("The run was cancelled before the server had made an image.");
      throw error;
    }
    images.forEach((result, image) => onProgress?.({ type: "image", image, result }));
    const model =
      typeof answer === "object" && answer !== null ? modelOf((answer as Record<string, unknown>)["info"]) : undefined;
    return { images, interrupted, partials, ...(model ? { model } : {}) };
  } catch (error) {
    if (interrupted && request.signal.aborted)
      throw new Cancelled("The run was cancelled; the server did not answer after it was interrupted.");
    throw error;
  } finally {
    clearTimeout(graceTimer);
    signal?.removeEventListener("abort", onAbort);
    polling.abort();
    await polled;
  }
}
