import { join } from "node:path";
import { Cancelled } from "../../kernel/cancelled.js";
import { plural } from "../../kernel/plural.js";
import { FigmentError } from "../../kernel/errors.js";
import type { ImageSize, ServedFormat } from "../../ai/image/options.js";
import type { RunFiles } from "../common/image-files.js";
import type { Output } from "../common/output.js";

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

/** What a local server's run wrote, as `--json` prints it. */
export interface RunReport {
  images: Awaited<ReturnType<typeof writeRunImages>>;
  partials: readonly { path: string; index: number }[];
  interrupted: boolean;
  mode: string;
  size: ImageSize;
  provider: string;
  baseUrl: string;
  model?: string;
}

/**
 * Prints what the run wrote (the report as JSON with --json, else a line per image) and ends it: 0 when the server
 * finished; when it was interrupted, 1 after --timeout or Cancelled (130) after Ctrl-C, saying the images it had
 * made were written. `server` names the server in those sentences ("ComfyUI", "the server"); `made` says what it did
 * with its images ("had saved", "returned").
 */
export function endRun(
  io: Output,
  report: RunReport,
  how: { json: boolean; out: string; stop: RunStop; timeoutSec: number | undefined; server: string; made: string },
): number {
  const { images } = report;
  if (how.json) io.out(JSON.stringify(report, null, 2));
  else {
    io.out(`wrote ${plural(images.length, "image")} to ${how.out}${report.model ? ` (${report.model})` : ""}`);
    for (const image of images)
      io.out(
        `  ${image.path}\t${image.width}×${image.height} ` +
          `${image.format}${image.seed !== null ? `\tseed ${image.seed}` : ""}`,
      );
    if (report.partials.length > 0)
      io.out(`  (${plural(report.partials.length, "preview")} under ${join(how.out, "partials")})`);
  }
  if (!report.interrupted) return 0;
  const kept =
    `${how.server} was interrupted and the ${plural(images.length, "image")} it ${how.made} ` +
    `${images.length === 1 ? "was" : "were"} written`;
  if (how.stop.by === "timeout") {
    io.err(`figment: the run took longer than --timeout ${how.timeoutSec} s: ${kept}`);
    return 1;
  }
  throw new Cancelled(`cancelled: ${kept}`);
}
