/**
 * What sizes a model takes, checked before anything is sent so a bad size gets a clear message (with a
 * valid size nearby) instead of a 400. gpt-image-2 (also behind OpenRouter's GPT-5.4 Image 2) takes any
 * WIDTHxHEIGHT with both sides multiples of 16, the longest side at most 3840 px, an aspect ratio up to 3:1
 * and at most 3840×2160 pixels (the SDK's documentation of `size`, openai 7.57); the first GPT image models
 * take three fixed sizes; other models are only kept to sane bounds, their endpoint decides the rest.
 */
import type { ImageSize, SizeChoice } from "./options.js";

export type SizeRule = "flexible" | "fixed" | "open";

export const FLEXIBLE = { step: 16, maxSide: 3840, maxAspect: 3, maxPixels: 3840 * 2160 } as const;
export const FIXED_SIZES: readonly string[] = ["1024x1024", "1536x1024", "1024x1536"];
export const OPEN = { minSide: 64, maxSide: 4096 } as const;

/** Which size rule applies to a model name (with or without a provider prefix). */
export function sizeRule(model: string): SizeRule {
  const bare = model.slice(model.lastIndexOf("/") + 1).toLowerCase();
  if (/^gpt-image-2(\b|[-.])/.test(bare) || /^gpt-[\d.]+-image-2\b/.test(bare)) return "flexible";
  if (/^(gpt-image-1(\.5)?(-mini)?|chatgpt-image-latest)\b/.test(bare)) return "fixed";
  return "open";
}

const ratio = (size: ImageSize): number => Math.max(size.width, size.height) / Math.min(size.width, size.height);
const round16 = (n: number): number => Math.max(FLEXIBLE.step, Math.round(n / FLEXIBLE.step) * FLEXIBLE.step);
const text = (size: ImageSize): string => `${size.width}×${size.height}`;

/**
 * The nearest size gpt-image-2 takes with (about) the same shape: sides rounded to 16, aspect clamped to
 * 3:1, scaled down to fit the longest side and pixel limits. Also gives a frame's shape a valid size.
 */
export function nearestFlexibleSize(size: ImageSize): ImageSize {
  let { width, height } = size;
  if (!(width > 0 && height > 0)) return { width: 1024, height: 1024 };
  if (width / height > FLEXIBLE.maxAspect) height = width / FLEXIBLE.maxAspect;
  if (height / width > FLEXIBLE.maxAspect) width = height / FLEXIBLE.maxAspect;
  const scale = Math.min(
    1,
    FLEXIBLE.maxSide / Math.max(width, height),
    Math.sqrt(FLEXIBLE.maxPixels / (width * height)),
  );
  const fitSide = (n: number): number =>
    Math.min(FLEXIBLE.maxSide, Math.floor((n * scale) / FLEXIBLE.step) * FLEXIBLE.step || FLEXIBLE.step);
  let result = { width: fitSide(width), height: fitSide(height) };
  // Flooring both sides can tip a 3:1 shape just past 3:1; round the short side up again.
  if (ratio(result) > FLEXIBLE.maxAspect) {
    const long = Math.max(result.width, result.height);
    const short = Math.ceil(long / FLEXIBLE.maxAspect / FLEXIBLE.step) * FLEXIBLE.step;
    result = result.width >= result.height ? { width: long, height: short } : { width: short, height: long };
  }
  return result;
}

/** A size for a frame of `width`×`height` whose longest side is about `longest` px, valid for gpt-image-2. */
export function sizeForFrame(width: number, height: number, longest = 1536): ImageSize {
  const scale = longest / Math.max(width, height, 1);
  return nearestFlexibleSize({ width: round16(width * scale), height: round16(height * scale) });
}

