/**
 * Resubmitting the failed lines alone: their requests, read back from the kept input files, become a new
 * run (a new batch) linked to the batch they failed in; the lines go back to pending in that run.
 */
import type OpenAI from "openai";
import { parseBatchJsonl, type BatchInputLine } from "./lines.js";
import type { BatchRecord } from "./record.js";
import type { BatchStore } from "./store.js";
import { inputName, submitRun, type StepOptions } from "./submit.js";
import { FigmentError } from "../../kernel/errors.js";

/** Adds a run for the failed lines and submits it; undefined when no line has failed. */
export async function resubmitFailed(
  client: OpenAI,
  store: BatchStore,
  record: BatchRecord,
  options: StepOptions = {},
): Promise<{ record: BatchRecord; run: number; lines: number } | undefined> {
  const failed = record.lines.filter((l) => l.state === "failed");
  if (failed.length === 0) return undefined;
  const requests = new Map<string, BatchInputLine>();
  for (const run of new Set(failed.map((l) => l.run))) {
    const name = record.runs[run]!.input;
    const text = await store.readText(name);
    if (text === undefined)
      throw new FigmentError(
        "input",
        `the batch input ${name} is missing from the folder; the failed lines cannot be resubmitted`,
      );
    for (const line of parseBatchJsonl(text)) requests.set(line.custom_id, line);
  }
  const lines = failed.map((l) => {
    const request = requests.get(l.customId);
    if (!request) throw new FigmentError("input", `the request of ${l.customId} is not in its batch input`);
    return request;
  });
  const index = record.runs.length;
  const created = (options.now?.() ?? new Date()).toISOString();
  const previous = record.runs[failed[0]!.run]!.batchId;
  await store.writeText(inputName(index), lines.map((l) => JSON.stringify(l)).join("\n") + "\n");
  record.runs.push({ input: inputName(index), created, ...(previous ? { resubmitOf: previous } : {}) });
  for (const line of failed) {
    line.state = "pending";
    line.run = index;
    delete line.error;
  }
  await store.save(record);
  return { record: await submitRun(client, store, record, index, options), run: index, lines: lines.length };
}
