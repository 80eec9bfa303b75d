/**
 * The local image server a rows run draws on (cli/image/rows-sd.ts), behind one small interface: one image for one
 * row's request. SD.Next and AUTOMATIC1111 answer through ai/sdnext's txt2img and img2img; ComfyUI through
 * ai/comfyui's comfyGenerate, one workflow run per row (the built-in txt2img or img2img, or the user's --workflow),
 * with what the server has discovered once for the whole run.
 */
import { type ComfyGraph, type ComfyServerInfo, comfyGenerate, type OpenSocket } from "../../ai/comfyui/index.js";
import {
  img2img,
  loadedModel,
  txt2img,
  type SdConnection,
  type SdGenerateOptions,
  type SdResult,
} from "../../ai/sdnext/index.js";

/** img2img's init image and how much each row repaints it. */
export interface RowInit {
  bytes: Uint8Array;
  strength: number;
}

export interface RowsServer {
  /** One image for `request` (from `init` when given); on cancel, what the server had made (`interrupted`). */
  draw(request: SdGenerateOptions, init: RowInit | undefined, signal: AbortSignal | undefined): Promise<SdResult>;
  /** The checkpoint that drew, when no answer named it; undefined when the server cannot say. */
  loadedModel(): Promise<string | undefined>;
}

export function sdRowsServer(connection: SdConnection, pollMs: number): RowsServer {
  return {
    draw(request, init, signal) {
      const job = { pollMs, ...(signal ? { signal } : {}) };
      return init
        ? img2img(connection, { ...request, initImage: init.bytes, denoisingStrength: init.strength }, job)
        : txt2img(connection, request, job);
    },
    loadedModel: () => loadedModel(connection).catch(() => undefined),
  };
}

export interface ComfyRowsChoices {
  baseUrl: string;
  /** A checkpoint the server lists (--model); absent: its first. */
  model?: string;
  /** KSampler's scheduler (--scheduler), one the server lists; absent: normal. */
  scheduler?: string;
  /** The user's API-format workflow (--workflow), run instead of the built-in ones. */
  workflow?: ComfyGraph;
  openSocket: OpenSocket;
}

export function comfyRowsServer(choices: ComfyRowsChoices): RowsServer {
  let server: ComfyServerInfo | undefined;
  return {
    async draw(request, init, signal) {
      const { seed, negativePrompt, steps, cfgScale, sampler } = request;
      const result = await comfyGenerate(
        { baseUrl: choices.baseUrl },
        {
          prompt: request.prompt,
          width: request.width,
          height: request.height,
          count: 1,
          // -1 (the server picks): ComfyUI has no such value, so the client picks one at random and says it.
          ...(seed !== undefined && seed >= 0 ? { seed } : {}),
          ...(negativePrompt !== undefined ? { negativePrompt } : {}),
          ...(steps !== undefined ? { steps } : {}),
          ...(cfgScale !== undefined ? { cfgScale } : {}),
          ...(sampler !== undefined ? { sampler } : {}),
          ...(choices.model !== undefined ? { model: choices.model } : {}),
          ...(choices.scheduler !== undefined ? { scheduler: choices.scheduler } : {}),
          ...(choices.workflow ? { workflow: choices.workflow } : {}),
          ...(init ? { reference: { bytes: init.bytes, strength: init.strength } } : {}),
        },
        { openSocket: choices.openSocket, ...(signal ? { signal } : {}), ...(server ? { server } : {}) },
      );
      server = result.server;
      return result;
    },
    // The built-in workflows' answers name their checkpoint; the user's own workflow names none, nor can ComfyUI.
    loadedModel: async () => undefined,
  };
}
