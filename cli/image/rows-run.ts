/**
 * Sends the rows' image requests (cli/image/rows-plan.ts) and writes each image as soon as it arrives, so
 * a failure or a cancel later keeps what finished. Rows run a few at a time; a row that fails on something
 * passing (5xx, timeout, cut-off stream, 429, offline) is retried once, alone, and a row that still fails
 * never stops the others. What fails the same way for every row (no key, key refused, unknown model) stops
 * the run: the rows not yet sent are reported as not sent. With `consistent`, rows go one at a time until an
 * image exists; it is then the first reference of every later request (withFirstImage).
 */
import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { ModelError, toModelError, type ModelErrorKind } from "../../ai/errors/classify.js";
import { isCancelled } from "../../kernel/cancelled.js";
import { ImageOptionsError } from "../../ai/image/check.js";
import type { ImageConfig } from "../../ai/image/config.js";
import { generateImages } from "../../ai/image/generate.js";
import type { ImageInput } from "../../ai/image/options.js";
import type { GeneratedImage } from "../../ai/image/result.js";
import { withFirstImage, type RowRequest, type SweepValue } from "../../ai/params/index.js";
import { cellParams } from "./rows-grid.js";
import { EXTENSIONS } from "../common/image-files.js";

/** Rows in flight at once: enough to overlap the model's minutes, few enough for rate limits. */
export const ROW_CONCURRENCY = 3;
const RETRY_KINDS: ReadonlySet<ModelErrorKind> = new Set(["server", "timeout", "truncated", "rate-limited", "offline"]);
const STOP_KINDS: ReadonlySet<ModelErrorKind> = new Set([
  "missing-key",
  "unauthorized",
  "forbidden",
  "model-not-found",
]);
/** The longest a 429's retry-after is honoured before the single retry (longer waits fail the row). */
const MAX_RETRY_WAIT_MS = 30_000;

export interface RowWritten {
  row: number;
  path: string;
  width: number;
  height: number;
  bytes: number;
  format: string;
  attempts: number;
  /** In a parameter grid: the cell's swept values (`{ cfg: 7, seed: 2 }`). */
  params?: Record<string, SweepValue>;
  /** The seed it was drawn with (a Stable Diffusion server says it). */
  seed?: number;
}

export interface RowFailed {
  row: number;
  error: ModelError;
  attempts: number;
}

export type RowEvent =
  | { type: "written"; written: RowWritten }
  | { type: "retry"; row: number; error: ModelError }
  | { type: "failed"; failed: RowFailed };

export interface RowsRunOptions {
  config: ImageConfig;
  out: string;
  consistent: boolean;
  timeoutMs: number;
  signal?: AbortSignal;
  onEvent?: (event: RowEvent) => void;
}

export interface RowsRunResult {
  written: RowWritten[];
  failed: RowFailed[];
  /** Rows never sent because the run stopped (a configuration failure, or cancel). */
  notSent: number[];
  /** Why the run stopped early, when it did. */
  stopped?: ModelError;
  cancelled: boolean;
  /** A local SD server's checkpoint, as its answers named it. */
  model?: string;
}

/** Writes `stem.ext` under `out`, or `stem-2.ext`, … — never over an existing file. */
export async function writeFresh(out: string, stem: string, image: GeneratedImage): Promise<string> {
  await mkdir(out, { recursive: true });
  const ext = EXTENSIONS[image.format];
  for (let k = 1; ; k++) {
    const path = join(out, `${stem}${k > 1 ? `-${k}` : ""}.${ext}`);
    if (existsSync(path)) continue;
    try {
      await writeFile(path, image.bytes, { flag: "wx" });
      return path;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
}

const wait = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener("abort", () => (clearTimeout(timer), resolve()), { once: true });
  });

export async function runRows(requests: readonly RowRequest[], options: RowsRunOptions): Promise<RowsRunResult> {
  const result: RowsRunResult = { written: [], failed: [], notSent: [], cancelled: false };
  const queue = [...requests];
  let first: ImageInput | undefined;
  const halted = (): boolean => result.stopped !== undefined || options.signal?.aborted === true;

  /** One row, retried once on a passing failure; returns its image's bytes when written. */
  async function runOne(planned: RowRequest): Promise<GeneratedImage | undefined> {
    const request = first ? withFirstImage(planned, first) : planned;
    for (let attempt = 1; ; attempt++) {
      try {
        const generated = await generateImages(options.config, request.request, {
          ...(options.signal ? { signal: options.signal } : {}),
          timeoutMs: options.timeoutMs,
          maxRetries: 0,
        });
        const image = generated.images[0];
        if (!image) throw new ModelError("bad-output", "The endpoint's reply held no image.");
        const path = await writeFresh(options.out, planned.stem, image);
        const written = {
          row: planned.row,
          path,
          width: image.width,
          height: image.height,
          bytes: image.bytes.length,
          format: image.format,
          attempts: attempt,
          ...(planned.cell ? { params: cellParams(planned.cell) } : {}),
        };
        result.written.push(written);
        options.onEvent?.({ type: "written", written });
        return image;
      } catch (caught) {
        const error =
          caught instanceof ImageOptionsError
            ? new ModelError("bad-request", caught.problems.map((p) => p.message).join(" "))
            : toModelError(caught, options.signal);
        if (isCancelled(error)) {
          result.cancelled = true;
          result.notSent.push(planned.row);
          return undefined;
        }
        if (attempt === 1 && RETRY_KINDS.has(error.reason) && (error.retryAfterMs ?? 0) <= MAX_RETRY_WAIT_MS) {
          options.onEvent?.({ type: "retry", row: planned.row, error });
          await wait(error.retryAfterMs ?? 250, options.signal);
          continue;
        }
        if (STOP_KINDS.has(error.reason)) result.stopped ??= error;
        const failed = { row: planned.row, error, attempts: attempt };
        result.failed.push(failed);
        options.onEvent?.({ type: "failed", failed });
        return undefined;
      }
    }
  }

  if (options.consistent) {
    // One at a time until the set has its first image; every later row carries it.
    while (!first && queue.length > 0 && !halted()) {
      const planned = queue.shift()!;
      const image = await runOne(planned);
      if (image) first = { bytes: image.bytes, name: `${planned.stem}.${EXTENSIONS[image.format]}` };
    }
  }
  const worker = async (): Promise<void> => {
    while (queue.length > 0 && !halted()) await runOne(queue.shift()!);
  };
  await Promise.all(Array.from({ length: Math.min(ROW_CONCURRENCY, queue.length) }, worker));
  result.notSent.push(...queue.map((r) => r.row));
  if (options.signal?.aborted) result.cancelled = true;
  const byRow = (a: { row: number }, b: { row: number }): number => a.row - b.row;
  result.written.sort(byRow);
  result.failed.sort(byRow);
  result.notSent.sort((a, b) => a - b);
  return result;
}
