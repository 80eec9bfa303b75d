/**
 * Images in bulk on the Batch API: `submitImageBatch` records and submits one `/v1/images/generations`
 * request per row (the conditional-generation CLI, `figment image --template --rows --batch-api`, calls it
 * with the bodies it computed), and `imageWriter` writes each answered row's image as DIR/<fileStem>.<ext>
 * when the batch is collected (the served bytes; `-2`, `-3`… for more than one image per row).
 */
import { join } from "node:path";
import type { LineWriter } from "../../ai/batch/collect.js";
import type { BatchRecord } from "../../ai/batch/record.js";
import { startBatch, type StepOptions } from "../../ai/batch/submit.js";
import { imagesOfAnswer } from "../../ai/batch/image-answer.js";
import { EXTENSIONS } from "../common/image-files.js";
import { batchClient, type BatchClientOptions, type BatchConnection } from "./client.js";
import { folderStore, writeAtomic } from "./store.js";
import { FigmentError } from "../../kernel/errors.js";

export interface ImageBatchRequest {
  /** The template row (1-based as the user counts them). */
  row: number;
  /** The image's file name without extension, e.g. `3-kids-summer`. */
  fileStem: string;
  /** The Images API body for this row (no `stream`). */
  body: Record<string, unknown>;
}

const SAFE_STEM = /^[A-Za-z0-9][A-Za-z0-9._-]{0,119}$/;

/**
 * Submits the rows as one batch and records it in DIR/batch.json. Throws an input error (nothing sent) for
 * a folder that already holds a batch, unsafe or repeated stems, or a body that cannot be batched; ModelError
 * when the provider refuses (the record then says how far it got; `submitRun` resumes).
 */
export async function submitImageBatch(
  dir: string,
  requests: readonly ImageBatchRequest[],
  config: BatchConnection,
  options: StepOptions & BatchClientOptions = {},
): Promise<BatchRecord> {
  const store = folderStore(dir);
  if (await store.load())
    throw new FigmentError("input", `${dir} already holds a batch (batch.json); collect it, or choose another folder`);
  const stems = new Set<string>();
  for (const r of requests) {
    if (!Number.isInteger(r.row) || r.row < 0)
      throw new FigmentError("input", `row ${String(r.row)} is not a row number`);
    if (!SAFE_STEM.test(r.fileStem))
      throw new FigmentError(
        "input",
        `row ${r.row}: file name ${JSON.stringify(r.fileStem)} must be letters, digits, '.', '_' or '-' (at most 120)`,
      );
    if (stems.has(r.fileStem)) throw new FigmentError("input", `row ${r.row}: two rows would write ${r.fileStem}`);
    stems.add(r.fileStem);
  }
  const model = requests.find((r) => typeof r.body.model === "string")?.body.model as string | undefined;
  return startBatch(
    batchClient(config, options),
    store,
    {
      kind: "images",
      endpoint: "/v1/images/generations",
      baseURL: config.baseURL,
      ...(model ? { model } : {}),
      lines: requests.map((r) => ({
        customId: `row-${r.row}`,
        url: "/v1/images/generations",
        body: r.body,
        row: r.row,
        fileStem: r.fileStem,
      })),
    },
    options,
  );
}

/** Writes each answered row's images under `dir`; an answer with no readable image fails its row with the reason. */
export function imageWriter(dir: string): LineWriter {
  return async (line, body) => {
    const answer = imagesOfAnswer(body);
    if ("error" in answer) return answer;
    const written: string[] = [];
    for (const [i, image] of answer.images.entries()) {
      const name = `${line.fileStem}${answer.images.length > 1 ? `-${i + 1}` : ""}.${EXTENSIONS[image.format]}`;
      await writeAtomic(join(dir, name), image.bytes);
      written.push(name);
    }
    return { written, ...(answer.problems.length ? { problems: answer.problems } : {}) };
  };
}
