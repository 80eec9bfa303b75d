/**
 * `figment batch status|collect|resubmit|cancel DIR`: a bulk job recorded in DIR/batch.json (by `figment code
 * --ai --batch-api`, or the image CLI's rows). Every step first resumes a run that was interrupted between
 * upload and batch creation. `collect` writes each answered line once (images as files, code through the
 * project pass), lists the failed ones with their reason; `resubmit` sends only those again; `cancel` stops
 * the runs still moving (what they answered stays collectable). One step at a time per folder (lock.ts).
 *
 * Exit codes: 0 done (or still running); 1 some lines failed, or the provider failed; 2 bad input (no or a
 * damaged batch.json, a refused key); 130 cancelled.
 */
import { stat } from "node:fs/promises";
import type OpenAI from "openai";
import { cancelBatch } from "../../ai/batch/cancel.js";
import { collectBatch } from "../../ai/batch/collect.js";
import type { BatchRecord } from "../../ai/batch/record.js";
import { resubmitFailed } from "../../ai/batch/resubmit.js";
import { refreshStatus } from "../../ai/batch/status.js";
import type { BatchStore } from "../../ai/batch/store.js";
import { submitRun, unsubmittedRuns } from "../../ai/batch/submit.js";
import { ModelError } from "../../ai/errors/classify.js";
import { Cancelled, isCancelled } from "../../kernel/cancelled.js";
import { keyFor } from "../common/api-keys.js";
import type { Output, RunContext } from "../common/design-files.js";
import { reportModelError } from "../common/model-errors.js";
import type { BatchArgs } from "./args.js";
import { batchClient } from "../batch-api/client.js";
import { codeWriter } from "../code/batch-api.js";
import { imageWriter } from "../batch-api/images.js";
import { lockFolder } from "./lock.js";
import { BATCH_STEPS, printCollect, printStatus, summary } from "../batch-api/report.js";
import { folderStore } from "../batch-api/store.js";
import { plural } from "../../kernel/plural.js";
import { FigmentError } from "../../kernel/errors.js";

async function loadRecord(store: BatchStore, dir: string): Promise<BatchRecord> {
  const record = await store.load();
  if (!record)
    throw new FigmentError(
      "input",
      `no batch in ${dir} (batch.json is missing); submit one with ` +
        `figment code <design.json> --ai --batch-api --out ${dir}`,
    );
  return record;
}

/** Creates the batch of any run interrupted after its upload (or before it). */
async function resume(
  client: OpenAI,
  store: BatchStore,
  record: BatchRecord,
  io: Output,
  signal?: AbortSignal,
): Promise<void> {
  for (const index of unsubmittedRuns(record)) {
    io.err(
      `figment: resuming an interrupted submit ` +
        `(${record.runs[index]!.inputFileId ? "uploaded, creating the batch" : "uploading"})…`,
    );
    await submitRun(client, store, record, index, signal ? { signal } : {});
  }
}

export async function batchCommand(args: BatchArgs, io: Output, context: RunContext = {}): Promise<number> {
  if ((await stat(args.dir).catch(() => undefined))?.isFile())
    throw new FigmentError(
      "input",
      `${args.dir} is a file, not a batch's folder (the DIR of figment code --ai --batch-api --out DIR)`,
    );
  const store = folderStore(args.dir);
  await loadRecord(store, args.dir); // no folder is locked for a mistyped DIR
  const release = await lockFolder(args.dir, args.sub);
  try {
    // Read under the lock: a step that ended meanwhile may have moved the record on.
    return await runStep(args, store, await loadRecord(store, args.dir), io, context);
  } finally {
    await release();
  }
}

async function runStep(
  args: BatchArgs,
  store: BatchStore,
  record: BatchRecord,
  io: Output,
  context: RunContext,
): Promise<number> {
  const step = context.signal ? { signal: context.signal } : {};
  try {
    const apiKey = keyFor("openai", context.env ?? process.env, io);
    const client = batchClient(
      { apiKey, baseURL: args.baseUrl ?? record.baseURL, headers: {} },
      args.timeoutSec !== undefined ? { timeoutMs: args.timeoutSec * 1000 } : {},
    );
    if (args.sub === "cancel") {
      const report = await cancelBatch(client, store, record, step);
      const status = await refreshStatus(client, store, record, step);
      if (args.json)
        io.out(summary(record, status, { cancelled: report.cancelled, neverCreated: report.neverCreated }));
      else if (report.cancelled.length + report.neverCreated === 0) io.out("nothing to cancel: every run has ended");
      else {
        if (report.cancelled.length)
          io.out(
            `cancelling ${report.cancelled.join(", ")}: requests already ` +
              `answered stay collectable (figment batch collect ${args.dir})`,
          );
        if (report.neverCreated)
          io.out(
            `${plural(report.neverCreated, "run")} interrupted ` +
              `before the batch was created: cancelled here, never sent`,
          );
      }
      return 0;
    }
    await resume(client, store, record, io, context.signal);
    if (args.sub === "resubmit") {
      const result = await resubmitFailed(client, store, record, step);
      if (!result) io.out("no failed lines: nothing to resubmit");
      const status = await refreshStatus(client, store, record, step);
      if (args.json) io.out(summary(record, status, { resubmitted: result?.lines ?? 0 }));
      else if (result)
        io.out(`resubmitted ${plural(result.lines, "failed line")} as batch ${record.runs[result.run]!.batchId}`);
      return 0;
    }
    const status = await refreshStatus(client, store, record, step);
    if (args.sub === "status") {
      if (args.json) io.out(summary(record, status));
      else printStatus(args.dir, record, status, io);
      return 0;
    }
    const writer = record.kind === "images" ? imageWriter(args.dir) : codeWriter(args.dir, store);
    const report = await collectBatch(client, store, record, writer, step);
    const after = await refreshStatus(client, store, record, step);
    if (args.json) io.out(summary(record, after, { collected: report }));
    else printCollect(args.dir, record, report, after, io);
    return after.lines.failed > 0 ? 1 : 0;
  } catch (error) {
    if (isCancelled(error)) throw new Cancelled(`cancelled; ${args.dir}/batch.json keeps what was done`);
    if (error instanceof ModelError) return reportModelError(error, "openai", io, BATCH_STEPS);
    throw error;
  }
}
