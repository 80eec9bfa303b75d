/**
 * `figment image --template … --provider sdnext|a1111|comfyui`: the rows (or a parameter grid's cells) on a local
 * image server, one at a time — a local GPU runs one job at a time, so sending more only queues them there and makes
 * a cancel lose more. Each row's computed prompt goes to txt2img (img2img from --ref), with the SD flags and the
 * cell's swept values, through the server's RowsServer (rows-servers.ts: SD's API or ComfyUI's), and its image is
 * written as it arrives with the seed the server used. A failure the next row would meet too (server down,
 * credentials refused, no such route, a checkpoint or node type the server lacks) stops the run; any other failure
 * stays with its row. Ctrl-C interrupts the server, keeps what it returns and sends no more.
 */
import { ModelError, toModelError } from "../../ai/errors/classify.js";
import { isCancelled } from "../../kernel/cancelled.js";
import type { RowRequest } from "../../ai/params/index.js";
import { SdError, type SdGenerateOptions, type SdImage } from "../../ai/sdnext/index.js";
import { SD_DEFAULT_STRENGTH, type SdImageArgs } from "./sd-args.js";
import type { InputImage } from "./sd-command.js";
import { cellParams } from "./rows-grid.js";
import { writeFresh, type RowEvent, type RowsRunResult } from "./rows-run.js";
import type { RowsServer } from "./rows-servers.js";

export interface SdRowsOptions {
  sd: SdImageArgs;
  server: RowsServer;
  size: { width: number; height: number };
  init?: InputImage;
  out: string;
  /**
   * One seed for every row: --seed, else the seed of the first image. SD users make a consistent set by fixing
   * the seed (what A1111's X/Y plot does across its cells): the same noise keeps the composition and look while
   * the prompt changes. Sending the first image as an img2img reference instead would copy its layout into
   * every row, and its strength trades likeness against the row's own content.
   */
  consistent: boolean;
  signal?: AbortSignal;
  onEvent?: (event: RowEvent) => void;
}

const STOP_PROBLEMS: ReadonlySet<string> = new Set(["unreachable", "unauthorized", "no-route", "cors"]);

function stopsTheRun(error: ModelError, planned: RowRequest): boolean {
  if (!(error instanceof SdError)) return error.reason === "offline" || error.reason === "unauthorized";
  const { problem } = error;
  // ComfyUI: a checkpoint, scheduler or sampler it lacks fails every row, but a swept sampler only its own cells;
  // a workflow refused as a whole (a node type it lacks, no output) is every row's.
  if (problem.type === "unknown-name")
    return !(problem.what === "sampler" && problem.asked === planned.cell?.settings.sampler);
  return problem.type === "workflow-refused" || STOP_PROBLEMS.has(problem.type);
}

/** The request for `planned`: the SD flags, then what its grid cell sweeps, then the set's fixed seed. */
export function sdRowOptions(
  planned: RowRequest,
  options: Pick<SdRowsOptions, "sd" | "size">,
  fixedSeed: number | undefined,
): SdGenerateOptions & { strength: number } {
  const { sd } = options;
  const swept = planned.cell?.settings ?? {};
  const seed = swept.seed ?? fixedSeed ?? sd.seed;
  const sampler = swept.sampler ?? sd.sampler;
  const steps = swept.steps ?? sd.steps;
  const cfgScale = swept.cfgScale ?? sd.cfg;
  return {
    prompt: planned.request.prompt,
    width: options.size.width,
    height: options.size.height,
    batchSize: 1,
    strength: swept.strength ?? sd.strength ?? SD_DEFAULT_STRENGTH,
    ...(sd.negative !== undefined ? { negativePrompt: sd.negative } : {}),
    ...(steps !== undefined ? { steps } : {}),
    ...(cfgScale !== undefined ? { cfgScale } : {}),
    ...(sampler !== undefined ? { sampler } : {}),
    ...(seed !== undefined ? { seed } : {}),
  };
}

export async function runSdRows(requests: readonly RowRequest[], options: SdRowsOptions): Promise<RowsRunResult> {
  const result: RowsRunResult = { written: [], failed: [], notSent: [], cancelled: false };
  let fixedSeed =
    options.consistent && options.sd.seed !== undefined && options.sd.seed >= 0 ? options.sd.seed : undefined;
  for (const [at, planned] of requests.entries()) {
    if (result.stopped || options.signal?.aborted) {
      result.notSent.push(...requests.slice(at).map((r) => r.row));
      break;
    }
    const { strength, ...generate } = sdRowOptions(planned, options, fixedSeed);
    let image: SdImage | undefined;
    try {
      const init = options.init ? { bytes: options.init.bytes, strength } : undefined;
      const answer = await options.server.draw(generate, init, options.signal);
      image = answer.images[0];
      result.model ??= answer.model;
      if (answer.interrupted) result.cancelled = true;
      if (!image) throw new ModelError("bad-output", "The server's answer held no image.");
    } catch (caught) {
      const error = toModelError(caught, options.signal);
      if (isCancelled(error)) {
        result.cancelled = true;
        result.notSent.push(planned.row);
        continue;
      }
      if (stopsTheRun(error, planned)) result.stopped = error;
      const failed = { row: planned.row, error, attempts: 1 };
      result.failed.push(failed);
      options.onEvent?.({ type: "failed", failed });
      continue;
    }
    const path = await writeFresh(options.out, planned.stem, image);
    const seed = image.seed ?? generate.seed;
    if (options.consistent && fixedSeed === undefined && seed !== undefined && seed >= 0) fixedSeed = seed;
    const written = {
      row: planned.row,
      path,
      width: image.width,
      height: image.height,
      bytes: image.bytes.length,
      format: image.format,
      attempts: 1,
      ...(planned.cell ? { params: cellParams(planned.cell) } : {}),
      ...(seed !== undefined ? { seed } : {}),
    };
    result.written.push(written);
    options.onEvent?.({ type: "written", written });
  }
  if (options.signal?.aborted) result.cancelled = true;
  return result;
}
