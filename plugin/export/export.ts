/**
 * Exporting the selection for code: each node's REST JSON (`JSON_REST_V1`, the one input format of codegen/),
 * a PNG for the vision model, and what the JSON lacks (image fill bytes, vector SVGs: ./assets.ts). Checks
 * everything first (so size errors come before any slow export), then exports one node at a time, giving
 * Figma a macrotask between exports and honouring cancellation.
 */
import { Cancelled } from "../../kernel/cancelled.js";
import { PluginError, errorText, formatCount } from "../errors.js";
import { MAX_EXPORT_NODES } from "../../contract/limits.js";
import { MAX_PNG_SCALE } from "../limits.js";
import type { ExportedFrame, ExportExtras, ExportProblem } from "../../contract/messages.js";
import { exportRoot, planAssets } from "./asset-plan.js";
import { exportAssets } from "./assets.js";
import { readInferredLayouts } from "./inferred-layouts.js";
import { fitScale } from "./scale.js";
import { kindReason } from "./exportable.js";
import type { Settings } from "../../contract/settings.js";
import { checkSize, tooWide } from "./size.js";
import { carryPrototype, readPrototypeFields } from "./reactions.js";
import { nextTask, type Job } from "../tasks.js";

export interface ExportHooks {
  job: Job;
  /** Export a PNG too (the model path); offline code needs only the structure, so it skips it. */
  png: boolean;
  /** The PNG at 1 px per design px at least (up to MAX_FULL_SIDE), beyond the settings' longest side. */
  fullResolution?: boolean;
  /** Fetch image fill bytes and export vector layers as SVG (code needs them; a reference picture does not). */
  assets: boolean;
  onProgress(done: number, total: number, label: string): void;
}

/** The longest side of a full-resolution PNG (Figma's own export limit is 16,384 px). */
const MAX_FULL_SIDE = 16_384;

function throwIfCancelled(job: Job): void {
  if (job.cancelled) throw new Cancelled("Export cancelled.");
}

/** Rejects selections Figment cannot export, with a message saying what to do. */
export function checkSelection(nodes: readonly SceneNode[]): void {
  if (nodes.length === 0) throw new PluginError("empty-selection", "Select one or more frames first.");
  const bad = nodes.map((node) => ({ node, reason: kindReason(node) })).filter((b) => b.reason !== undefined);
  if (bad.length > 0) {
    const listed = bad.slice(0, 3).map((b) => `“${b.node.name}”: ${b.reason}`);
    const more = bad.length > 3 ? ` (and ${bad.length - 3} more)` : "";
    throw new PluginError("unsupported-node", `Cannot export ${listed.join("; ")}${more}.`);
  }
  for (const node of nodes) {
    const wide = tooWide(node);
    if (wide) throw wide;
  }
  if (nodes.length > MAX_EXPORT_NODES) {
    throw new PluginError(
      "too-large",
      `${formatCount(nodes.length)} layers are selected; Figment ` +
        `exports up to ${MAX_EXPORT_NODES} at a time. Select fewer frames.`,
    );
  }
}

async function exportStep<T>(node: SceneNode, what: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw new PluginError("export-failed", `Could not export ${what} of “${node.name}”: ${errorText(error)}`);
  }
}

export interface ExportResult {
  frames: ExportedFrame[];
  /** Present when assets were asked for. */
  extras?: ExportExtras;
  /** Assets that could not be had, by layer. */
  problems: ExportProblem[];
}

export async function exportNodes(
  nodes: readonly SceneNode[],
  settings: Settings,
  hooks: ExportHooks,
): Promise<ExportResult> {
  const { job } = hooks;
  checkSelection(nodes);
  const total = nodes.length;
  for (const node of nodes) {
    hooks.onProgress(0, total, `Checking “${node.name}”`);
    await checkSize(node, () => job.cancelled);
    throwIfCancelled(job);
  }
  const frames: ExportedFrame[] = [];
  for (const [i, node] of nodes.entries()) {
    hooks.onProgress(i, total, `Exporting “${node.name}”`);
    const json = await exportStep(node, "the structure", () => node.exportAsync({ format: "JSON_REST_V1" }));
    await nextTask();
    throwIfCancelled(job);
    // The prototype as the plugin API has it, where the export left it out.
    const root = exportRoot(json);
    if (root) carryPrototype(root, await readPrototypeFields([node], job));
    throwIfCancelled(job);
    const frame: ExportedFrame = {
      id: node.id,
      name: node.name,
      type: node.type,
      width: node.width,
      height: node.height,
      json,
      scale: 0,
    };
    if (hooks.png) {
      const fitted = fitScale(node.width, node.height, settings.maxImageSize, MAX_PNG_SCALE);
      // A tall page split into sections is cropped from this picture: each crop must keep 1 px per design px.
      const full = hooks.fullResolution ? fitScale(node.width, node.height, MAX_FULL_SIDE, 1) : 0;
      const scale = Math.max(fitted, full);
      frame.png = await exportStep(node, "the image", () =>
        node.exportAsync({ format: "PNG", constraint: { type: "SCALE", value: scale } }),
      );
      frame.scale = scale;
      await nextTask();
      throwIfCancelled(job);
    }
    frames.push(frame);
  }
  const result: ExportResult = { frames, problems: [] };
  if (hooks.assets) {
    const plan = planAssets(frames.flatMap((f) => exportRoot(f.json) ?? []));
    const assets = await exportAssets(plan, hooks);
    throwIfCancelled(job);
    result.extras = assets.extras;
    result.problems = assets.problems;
    const inferred = await readInferredLayouts(nodes, job);
    throwIfCancelled(job);
    if (Object.keys(inferred).length > 0) result.extras = { ...result.extras, inferredLayouts: inferred };
  }
  hooks.onProgress(total, total, total === 1 ? `Exported “${nodes[0]!.name}”` : `Exported ${total} frames`);
  return result;
}
