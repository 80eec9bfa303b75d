/**
 * `figment image --provider comfyui`: images from a local ComfyUI server (ai/comfyui) — txt2img, img2img from
 * --ref (inpainting with --mask), a ControlNet render from --control, or the user's own --workflow — with the flags
 * and meaning of `--provider sdnext` (sd-command.ts). --model picks a checkpoint ComfyUI lists. The first
 * --partials live previews (its WebSocket's binary frames) are written under --out/partials/; each image as its
 * run saves it. Ctrl-C or --timeout interrupt ComfyUI and keep the images already saved; a failed run removes what
 * it wrote.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { comfyGenerate, type ComfyResult, parseWorkflow } from "../../ai/comfyui/index.js";
import type { ComfyGenerateOptions } from "../../ai/comfyui/index.js";
import { ModelError } from "../../ai/errors/classify.js";
import type { ImageSize } from "../../ai/image/options.js";
import { SdError, sdNextStep, type SdProblem, type SdProgress } from "../../ai/sdnext/index.js";
import { isCancelled } from "../../kernel/cancelled.js";
import { exitCodeFor, FigmentError } from "../../kernel/errors.js";
import type { Output, RunContext } from "../common/design-files.js";
import { EXTENSIONS, freeStem, RunFiles, slugOf } from "../common/image-files.js";
import { checkOutDir } from "../common/io.js";
import { cliSocket } from "../common/node-websocket.js";
import { SD_DEFAULT_STRENGTH, samplingOf, sdSize, type SdImageArgs } from "./sd-args.js";
import { readImageFlag, sdMaskBytes } from "./sd-command.js";
import { endRun, runStop, stoppedWithoutImages, writeRunImages } from "./run-stop.js";

const sizeText = (size: ImageSize): string => `${size.width}×${size.height}`;

/** The flag behind a node input the built-in workflows fill. */
const INPUT_FLAG: Readonly<Record<string, string>> = {
  ckpt_name: "--model",
  sampler_name: "--sampler",
  steps: "--steps",
  cfg: "--cfg",
  seed: "--seed",
  width: "--size",
  height: "--size",
  denoise: "--strength",
  text: "--prompt or --negative",
  control_net_name: "--control-type",
  strength: "--control-strength",
};

function comfyStep(problem: SdProblem, workflow: boolean): string {
  switch (problem.type) {
    case "unreachable":
      return (
        "Is ComfyUI running? Start it (python main.py), or give its address with --base-url " +
        `(tried ${problem.url}).`
      );
    case "node-error": {
      const flag = !workflow && problem.input ? INPUT_FLAG[problem.input] : undefined;
      return flag ? `Change ${flag}.` : sdNextStep(problem);
    }
    case "unknown-name":
      return problem.what === "checkpoint"
        ? "Give --model one of the server's checkpoints, or put the file in ComfyUI's models/checkpoints " +
            "and restart it."
        : sdNextStep(problem);
    case "out-of-memory":
      return "Ask for a smaller --size or fewer --steps, or free GPU memory on the server.";
    case "no-route":
      return "Check --base-url: it must be the ComfyUI server itself (default port 8188).";
    default:
      return sdNextStep(problem);
  }
}

export function reportComfyError(error: ModelError, workflow: boolean, io: Output): number {
  const step =
    error instanceof SdError
      ? comfyStep(error.problem, workflow)
      : "Run again; if it fails again, look at ComfyUI's console.";
  io.err(`figment: ${error.message} ${step}`);
  return exitCodeFor(error.kind);
}

export async function readWorkflow(path: string): Promise<ComfyGenerateOptions["workflow"]> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new FigmentError("input", `--workflow: cannot read ${path}: ${(error as Error).message}`);
  }
  try {
    return parseWorkflow(text, `--workflow ${path}`);
  } catch (error) {
    throw new FigmentError("input", (error as Error).message);
  }
}

