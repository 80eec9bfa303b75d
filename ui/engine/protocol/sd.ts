/**
 * The Stable Diffusion requests between the panel and the worker (a section of the engine's protocol, joined in
 * index.ts): `sd-connect` (what Settings' Test connection shows: the loaded checkpoint, the models and the
 * samplers) and `sd-generate` (txt2img, img2img with an init image and strength, or a ControlNet render of a
 * frame, streaming the server's previews as `image-partial` and its progress with the ETA as `sd-progress`). Aborting
 * `sd-generate` interrupts the run on the server and still answers the images it returns (`interrupted`). The server's
 * credentials travel with the connection, read from the slot of that base URL only.
 */
import {
  array,
  boolean,
  bytes,
  number,
  object,
  oneOf,
  optional,
  string,
  type Infer,
} from "../../../contract/fields.js";
import { IMAGE_FORMATS } from "../../../ai/image/options.js";
import { SD_CONTROL_TYPES as CONTROL_TYPES } from "../../../contract/words.js";
import type { SdControlType } from "../../../ai/sdnext/index.js";
import type { Section } from "./common.js";

/** ai/sdnext's ControlNet unit types (defined once in contract/words.ts: an image's record names them too). */
export const SD_CONTROL_TYPES = CONTROL_TYPES satisfies readonly SdControlType[];
/** ai/sdnext SdMaskFill: what the masked area is filled with before it is repainted. */
export const SD_MASK_FILLS = ["fill", "original", "latent-noise", "latent-nothing"] as const;

const count = (max: number) => number({ integer: true, min: 0, max });
/** The most images one SD run makes (its batch size). */
export const MAX_SD_BATCH = 8;

export const sdConnectionField = object({
  baseUrl: string({ nonEmpty: true, max: 2000 }),
  auth: optional(string({ nonEmpty: true, max: 1000 })),
  /** ComfyUI's API (ai/comfyui) instead of SD's /sdapi/v1. */
  comfy: optional(boolean()),
});
export type SdConnectionData = Infer<typeof sdConnectionField>;

/**
 * Inpainting: the init image's mask as SD reads it (a PNG, white = repaint, the init image's size), how far its
 * edge is blurred (px), what the masked area starts from, and whether only that area is repainted at full
 * resolution (with this padding, px).
 */
export const sdMaskField = object({
  png: bytes(),
  blur: number({ integer: true, min: 0, max: 64 }),
  fill: oneOf(SD_MASK_FILLS),
  fullRes: boolean(),
  fullResPadding: number({ integer: true, min: 0, max: 256 }),
});
export type SdMaskData = Infer<typeof sdMaskField>;

/** One generation, field by field (ai/sdnext SdGenerateOptions and img2img's init image and strength). */
export const sdRequestField = object({
  prompt: string({ max: 100_000 }),
  negativePrompt: optional(string({ max: 100_000 })),
  width: number({ integer: true, min: 64, max: 4096 }),
  height: number({ integer: true, min: 64, max: 4096 }),
  steps: number({ integer: true, min: 1, max: 500 }),
  cfgScale: number({ min: 0, max: 100 }),
  sampler: optional(string({ nonEmpty: true, max: 200 })),
  /** A checkpoint title from /sdapi/v1/sd-models; absent: the one the server has loaded. */
  model: optional(string({ nonEmpty: true, max: 300 })),
  /** Absent: the server draws one. */
  seed: optional(number({ integer: true, min: 0, max: Number.MAX_SAFE_INTEGER })),
  batchSize: number({ integer: true, min: 1, max: MAX_SD_BATCH }),
  /** img2img: the selection's PNG and how much of it to repaint (0 keeps it, 1 ignores it). */
  /**
   * A ControlNet render ("Render this frame"): the frame's PNG as the control image, one unit of this type and
   * strength.
   */
  control: optional(object({ bytes: bytes(), type: oneOf(SD_CONTROL_TYPES), strength: number({ min: 0, max: 2 }) })),
  init: optional(object({ bytes: bytes(), strength: number({ min: 0, max: 1 }), mask: optional(sdMaskField) })),
  /** ComfyUI: the user's own API-format workflow (JSON text with placeholders), run instead of the built-in ones. */
  workflow: optional(string({ max: 5_000_000 })),
});
export type SdRequestData = Infer<typeof sdRequestField>;

const sdImageField = object({
  bytes: bytes(),
  format: oneOf([...IMAGE_FORMATS, "gif"]),
  width: number({ min: 1 }),
  height: number({ min: 1 }),
  seed: optional(number({ integer: true, min: 0 })),
});
export type SdImageData = Infer<typeof sdImageField>;

export const sdSection = {
  requests: {
    "sd-connect": { connection: sdConnectionField, timeoutMs: number({ min: 1 }) },
    "sd-generate": {
      connection: sdConnectionField,
      request: sdRequestField,
      pollMs: optional(number({ min: 1, max: 60_000 })),
    },
  },
  replies: {
    "sd-connect": {
      model: optional(string()),
      models: array(object({ title: string(), name: string() }), { max: 5000 }),
      samplers: array(string(), { max: 1000 }),
      /** ComfyUI: its version and device, as /system_stats says. */
      server: optional(string()),
    },
    "sd-generate": {
      images: array(sdImageField, { max: MAX_SD_BATCH * 4 }),
      interrupted: boolean(),
      partials: count(100_000),
    },
  },
  events: {
    /** The server's progress: 0 to 1, its estimate of the seconds left, the sampling step. */
    "sd-progress": {
      fraction: number({ min: 0, max: 1 }),
      etaSeconds: number({ min: 0 }),
      step: count(100_000),
      steps: count(100_000),
    },
  },
  streams: { "sd-generate": ["image-partial", "sd-progress"] },
  estimates: [],
  codeParts: {},
} as const satisfies Section;
