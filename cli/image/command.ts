/**
 * `figment image`: images from a model (ai/image), written under --out as served. Reads the references,
 * checks the parameters before anything is sent (each problem named by its flag), prints the estimate with
 * --dry-run (no key needed, nothing sent), otherwise sends with the key from the environment, reports
 * progress on stderr, writes partial images under --out/partials/ as they arrive and the images at the end.
 *
 * Exit codes: 0 done; 2 bad input or configuration, or a refused request (key, model, 400 including
 * moderation); 1 other model failures (5xx, timeout, 429 after the SDK's retries); 130 cancelled. A run that
 * does not finish removes what it wrote. `--provider sdnext|a1111` (a local Stable Diffusion server) runs in
 * sd-command.ts.
 */
import { readFile } from "node:fs/promises";
import { basename, join } from "node:path";
import { ModelError, throwIfCancelled } from "../../ai/errors/classify.js";
import { Cancelled, isCancelled } from "../../kernel/cancelled.js";
import { loadTokenizer } from "../../ai/estimate/estimate.js";
import { imageInfo } from "../../ai/image/bytes.js";
import { checkImageRequest, ImageOptionsError, type ImageField, type ImageProblem } from "../../ai/image/check.js";
import { imageConfig, imagePath, type ImageConfig } from "../../ai/image/config.js";
import { estimateImageRequest, usageCost } from "../../ai/image/estimate.js";
import { generateImages, IMAGE_TIMEOUT_MS } from "../../ai/image/generate.js";
import type { ImageInput, ImageRequest } from "../../ai/image/options.js";
import { maskFromPng, type Mask } from "../../ai/mask/index.js";
import type { ImageResult } from "../../ai/image/result.js";
import { DEFAULT_SETTINGS } from "../../contract/settings.js";
import { keyFor } from "../common/api-keys.js";
import type { Output, RunContext } from "../common/design-files.js";
import { isSdArgs, type ImageArgs } from "./args.js";
import { comfyImageCommand } from "./comfy-command.js";
import type { SdImageArgs } from "./sd-args.js";
import { freeStem, RunFiles, slugOf } from "../common/image-files.js";
import { sdImageCommand } from "./sd-command.js";
import { API_NAME, printDryRun, progressPrinter, reportImageError, usageLine } from "./report.js";
import { checkOutDir } from "../common/io.js";
import { plural } from "../../kernel/plural.js";
import { FigmentError, isFigmentError } from "../../kernel/errors.js";

/** The SDK retries a 429 or 5xx this many times (honouring retry-after) before the CLI reports it. */
export const IMAGE_RETRIES = 2;

const FLAG: Readonly<Record<ImageField, string>> = {
  prompt: "--prompt",
  size: "--size",
  quality: "--quality",
  background: "--background",
  format: "--format",
  count: "--n",
  partials: "--partials",
  references: "--ref",
  refine: "--previous",
  mask: "--mask",
};

export function problemsError(problems: readonly ImageProblem[]): FigmentError {
  return new FigmentError("input", problems.map((p) => `${FLAG[p.field]}: ${p.message}`).join("\nfigment: "));
}

export async function readRef(path: string): Promise<ImageInput> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new FigmentError(
      "input",
      code === "ENOENT" ? `--ref: no such file: ${path}` : `--ref: cannot read ${path}: ${(error as Error).message}`,
    );
  }
  const format = imageInfo(bytes)?.format;
  if (format !== "png" && format !== "jpeg" && format !== "webp")
    throw new FigmentError("input", `--ref ${path} is not a PNG, JPEG or WebP image`);
  return { bytes, name: basename(path) };
}

/** The --mask file in either convention (white or transparent = repaint) as the mask model, the first --ref's size. */
export async function readMask(path: string, image: ImageInput): Promise<Mask> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new FigmentError(
      "input",
      code === "ENOENT" ? `--mask: no such file: ${path}` : `--mask: cannot read ${path}: ${(error as Error).message}`,
    );
  }
  let mask: Mask;
  try {
    mask = maskFromPng(bytes).mask;
  } catch (error) {
    if (isFigmentError(error, "input")) throw new FigmentError("input", `--mask ${path}: ${error.message}`);
    throw error;
  }
  const info = imageInfo(image.bytes);
  if (info && (info.width !== mask.width || info.height !== mask.height))
    throw new FigmentError(
      "input",
      `--mask is ${mask.width}x${mask.height} but the --ref image${image.name ? ` ${image.name}` : ""} ` +
        `is ${info.width}x${info.height}: the mask must be the image's size`,
    );
  return mask;
}

export function configFor(
  args: Pick<ImageArgs, "provider" | "baseUrl" | "api" | "model">,
  apiKey: string,
): ImageConfig {
  return imageConfig({ ...DEFAULT_SETTINGS, provider: args.provider, baseUrl: args.baseUrl ?? "" }, apiKey, {
    ...(args.api ? { api: args.api } : {}),
    ...(args.model ? { model: args.model } : {}),
  });
}

