/**
 * Figment's built-in workflows as ComfyUI API-format graphs, from the core nodes a fresh install has
 * (nodes.py): txt2img (EmptyLatentImage), img2img (LoadImage → VAEEncode, denoise = strength), inpainting (the
 * mask by LoadImageMask; VAEEncodeForInpaint for a full repaint, SetLatentNoiseMask to keep part of what is under
 * the mask) and ControlNet (ControlNetLoader + ControlNetApplyAdvanced on both conditionings). Pure data.
 */

export type ComfyGraph = Record<
  string,
  { class_type: string; inputs: Record<string, unknown>; _meta?: { title: string } }
>;

export interface ComfySampling {
  prompt: string;
  negativePrompt: string;
  /** A checkpoint as the server lists it. */
  checkpoint: string;
  width: number;
  height: number;
  seed: number;
  steps: number;
  cfg: number;
  sampler: string;
  scheduler: string;
}

export interface ComfyGraphInputs {
  /** The uploaded reference (its name in the input folder): img2img, or inpainting with `mask`. */
  image?: string;
  /** The uploaded mask (white = repaint, read from its red channel). */
  mask?: string;
  /** 0 keeps the reference, 1 ignores it (KSampler's denoise). */
  strength?: number;
  /**
   * A ControlNet: the uploaded control image, a model the server lists, and how the image is prepared: edges by
   * the Canny node, inverted (a wireframe's dark lines on light made the light lines on dark that lineart and
   * scribble models take), or as it is.
   */
  control?: { image: string; model: string; strength: number; prepare?: "canny" | "invert" | "none" };
}

/** The SaveImage node's filename prefix: the files land in ComfyUI's output/figment/. */
export const OUTPUT_PREFIX = "figment/figment";

/** A side rounded to a multiple of 8 (the latent grid), within EmptyLatentImage's 16…8192. */
export function roundSide(side: number): number {
  return Math.min(8192, Math.max(16, Math.round((Number.isFinite(side) ? side : 512) / 8) * 8));
}

export function buildGraph(sampling: ComfySampling, inputs: ComfyGraphInputs = {}): ComfyGraph {
  const graph: ComfyGraph = {
    "1": { class_type: "CheckpointLoaderSimple", inputs: { ckpt_name: sampling.checkpoint } },
    "2": { class_type: "CLIPTextEncode", inputs: { text: sampling.prompt, clip: ["1", 1] } },
    "3": { class_type: "CLIPTextEncode", inputs: { text: sampling.negativePrompt, clip: ["1", 1] } },
  };
  let latent: [string, number];
  let denoise = 1;
  if (inputs.image !== undefined) {
    graph["4"] = { class_type: "LoadImage", inputs: { image: inputs.image } };
    denoise = Math.min(1, Math.max(0, inputs.strength ?? 0.75));
    if (inputs.mask !== undefined) {
      graph["10"] = { class_type: "LoadImageMask", inputs: { image: inputs.mask, channel: "red" } };
      graph["5"] =
        denoise >= 1
          ? {
              class_type: "VAEEncodeForInpaint",
              inputs: { pixels: ["4", 0], vae: ["1", 2], mask: ["10", 0], grow_mask_by: 6 },
            }
          : { class_type: "VAEEncode", inputs: { pixels: ["4", 0], vae: ["1", 2] } };
      if (denoise < 1)
        graph["11"] = { class_type: "SetLatentNoiseMask", inputs: { samples: ["5", 0], mask: ["10", 0] } };
      latent = denoise < 1 ? ["11", 0] : ["5", 0];
    } else {
      graph["5"] = { class_type: "VAEEncode", inputs: { pixels: ["4", 0], vae: ["1", 2] } };
      latent = ["5", 0];
    }
  } else {
    graph["5"] = {
      class_type: "EmptyLatentImage",
      inputs: { width: roundSide(sampling.width), height: roundSide(sampling.height), batch_size: 1 },
    };
    latent = ["5", 0];
  }
  let positive: [string, number] = ["2", 0];
  let negative: [string, number] = ["3", 0];
  if (inputs.control) {
    graph["12"] = { class_type: "ControlNetLoader", inputs: { control_net_name: inputs.control.model } };
    graph["13"] = { class_type: "LoadImage", inputs: { image: inputs.control.image } };
    const prepare = inputs.control.prepare ?? "none";
    if (prepare === "canny")
      graph["15"] = { class_type: "Canny", inputs: { image: ["13", 0], low_threshold: 0.4, high_threshold: 0.8 } };
    if (prepare === "invert") graph["15"] = { class_type: "ImageInvert", inputs: { image: ["13", 0] } };
    const prepared: [string, number] = prepare === "none" ? ["13", 0] : ["15", 0];
    graph["14"] = {
      class_type: "ControlNetApplyAdvanced",
      inputs: {
        positive,
        negative,
        control_net: ["12", 0],
        image: prepared,
        strength: Math.min(10, Math.max(0, inputs.control.strength)),
        start_percent: 0,
        end_percent: 1,
      },
    };
    positive = ["14", 0];
    negative = ["14", 1];
  }
  graph["6"] = {
    class_type: "KSampler",
    inputs: {
      model: ["1", 0],
      seed: sampling.seed,
      steps: Math.max(1, Math.round(sampling.steps)),
      cfg: sampling.cfg,
      sampler_name: sampling.sampler,
      scheduler: sampling.scheduler,
      positive,
      negative,
      latent_image: latent,
      denoise,
    },
  };
  graph["7"] = { class_type: "VAEDecode", inputs: { samples: ["6", 0], vae: ["1", 2] } };
  graph["8"] = { class_type: "SaveImage", inputs: { images: ["7", 0], filename_prefix: OUTPUT_PREFIX } };
  return graph;
}
