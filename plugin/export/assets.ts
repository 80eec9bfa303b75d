/**
 * The assets beside an export's REST JSON: image fill bytes (`figma.getImageByHash(hash).getBytesAsync()`,
 * each distinct image once) and vector-like layers as SVG (`exportAsync({ format: "SVG_STRING" })`), a few
 * at a time with progress and yields. Nothing here throws for one asset: a missing image, a failed SVG or a
 * limit becomes a problem naming the layer, and codegen draws a placeholder (or its own SVG) instead.
 */
import type { ExportExtras, ExportProblem } from "../../contract/messages.js";
import {
  MAX_EXPORT_IMAGE_BYTES,
  MAX_EXPORT_SVG_CHARS,
  MAX_EXPORT_SVGS,
  MAX_IMAGE_FILE_BYTES,
  MAX_SVG_CHARS,
} from "../../contract/limits.js";
import { errorText, formatCount } from "../errors.js";
import { ASSET_CONCURRENCY, ASSET_PROGRESS_STEPS } from "../limits.js";
import { forEachLimited, type Job } from "../tasks.js";
import type { AssetLayer, AssetPlan } from "./asset-plan.js";
import { plural } from "../../kernel/plural.js";

export interface AssetHooks {
  job: Job;
  onProgress(done: number, total: number, label: string): void;
}

export interface ExportedAssets {
  extras: ExportExtras;
  problems: ExportProblem[];
}

/** Settings of every SVG export; these are Figma's defaults, spelled out because the output depends on them. */
const SVG_SETTINGS: ExportSettingsSVGString = {
  format: "SVG_STRING",
  svgOutlineText: true,
  svgIdAttribute: false,
  svgSimplifyStroke: true,
};

const megabytes = (n: number): string =>
  `${n >= 10_000_000 ? Math.round(n / 1_000_000) : (n / 1_000_000).toFixed(1)} MB`;

/** “Hero”, or “Hero” (and 2 more layers). */
function layersText(layers: readonly AssetLayer[]): string {
  const first = `“${layers[0]?.name ?? "?"}”`;
  return layers.length > 1 ? `${first} (and ${plural(layers.length - 1, "more layer")})` : first;
}

/** Calls `onProgress` about ASSET_PROGRESS_STEPS times over `total` items (always at the start and the end). */
function progressEvery(total: number, label: string, hooks: AssetHooks): (done: number) => void {
  const step = Math.max(1, Math.ceil(total / ASSET_PROGRESS_STEPS));
  return (done) => {
    if (done === 0 || done === total || done % step === 0) hooks.onProgress(done, total, label);
  };
}

async function fetchImages(
  images: AssetPlan["images"],
  hooks: AssetHooks,
  problems: ExportProblem[],
): Promise<Record<string, Uint8Array>> {
  const out: Record<string, Uint8Array> = {};
  const entries = [...images.entries()];
  if (entries.length === 0) return out;
  const report = progressEvery(entries.length, "Fetching images", hooks);
  let done = 0;
  let totalBytes = 0;
  report(0);
  await forEachLimited(
    entries,
    ASSET_CONCURRENCY,
    async ([hash, layers]) => {
      const problem = (code: string, message: string): void =>
        void problems.push({ severity: "warning", code, message, nodeId: layers[0]!.id });
      try {
        const image = figma.getImageByHash(hash);
        if (!image) {
          problem(
            "image-missing",
            `The image of ${layersText(layers)} is not in this file (Figma has ` +
              `no image ${hash.slice(0, 12)}…); it is a placeholder in the code.`,
          );
          return;
        }
        const bytes = await image.getBytesAsync();
        if (bytes.length > MAX_IMAGE_FILE_BYTES) {
          problem(
            "image-too-large",
            `The image of ${layersText(layers)} is ${megabytes(bytes.length)}, over the ` +
              `${megabytes(MAX_IMAGE_FILE_BYTES)} Figment carries; it is a placeholder in the code.`,
          );
        } else if (totalBytes + bytes.length > MAX_EXPORT_IMAGE_BYTES) {
          problem(
            "images-over-limit",
            `The image of ${layersText(layers)} (${megabytes(bytes.length)}) was left out: this export's ` +
              `images are over ${megabytes(MAX_EXPORT_IMAGE_BYTES)} in all. Select fewer frames to get it.`,
          );
        } else {
          totalBytes += bytes.length;
          out[hash] = bytes;
        }
      } catch (error) {
        problem(
          "image-failed",
          `Could not read the image of ${layersText(layers)}: ${errorText(error)}. It is a placeholder in the code.`,
        );
      } finally {
        report(++done);
      }
    },
    () => hooks.job.cancelled,
  );
  return out;
}

