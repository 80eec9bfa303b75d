/**
 * `figment image --provider sdnext|a1111`: images from a local Stable Diffusion server (ai/sdnext) — txt2img,
 * img2img from --ref (inpainting with --mask) or a ControlNet render from --control — written under --out as
 * served, each with its seed. The input files are read and checked before anything is sent; the first --partials
 * live previews from the progress polling are written under --out/partials/ as they arrive; the images once the
 * whole answer is in. Ctrl-C interrupts the server and keeps the images it returns (exit 130); --timeout does the
 * same when the run takes too long (exit 1). A failed run removes what it wrote; every file is written under a
 * temporary name and renamed, so none is ever half-written.
 */
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { ModelError } from "../../ai/errors/classify.js";
import { isCancelled } from "../../kernel/cancelled.js";
import { imageInfo, type ImageInfo } from "../../ai/image/bytes.js";
import { maskFromPng, sdMaskPng } from "../../ai/mask/index.js";
import type { ImageSize } from "../../ai/image/options.js";
import {
  controlRender,
  img2img,
  txt2img,
  type SdConnection,
  type SdGenerateOptions,
  type SdJobOptions,
  type SdProgress,
  type SdResult,
} from "../../ai/sdnext/index.js";
import type { Output, RunContext } from "../common/design-files.js";
import { EXTENSIONS, freeStem, RunFiles, slugOf } from "../common/image-files.js";
import { SD_DEFAULT_STRENGTH, SD_SERVER_NAME, samplingOf, sdSize, type SdImageArgs } from "./sd-args.js";
import { reportSdError, SD_AUTH_ENV } from "./sd-report.js";
import { checkOutDir } from "../common/io.js";
import { FigmentError, isFigmentError } from "../../kernel/errors.js";
import { endRun, runStop, stoppedWithoutImages, writeRunImages } from "./run-stop.js";

/** Milliseconds between progress polls; the environment may set it (tests poll fast). */
const POLL_ENV = "FIGMENT_SD_POLL_MS";
const DEFAULT_POLL_MS = 1000;

export interface InputImage extends ImageInfo {
  bytes: Uint8Array;
  path: string;
}

export async function readImageFlag(flag: string, path: string): Promise<InputImage> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new FigmentError(
      "input",
      code === "ENOENT"
        ? `${flag}: no such file: ${path}`
        : `${flag}: cannot read ${path}: ${(error as Error).message}`,
    );
  }
  const info = imageInfo(bytes);
  if (!info || (info.format !== "png" && info.format !== "jpeg" && info.format !== "webp"))
    throw new FigmentError("input", `${flag} ${path} is not a PNG, JPEG or WebP image`);
  return { ...info, bytes, path };
}

/** SDNEXT_AUTH, checked for its shape without ever echoing it. */
export function sdAuth(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const auth = env[SD_AUTH_ENV];
  if (auth === undefined || auth === "") return undefined;
  if (!auth.includes(":"))
    throw new FigmentError("input", `${SD_AUTH_ENV} must be written user:password (the server's --auth or --api-auth)`);
  return auth;
}

export function pollMs(env: Readonly<Record<string, string | undefined>>): number {
  const value = Number(env[POLL_ENV]);
  return Number.isFinite(value) && value >= 1 ? value : DEFAULT_POLL_MS;
}

const sizeText = (size: ImageSize): string => `${size.width}×${size.height}`;

type Mode = "txt2img" | "img2img" | "inpaint" | "control";

