/**
 * A team's own workflow as ComfyUI's "Save (API)" writes it, with Figment's placeholders in its string inputs
 * ({{prompt}}, {{negative}}, {{width}}, {{height}}, {{seed}}) and settings of its own (steps, cfg 5, karras, a style
 * after the prompt, unless `own` says otherwise): what the panel's, the CLI's and the client's --workflow tests pick.
 * Its nodes: 1 checkpoint, 2 prompt, 3 negative, 4 latent, 5 KSampler, 6 decode, 7 save.
 */
export function teamWorkflow(
  checkpoint: string,
  steps: number,
  own: { cfg?: number; style?: string; scheduler?: string } = {},
): string {
  const { cfg = 5, style = "film grain", scheduler = "karras" } = own;
  return JSON.stringify({
    "1": { class_type: "CheckpointLoaderSimple", inputs: { ckpt_name: checkpoint } },
    "2": { class_type: "CLIPTextEncode", inputs: { text: `{{prompt}}, ${style}`, clip: ["1", 1] } },
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
        cfg,
        sampler_name: "euler",
        scheduler,
        denoise: 1,
      },
    },
    "6": { class_type: "VAEDecode", inputs: { samples: ["5", 0], vae: ["1", 2] } },
    "7": { class_type: "SaveImage", inputs: { images: ["6", 0], filename_prefix: "team" } },
  });
}