export async function comfyImageCommand(args: SdImageArgs, io: Output, context: RunContext = {}): Promise<number> {
  const ref = args.ref !== undefined ? await readImageFlag("--ref", args.ref) : undefined;
  const mask = args.mask !== undefined ? await readImageFlag("--mask", args.mask) : undefined;
  const control = args.control !== undefined ? await readImageFlag("--control", args.control) : undefined;
  const workflow = args.workflow !== undefined ? await readWorkflow(args.workflow) : undefined;
  if (ref && mask && (mask.width !== ref.width || mask.height !== ref.height))
    throw new FigmentError(
      "input",
      `--mask is ${sizeText(mask)} but the --ref image is ${sizeText(ref)}: the mask must be the image's size`,
    );
  const { asked, sent } = sdSize(args, ref ?? control);
  if (asked.width !== sent.width || asked.height !== sent.height)
    io.err(`figment: note: ${sizeText(asked)} rounded to ${sizeText(sent)}: ComfyUI's latents are multiples of 8 px`);
  const options: ComfyGenerateOptions = {
    prompt: args.prompt,
    width: sent.width,
    height: sent.height,
    count: args.count,
    ...samplingOf(args),
    ...(args.scheduler !== undefined ? { scheduler: args.scheduler } : {}),
    ...(args.seed !== undefined && args.seed >= 0 ? { seed: args.seed } : {}),
    ...(args.model !== undefined ? { model: args.model } : {}),
    ...(workflow ? { workflow } : {}),
    ...(ref
      ? {
          reference: {
            bytes: ref.bytes,
            strength: args.strength ?? SD_DEFAULT_STRENGTH,
            ...(mask ? { mask: sdMaskBytes(mask.bytes) } : {}),
          },
        }
      : {}),
    ...(control
      ? {
          control: {
            bytes: control.bytes,
            type: args.controlType,
            ...(args.controlStrength !== undefined ? { strength: args.controlStrength } : {}),
          },
        }
      : {}),
  };
  const mode = workflow ? "workflow" : control ? "control" : ref ? (mask ? "inpaint" : "img2img") : "txt2img";
  const out = args.out;
  await checkOutDir(out);
  const files = new RunFiles(out, freeStem(slugOf(args.prompt), [out, join(out, "partials")]), args.count);
  const partials: { path: string; index: number }[] = [];
  const onProgress = (event: SdProgress): void => {
    if (event.type === "progress") io.err(`  step ${event.step} of ${event.steps}`);
    else if (event.type === "partial" && event.index < args.partials) {
      const name = join("partials", `${files.stem}-partial-${event.index}.${EXTENSIONS[event.format ?? "png"]}`);
      const path = files.write(name, event.bytes);
      partials.push({ path, index: event.index });
      io.err(`  preview ${event.index + 1} → ${path}`);
    } else if (event.type === "image") {
      const seed = (event.result as { seed?: number }).seed;
      const size = `${event.result.width}×${event.result.height}`;
      io.err(`  image ${event.image + 1}: ${size} ${event.result.format}${seed !== undefined ? `, seed ${seed}` : ""}`);
    }
  };

  const stop = runStop(context.signal, args.timeoutSec);
  io.err(
    `figment: drawing ${args.count === 1 ? "an image" : `${args.count} images`} (${mode}, ${sizeText(sent)}) ` +
      `with ComfyUI at ${args.baseUrl}…`,
  );
  let result: ComfyResult;
  try {
    result = await comfyGenerate({ baseUrl: args.baseUrl }, options, {
      openSocket: cliSocket(),
      signal: stop.signal,
      onProgress,
    });
  } catch (error) {
    await files.removeAll();
    if (isCancelled(error)) throw stoppedWithoutImages(stop, args.timeoutSec, "ComfyUI");
    if (!(error instanceof ModelError)) throw error;
    return reportComfyError(error, workflow !== undefined, io);
  } finally {
    stop.dispose();
  }

  const images = await writeRunImages(files, result.images, (image) => image.seed);
  const report = { images, partials, interrupted: result.interrupted, mode, size: sent, provider: "comfyui" };
  return endRun(
    io,
    { ...report, baseUrl: args.baseUrl, ...(result.model ? { model: result.model } : {}) },
    { json: args.json, out, stop, timeoutSec: args.timeoutSec, server: "ComfyUI", made: "had saved" },
  );
}
