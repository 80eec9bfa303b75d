/**
 * `figment image --template … --rows … --batch-api --out DIR`: the rows' planned requests (cli/image/rows-plan.ts)
 * as Images API bodies, submitted as one OpenAI Batch API batch recorded in DIR/batch.json by
 * `submitImageBatch` (cli/batch-api/images.ts); `figment batch status|collect DIR` take it from there. The Batch
 * API runs JSON requests to /v1/images/generations only, so references (--ref, --consistent, which needs
 * the first image before the others are sent) are refused by name before anything is sent.
 */
import { join } from "node:path";
import { ModelError } from "../../ai/errors/classify.js";
import type { ImageConfig } from "../../ai/image/config.js";
import { imageBatchBodies } from "../../ai/batch/image-bodies.js";
import type { RowRequest } from "../../ai/params/index.js";
import { submitImageBatch, type ImageBatchRequest } from "../batch-api/images.js";
import { BATCH_STEPS } from "../batch-api/report.js";
import type { Output } from "../common/design-files.js";
import type { ImageRowsArgs } from "./rows-args.js";
import { reportModelError } from "../common/model-errors.js";
import { plural } from "../../kernel/plural.js";
import { FigmentError } from "../../kernel/errors.js";

/** Throws an input error for what the Batch API cannot run; called before the key is read. */
export function checkBatchFlags(args: ImageRowsArgs): void {
  if (args.provider !== "openai")
    throw new FigmentError(
      "input",
      `--batch-api needs --provider openai: OpenAI's Batch API ` +
        `runs the Images API; ${args.provider} endpoints have none`,
    );
  if (args.api === "responses")
    throw new FigmentError(
      "input",
      "--batch-api sends Images API requests (/v1/images/generations); leave out --api responses",
    );
  if (args.consistent)
    throw new FigmentError(
      "input",
      "--consistent needs the first image before the other rows are sent; a " +
        "batch sends every row at once. Leave out --batch-api or --consistent",
    );
  if (args.refs.length > 0)
    throw new FigmentError(
      "input",
      "--ref needs an image edit (a multipart upload), which the " +
        "Batch API does not run; leave out --batch-api or --ref",
    );
}

/** The JSON body of each row's Images API request, as a batch line carries it (never streamed). */
export function batchBodies(config: ImageConfig, requests: readonly RowRequest[]): ImageBatchRequest[] {
  return imageBatchBodies(config, requests);
}

export async function submitRowsBatch(
  args: ImageRowsArgs,
  config: ImageConfig,
  requests: readonly RowRequest[],
  io: Output,
  signal?: AbortSignal,
): Promise<number> {
  const out = args.out!;
  const lines = batchBodies(config, requests);
  io.err(
    `figment: submitting ${plural(lines.length, "row")} to ` +
      `${config.baseURL}/batches (${config.model}, /v1/images/generations)…`,
  );
  let batchId: string | undefined;
  try {
    const record = await submitImageBatch(
      out,
      lines,
      { apiKey: config.apiKey, baseURL: config.baseURL, headers: config.headers },
      signal ? { signal } : {},
    );
    batchId = record.runs[0]!.batchId;
  } catch (error) {
    if (error instanceof ModelError) {
      io.err(`figment: the batch is recorded in ${join(out, "batch.json")}; figment batch status ${out} resumes it`);
      return reportModelError(error, args.provider, io, BATCH_STEPS);
    }
    throw error;
  }
  if (args.json)
    io.out(
      JSON.stringify(
        { batchId, requests: lines.length, dir: out, rows: lines.map((l) => ({ row: l.row, file: l.fileStem })) },
        null,
        2,
      ),
    );
  else {
    io.out(
      `submitted batch ${batchId}: ${plural(lines.length, "request")}, one per ` +
        `row, at half the standard price; recorded in ${join(out, "batch.json")}`,
    );
    io.out(`next: figment batch status ${out}, then figment batch collect ${out} (answers within 24 h)`);
  }
  return 0;
}
