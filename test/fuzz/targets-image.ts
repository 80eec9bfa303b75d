/**
 * The image readers as fuzz targets (issue 38): `generateImages` over its three APIs — the Images API (JSON and
 * stream, generations and edits), the Responses API's image_generation tool (streamed partial images) and chat
 * completions with image output (OpenRouter) — each answer recorded once from the OpenAI-wire test server and
 * replayed mutated. Served images are 16×16 PNGs so a case costs what its mutation costs, not a photo's decoding.
 * The suite runs these with a few hundred cases (ai/image/mutated-answers.test.ts); the bench with ten times more.
 */
import { DEFAULT_SETTINGS } from "../../contract/settings.js";
import { imageConfig, type ImageConfig } from "../../ai/image/config.js";
import { generateImages } from "../../ai/image/generate.js";
import type { ImageRequest } from "../../ai/image/options.js";
import type { ImageProgress, ImageResult } from "../../ai/image/result.js";
import { encodePng } from "../openai-server/png.js";
import { imageReply } from "../openai-server/server.js";
import type { ImageReplyOptions } from "../openai-server/reply-types.js";
import type { FuzzTarget } from "./run-cases.js";
import { recordAnswers } from "./wire.js";

/** Where a replayed request goes: nowhere (replayFetch answers it). */
const NOWHERE = "http://fuzz.invalid/v1";
const SMALL = { width: 16, height: 16 };
const SQUARE = { width: 1024, height: 1024 };

/** A target of any result type, as a list of targets holds them. */
export type AnyFuzzTarget = FuzzTarget<unknown>;

export function erased<T>(target: FuzzTarget<T>): AnyFuzzTarget {
  const { shown } = target;
  return { ...target, ...(shown ? { shown: (result: unknown) => shown(result as T) } : {}) } as AnyFuzzTarget;
}

/**
 * What an image run shows the user: the texts of the result and the text streamed while it ran. The model's own text
 * may be long (a reasoning summary): it is checked for JavaScript's words in pieces, not refused for its length.
 */
function shownOf(result: ImageResult, streamed: readonly string[]): string[] {
  // 1,000-character pieces overlapping by 40, so a JavaScript phrase across a boundary is still seen whole.
  const pieces = (text: string): string[] =>
    text.length <= 1000
      ? [text]
      : Array.from({ length: Math.ceil((text.length - 40) / 960) }, (_, i) => text.slice(i * 960, i * 960 + 1000));
  return [result.message, result.reasoning, result.revisedPrompt ?? "", ...streamed].flatMap(pieces);
}

interface ImageCase {
  name: string;
  config: (baseUrl: string) => ImageConfig;
  request: ImageRequest;
  reply: ImageReplyOptions;
}

const openai = (api: "images" | "responses") => (baseUrl: string) =>
  imageConfig({ ...DEFAULT_SETTINGS, provider: "openai", baseUrl }, "sk-fuzz", { api });
const openrouter = (baseUrl: string): ImageConfig =>
  imageConfig({ ...DEFAULT_SETTINGS, provider: "openrouter", baseUrl }, "sk-fuzz");
const reference = { bytes: new Uint8Array(encodePng(8, 8, { seed: 3 })), name: "frame.png" };

const CASES: readonly ImageCase[] = [
  {
    name: "images-json",
    config: openai("images"),
    request: { prompt: "Two icons", size: SQUARE, count: 2 },
    reply: { size: SMALL, revisedPrompt: "two flat icons" },
  },
  {
    name: "images-stream",
    config: openai("images"),
    request: { prompt: "A hero", size: SQUARE, partials: 2 },
    reply: { size: SMALL },
  },
  {
    name: "images-edit-json",
    config: openai("images"),
    request: { prompt: "Polish it", size: SQUARE, references: [reference] },
    reply: { size: SMALL },
  },
  {
    name: "images-edit-stream",
    config: openai("images"),
    request: { prompt: "Polish it", size: SQUARE, references: [reference], partials: 1 },
    reply: { size: SMALL },
  },
  {
    name: "responses",
    config: openai("responses"),
    request: { prompt: "A hero", size: SQUARE, partials: 2 },
    reply: {
      size: SMALL,
      reasoning: ["Wide, ", "calm."],
      text: ["Here ", "it is."],
      revisedPrompt: "a calm hero",
      responseId: "resp_fuzz",
    },
  },
  {
    name: "chat",
    config: openrouter,
    request: { prompt: "A hero", size: SQUARE },
    reply: { size: SMALL, reasoning: ["Plan: wide."], text: ["Here ", "it is."] },
  },
];

/** The image targets, each answer recorded once (a result checked: the recording is of a success). */
export async function imageTargets(): Promise<AnyFuzzTarget[]> {
  const targets: AnyFuzzTarget[] = [];
  for (const c of CASES) {
    const { answers, result } = await recordAnswers([imageReply(c.reply)], (endpoint, fetchFn) =>
      generateImages(c.config(endpoint.baseURL), c.request, { fetch: fetchFn }),
    );
    if (result.images.length === 0) throw new Error(`recording ${c.name} gave no image`);
    let streamed: string[] = [];
    targets.push(
      erased<ImageResult>({
        name: c.name,
        answers,
        run: (fetchFn, signal) => {
          streamed = [];
          const onProgress = (event: ImageProgress): void => {
            if (event.type === "text") streamed.push(event.delta);
          };
          return generateImages(c.config(NOWHERE), c.request, { fetch: fetchFn, signal, timeoutMs: 30, onProgress });
        },
        shown: (result) => shownOf(result, streamed),
      }),
    );
  }
  return targets;
}