async function exportSvg(layer: AssetLayer): Promise<string> {
  const node = await figma.getNodeByIdAsync(layer.id);
  if (!node || !("exportAsync" in node)) throw new Error("the layer is no longer in the file");
  const svg: unknown = await node.exportAsync(SVG_SETTINGS);
  if (typeof svg !== "string" || !svg.includes("<svg")) throw new Error("Figma returned no SVG markup");
  return svg;
}

async function exportSvgs(
  vectors: readonly AssetLayer[],
  hooks: AssetHooks,
  problems: ExportProblem[],
): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  if (vectors.length === 0) return out;
  const problem = (layer: AssetLayer, code: string, message: string): void =>
    void problems.push({ severity: "warning", code, message, nodeId: layer.id });
  const kept = vectors.slice(0, MAX_EXPORT_SVGS);
  for (const layer of vectors.slice(MAX_EXPORT_SVGS)) {
    problem(
      layer,
      "svgs-over-limit",
      `“${layer.name}” was not exported as SVG: Figment exports up to ` +
        `${formatCount(MAX_EXPORT_SVGS)} vector layers at once; it is drawn from the JSON instead.`,
    );
  }
  const report = progressEvery(kept.length, "Exporting icons", hooks);
  let done = 0;
  let totalChars = 0;
  report(0);
  await forEachLimited(
    kept,
    ASSET_CONCURRENCY,
    async (layer) => {
      try {
        const svg = await exportSvg(layer);
        if (svg.length > MAX_SVG_CHARS) {
          problem(
            layer,
            "svg-too-large",
            `The SVG of “${layer.name}” is ${megabytes(svg.length)}, over the ` +
              `${megabytes(MAX_SVG_CHARS)} Figment carries; it is drawn from the JSON instead.`,
          );
        } else if (totalChars + svg.length > MAX_EXPORT_SVG_CHARS) {
          problem(
            layer,
            "svgs-over-limit",
            `The SVG of “${layer.name}” was left out: this export's SVGs are over ` +
              `${megabytes(MAX_EXPORT_SVG_CHARS)} in all; it is drawn from the JSON instead.`,
          );
        } else {
          totalChars += svg.length;
          out[layer.id] = svg;
        }
      } catch (error) {
        // A hidden layer Figma will not export is drawn from the JSON, and shows only when a prop turns it on.
        if (!layer.hidden)
          problem(
            layer,
            "svg-failed",
            `Could not export “${layer.name}” as SVG: ${errorText(error)}. It is drawn from the JSON instead.`,
          );
      } finally {
        report(++done);
      }
    },
    () => hooks.job.cancelled,
  );
  return out;
}

/** Image bytes and SVGs for `plan`. Check `hooks.job.cancelled` afterwards: a cancel stops it early. */
export async function exportAssets(plan: AssetPlan, hooks: AssetHooks): Promise<ExportedAssets> {
  const problems: ExportProblem[] = [];
  const images = await fetchImages(plan.images, hooks, problems);
  const svgs = hooks.job.cancelled ? {} : await exportSvgs(plan.vectors, hooks, problems);
  const extras: ExportExtras = {};
  if (Object.keys(images).length > 0) extras.images = images;
  if (Object.keys(svgs).length > 0) extras.svgs = svgs;
  return { extras, problems };
}
