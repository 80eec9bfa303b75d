/**
 * The seam between computed prompts and whatever sends them: one image request per row, built from the
 * row's prompt and the options every row shares (size, quality, references…). The CLI runs them one by one
 * (cli/image/rows-run.ts); a Batch API writer can take the same list and turn each into a JSONL line.
 * `--consistent` adds the set's first image as a reference to the later requests, with one sentence saying
 * what to keep from it.
 */
import type { ImageInput, ImageRequest } from "../image/options.js";
import type { ComputedRow } from "./compute.js";
import type { GridCell } from "./sweep.js";

/** What every row's request shares: everything but the prompt (one image per row, no partials). */
export type SharedImageOptions = Omit<ImageRequest, "prompt" | "count" | "partials" | "refine" | "designHint">;

export interface RowRequest {
  row: number;
  /** The file stem for the row's image (names.ts). */
  stem: string;
  request: ImageRequest;
  /** In a parameter grid: the cell this request draws (its swept values, its place). */
  cell?: GridCell;
}

/** Said to the model with the first image attached to a later row's request. */
export const CONSISTENT_NOTE =
  "Consistency: the attached reference image is the first image of this set; keep its " +
  "palette, medium, lighting and framing, and change only what this prompt asks for.";

export function rowRequests(rows: readonly ComputedRow[], shared: SharedImageOptions): RowRequest[] {
  return rows.map((r) => ({
    row: r.row,
    stem: r.stem,
    request: { ...shared, prompt: r.prompt, count: 1, partials: 0, references: [...(shared.references ?? [])] },
  }));
}

/** The request with the set's first image as its first reference and the consistency sentence. */
export function withFirstImage(request: RowRequest, first: ImageInput): RowRequest {
  return {
    ...request,
    request: {
      ...request.request,
      prompt: `${request.request.prompt}\n\n${CONSISTENT_NOTE}`,
      references: [first, ...(request.request.references ?? [])],
    },
  };
}
