/**
 * The Generate image form as data: the controls' values, the sizes to offer (presets, the selection's frame
 * shape, custom W×H, auto) and the check before sending with the drawing model's own rules (ai/image/check.ts),
 * each problem tied to its control, with a size that would do. Pure.
 */
import { checkImageRequest, type ImageField } from "../../ai/image/check.js";
import { FIXED_SIZES, nearestFlexibleSize, OPEN, sizeForFrame, sizeRule } from "../../ai/image/limits.js";
import { SIZE_PRESETS, type ImageQuality, type ImageSize, type SizeChoice } from "../../ai/image/options.js";
import type { SelectedNode } from "../../contract/messages.js";
import type { ImageRoute } from "../../ai/image/route.js";
import type { SdControlType } from "../../ai/sdnext/index.js";

export type SizeKey = "auto" | "frame" | "custom" | `preset-${number}`;

export interface ImageForm {
  prompt: string;
  sizeKey: SizeKey;
  /** As typed in the custom W×H boxes. */
  customWidth: string;
  customHeight: string;
  quality: ImageQuality;
  count: number;
  useReference: boolean;
  reasonFirst: boolean;
  /**
   * A local SD server's own controls (sd-form.ts), as typed: what the image must not show, W×H on SD's 8-px grid,
   * steps, CFG scale.
   */
  negativePrompt: string;
  sdWidth: string;
  sdHeight: string;
  steps: string;
  cfgScale: string;
  /** "" = the sampler Settings picked (else the server's default). */
  sampler: string;
  /** "" = a random seed. */
  seed: string;
  /** img2img (the selection as reference): how much of it is repainted, 0 to 1 (`denoising_strength`). */
  strength: number;
  /** "Render this frame" on a local SD server: the ControlNet unit that reads the frame, and its weight (0 to 2). */
  controlType: SdControlType;
  controlStrength: number;
  /** ComfyUI: the user's own API-format workflow file, run instead of the built-in ones (absent: the built-in). */
  workflow?: { name: string; text: string };
}

export const DEFAULT_FORM: ImageForm = {
  prompt: "",
  sizeKey: "preset-0",
  customWidth: "1024",
  customHeight: "1024",
  quality: "medium",
  count: 1,
  useReference: false,
  reasonFirst: false,
  negativePrompt: "",
  sdWidth: "512",
  sdHeight: "512",
  steps: "20",
  cfgScale: "7",
  sampler: "",
  seed: "",
  strength: 0.6,
  controlType: "lineart",
  controlStrength: 1,
};

/** Partial images to ask for: enough to watch it form, each one costing about 100 output tokens. */
export const PARTIALS = 2;

export interface SizeOption {
  key: SizeKey;
  label: string;
  hint: string;
}

const text = (size: ImageSize): string => `${size.width}×${size.height}`;
const ratio = (size: ImageSize): number => size.width / size.height;

/** The nearest size the model takes: gpt-image-2's rules, a first GPT image model's three sizes, or bounds. */
export function suggestedSize(size: ImageSize, imageModel: string): ImageSize {
  const rule = sizeRule(imageModel);
  if (rule === "flexible") return nearestFlexibleSize(size);
  if (rule === "fixed") {
    const sizes = FIXED_SIZES.map((s) => ({ width: Number(s.split("x")[0]), height: Number(s.split("x")[1]) }));
    return sizes.reduce((best, s) =>
      Math.abs(Math.log(ratio(s) / ratio(size))) < Math.abs(Math.log(ratio(best) / ratio(size))) ? s : best,
    );
  }
  const clamp = (n: number): number => Math.min(OPEN.maxSide, Math.max(OPEN.minSide, Math.round(n)));
  return { width: clamp(size.width), height: clamp(size.height) };
}

/** A size with the selected frame's shape that the model takes. */
export function frameSize(node: Pick<SelectedNode, "width" | "height">, imageModel: string): ImageSize {
  return sizeRule(imageModel) === "flexible"
    ? sizeForFrame(node.width, node.height)
    : suggestedSize({ width: node.width, height: node.height }, imageModel);
}

export function sizeOptions(frame: SelectedNode | undefined, imageModel: string): SizeOption[] {
  const presets =
    sizeRule(imageModel) === "fixed"
      ? SIZE_PRESETS.filter((p) => FIXED_SIZES.includes(`${p.size.width}x${p.size.height}`))
      : SIZE_PRESETS;
  return [
    ...(frame ? [{ key: "frame" as const, label: "Selection's shape", hint: text(frameSize(frame, imageModel)) }] : []),
    ...presets.map((p) => ({ key: `preset-${SIZE_PRESETS.indexOf(p)}` as SizeKey, label: p.name, hint: text(p.size) })),
    { key: "custom", label: "Custom…", hint: "W × H" },
    { key: "auto", label: "Auto", hint: "the model picks" },
  ];
}

const whole = (value: string): number | undefined => (/^\s*\d{1,6}\s*$/.test(value) ? Number(value) : undefined);

/** The size the form asks for; undefined when the custom boxes hold no whole numbers (or no frame is selected). */
export function chosenSize(
  form: ImageForm,
  frame: SelectedNode | undefined,
  imageModel: string,
): SizeChoice | undefined {
  if (form.sizeKey === "auto") return "auto";
  if (form.sizeKey === "frame") return frame ? frameSize(frame, imageModel) : undefined;
  if (form.sizeKey === "custom") {
    const width = whole(form.customWidth);
    const height = whole(form.customHeight);
    return width !== undefined && height !== undefined ? { width, height } : undefined;
  }
  return SIZE_PRESETS[Number(form.sizeKey.slice("preset-".length))]?.size;
}

export interface FormCheck {
  /** The first problem per control. An empty prompt is no problem to show: Generate is simply off. */
  problems: Partial<Record<ImageField, string>>;
  /** A size the model takes, offered beside a size problem. */
  suggestion?: ImageSize;
  /** Whether the request may be sent as it stands. */
  ready: boolean;
  size: SizeChoice | undefined;
}

export function checkForm(form: ImageForm, frame: SelectedNode | undefined, route: ImageRoute): FormCheck {
  const size = chosenSize(form, frame, route.imageModel);
  const problems: Partial<Record<ImageField, string>> = {};
  if (size === undefined)
    problems.size =
      form.sizeKey === "frame" ? "Select a frame to use its shape." : "Type the width and height in whole pixels.";
  const check = checkImageRequest(route, {
    prompt: form.prompt,
    size: size ?? "auto",
    quality: form.quality,
    count: form.count,
  });
  for (const problem of check.problems)
    if (!(problem.field === "prompt" && !form.prompt.trim())) problems[problem.field] ??= problem.message;
  const suggestion =
    problems.size && size !== undefined && size !== "auto" ? suggestedSize(size, route.imageModel) : undefined;
  return {
    problems,
    ...(suggestion ? { suggestion } : {}),
    ready: Object.keys(problems).length === 0 && form.prompt.trim() !== "",
    size,
  };
}
