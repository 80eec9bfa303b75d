/**
 * Figment's ComfyUI client: what the server has is read first (discover.ts), the asked checkpoint, sampler,
 * scheduler and ControlNet model are matched against it (an unknown one refused naming what it has), the
 * reference, mask and control images uploaded, and one workflow run per image (seed, seed+1, …) so that a
 * cancel keeps the images already saved. Each run's images are fetched with /view. The user's own workflow
 * (`workflow`) runs instead of the built-in ones with its placeholders filled.
 */
import { Cancelled, isCancelled } from "../../kernel/cancelled.js";
import { ModelError, throwIfCancelled } from "../errors/classify.js";
import { imageInfo } from "../image/bytes.js";
import type { GeneratedImage } from "../image/result.js";
import type { SdProgress } from "../sdnext/job.js";
import { type ComfyServerInfo, discover, pickName } from "./discover.js";
import { unknownName } from "./errors.js";
import { type ComfyConnection, comfyBytes, uploadImage } from "./http.js";
import { type ImageRef, runWorkflow } from "./run.js";
import type { OpenSocket } from "./socket.js";
import { fillWorkflow } from "./workflow-file.js";
import { buildGraph, type ComfyGraph, type ComfyGraphInputs, roundSide } from "./workflows.js";
import type { LocalDrawing } from "../image/options.js";

export type ComfyControlType = "canny" | "lineart" | "scribble";

export interface ComfyGenerateOptions extends LocalDrawing {
  scheduler?: string;
  /** The first image's seed (the next ones +1 each); absent: a random one. */
  seed?: number;
  /** Images to make, one run each (default 1). */
  count?: number;
  /** A checkpoint the server lists (its file name, with or without folder and extension); absent: the first. */
  model?: string;
  /** img2img: PNG or JPEG bytes and how much to change them (0–1); with `mask`, inpainting (white = repaint). */
  reference?: { bytes: Uint8Array; strength: number; mask?: Uint8Array };
  /** A ControlNet render that keeps this image's structure. */
  control?: { bytes: Uint8Array; type: ComfyControlType; strength?: number };
  /** The user's own API-format workflow, run instead of the built-in ones. */
  workflow?: ComfyGraph;
}

export interface ComfyJobOptions {
  openSocket: OpenSocket;
  signal?: AbortSignal;
  onProgress?: (event: SdProgress) => void;
  /** After an interrupt, how long to wait for ComfyUI to end the run (default 30 s). */
  interruptGraceMs?: number;
  /** What an earlier call discovered on this server (its result's `server`): not asked again. */
  server?: ComfyServerInfo;
}

export interface ComfyImage extends GeneratedImage {
  seed: number;
}

export interface ComfyResult {
  images: ComfyImage[];
  /** Whether the run was cancelled (the images are what was saved before). */
  interrupted: boolean;
  partials: number;
  /** The checkpoint the built-in workflow used (absent for the user's own workflow). */
  model?: string;
  server: ComfyServerInfo;
}

/** FNV-1a of the bytes: the same picture uploads under the same name. */
function contentName(kind: string, bytes: Uint8Array): string {
  let hash = 0x811c9dc5;
  for (const byte of bytes) hash = Math.imul(hash ^ byte, 0x01000193) >>> 0;
  return `figment-${kind}-${hash.toString(16).padStart(8, "0")}.${imageInfo(bytes)?.format === "jpeg" ? "jpg" : "png"}`;
}

function controlModel(type: ComfyControlType, known: readonly string[]): string {
  const found = known.find((name) => name.toLowerCase().includes(type));
  if (!found) throw unknownName(`ControlNet model for ${type}`, type, known);
  return found;
}

const defaultOf = (preferred: string, known: readonly string[]): string => {
  if (known.includes(preferred)) return preferred;
  if (known[0] === undefined) throw unknownName(preferred === "euler" ? "sampler" : "scheduler", preferred, known);
  return known[0];
};

