/**
 * A Rows run as a parameter grid (X/Y plot) in the panel: its items expanded into cells (ai/params/sweep.ts) —
 * each row once per value, each cell's stem naming its values and its settings kept with it — and the grid's
 * headers for the canvas; and an item's request to a local SD server: the run's SD parameters, the cell's
 * values over them, and, once the first image is accepted, its seed for the rest (the consistent set SD users
 * make: the same noise keeps the look while the prompt changes; the first image as an img2img reference would
 * copy its layout into every row). Pure.
 */
import {
  checkSweeps,
  parseSweep,
  sweepGrid,
  sweepRefusal,
  workflowSweepRefusal,
  type Sweep,
  type SweepParam,
  type SweepTarget,
} from "../../../ai/params/sweep.js";
import type { GridLabels } from "../../../contract/image.js";
import type { SdRequestData } from "../../engine/protocol/sd.js";
import type { ImageVersion } from "../versions.js";
import type { PlanItem, RowsPlan } from "./plan.js";
import { isFigmentError } from "../../../kernel/errors.js";

/** The cells of `items` × `sweeps` (throws an input error for a grid too big), with the grid's headers. */
export function sweptItems(
  items: readonly PlanItem[],
  sweeps: readonly Sweep[],
): { items: PlanItem[]; labels: GridLabels } {
  const grid = sweepGrid(items, sweeps);
  const byRow = new Map(items.map((item) => [item.row, item]));
  const cells = grid.cells.map((cell): PlanItem => ({ ...byRow.get(cell.row)!, stem: cell.stem, cell: cell.settings }));
  return { items: cells, labels: { columns: grid.columnLabels, rows: grid.rowLabels } };
}

/**
 * Item `index`'s SD request: the plan's, with the cell's values; after an accepted first image, its seed unless the
 * cell sweeps seed.
 */
export function sdItemRequest(plan: RowsPlan, index: number, first: ImageVersion | undefined): SdRequestData {
  const item = plan.items[index];
  if (!item || !plan.sd) throw new Error(`The run has no SD item ${index + 1}.`);
  const cell = item.cell ?? {};
  const firstSeed = index > 0 ? first?.sd?.seed : undefined;
  const seed = cell.seed ?? firstSeed ?? plan.sd.seed;
  const { seed: _seed, ...base } = plan.sd;
  const init = base.init && cell.strength !== undefined ? { ...base.init, strength: cell.strength } : base.init;
  return {
    ...base,
    prompt: item.prompt,
    batchSize: 1,
    ...(cell.cfgScale !== undefined ? { cfgScale: cell.cfgScale } : {}),
    ...(cell.steps !== undefined ? { steps: cell.steps } : {}),
    ...(cell.sampler !== undefined ? { sampler: cell.sampler } : {}),
    // -1 (the server picks) is sent as no seed.
    ...(seed !== undefined && seed >= 0 ? { seed } : {}),
    ...(init ? { init } : {}),
  };
}

/** A sweep as the setup's controls hold it: a parameter ("" for none) and its values as typed. */
export interface SweepFields {
  param: SweepParam | "";
  values: string;
}
export const NO_SWEEP: SweepFields = { param: "", values: "" };

/**
 * The parameters the Sweep control offers: SD's on a local server, quality on a hosted model (its API has no seed, CFG
 * or steps).
 */
export const sweepChoices = (target: SweepTarget): SweepParam[] =>
  target === "sd" ? ["cfg", "seed", "steps", "strength", "sampler"] : ["quality"];

/**
 * Why a strength sweep cannot run: strength is how much of a starting picture is repainted, and nothing is selected to
 * start from.
 */
export const STRENGTH_NEEDS_SELECTION =
  "Sweep: strength is how much of a starting picture each cell repaints " +
  "(img2img). Select the frame or image to start from, or sweep another parameter.";

/**
 * A strength sweep asked on a local server with nothing selected: refused before anything runs (a txt2img grid would
 * ignore it).
 */
export function strengthRefusal(
  fields: readonly SweepFields[],
  target: SweepTarget,
  hasSelection: boolean,
): string | undefined {
  return target === "sd" && !hasSelection && fields.some((d) => d.param === "strength")
    ? STRENGTH_NEEDS_SELECTION
    : undefined;
}

/**
 * A sweep the user's own ComfyUI workflow would ignore (a cell changes only its placeholders: prompt and seed), with
 * a workflow file picked: refused before anything runs, as the CLI's --workflow refuses it.
 */
export function workflowRefusal(fields: readonly SweepFields[], hasWorkflow: boolean): string | undefined {
  if (!hasWorkflow) return undefined;
  for (const { param } of fields) {
    const refused = param ? workflowSweepRefusal(param) : undefined;
    if (refused) return `Sweep: ${refused}.`;
  }
  return undefined;
}

/**
 * The layer every SD item starts from (img2img): the selection, when "Use selection as reference" is ticked or
 * a strength sweep asks for a starting picture; undefined for txt2img.
 */
export function sdInitFrom(
  fields: readonly SweepFields[],
  useReference: boolean,
  strength: number,
  selected: { id: string; name: string } | undefined,
): { nodeId: string; name: string; strength: number } | undefined {
  if (!selected || !(useReference || fields.some((d) => d.param === "strength"))) return undefined;
  return { nodeId: selected.id, name: selected.name, strength: Math.min(1, Math.max(0, strength)) };
}

/** The setup's sweeps (columns, rows) read and checked; `error` says the first problem in the user's terms. */
export function readSweeps(
  fields: readonly SweepFields[],
  target: SweepTarget,
  provider: string,
): { sweeps: Sweep[]; error?: string } {
  try {
    const sweeps = fields.filter((d) => d.param !== "").map((d) => parseSweep(`${d.param}=${d.values}`));
    checkSweeps(sweeps);
    const refused = sweeps.map((s) => sweepRefusal(s.param, target, provider)).find(Boolean);
    if (refused) return { sweeps: [], error: `Sweep: ${refused}.` };
    return { sweeps };
  } catch (error) {
    if (isFigmentError(error, "input")) return { sweeps: [], error: `Sweep: ${error.message}.` };
    throw error;
  }
}
