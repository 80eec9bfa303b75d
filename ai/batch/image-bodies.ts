/**
 * The JSON body of each row's Images API request, as a Batch API line carries it: the very request a live
 * run would send (ai/image/request.ts), without streaming. Shared by the CLI (`--batch-api`) and the panel's
 * Rows mode. Only plain generations can be batched: references need an edit (a multipart upload), which the
 * Batch API does not run; a row that would need one is refused by name (an input error), nothing sent.
 */
import type { ImageConfig } from "../image/config.js";
import { buildImageRequests } from "../image/request.js";
import type { RowRequest } from "../params/requests.js";
import { FigmentError } from "../../kernel/errors.js";

export interface ImageBatchBody {
  /** The template row (1-based as the user counts them). */
  row: number;
  /** The image's name without extension, e.g. `3-kids-summer`. */
  fileStem: string;
  /** The Images API body for this row (no `stream`, no `partial_images`). */
  body: Record<string, unknown>;
}

/** The custom id of a row's line: `row-3`. */
export const rowCustomId = (row: number): string => `row-${row}`;

export function imageBatchBodies(config: ImageConfig, requests: readonly RowRequest[]): ImageBatchBody[] {
  if (config.api !== "images")
    throw new FigmentError(
      "input",
      `batches send Images API requests (/v1/images/generations); this endpoint would use the ${config.api} API`,
    );
  return requests.map((r) => {
    const plan = buildImageRequests(config, r.request)[0];
    if (plan?.api !== "images" || plan.operation !== "generate")
      throw new FigmentError(
        "input",
        `row ${r.row}: only Images API generations can go in a batch ` +
          `(references need an image edit, which the Batch API does not run)`,
      );
    const { stream: _stream, partial_images: _partials, ...body } = plan.params;
    return { row: r.row, fileStem: r.stem, body: body as Record<string, unknown> };
  });
}
