/**
 * SD answers read field by field: a generation's images with their seeds (from `info`, the JSON string of
 * txt2img/img2img, or the infotext SD.Next's control returns), a progress report, the model and sampler lists.
 * An answer not in the shape SD sends is a `bad-output` ModelError that says which part; nothing is half-read.
 */
import { ModelError } from "../errors/classify.js";
import { decodeImage, decodePartial, type GeneratedImage } from "../image/result.js";
import type { ServedFormat } from "../image/options.js";
import { emptyAnswerError } from "./errors.js";

export interface SdImage extends GeneratedImage {
  /** The seed it was drawn with, when the server's info said it. */
  seed?: number;
}

export interface SdModel {
  title: string;
  name: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const shape = (what: string): ModelError =>
  new ModelError("bad-output", `The server's ${what} is not in the shape SD servers send; nothing was kept.`);

/** A base64 image as SD sends it (bare, or as a data URL). */
const bare = (text: string): string => text.replace(/^data:image\/[a-z+]+;base64,/i, "");

/** The seeds `info` names: its JSON's `all_seeds` (or `seed`), else an infotext's "Seed: N" counted up per image. */
export function seedsOf(info: unknown, count: number): (number | undefined)[] {
  const seeds: (number | undefined)[] = Array.from({ length: count }, () => undefined);
  if (typeof info !== "string" || info.trim() === "") return seeds;
  let parsed: unknown;
  try {
    parsed = JSON.parse(info);
  } catch {
    const match = /\bSeed: (\d{1,19})\b/.exec(info);
    const first = match ? Number(match[1]) : NaN;
    return Number.isSafeInteger(first) ? seeds.map((_, i) => first + i) : seeds;
  }
  if (!isRecord(parsed)) return seeds;
  const all = parsed["all_seeds"];
  const validSeed = (value: unknown): value is number =>
    typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
  if (Array.isArray(all)) return seeds.map((_, i) => (validSeed(all[i]) ? all[i] : undefined));
  const seed = parsed["seed"];
  return validSeed(seed) ? seeds.map((_, i) => seed + i) : seeds;
}

/** The checkpoint a generation's `info` names: AUTOMATIC1111's JSON has `sd_model_name` (SD.Next's only a hash). */
export function modelOf(info: unknown): string | undefined {
  if (typeof info !== "string") return undefined;
  try {
    const name = (JSON.parse(info) as { sd_model_name?: unknown }).sd_model_name;
    return typeof name === "string" && name.trim() !== "" ? name.trim() : undefined;
  } catch {
    return undefined;
  }
}

/** How many images of an answer are the generation's (A1111's ControlNet appends its detected maps after them). */
function generatedCount(info: unknown, images: number): number {
  if (typeof info !== "string") return images;
  try {
    const all = (JSON.parse(info) as { all_seeds?: unknown }).all_seeds;
    return Array.isArray(all) && all.length > 0 ? Math.min(images, all.length) : images;
  } catch {
    return images;
  }
}

/** A generation's answer (txt2img, img2img, control) as images with seeds; no image is `empty-answer`. */
export function readGeneration(answer: unknown): SdImage[] {
  if (!isRecord(answer)) throw shape("answer");
  const images = answer["images"];
  if (images === null || images === undefined) throw emptyAnswerError();
  if (!Array.isArray(images)) throw shape("list of images");
  if (images.length === 0) throw emptyAnswerError();
  const info = answer["info"];
  if (info !== undefined && info !== null && typeof info !== "string") throw shape("info");
  const count = generatedCount(info, images.length);
  const seeds = seedsOf(info, count);
  const out: SdImage[] = [];
  for (let i = 0; i < count; i++) {
    const text = images[i];
    if (typeof text !== "string" || text === "") throw shape(`image ${i + 1}`);
    const image: SdImage = decodeImage(bare(text));
    const seed = seeds[i];
    out.push(seed === undefined ? image : { ...image, seed });
  }
  return out;
}

export interface SdProgressReport {
  /** 0 to 1. */
  fraction: number;
  /** Seconds left as the server estimates them (0 when it has none). */
  etaSeconds: number;
  step: number;
  steps: number;
  /** Whether a job runs (job_count > 0 or a step counted). */
  running: boolean;
  preview?: { bytes: Uint8Array; format: ServedFormat; base64: string };
}

const finite = (value: unknown, fallback = 0): number =>
  typeof value === "number" && Number.isFinite(value) ? value : fallback;

/** GET /sdapi/v1/progress; undefined when the answer is not a progress report (a poll just skips it). */
export function readProgress(answer: unknown): SdProgressReport | undefined {
  if (!isRecord(answer) || typeof answer["progress"] !== "number") return undefined;
  const state = isRecord(answer["state"]) ? answer["state"] : {};
  const step = Math.max(0, Math.floor(finite(state["sampling_step"])));
  const steps = Math.max(0, Math.floor(finite(state["sampling_steps"])));
  const report: SdProgressReport = {
    fraction: Math.min(1, Math.max(0, finite(answer["progress"]))),
    etaSeconds: Math.max(0, finite(answer["eta_relative"])),
    step,
    steps,
    running: finite(state["job_count"]) > 0 || step > 0,
  };
  const current = answer["current_image"];
  if (typeof current === "string" && current !== "") {
    // A preview that is no image (not base64, not a known format) is skipped; the job goes on.
    const partial = decodePartial(bare(current));
    if (partial) report.preview = { ...partial, base64: current };
  }
  return report;
}

/** GET /sdapi/v1/sd-models: each model's title (what `sd_model_checkpoint` takes) and name. */
export function readModels(answer: unknown): SdModel[] {
  if (!Array.isArray(answer)) throw shape("list of models");
  return answer.map((item, i) => {
    if (!isRecord(item) || typeof item["title"] !== "string") throw shape(`model ${i + 1}`);
    return { title: item["title"], name: typeof item["model_name"] === "string" ? item["model_name"] : item["title"] };
  });
}

/** GET /sdapi/v1/samplers: the names `sampler_name` takes. */
export function readSamplers(answer: unknown): string[] {
  if (!Array.isArray(answer)) throw shape("list of samplers");
  return answer.map((item, i) => {
    if (!isRecord(item) || typeof item["name"] !== "string") throw shape(`sampler ${i + 1}`);
    return item["name"];
  });
}

/** A list of names: SD.Next's /sdapi/v1/control-models, or A1111's /controlnet/model_list `{ model_list }`. */
export function readNames(answer: unknown, key?: string): string[] {
  const list = key && isRecord(answer) ? answer[key] : answer;
  if (!Array.isArray(list) || !list.every((name) => typeof name === "string")) throw shape("list of ControlNet models");
  return list as string[];
}
