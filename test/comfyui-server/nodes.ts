/**
 * The core nodes the ComfyUI test server knows, with their inputs as ComfyUI's nodes.py declares them
 * (comfyanonymous/ComfyUI nodes.py at 01094316: INPUT_TYPES, RETURN_TYPES, OUTPUT_NODE), the file lists
 * (checkpoints, ControlNets, the input folder) filled from the server's state, as folder_paths does.
 */

/** `[type]` or `[type, options]`, as INPUT_TYPES gives each input; a COMBO's type is its list of values. */
export type InputSpec = readonly [string | readonly string[], Record<string, unknown>?];

export interface NodeDef {
  required: Record<string, InputSpec>;
  optional?: Record<string, InputSpec>;
  output: readonly string[];
  outputName?: readonly string[];
  outputNode?: boolean;
  category: string;
  displayName: string;
  /** The inputs the node's VALIDATE_INPUTS takes: the COMBO check is skipped for them, as execution.py does. */
  validateInputs?: readonly string[];
}

export interface NodeLists {
  checkpoints: readonly string[];
  controlnets: readonly string[];
  samplers: readonly string[];
  schedulers: readonly string[];
  /** Files in the input folder (uploads). */
  inputs: readonly string[];
}

const MAX_RESOLUTION = 8192;
const float = (def: number, min: number, max: number, step = 0.01): InputSpec => [
  "FLOAT",
  { default: def, min, max, step },
];

/** comfy/samplers.py KSAMPLER_NAMES + ["ddim", "uni_pc", "uni_pc_bh2"] (a fresh install's, in part). */
export const SAMPLERS = [
  "euler",
  "euler_ancestral",
  "heun",
  "dpm_2",
  "dpm_2_ancestral",
  "lms",
  "dpmpp_2m",
  "dpmpp_sde",
  "dpmpp_2m_sde",
  "lcm",
  "ddim",
  "uni_pc",
  "uni_pc_bh2",
];
export const SCHEDULERS = ["normal", "karras", "exponential", "sgm_uniform", "simple", "ddim_uniform", "beta"];

export function nodeDefs(lists: NodeLists): Record<string, NodeDef> {
  const images = [...lists.inputs].sort();
  return {
    CheckpointLoaderSimple: {
      required: { ckpt_name: [lists.checkpoints] },
      output: ["MODEL", "CLIP", "VAE"],
      category: "loaders",
      displayName: "Load Checkpoint",
    },
    CLIPTextEncode: {
      required: { text: ["STRING", { multiline: true }], clip: ["CLIP"] },
      output: ["CONDITIONING"],
      category: "conditioning",
      displayName: "CLIP Text Encode (Prompt)",
    },
    EmptyLatentImage: {
      required: {
        width: ["INT", { default: 512, min: 16, max: MAX_RESOLUTION, step: 8 }],
        height: ["INT", { default: 512, min: 16, max: MAX_RESOLUTION, step: 8 }],
        batch_size: ["INT", { default: 1, min: 1, max: 64 }],
      },
      output: ["LATENT"],
      category: "latent",
      displayName: "Empty Latent Image",
    },
    KSampler: {
      required: {
        model: ["MODEL"],
        // nodes.py's 0xffffffffffffffff, as near as a JS number gets.
        seed: ["INT", { default: 0, min: 0, max: 18446744073709552000 }],
        steps: ["INT", { default: 20, min: 1, max: 10000 }],
        cfg: ["FLOAT", { default: 8.0, min: 0.0, max: 100.0, step: 0.5, round: 0.01 }],
        sampler_name: [lists.samplers],
        scheduler: [lists.schedulers],
        positive: ["CONDITIONING"],
        negative: ["CONDITIONING"],
        latent_image: ["LATENT"],
        denoise: float(1.0, 0.0, 1.0),
      },
      output: ["LATENT"],
      category: "sampling",
      displayName: "KSampler",
    },
    VAEDecode: {
      required: { samples: ["LATENT"], vae: ["VAE"] },
      output: ["IMAGE"],
      category: "latent",
      displayName: "VAE Decode",
    },
    VAEEncode: {
      required: { pixels: ["IMAGE"], vae: ["VAE"] },
      output: ["LATENT"],
      category: "latent",
      displayName: "VAE Encode",
    },
    VAEEncodeForInpaint: {
      required: {
        pixels: ["IMAGE"],
        vae: ["VAE"],
        mask: ["MASK"],
        grow_mask_by: ["INT", { default: 6, min: 0, max: 64, step: 1 }],
      },
      output: ["LATENT"],
      category: "latent/inpaint",
      displayName: "VAE Encode (for Inpainting)",
    },
    SetLatentNoiseMask: {
      required: { samples: ["LATENT"], mask: ["MASK"] },
      output: ["LATENT"],
      category: "latent/inpaint",
      displayName: "Set Latent Noise Mask",
    },
    LoadImage: {
      required: { image: [images, { image_upload: true }] },
      output: ["IMAGE", "MASK"],
      category: "image",
      displayName: "Load Image",
      validateInputs: ["image"],
    },
    LoadImageMask: {
      required: { image: [images, { image_upload: true }], channel: [["alpha", "red", "green", "blue"]] },
      output: ["MASK"],
      category: "mask",
      displayName: "Load Image (as Mask)",
      validateInputs: ["image", "channel"],
    },
    ImageInvert: {
      required: { image: ["IMAGE"] },
      output: ["IMAGE"],
      category: "image",
      displayName: "Invert Image",
    },
    // comfy_extras/nodes_canny.py, loaded by a fresh install beside nodes.py's.
    Canny: {
      required: {
        image: ["IMAGE"],
        low_threshold: float(0.4, 0.01, 0.99),
        high_threshold: float(0.8, 0.01, 0.99),
      },
      output: ["IMAGE"],
      category: "image/preprocessors",
      displayName: "Canny",
    },
    ControlNetLoader: {
      required: { control_net_name: [lists.controlnets] },
      output: ["CONTROL_NET"],
      category: "loaders",
      displayName: "Load ControlNet Model",
    },
    ControlNetApplyAdvanced: {
      required: {
        positive: ["CONDITIONING"],
        negative: ["CONDITIONING"],
        control_net: ["CONTROL_NET"],
        image: ["IMAGE"],
        strength: float(1.0, 0.0, 10.0),
        start_percent: float(0.0, 0.0, 1.0, 0.001),
        end_percent: float(1.0, 0.0, 1.0, 0.001),
      },
      output: ["CONDITIONING", "CONDITIONING"],
      outputName: ["positive", "negative"],
      category: "conditioning",
      displayName: "Apply ControlNet (Advanced)",
    },
    SaveImage: {
      required: { images: ["IMAGE"], filename_prefix: ["STRING", { default: "ComfyUI" }] },
      output: [],
      outputNode: true,
      category: "image",
      displayName: "Save Image",
    },
    PreviewImage: {
      required: { images: ["IMAGE"] },
      output: [],
      outputNode: true,
      category: "image",
      displayName: "Preview Image",
    },
  };
}

/** One node's /object_info entry, in server.py's node_info shape. */
export function nodeInfo(name: string, def: NodeDef): Record<string, unknown> {
  const input = { required: def.required, ...(def.optional ? { optional: def.optional } : {}) };
  return {
    input,
    input_order: Object.fromEntries(Object.entries(input).map(([key, value]) => [key, Object.keys(value)])),
    output: def.output,
    output_is_list: def.output.map(() => false),
    output_name: def.outputName ?? def.output,
    name,
    display_name: def.displayName,
    description: "",
    python_module: "nodes",
    category: def.category,
    output_node: def.outputNode === true,
  };
}
