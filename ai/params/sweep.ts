/**
 * Parameter grids (what SD tools call X/Y plots): a batch sweeps one provider parameter across columns (and a
 * second one across rows), every cell a request with its values. Parses `cfg=4,7,10`, checks each value against
 * the parameter's range (the same ranges as the single-image form), says which parameters a provider has (a
 * hosted API has no seed, CFG, steps, strength or sampler; an SD server has no quality), expands the sweeps over
 * the batch's rows into cells with their grid position, header labels ("CFG 7", "Seed 2") and file-name parts
 * (`cfg-7_seed-2`). Pure.
 */
import { slugWords } from "./names.js";
import { FigmentError } from "../../kernel/errors.js";

export const SWEEP_PARAMS = ["seed", "cfg", "steps", "strength", "sampler", "quality"] as const;
export type SweepParam = (typeof SWEEP_PARAMS)[number];
export type SweepValue = number | string;

export interface Sweep {
  param: SweepParam;
  values: SweepValue[];
}

/** What a cell sets on its request: the swept parameters' values. */
export interface SweepSettings {
  seed?: number;
  cfgScale?: number;
  steps?: number;
  strength?: number;
  sampler?: string;
  quality?: string;
}

/** The most values one sweep takes, and the most cells a grid makes (rows × columns × batch rows). */
export const MAX_SWEEP_VALUES = 16;
export const MAX_GRID_CELLS = 100;

const LABEL: Readonly<Record<SweepParam, string>> = {
  seed: "Seed",
  cfg: "CFG",
  steps: "Steps",
  strength: "Strength",
  sampler: "Sampler",
  quality: "Quality",
};
const SD_ONLY: ReadonlySet<SweepParam> = new Set(["seed", "cfg", "steps", "strength", "sampler"]);
const QUALITIES = ["low", "medium", "high", "auto"];
/** Other spellings users type, from A1111's X/Y plot names and the API's fields. */
const ALIASES: Readonly<Record<string, SweepParam>> = {
  cfg_scale: "cfg",
  "cfg-scale": "cfg",
  cfgscale: "cfg",
  denoising_strength: "strength",
  denoising: "strength",
  sampler_name: "sampler",
};

/** The parameter named by `name` (case-insensitive, with A1111's spellings); undefined when it is no sweepable one. */
export function sweepParamOf(name: string): SweepParam | undefined {
  const key = name.trim().toLowerCase();
  return (SWEEP_PARAMS as readonly string[]).includes(key) ? (key as SweepParam) : ALIASES[key];
}

/** One value of `param` from its text, checked: CFG 1–30, steps 1–150, strength 0–1, seed a whole number ≥ 0 or -1. */
export function sweepValue(param: SweepParam, text: string): SweepValue {
  const raw = text.trim();
  const n = Number(raw);
  const number = raw !== "" && Number.isFinite(n);
  switch (param) {
    case "seed":
      if (number && Number.isSafeInteger(n) && n >= -1) return n;
      throw new FigmentError(
        "input",
        `seed ${raw || '""'}: a seed is a whole number of at least 0 (or -1: the server picks)`,
      );
    case "cfg":
      if (number && n >= 1 && n <= 30) return n;
      throw new FigmentError("input", `cfg ${raw || '""'}: the CFG scale is a number from 1 to 30`);
    case "steps":
      if (number && Number.isInteger(n) && n >= 1 && n <= 150) return n;
      throw new FigmentError("input", `steps ${raw || '""'}: steps are a whole number from 1 to 150`);
    case "strength":
      if (number && n >= 0 && n <= 1) return n;
      throw new FigmentError("input", `strength ${raw || '""'}: the denoising strength is a number from 0 to 1`);
    case "sampler":
      if (raw && raw.length <= 200) return raw;
      throw new FigmentError("input", "sampler: a sampler's name, as the server lists it (e.g. Euler a)");
    case "quality":
      if (QUALITIES.includes(raw.toLowerCase())) return raw.toLowerCase();
      throw new FigmentError("input", `quality ${raw || '""'}: one of ${QUALITIES.join(", ")}`);
  }
}

/** `cfg=4,7,10` → { param: "cfg", values: [4, 7, 10] }; a repeated value or an unknown parameter is an error. */
export function parseSweep(text: string): Sweep {
  const at = text.indexOf("=");
  const name = at === -1 ? "" : text.slice(0, at);
  const param = sweepParamOf(name);
  if (!param)
    throw new FigmentError(
      "input",
      at === -1
        ? `"${text}" is not PARAMETER=VALUE,VALUE,… (e.g. cfg=4,7,10)`
        : `"${name.trim()}" is not a parameter a grid sweeps: one of ${SWEEP_PARAMS.join(", ")}`,
    );
  const parts = text
    .slice(at + 1)
    .split(",")
    .map((part) => part.trim());
  if (parts.length === 1 && parts[0] === "")
    throw new FigmentError(
      "input",
      `${param}: give the values, e.g. ${param}=${param === "sampler" ? "Euler a,DPM++ 2M" : "4,7,10"}`,
    );
  if (parts.length > MAX_SWEEP_VALUES)
    throw new FigmentError("input", `${param}: at most ${MAX_SWEEP_VALUES} values, not ${parts.length}`);
  const values = parts.map((part) => sweepValue(param, part));
  const seen = new Set<string>();
  for (const value of values) {
    const key = String(value).toLowerCase();
    if (seen.has(key)) throw new FigmentError("input", `${param}: ${value} is given twice`);
    seen.add(key);
  }
  return { param, values };
}