/** Why `size` does not suit `model`, or undefined when it does. Words about the model only, no UI terms. */
export function sizeProblem(size: SizeChoice, model: string): string | undefined {
  if (size === "auto") return undefined;
  const { width, height } = size;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1)
    return `${width}×${height} is not a size: width and height must be whole numbers of pixels above 0.`;
  const rule = sizeRule(model);
  if (rule === "fixed")
    return FIXED_SIZES.includes(`${width}x${height}`)
      ? undefined
      : `${model} draws only 1024×1024, 1536×1024 or 1024×1536 (or auto), not ${text(size)}.`;
  if (rule === "open")
    return width < OPEN.minSide || height < OPEN.minSide || width > OPEN.maxSide || height > OPEN.maxSide
      ? `${text(size)} is out of range: each side must be between ${OPEN.minSide} and ${OPEN.maxSide} px.`
      : undefined;
  const near = text(nearestFlexibleSize(size));
  if (width % FLEXIBLE.step !== 0 || height % FLEXIBLE.step !== 0)
    return `${text(size)}: ${model} takes sides that are multiples of 16 px (try ${near}).`;
  if (Math.max(width, height) > FLEXIBLE.maxSide)
    return `${text(size)}: the longest side may be at most ${FLEXIBLE.maxSide} px for ${model} (try ${near}).`;
  if (ratio(size) > FLEXIBLE.maxAspect)
    return `${text(size)} is ${ratio(size).toFixed(2)}:1; ${model} takes aspect ratios up to 3:1 (try ${near}).`;
  if (width * height > FLEXIBLE.maxPixels)
    return (
      `${text(size)} has ${(width * height).toLocaleString("en-US")} pixels; ${model} draws ` +
      `at most 3840×2160 = ${FLEXIBLE.maxPixels.toLocaleString("en-US")} (try ${near}).`
    );
  return undefined;
}

/** How far two shapes may differ (|ln of the aspects' ratio|, about 3 %) and still count as the same. */
export const SHAPE_TOLERANCE = 0.03;

/** Whether two sizes have the same shape, within SHAPE_TOLERANCE. */
export const sameShape = (a: ImageSize, b: ImageSize): boolean =>
  Math.abs(Math.log(a.width / a.height / (b.width / b.height))) <= SHAPE_TOLERANCE;

/**
 * The size nearest `size` that `model` draws with the same shape, for an edit that must come back as the image it
 * repaints: gpt-image-2 the multiples of 16 closest to its aspect (scaled down within its limits), a fixed-size
 * model the one of its three with that shape, another model the size itself within bounds. Undefined when the
 * model draws no size of that shape (a 2:1 image on gpt-image-1, beyond 3:1 on gpt-image-2).
 */
export function sizeKeepingShape(size: ImageSize, model: string): ImageSize | undefined {
  const { width, height } = size;
  if (!(width > 0 && height > 0)) return undefined;
  const rule = sizeRule(model);
  let result: ImageSize;
  if (rule === "fixed") {
    result = FIXED_SIZES.map((text) => ({
      width: Number(text.split("x")[0]),
      height: Number(text.split("x")[1]),
    })).reduce((best, s) =>
      Math.abs(Math.log(s.width / s.height / (width / height))) <
      Math.abs(Math.log(best.width / best.height / (width / height)))
        ? s
        : best,
    );
  } else if (rule === "open") {
    const scale = Math.min(OPEN.maxSide / Math.max(width, height), Math.max(1, OPEN.minSide / Math.min(width, height)));
    result = { width: Math.round(width * scale), height: Math.round(height * scale) };
  } else result = flexibleKeepingShape(width, height);
  if (rule === "flexible" && ratio(result) > FLEXIBLE.maxAspect) return undefined;
  return sameShape(result, size) ? result : undefined;
}

/**
 * gpt-image-2's sizes around `width`×`height` (scaled into its limits): the long side stepped by 16, the short side
 * following, the truest shape kept.
 */
function flexibleKeepingShape(width: number, height: number): ImageSize {
  const long = Math.max(width, height);
  const short = Math.min(width, height);
  const scale = Math.min(1, FLEXIBLE.maxSide / long, Math.sqrt(FLEXIBLE.maxPixels / (width * height)));
  const ratio = long / short;
  const target = long * scale;
  let best: { long: number; short: number; off: number } | undefined;
  for (let k = -4; k <= 4; k++) {
    const l = round16(target) + k * FLEXIBLE.step;
    const s = round16(l / ratio);
    if (l < FLEXIBLE.step || l > FLEXIBLE.maxSide || l * s > FLEXIBLE.maxPixels) continue;
    // The shape first, then the nearest to the asked size (on a tie the larger: nothing drawn smaller than asked).
    const off = Math.abs(Math.log(l / s / ratio)) * 1e6 + Math.abs(l - target);
    if (!best || off <= best.off) best = { long: l, short: s, off };
  }
  const chosen = best ?? { long: round16(target), short: round16(target / ratio) };
  return width >= height ? { width: chosen.long, height: chosen.short } : { width: chosen.short, height: chosen.long };
}
