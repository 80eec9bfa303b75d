/**
 * The Image panel's ComfyUI jobs inside the worker (ai/comfyui), behind the same `sd-connect` and `sd-generate`
 * requests as SD's: the connection test reads /system_stats and /object_info (checkpoints as models, KSampler's
 * samplers, the version and device); a generation runs the built-in workflow the request asks for (txt2img,
 * img2img, inpainting with the traced mask, a ControlNet render) or the user's own, one run per image, its
 * WebSocket's preview frames sent to the panel as `image-partial` the moment they arrive. Aborting interrupts the
 * run (POST /interrupt) and the reply keeps the images already saved.
 */
import { ModelError } from "../../../ai/errors/classify.js";
import { comfyGenerate, discover, globalSocket, parseWorkflow, type OpenSocket } from "../../../ai/comfyui/index.js";
import type { ComfyGenerateOptions, ComfyServerInfo } from "../../../ai/comfyui/index.js";
import type { SdProgress } from "../../../ai/sdnext/index.js";
import type { ReplyOf, RequestOf } from "../protocol/index.js";
import type { JobContext } from "./job.js";
import { connectFailure, eventOf } from "./sd-events.js";

/**
 * What each ComfyUI server has (checkpoints, samplers, nodes), by base URL, for KNOWN_MS: a Rows run sends one
 * sd-generate per row, and reading /system_stats and /object_info before each cost five requests a row. Test
 * connection always reads afresh (and refreshes it); a failed run forgets it (a server restarted, a model removed).
 */
const KNOWN_MS = 60_000;
const known = new Map<string, { at: number; info: ComfyServerInfo }>();

async function serverInfo(baseUrl: string, signal: AbortSignal): Promise<ComfyServerInfo> {
  const kept = known.get(baseUrl);
  if (kept && Date.now() - kept.at < KNOWN_MS) return kept.info;
  const info = await discover({ baseUrl }, signal);
  known.set(baseUrl, { at: Date.now(), info });
  return info;
}

export async function runComfyConnect(
  request: RequestOf<"sd-connect">,
  { signal }: Pick<JobContext<"sd-connect">, "signal">,
): Promise<ReplyOf<"sd-connect">> {
  const timer = AbortSignal.timeout(request.timeoutMs);
  try {
    const info = await discover({ baseUrl: request.connection.baseUrl }, AbortSignal.any([signal, timer]));
    known.set(request.connection.baseUrl, { at: Date.now(), info });
    const server = ["ComfyUI", info.version, info.device ? `on ${info.device}` : undefined].filter(Boolean).join(" ");
    return {
      models: info.checkpoints.map((name) => ({ title: name, name })),
      samplers: info.samplers,
      server,
    };
  } catch (error) {
    throw connectFailure(error, { timer, signal }, request);
  }
}

function socketOpener(): OpenSocket {
  const open = globalSocket();
  if (!open) throw new ModelError("offline", "This browser has no WebSocket to watch ComfyUI's run.");
  return open;
}

/** The panel's request as ai/comfyui's options: the batch as that many runs, the init image as the reference. */
export function comfyOptionsOf(request: RequestOf<"sd-generate">["request"]): ComfyGenerateOptions {
  const { init, control, workflow, negativePrompt, sampler, model, seed } = request;
  return {
    prompt: request.prompt,
    width: request.width,
    height: request.height,
    steps: request.steps,
    cfgScale: request.cfgScale,
    count: request.batchSize,
    ...(negativePrompt ? { negativePrompt } : {}),
    ...(sampler ? { sampler } : {}),
    ...(model ? { model } : {}),
    ...(seed !== undefined ? { seed } : {}),
    ...(init
      ? { reference: { bytes: init.bytes, strength: init.strength, ...(init.mask ? { mask: init.mask.png } : {}) } }
      : {}),
    ...(control ? { control: { bytes: control.bytes, type: control.type, strength: control.strength } } : {}),
    ...(workflow ? { workflow: parseWorkflow(workflow, "The workflow file") } : {}),
  };
}

export async function runComfyGenerate(
  request: RequestOf<"sd-generate">,
  { signal, emit }: Pick<JobContext<"sd-generate">, "signal" | "emit">,
): Promise<ReplyOf<"sd-generate">> {
  const baseUrl = request.connection.baseUrl;
  const options = comfyOptionsOf(request.request);
  const result = await comfyGenerate({ baseUrl }, options, {
    openSocket: socketOpener(),
    server: await serverInfo(baseUrl, signal),
    signal,
    onProgress: (progress: SdProgress) => {
      const out = eventOf(progress);
      if (out) emit(out.event, out.transfer);
    },
  }).catch((error: unknown) => {
    known.delete(baseUrl);
    throw error;
  });
  return {
    images: result.images.map(({ bytes, format, width, height, seed }) => ({ bytes, format, width, height, seed })),
    interrupted: result.interrupted,
    partials: result.partials,
  };
}