export async function comfyGenerate(
  connection: ComfyConnection,
  options: ComfyGenerateOptions,
  job: ComfyJobOptions,
): Promise<ComfyResult> {
  const { signal } = job;
  throwIfCancelled(signal);
  const server = job.server ?? (await discover(connection, signal));
  let checkpoint: string | undefined;
  let graphFor: (seed: number) => ComfyGraph;
  const image = options.reference
    ? await uploadImage(connection, contentName("ref", options.reference.bytes), options.reference.bytes, signal)
    : undefined;
  const mask = options.reference?.mask
    ? await uploadImage(connection, contentName("mask", options.reference.mask), options.reference.mask, signal)
    : undefined;
  if (options.workflow) {
    const workflow = options.workflow;
    graphFor = (seed) =>
      fillWorkflow(workflow, {
        prompt: options.prompt,
        negative: options.negativePrompt ?? "",
        seed,
        width: roundSide(options.width),
        height: roundSide(options.height),
        ...(image !== undefined ? { image } : {}),
        ...(mask !== undefined ? { mask } : {}),
      });
  } else {
    if (options.model === undefined && server.checkpoints[0] === undefined)
      throw unknownName("checkpoint", "(any)", []);
    const chosen = options.model ? pickName("checkpoint", options.model, server.checkpoints) : server.checkpoints[0]!;
    checkpoint = chosen;
    const sampler = options.sampler
      ? pickName("sampler", options.sampler, server.samplers)
      : defaultOf("euler", server.samplers);
    const scheduler = options.scheduler
      ? pickName("scheduler", options.scheduler, server.schedulers)
      : defaultOf("normal", server.schedulers);
    const inputs: ComfyGraphInputs = {};
    if (image !== undefined) {
      inputs.image = image;
      inputs.strength = options.reference!.strength;
      if (mask !== undefined) inputs.mask = mask;
    }
    if (options.control) {
      const model = controlModel(options.control.type, server.controlnets);
      const name = await uploadImage(
        connection,
        contentName("control", options.control.bytes),
        options.control.bytes,
        signal,
      );
      const type = options.control.type;
      const prepare = type === "canny" ? (server.nodes.has("Canny") ? "canny" : "none") : "invert";
      inputs.control = { image: name, model, strength: options.control.strength ?? 1, prepare };
    }
    graphFor = (seed) =>
      buildGraph(
        {
          prompt: options.prompt,
          negativePrompt: options.negativePrompt ?? "",
          checkpoint: chosen,
          width: options.width,
          height: options.height,
          seed,
          steps: options.steps ?? 20,
          cfg: options.cfgScale ?? 7,
          sampler,
          scheduler,
        },
        inputs,
      );
  }
  const count = Math.max(1, Math.round(options.count ?? 1));
  const first = options.seed ?? Math.floor(Math.random() * 2 ** 32);
  const images: ComfyImage[] = [];
  let partials = 0;
  let interrupted = false;
  for (let i = 0; i < count && !interrupted; i++) {
    if (signal?.aborted) {
      interrupted = true;
      break;
    }
    const seed = first + i;
    const graph = graphFor(seed);
    let refs: ImageRef[];
    try {
      const run = await runWorkflow(connection, graph, {
        openSocket: job.openSocket,
        ...(signal ? { signal } : {}),
        ...(job.interruptGraceMs !== undefined ? { interruptGraceMs: job.interruptGraceMs } : {}),
        onProgress: (event) => {
          if (event.type === "progress")
            job.onProgress?.({
              type: "progress",
              fraction: Math.min(1, (i + event.step / Math.max(1, event.steps)) / count),
              etaSeconds: 0,
              step: event.step,
              steps: event.steps,
            });
          else
            job.onProgress?.({
              type: "partial",
              image: images.length,
              index: partials++,
              bytes: event.bytes,
              format: event.format,
            });
        },
      });
      refs = run.images;
      interrupted = run.interrupted;
    } catch (error) {
      // A cancel after earlier images were saved keeps them.
      if (isCancelled(error) && images.length) {
        interrupted = true;
        break;
      }
      throw error;
    }
    for (const ref of refs) {
      const query = new URLSearchParams({ filename: ref.filename, subfolder: ref.subfolder, type: ref.type });
      const bytes = await comfyBytes(connection, `/view?${query}`);
      const info = imageInfo(bytes);
      if (!info) throw new ModelError("bad-output", `ComfyUI's ${ref.filename} is not an image Figment reads.`);
      const made: ComfyImage = { bytes, format: info.format, width: info.width, height: info.height, seed };
      job.onProgress?.({ type: "image", image: images.length, result: made });
      images.push(made);
    }
  }
  if (interrupted && images.length === 0)
    throw new Cancelled("The run was cancelled before ComfyUI had saved an image.");
  return { images, interrupted, partials, server, ...(checkpoint ? { model: checkpoint } : {}) };
}
