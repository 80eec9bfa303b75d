/**
 * The Image panel's form for a local Stable Diffusion server, as data: its checks (a size on SD's 8-px grid, whole
 * steps, a CFG scale, a seed or blank for random), each problem tied to its control with a value that would do,
 * and the request the worker gets (`sd-generate`). Pure.
 */
import type { SelectedNode } from "../../contract/messages.js";
import type { Settings } from "../../contract/settings.js";
import type { SdRequestData } from "../engine/protocol/sd.js";
import type { ImageForm } from "./form.js";

export type SdField = "size" | "steps" | "cfgScale" | "seed";

/** SD's sizes: a multiple of 8 (its latent grid), 64 to 2048 px a side. */
export const SD_SIDE = { min: 64, max: 2048 } as const;
export const SD_MAX_STEPS = 150;
export const SD_CFG = { min: 1, max: 30 } as const;
/** The most images one run makes here (SD's batch size). */
export const SD_MAX_COUNT = 4;

/** A side on SD's 8-px grid, within SD_SIDE. */
export function onGrid(side: number): number {
  return Math.min(SD_SIDE.max, Math.max(SD_SIDE.min, Math.round(side / 8) * 8));
}

/** The selected frame's shape at SD's scale: its long side 768 px, both sides on the grid. */
export function sdFrameSize(frame: Pick<SelectedNode, "width" | "height">): { width: number; height: number } {
  const scale = 768 / Math.max(frame.width, frame.height, 1);
  return { width: onGrid(frame.width * scale), height: onGrid(frame.height * scale) };
}

const whole = (text: string): number | undefined => (/^\s*\d{1,16}\s*$/.test(text) ? Number(text) : undefined);
const decimal = (text: string): number | undefined =>
  /^\s*\d{1,3}(\.\d{1,3})?\s*$/.test(text) ? Number(text) : undefined;

export interface SdFormCheck {
  problems: Partial<Record<SdField, string>>;
  /** A size on the grid, offered beside a size problem. */
  suggestion?: { width: number; height: number };
  ready: boolean;
}

export function checkSdForm(form: ImageForm): SdFormCheck {
  const problems: Partial<Record<SdField, string>> = {};
  let suggestion: { width: number; height: number } | undefined;
  const width = whole(form.sdWidth);
  const height = whole(form.sdHeight);
  if (width === undefined || height === undefined) problems.size = "Type the width and height in whole pixels.";
  else if (
    width % 8 !== 0 ||
    height % 8 !== 0 ||
    width < SD_SIDE.min ||
    height < SD_SIDE.min ||
    width > SD_SIDE.max ||
    height > SD_SIDE.max
  ) {
    suggestion = { width: onGrid(width), height: onGrid(height) };
    problems.size = `SD draws sizes that are multiples of 8, from ${SD_SIDE.min} to ${SD_SIDE.max} px a side.`;
  }
  const steps = whole(form.steps);
  if (steps === undefined || steps < 1 || steps > SD_MAX_STEPS)
    problems.steps = `Steps: a whole number from 1 to ${SD_MAX_STEPS}.`;
  const cfg = decimal(form.cfgScale);
  if (cfg === undefined || cfg < SD_CFG.min || cfg > SD_CFG.max)
    problems.cfgScale = `CFG scale: a number from ${SD_CFG.min} to ${SD_CFG.max}.`;
  const seed = form.seed.trim();
  if (seed !== "" && (whole(seed) === undefined || !Number.isSafeInteger(Number(seed))))
    problems.seed = "Seed: a whole number, or blank for a random one.";
  return {
    problems,
    ...(suggestion ? { suggestion } : {}),
    ready: Object.keys(problems).length === 0 && form.prompt.trim() !== "",
  };
}

/** The request the form asks for (after checkSdForm said ready); `init`: the selection's PNG for img2img. */
export function sdRequestData(
  form: ImageForm,
  settings: Pick<Settings, "sdModel" | "sdSampler"> & Partial<Pick<Settings, "imageSource">>,
  init?: Uint8Array,
): SdRequestData {
  const sampler = form.sampler || settings.sdSampler;
  const seed = form.seed.trim();
  const negative = form.negativePrompt.trim();
  return {
    prompt: form.prompt.trim(),
    ...(negative ? { negativePrompt: negative } : {}),
    width: Number(form.sdWidth),
    height: Number(form.sdHeight),
    steps: Number(form.steps),
    cfgScale: Number(form.cfgScale),
    ...(sampler ? { sampler } : {}),
    ...(settings.sdModel ? { model: settings.sdModel } : {}),
    ...(seed !== "" ? { seed: Number(seed) } : {}),
    batchSize: Math.min(SD_MAX_COUNT, Math.max(1, form.count)),
    ...(init ? { init: { bytes: init, strength: Math.min(1, Math.max(0, form.strength)) } } : {}),
    ...(form.workflow && settings.imageSource === "comfyui" ? { workflow: form.workflow.text } : {}),
  };
}
