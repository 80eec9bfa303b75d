/**
 * The local record of a bulk job (DIR/batch.json in the CLI): the batch and its input file at the provider,
 * and per request line its row or frame and state. It is saved before and after every step, so a process
 * that dies anywhere between upload and collect loses nothing: the next run reads where it stopped.
 * Pure: the shape, its checks and counts; storage is the caller's (store.ts).
 */
import type { BatchEndpoint } from "./lines.js";
import { FigmentError } from "../../kernel/errors.js";

export type LineState = "pending" | "done" | "failed";

/** Statuses after which a batch changes no more. */
export const FINAL_STATUSES: ReadonlySet<string> = new Set(["completed", "failed", "expired", "cancelled"]);

export interface BatchLineRecord {
  customId: string;
  /** The template row (images). */
  row?: number;
  /** The top-level frame (code). */
  frame?: { id: string; name: string };
  /** Where the line's output goes: an image's file stem, or a frame's folder (code). */
  fileStem: string;
  /** Index in `runs` of the batch this line was last sent in. */
  run: number;
  state: LineState;
  /** Why it failed (the provider's message, or why its answer could not be used). */
  error?: string;
  /** Files written for it, relative to the folder. */
  written?: string[];
  /** Serious problems found in a code answer (reported, not fatal): "file:line: message", the first few. */
  problems?: string[];
}

export interface BatchRun {
  /** The local input file (under the store), kept for resubmits. */
  input: string;
  /** Set as soon as the upload answered: a run with a file and no batch is created from it, not uploaded again. */
  inputFileId?: string;
  batchId?: string;
  status?: string;
  counts?: { total: number; completed: number; failed: number };
  outputFileId?: string;
  errorFileId?: string;
  /** The batch-level errors (a batch that failed validation). */
  errors?: string[];
  created: string;
  /** The batch this run resubmits the failed lines of. */
  resubmitOf?: string;
  /** Every line's answer has been read from this run's files. */
  collected?: boolean;
}

export interface BatchRecord {
  version: 1;
  kind: "images" | "code";
  endpoint: BatchEndpoint;
  /** Where the batch was sent (never the key). */
  baseURL: string;
  model?: string;
  created: string;
  runs: BatchRun[];
  lines: BatchLineRecord[];
  /** Code batches: how the answers are turned into files. */
  code?: { target: "react" | "html"; styling: "css-modules" | "tailwind" };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Checks a parsed batch.json enough that the steps can trust it. */
export function readRecord(value: unknown): BatchRecord {
  if (!isObject(value)) throw new FigmentError("input", "not a batch record (expected a JSON object)");
  if (value.version !== 1)
    throw new FigmentError("input", `unknown batch record version ${JSON.stringify(value.version)}`);
  if (value.kind !== "images" && value.kind !== "code")
    throw new FigmentError("input", `kind must be images or code, not ${JSON.stringify(value.kind)}`);
  if (typeof value.endpoint !== "string" || typeof value.baseURL !== "string")
    throw new FigmentError("input", "the record has no endpoint or baseURL");
  if (
    !Array.isArray(value.runs) ||
    value.runs.length === 0 ||
    !value.runs.every((r) => isObject(r) && typeof r.input === "string")
  )
    throw new FigmentError("input", "the record has no runs (each needs its input file)");
  if (
    !Array.isArray(value.lines) ||
    !value.lines.every(
      (l) =>
        isObject(l) &&
        typeof l.customId === "string" &&
        typeof l.run === "number" &&
        ["pending", "done", "failed"].includes(String(l.state)),
    )
  )
    throw new FigmentError("input", "the record's lines are damaged (each needs customId, run and state)");
  const runs = value.runs.length;
  const bad = (value.lines as BatchLineRecord[]).find((l) => l.run < 0 || l.run >= runs);
  if (bad) throw new FigmentError("input", `line ${bad.customId} names run ${bad.run}, which the record does not have`);
  return value as unknown as BatchRecord;
}

export interface LineCounts {
  total: number;
  pending: number;
  done: number;
  failed: number;
}

export function lineCounts(record: Pick<BatchRecord, "lines">): LineCounts {
  const counts: LineCounts = { total: record.lines.length, pending: 0, done: 0, failed: 0 };
  for (const line of record.lines) counts[line.state]++;
  return counts;
}

/** A line's label for reports: its row or frame, else its id. */
export function lineLabel(line: BatchLineRecord): string {
  if (line.row !== undefined) return `row ${line.row}`;
  if (line.frame)
    return line.frame.name.trim() !== "" ? `frame ${line.frame.name} (${line.frame.id})` : `frame ${line.frame.id}`;
  return line.customId;
}