/** Checks a grid's sweeps together: at most two (columns, rows), never the same parameter twice. */
export function checkSweeps(sweeps: readonly Sweep[]): void {
  if (sweeps.length > 2)
    throw new FigmentError("input", `a grid sweeps at most two parameters (columns and rows), not ${sweeps.length}`);
  if (sweeps.length === 2 && sweeps[0]!.param === sweeps[1]!.param)
    throw new FigmentError("input", `${sweeps[0]!.param} is swept twice: sweep two different parameters`);
}

export type SweepTarget = "sd" | "hosted";

/**
 * Why `target` cannot sweep `param`, in one line; undefined when it can. A hosted image API (OpenAI's and the
 * others') has no seed, CFG scale, steps, denoising strength or sampler to send; an SD server has no quality.
 */
export function sweepRefusal(param: SweepParam, target: SweepTarget, provider: string): string | undefined {
  if (target === "hosted" && SD_ONLY.has(param))
    return (
      `${provider}'s image API has no ${LABEL[param] === "CFG" ? "CFG scale" : LABEL[param].toLowerCase()} ` +
      `parameter: sweep ${param} with a local server (sdnext, a1111 or comfyui), or sweep quality`
    );
  if (target === "sd" && param === "quality")
    return "a Stable Diffusion server has no quality setting: sweep steps (more steps, more detail) or cfg instead";
  return undefined;
}

/**
 * A sweep over a user's own ComfyUI workflow: the file is sent with its own sampler settings and only its
 * placeholders filled ({{prompt}}, {{negative}}, {{seed}}, {{width}}, {{height}}, {{image}}, {{mask}}), so of the
 * sweeps only seed changes anything; a cfg, steps, sampler or strength grid would be the same image in every cell.
 */
export function workflowSweepRefusal(param: SweepParam): string | undefined {
  if (param === "seed") return undefined;
  return (
    `${param}: a workflow file is sent with its own settings and only its placeholders filled (prompt, ` +
    "negative, seed, width, height, image, mask): sweep seed, or leave the workflow out"
  );
}

/** "CFG 7", "Seed 2", "Sampler Euler a": a grid header. */
export function sweepLabel(param: SweepParam, value: SweepValue): string {
  return `${LABEL[param]} ${value}`;
}

/** `cfg-7`, `strength-0.5`, `sampler-euler-a`: a file-name part (no path characters survive). */
export function sweepStemPart(param: SweepParam, value: SweepValue): string {
  const text = typeof value === "number" ? String(value).replace(/[^0-9.-]/g, "") : slugWords(value);
  return `${param}-${text || "x"}`;
}

function settingOf(param: SweepParam, value: SweepValue): SweepSettings {
  switch (param) {
    case "seed":
      return { seed: Number(value) };
    case "cfg":
      return { cfgScale: Number(value) };
    case "steps":
      return { steps: Number(value) };
    case "strength":
      return { strength: Number(value) };
    case "sampler":
      return { sampler: String(value) };
    case "quality":
      return { quality: String(value) };
  }
}

/** A batch row as the grid needs it: its number and file stem. */
export interface GridRow {
  row: number;
  stem: string;
}

export interface GridCell {
  /** Position in the batch (row-major: the grid's reading order). */
  index: number;
  /** The batch row it draws. */
  row: number;
  column: number;
  /** The grid row (a batch row × the second sweep's value). */
  line: number;
  settings: SweepSettings;
  /** Each swept parameter with its value, in sweep order (for --json and the record). */
  values: { param: SweepParam; value: SweepValue }[];
  stem: string;
}

export interface Grid {
  columns: number;
  cells: GridCell[];
  /** Headers: one per column; one per grid row ("" for all when the rows need none). */
  columnLabels: string[];
  rowLabels: string[];
}

/**
 * The cells of `rows` × the sweeps: the first sweep's values across, the second's down, each batch row a band
 * of grid rows. File stems: the sweep parts (`cfg-7_seed-2`), after the row's stem when the batch has several rows.
 */
export function sweepGrid(rows: readonly GridRow[], sweeps: readonly Sweep[]): Grid {
  checkSweeps(sweeps);
  const [x, y] = sweeps;
  const xs: (SweepValue | undefined)[] = x ? x.values : [undefined];
  const ys: (SweepValue | undefined)[] = y ? y.values : [undefined];
  const total = rows.length * xs.length * ys.length;
  if (total > MAX_GRID_CELLS)
    throw new FigmentError(
      "input",
      `the grid would make ${total} images (${rows.length} row${rows.length === 1 ? "" : "s"} ` +
        `× ${xs.length * ys.length} values); at most ${MAX_GRID_CELLS}`,
    );
  const cells: GridCell[] = [];
  const rowLabels: string[] = [];
  const several = rows.length > 1;
  rows.forEach((batchRow) => {
    ys.forEach((yValue) => {
      const line = rowLabels.length;
      const yLabel = y && yValue !== undefined ? sweepLabel(y.param, yValue) : "";
      rowLabels.push(several ? [`Row ${batchRow.row}`, yLabel].filter(Boolean).join(" · ") : yLabel);
      xs.forEach((xValue, column) => {
        const values = [
          ...(x && xValue !== undefined ? [{ param: x.param, value: xValue }] : []),
          ...(y && yValue !== undefined ? [{ param: y.param, value: yValue }] : []),
        ];
        // biome-ignore lint/performance/noAccumulatingSpread: two values at most (the x and the y)
        const settings = values.reduce<SweepSettings>((all, v) => ({ ...all, ...settingOf(v.param, v.value) }), {});
        const parts = values.map((v) => sweepStemPart(v.param, v.value));
        const stem = [...(several || parts.length === 0 ? [batchRow.stem] : []), ...parts].join("_");
        cells.push({ index: cells.length, row: batchRow.row, column, line, settings, values, stem });
      });
    });
  });
  return { columns: xs.length, cells, columnLabels: x ? x.values.map((v) => sweepLabel(x.param, v)) : [], rowLabels };
}
