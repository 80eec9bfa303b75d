/**
 * The Stable Diffusion jobs inside the worker (ai/sdnext): the connection test Settings shows (checkpoint, models,
 * samplers) and one generation, whose previews, progress and images go to the panel as events while it runs.
 * Aborting a generation interrupts the run on the server (ai/sdnext/job.ts): the reply is then what it returned.
 * A ComfyUI connection goes to comfy-job.ts.
 */
import {
  controlRender,
  img2img,
  listModels,
  listSamplers,
  txt2img,
  type SdConnection,
  type SdGenerateOptions,
  type SdProgress,
} from "../../../ai/sdnext/index.js";
import { sdRequest } from "../../../ai/sdnext/http.js";
import type { SdConnectionData } from "../protocol/sd.js";
import type { ReplyOf, RequestOf } from "../protocol/index.js";
import type { JobContext } from "./job.js";
import { runComfyConnect, runComfyGenerate } from "./comfy-job.js";
import { connectFailure, eventOf } from "./sd-events.js";

const connectionOf = (data: SdConnectionData): SdConnection => ({
  baseUrl: data.baseUrl,
  ...(data.auth ? { auth: data.auth } : {}),
});

/** Options, models and samplers, within `timeoutMs`; a test that ran out of time is a `timeout`, not a cancel. */
export async function runSdConnect(
  request: RequestOf<"sd-connect">,
  { signal }: JobContext<"sd-connect">,
): Promise<ReplyOf<"sd-connect">> {
  if (request.connection.comfy) return runComfyConnect(request, { signal });
  const connection = connectionOf(request.connection);
  const timer = AbortSignal.timeout(request.timeoutMs);
  const both = AbortSignal.any([signal, timer]);
  try {
    const options = await sdRequest(connection, { method: "GET", path: "/sdapi/v1/options", signal: both });
    const checkpoint =
      typeof options === "object" && options !== null
        ? (options as Record<string, unknown>)["sd_model_checkpoint"]
        : undefined;
    const [models, samplers] = await Promise.all([listModels(connection, both), listSamplers(connection, both)]);
    return { ...(typeof checkpoint === "string" && checkpoint ? { model: checkpoint } : {}), models, samplers };
  } catch (error) {
    throw connectFailure(error, { timer, signal }, request);
  }
}

export async function runSdGenerate(
  request: RequestOf<"sd-generate">,
  { signal, emit }: JobContext<"sd-generate">,
): Promise<ReplyOf<"sd-generate">> {
  if (request.connection.comfy) return runComfyGenerate(request, { signal, emit });
  const connection = connectionOf(request.connection);
  const { init, control, negativePrompt, sampler, model, seed, ...rest } = request.request;
  const options: SdGenerateOptions = {
    ...rest,
    ...(negativePrompt ? { negativePrompt } : {}),
    ...(sampler ? { sampler } : {}),
    ...(model ? { model } : {}),
    ...(seed !== undefined ? { seed } : {}),
  };
  const job = {
    signal,
    ...(request.pollMs !== undefined ? { pollMs: request.pollMs } : {}),
    onProgress: (progress: SdProgress) => {
      const out = eventOf(progress);
      if (out) emit(out.event, out.transfer);
    },
  };
  const mask = init?.mask
    ? {
        mask: {
          bytes: init.mask.png,
          blur: init.mask.blur,
          fill: init.mask.fill,
          fullRes: init.mask.fullRes,
          fullResPadding: init.mask.fullResPadding,
        },
      }
    : {};
  const result = control
    ? await controlRender(
        connection,
        { ...options, controlImage: control.bytes, units: [{ type: control.type, strength: control.strength }] },
        job,
      )
    : init
      ? await img2img(connection, { ...options, initImage: init.bytes, denoisingStrength: init.strength, ...mask }, job)
      : await txt2img(connection, options, job);
  return {
    images: result.images.map((image) => ({
      bytes: image.bytes,
      format: image.format,
      width: image.width,
      height: image.height,
      ...(image.seed !== undefined ? { seed: image.seed } : {}),
    })),
    interrupted: result.interrupted,
    partials: result.partials,
  };
}
