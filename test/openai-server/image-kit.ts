/** What the test server's image answers share: what a request asked for, the PNGs, usage numbers, framing. */
import type { ImagesResponse } from "openai/resources/images";
import { encodePng } from "./png.js";
import type { ImageReplyOptions, ScriptedReply } from "./reply-types.js";

export const CREATED = 1_767_225_600; // 2026-01-01T00:00:00Z
let seq = 0;
export const nextId = (prefix: string): string => `${prefix}_img${(++seq).toString(16).padStart(6, "0")}`;

export interface Asked {
  width: number;
  height: number;
  n: number;
  partials: number;
  stream: boolean;
  transparent: boolean;
  quality: string;
  /** Text and image inputs, for the usage numbers. */
  promptChars: number;
  inputImages: number;
}

export type Body = Record<string, unknown>;
export const record = (value: unknown): Body => (typeof value === "object" && value !== null ? (value as Body) : {});

/** A PNG of the asked size as base64 (RGBA when a transparent background was asked for). */
export const b64 = (a: Asked, seed: number): string =>
  encodePng(a.width, a.height, { seed, alpha: a.transparent }).toString("base64");

/** Deterministic usage: a token per 4 prompt characters, 272 per input image, pixels/256 (+100 per partial) out. */
export function usage(a: Asked): NonNullable<ImagesResponse["usage"]> {
  const text = Math.ceil(a.promptChars / 4);
  const image = 272 * a.inputImages;
  const output = a.n * (Math.round((a.width * a.height) / 256) + 100 * a.partials);
  return {
    input_tokens: text + image,
    input_tokens_details: { text_tokens: text, image_tokens: image },
    output_tokens: output,
    total_tokens: text + image + output,
  };
}

/** The indexes just after the first n partial image events (Images or Responses API). */
function partialsEnd(events: unknown[], n: number): number[] {
  const ends = events.flatMap((e, i) => (String(record(e).type).endsWith("partial_image") ? [i + 1] : [])).slice(0, n);
  if (ends.length < n) throw new Error(`openai-server: pauseAtPartials ${n} on a stream with ${ends.length} partials`);
  return ends;
}

export function sse(events: unknown[], o: ImageReplyOptions): ScriptedReply & { kind: "sse" } {
  return {
    kind: "sse",
    events,
    ...(o.delayMs ? { delayMs: o.delayMs } : {}),
    ...(o.cutAfter !== undefined ? { cutAfter: o.cutAfter } : {}),
    ...(o.holdAfter !== undefined ? { holdAfter: o.holdAfter } : {}),
    ...(o.pauseAtPartials ? { pauseAfter: partialsEnd(events, o.pauseAtPartials) } : {}),
    ...(o.headers ? { headers: o.headers } : {}),
  };
}
