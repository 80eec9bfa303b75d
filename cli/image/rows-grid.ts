/**
 * `--sweep`: the rows' planned requests (cli/image/rows-plan.ts) expanded into a parameter grid — every row once
 * per cell of the sweeps (ai/params/sweep.ts), each request carrying its cell (its swept values, its file stem).
 * What a cell sets that the hosted request has (quality) is set here; the SD parameters are read by the SD
 * runner (cli/image/rows-sd.ts) from the cell. Pure.
 */
import type { ImageQuality } from "../../ai/image/options.js";
import {
  sweepGrid,
  type Grid,
  type GridCell,
  type RowRequest,
  type Sweep,
  type SweepValue,
} from "../../ai/params/index.js";

export interface GridPlan {
  grid: Grid;
  /** One per cell, in the grid's reading order. */
  requests: RowRequest[];
}

export function gridRequests(requests: readonly RowRequest[], sweeps: readonly Sweep[]): GridPlan {
  const grid = sweepGrid(requests, sweeps);
  const byRow = new Map(requests.map((r) => [r.row, r]));
  const expanded = grid.cells.map((cell): RowRequest => {
    const planned = byRow.get(cell.row)!;
    const quality = cell.settings.quality as ImageQuality | undefined;
    return {
      row: planned.row,
      stem: cell.stem,
      cell,
      request: { ...planned.request, ...(quality ? { quality } : {}) },
    };
  });
  return { grid, requests: expanded };
}

/** A cell's swept values by parameter, for --json: `{ cfg: 7, seed: 2 }`. */
export function cellParams(cell: GridCell): Record<string, SweepValue> {
  return Object.fromEntries(cell.values.map((v) => [v.param, v.value]));
}
