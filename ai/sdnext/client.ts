/**
 * Figment's client of SD.Next / AUTOMATIC1111's API (`/sdapi/v1/…`): txt2img, img2img with an optional inpainting
 * mask, ControlNet renders (SD.Next's /sdapi/v1/control, or A1111's ControlNet extension through
 * `alwayson_scripts.controlnet`), the model and sampler lists and a connection test. Bodies carry only fields of
 * SD.Next's request models (the test server refuses any other).
 */
import { bytesToBase64 } from "../../kernel/base64.js";
import { ModelError } from "../errors/classify.js";
import { oneLine, SdError, type SdServerKind } from "./errors.js";
import { sdRequest, type SdConnection } from "./http.js";
import { runJob, type SdJobOptions, type SdResult } from "./job.js";
import { readModels, readNames, readSamplers, type SdModel } from "./read.js";
import type { LocalDrawing } from "../image/options.js";
import { roundTo8 } from "./latent-size.js";

export { roundTo8 };

export interface SdGenerateOptions extends LocalDrawing {
  /** -1 or undefined: the server picks. */
  seed?: number;
  batchSize?: number;
  /**
   * A checkpoint title from /sdapi/v1/sd-models, for this request only (`override_settings`); absent: the loaded one.
   */
  model?: string;
}

/** How a masked area is filled before it is repainted (A1111's `inpainting_fill` 0–3). */
export type SdMaskFill = "fill" | "original" | "latent-noise" | "latent-nothing";
const FILL: Readonly<Record<SdMaskFill, number>> = { fill: 0, original: 1, "latent-noise": 2, "latent-nothing": 3 };

export interface SdMask {
  /** PNG bytes at the init image's size: white = repaint. */
  bytes: Uint8Array;
  blur?: number;
  fill?: SdMaskFill;
  /** Repaint the masked area at full resolution ("only masked"), with this padding in px. */
  fullRes?: boolean;
  fullResPadding?: number;
  /** Repaint what is black instead. */
  invert?: boolean;
}

export interface SdImg2ImgOptions extends SdGenerateOptions {
  /** PNG or JPEG bytes. */
  initImage: Uint8Array;
  /** 0 keeps the image, 1 ignores it. */
  denoisingStrength: number;
  mask?: SdMask;
}

export type SdControlType = "canny" | "lineart" | "scribble";

export interface SdControlUnit {
  type: SdControlType;
  /** 0 to 2 (default 1). */
  strength?: number;
}

export interface SdControlOptions extends SdGenerateOptions {
  /** The frame's PNG: the structure the render keeps. */
  controlImage: Uint8Array;
  units: SdControlUnit[];
}

function generationBody(options: SdGenerateOptions): Record<string, unknown> {
  const body: Record<string, unknown> = {
    prompt: options.prompt,
    width: roundTo8(options.width),
    height: roundTo8(options.height),
    send_images: true,
    save_images: false,
  };
  if (options.negativePrompt) body["negative_prompt"] = options.negativePrompt;
  if (options.steps !== undefined) body["steps"] = Math.max(1, Math.round(options.steps));
  if (options.cfgScale !== undefined) body["cfg_scale"] = options.cfgScale;
  if (options.sampler) body["sampler_name"] = options.sampler;
  if (options.seed !== undefined) body["seed"] = Math.round(options.seed);
  if (options.batchSize !== undefined) body["batch_size"] = Math.max(1, Math.round(options.batchSize));
  if (options.model) body["override_settings"] = { sd_model_checkpoint: options.model };
  return body;
}

export function txt2img(
  connection: SdConnection,
  options: SdGenerateOptions,
  job: SdJobOptions = {},
): Promise<SdResult> {
  return runJob(connection, "/sdapi/v1/txt2img", generationBody(options), job);
}

export function img2imgBody(options: SdImg2ImgOptions): Record<string, unknown> {
  const body = {
    ...generationBody(options),
    init_images: [bytesToBase64(options.initImage)],
    denoising_strength: Math.min(1, Math.max(0, options.denoisingStrength)),
  };
  const mask = options.mask;
  if (!mask) return body;
  return {
    ...body,
    mask: bytesToBase64(mask.bytes),
    mask_blur: Math.max(0, Math.round(mask.blur ?? 4)),
    inpainting_fill: FILL[mask.fill ?? "original"],
    inpaint_full_res: mask.fullRes ?? false,
    inpaint_full_res_padding: Math.max(0, Math.round(mask.fullResPadding ?? 32)),
    inpainting_mask_invert: mask.invert ? 1 : 0,
  };
}

export function img2img(
  connection: SdConnection,
  options: SdImg2ImgOptions,
  job: SdJobOptions = {},
): Promise<SdResult> {
  return runJob(connection, "/sdapi/v1/img2img", img2imgBody(options), job);
}

export function listModels(connection: SdConnection, signal?: AbortSignal): Promise<SdModel[]> {
  return sdRequest(connection, { method: "GET", path: "/sdapi/v1/sd-models", ...(signal ? { signal } : {}) }).then(
    readModels,
  );
}

export function listSamplers(connection: SdConnection, signal?: AbortSignal): Promise<string[]> {
  return sdRequest(connection, { method: "GET", path: "/sdapi/v1/samplers", ...(signal ? { signal } : {}) }).then(
    readSamplers,
  );
}

export interface SdConnectionReport {
  /** The loaded checkpoint, as the server's options say. */
  model: string | undefined;
  models: number;
}

/**
 * The checkpoint the server has loaded (/sdapi/v1/options `sd_model_checkpoint`), or undefined when it does not say.
 */