export async function sdImageCommand(args: SdImageArgs, io: Output, context: RunContext = {}): Promise<number> {
  const provider = args.provider;
  if (provider === "comfyui") throw new Error("comfyui runs in comfy-command.ts"); // command.ts routes it there
  const env = context.env ?? process.env;
  const auth = sdAuth(env);
  const ref = args.ref !== undefined ? await readImageFlag("--ref", args.ref) : undefined;
  const mask = args.mask !== undefined ? await readImageFlag("--mask", args.mask) : undefined;
  const control = args.control !== undefined ? await readImageFlag("--control", args.control) : undefined;
  if (ref && mask && (mask.width !== ref.width || mask.height !== ref.height)) {
    throw new FigmentError(
      "input",
      `--mask is ${sizeText(mask)} but the --ref image is ${sizeText(ref)}: ` +
        `the mask must be the image's size (white = repaint)`,
    );
  }
  const input = ref ?? control;
  const { asked, sent } = sdSize(args, input);
  if (asked.width !== sent.width || asked.height !== sent.height) {
    const whose = args.size ? "--size" : `the ${ref ? "--ref" : "--control"} image's size`;
    io.err(
      `figment: note: ${whose} ${sizeText(asked)} rounded to ${sizeText(sent)}: Stable Diffusion ` +
        `draws in multiples of 8 px${Math.min(asked.width, asked.height) < 64 ? ", at least 64" : ""}`,
    );
  }

  const connection: SdConnection = { baseUrl: args.baseUrl, server: provider, ...(auth ? { auth } : {}) };
  const options: SdGenerateOptions = {
    prompt: args.prompt,
    width: sent.width,
    height: sent.height,
    batchSize: args.count,
    ...samplingOf(args),
    ...(args.seed !== undefined ? { seed: args.seed } : {}),
  };
  const mode: Mode = control ? "control" : ref ? (mask ? "inpaint" : "img2img") : "txt2img";

  const out = args.out;
  await checkOutDir(out);
  const files = new RunFiles(out, freeStem(slugOf(args.prompt), [out, join(out, "partials")]), args.count);
  const partials: { path: string; index: number }[] = [];
  let lastStep = -1;
  const onProgress = (event: SdProgress): void => {
    if (event.type === "progress") {
      if (event.steps > 0 && event.step !== lastStep) {
        lastStep = event.step;
        io.err(
          `  step ${event.step} of ` +
            `${event.steps}${event.etaSeconds > 0 ? `, about ${Math.ceil(event.etaSeconds)} s left` : ""}`,
        );
      }
    } else if (event.type === "partial" && event.index < args.partials) {
      const path = files.write(
        join("partials", `${files.stem}-partial-${event.index}.${EXTENSIONS[event.format ?? "png"]}`),
        event.bytes,
      );
      partials.push({ path, index: event.index });
      io.err(`  preview ${event.index + 1} → ${path}`);
    } else if (event.type === "image") {
      const seed = (event.result as { seed?: number }).seed;
      io.err(
        `  image ${event.image + 1}: ${event.result.width}×${event.result.height} ` +
          `${event.result.format}${seed !== undefined ? `, seed ${seed}` : ""}`,
      );
    }
  };

  const stop = runStop(context.signal, args.timeoutSec);
  const job: SdJobOptions = { signal: stop.signal, onProgress, pollMs: pollMs(env) };

  io.err(
    `figment: drawing ${args.count === 1 ? "an image" : `${args.count} images`} (${mode}, ` +
      `${sizeText(sent)}) with the ${SD_SERVER_NAME[args.provider]} server at ${args.baseUrl}…`,
  );
  let result: SdResult;
  try {
    if (control)
      result = await controlRender(
        connection,
        {
          ...options,
          controlImage: control.bytes,
          units: [
            {
              type: args.controlType,
              ...(args.controlStrength !== undefined ? { strength: args.controlStrength } : {}),
            },
          ],
        },
        job,
      );
    else if (ref) {
      const denoisingStrength = args.strength ?? SD_DEFAULT_STRENGTH;
      result = await img2img(
        connection,
        {
          ...options,
          initImage: ref.bytes,
          denoisingStrength,
          ...(mask ? { mask: { bytes: sdMaskBytes(mask.bytes) } } : {}),
        },
        job,
      );
    } else result = await txt2img(connection, options, job);
  } catch (error) {
    await files.removeAll();
    if (isCancelled(error)) throw stoppedWithoutImages(stop, args.timeoutSec, "the server");
    if (!(error instanceof ModelError)) throw error;
    return reportSdError(error, io);
  } finally {
    stop.dispose();
  }

  const images = await writeRunImages(files, result.images, (image) => image.seed ?? null);

  const report = { images, partials, interrupted: result.interrupted, mode, size: sent, provider: args.provider };
  return endRun(
    io,
    { ...report, baseUrl: args.baseUrl },
    { json: args.json, out, stop, timeoutSec: args.timeoutSec, server: "the server", made: "returned" },
  );
}

/**
 * The --mask file as SD reads a mask (white = repaint): a PNG in either convention is converted (a file where
 * transparent pixels repaint, as OpenAI's edits take, would otherwise repaint the wrong part); another format has
 * no transparency and goes as it is.
 */
export function sdMaskBytes(bytes: Uint8Array): Uint8Array {
  try {
    return sdMaskPng(maskFromPng(bytes).mask);
  } catch (error) {
    if (isFigmentError(error, "input")) return bytes;
    throw error;
  }
}
