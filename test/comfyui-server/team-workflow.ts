/**
 * A team's own workflow as ComfyUI's "Save (API)" writes it, with Figment's placeholders in its string inputs
 * ({{prompt}}, {{negative}}, {{width}}, {{height}}, {{seed}}) and settings of its own (steps, cfg 5, karras): what the
 * panel's and the CLI's --workflow tests pick.
 */
export function teamWorkflow(checkpoint: string, steps: number): string {
  return JSON.stringify({
    "1": { class_type: "CheckpointLoaderSimple", inputs: { ckpt_name: checkpoint } },
    "2": { class_type: "CLIPTextEncode", inputs: { text: "{{prompt}}, film grain", clip: ["1", 1] } },
    "3": { class_type: "CLIPTextEncode", inputs: { text: "{{negative}}", clip: ["1", 1] } },
    "4": { class_type: "EmptyLatentImage", inputs: { width: "{{width}}", height: "{{height}}", batch_size: 1 } },
    "5": {
      class_type: "KSampler",
      inputs: {
        model: ["1", 0],
        positive: ["2", 0],
        negative: ["3", 0],
        latent_image: ["4", 0],
        seed: "{{seed}}",
        steps,
        cfg: 5,
        sampler_name: "euler",
        scheduler: "karras",
        denoise: 1,
      },
    },
    "6": { class_type: "VAEDecode", inputs: { samples: ["5", 0], vae: ["1", 2] } },
    "7": { class_type: "SaveImage", inputs: { images: ["6", 0], filename_prefix: "team" } },
  });
}