export async function loadedModel(connection: SdConnection, signal?: AbortSignal): Promise<string | undefined> {
  const options = await sdRequest(connection, {
    method: "GET",
    path: "/sdapi/v1/options",
    ...(signal ? { signal } : {}),
  });
  const checkpoint =
    typeof options === "object" && options !== null && !Array.isArray(options)
      ? (options as Record<string, unknown>)["sd_model_checkpoint"]
      : undefined;
  return typeof checkpoint === "string" && checkpoint.trim() !== "" ? checkpoint.trim() : undefined;
}

/** Reads /sdapi/v1/options and the model list: the server answers, with these credentials, as an SD API. */
export async function testConnection(connection: SdConnection, signal?: AbortSignal): Promise<SdConnectionReport> {
  const options = await sdRequest(connection, {
    method: "GET",
    path: "/sdapi/v1/options",
    ...(signal ? { signal } : {}),
  });
  if (typeof options !== "object" || options === null || Array.isArray(options))
    throw new ModelError(
      "bad-output",
      "The server's /sdapi/v1/options is not a settings object: is this an SD.Next or AUTOMATIC1111 API?",
    );
  const checkpoint = (options as Record<string, unknown>)["sd_model_checkpoint"];
  const models = await listModels(connection, signal);
  return { model: typeof checkpoint === "string" ? checkpoint : undefined, models: models.length };
}

export interface SdControlSupport {
  server: SdServerKind;
  /** The ControlNet models the server lists ([] when it has no ControlNet). */
  models: string[];
  controlnet: boolean;
}

/**
 * Which server it is, from its routes: SD.Next lists /sdapi/v1/control-models; A1111's extension
 * /controlnet/model_list.
 */
export async function detectControl(connection: SdConnection, signal?: AbortSignal): Promise<SdControlSupport> {
  const get = (path: string): Promise<unknown> =>
    sdRequest(connection, { method: "GET", path, ...(signal ? { signal } : {}) });
  const missing = (error: unknown): boolean => error instanceof SdError && error.problem.type === "no-route";
  try {
    return { server: "sdnext", models: readNames(await get("/sdapi/v1/control-models")), controlnet: true };
  } catch (error) {
    if (!missing(error)) throw error;
  }
  try {
    return { server: "a1111", models: readNames(await get("/controlnet/model_list"), "model_list"), controlnet: true };
  } catch (error) {
    if (!missing(error)) throw error;
    return { server: "a1111", models: [], controlnet: false };
  }
}

/** SD.Next's preprocessor and A1111's module for each unit type (a wireframe is black lines on white). */
const SDNEXT_PROCESS: Readonly<Record<SdControlType, string>> = {
  canny: "Canny",
  lineart: "LineArt Realistic",
  scribble: "",
};
const A1111_MODULE: Readonly<Record<SdControlType, string>> = {
  canny: "canny",
  lineart: "lineart_standard (from white bg & black line)",
  scribble: "invert (from white bg & black line)",
};

function modelFor(type: SdControlType, models: readonly string[]): string {
  const found = models.find((name) => name.toLowerCase().includes(type));
  if (!found)
    throw new SdError(
      "bad-request",
      `The server has no ControlNet model for ${type}${
        models.length
          ? ` (it has ${models
              .slice(0, 5)
              .map((name) => oneLine(name, 60))
              .join(", ")})`
          : ""
      }.`,
      { type: "no-control-model", unit: type, models: [...models] },
    );
  return found;
}

/** A render that keeps the control image's structure, through whichever ControlNet the server has. */
export async function controlRender(
  connection: SdConnection,
  options: SdControlOptions,
  job: SdJobOptions = {},
): Promise<SdResult> {
  const support = await detectControl(connection, job.signal);
  if (!support.controlnet)
    throw new SdError(
      "bad-request",
      "The server has no ControlNet: neither SD.Next's control API nor AUTOMATIC1111's ControlNet extension answered.",
      { type: "no-controlnet" },
    );
  const image = bytesToBase64(options.controlImage);
  const body = generationBody(options);
  const units = options.units.length ? options.units : [{ type: "canny" as const }];
  if (support.server === "sdnext") {
    // SD.Next's control request has no override_settings: it draws with the loaded checkpoint.
    const { width, height, batch_size: batchSize, override_settings: _override, ...rest } = body;
    const control = units.map((unit) => ({
      process: SDNEXT_PROCESS[unit.type],
      model: modelFor(unit.type, support.models),
      strength: unit.strength ?? 1,
      unit_type: "controlnet",
      // A scribble unit takes the frame as its control map as it is; the others run their preprocessor on `inputs`.
      ...(unit.type === "scribble" ? { image } : {}),
    }));
    const request = {
      ...rest,
      inputs: [image],
      control,
      width_before: width,
      height_before: height,
      resize_mode_before: 1,
      ...(batchSize !== undefined ? { batch_size: batchSize } : {}),
    };
    return runJob({ ...connection, server: "sdnext" }, "/sdapi/v1/control", request, job);
  }
  const args = units.map((unit) => ({
    enabled: true,
    image,
    module: A1111_MODULE[unit.type],
    model: modelFor(unit.type, support.models),
    weight: unit.strength ?? 1,
    resize_mode: "Crop and Resize",
    pixel_perfect: true,
    control_mode: "Balanced",
    save_detected_map: false,
  }));
  return runJob(
    { ...connection, server: "a1111" },
    "/sdapi/v1/txt2img",
    { ...body, alwayson_scripts: { controlnet: { args } } },
    job,
  );
}