export function endpointOf(config: ImageConfig, request: ImageRequest): string {
  return `${config.baseURL}${imagePath(config.api, (request.references?.length ?? 0) > 0)}`;
}

export async function imageCommand(
  args: ImageArgs | SdImageArgs,
  io: Output,
  context: RunContext = {},
): Promise<number> {
  if (isSdArgs(args))
    return args.provider === "comfyui" ? comfyImageCommand(args, io, context) : sdImageCommand(args, io, context);
  const references = await Promise.all(args.refs.map(readRef));
  const mask = args.mask !== undefined ? await readMask(args.mask, references[0]!) : undefined;
  const request: ImageRequest = {
    prompt: args.prompt,
    size: args.size,
    quality: args.quality,
    background: args.background,
    format: args.format,
    count: args.n,
    partials: args.partials,
    references,
    ...(args.previous
      ? { refine: { conversation: { kind: "responses" as const, previousResponseId: args.previous } } }
      : {}),
    ...(mask ? { mask } : {}),
  };
  // The checks need only the API and models: the key is not read yet (a dry run needs none).
  const draft = configFor(args, "dry-run");
  const check = checkImageRequest(draft, request);
  if (check.problems.length > 0) throw problemsError(check.problems);
  if (args.dryRun) {
    await loadTokenizer();
    printDryRun(
      args,
      draft,
      endpointOf(draft, request),
      request,
      estimateImageRequest(draft, request),
      check.notes,
      io,
    );
    return 0;
  }
  for (const note of check.notes) io.err(`figment: note: ${note}`);

  let config: ImageConfig;
  try {
    config = configFor(args, keyFor(args.provider, context.env ?? process.env, io));
  } catch (error) {
    if (error instanceof ModelError) return reportImageError(error, args.provider, io);
    throw error;
  }
  const out = args.out!;
  await checkOutDir(out);
  const files = new RunFiles(out, freeStem(slugOf(args.prompt), [out, join(out, "partials")]), args.n);
  const partials: { path: string; index: number }[] = [];
  const progress = progressPrinter(io, {
    partial(event) {
      const path = files.write(files.partialName(event.image, event.index, event.format ?? "png"), event.bytes);
      partials.push({ path, index: event.index });
      return `  partial ${event.index + 1} of image ${event.image + 1} → ${path}`;
    },
    image(event) {
      const r = event.result;
      return (
        `  image ${event.image + 1}: ${r.width}×${r.height} ` +
        `${r.format}, ${r.bytes.length.toLocaleString("en-US")} bytes`
      );
    },
  });
  const count = args.n === 1 ? "an image" : `${args.n} images`;
  io.err(
    `figment: drawing ${count} with ` +
      `${config.imageModel}${config.model !== config.imageModel ? ` (${config.model} reasons first)` : ""} ` +
      `at ${endpointOf(config, request)} (${API_NAME[config.api]})…`,
  );

  let result: ImageResult;
  try {
    result = await generateImages(config, request, {
      ...(context.signal ? { signal: context.signal } : {}),
      timeoutMs: args.timeoutSec !== undefined ? args.timeoutSec * 1000 : IMAGE_TIMEOUT_MS,
      maxRetries: IMAGE_RETRIES,
      onProgress: progress.onProgress,
    });
    progress.flush();
    throwIfCancelled(context.signal);
  } catch (error) {
    progress.flush();
    await files.removeAll();
    if (error instanceof ImageOptionsError) throw problemsError(error.problems);
    if (isCancelled(error)) throw new Cancelled("cancelled; nothing was written");
    if (error instanceof ModelError) return reportImageError(error, args.provider, io);
    throw error;
  }

  const images = result.images.map((image, i) => ({
    path: files.write(files.imageName(i, image.format), image.bytes),
    width: image.width,
    height: image.height,
    bytes: image.bytes.length,
    format: image.format,
  }));
  try {
    await files.flush();
  } catch (error) {
    await files.removeAll();
    throw new FigmentError("input", `could not write under ${out}: ${(error as Error).message}`);
  }
  const cost = result.usage ? usageCost(config, result.usage) : undefined;
  if (args.json) {
    io.out(
      JSON.stringify(
        {
          images,
          partials,
          ...(result.responseId ? { responseId: result.responseId } : {}),
          ...(result.revisedPrompt ? { revisedPrompt: result.revisedPrompt } : {}),
          ...(result.usage ? { usage: result.usage } : {}),
          model: config.model,
          provider: args.provider,
          api: config.api,
        },
        null,
        2,
      ),
    );
  } else {
    io.out(`wrote ${plural(images.length, "image")} to ${out}`);
    for (const image of images) io.out(`  ${image.path}\t${image.width}×${image.height} ${image.format}`);
    if (partials.length > 0) io.out(`  (${plural(partials.length, "partial image")} under ${join(out, "partials")})`);
    if (result.revisedPrompt) io.out(`revised prompt: ${result.revisedPrompt}`);
    if (result.responseId)
      io.out(`response id: ${result.responseId} (refine it: --api responses --previous ${result.responseId})`);
  }
  if (result.usage) io.err(usageLine(result.usage, cost));
  return 0;
}
