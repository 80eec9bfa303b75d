/**
 * Batch input files: one JSON line per request, `{ custom_id, method: "POST", url, body }`, as OpenAI's Batch
 * API reads them. Every line of one batch goes to the same endpoint, ids are unique, nothing streams.
 * Pure: text in, text out.
 */
import { FigmentError } from "../../kernel/errors.js";

/** The endpoints Figment sends in bulk: images from a template's rows, code for many frames. */
export const BATCH_ENDPOINTS = ["/v1/images/generations", "/v1/responses"] as const;
export type BatchEndpoint = (typeof BATCH_ENDPOINTS)[number];

/** The Batch API's limits per input file: requests, and bytes. */
export const MAX_BATCH_LINES = 50_000;
export const MAX_BATCH_BYTES = 200 * 1024 * 1024;

export interface BatchRequest {
  customId: string;
  url: BatchEndpoint;
  /** The very body the endpoint takes when called directly (non-streaming). */
  body: Record<string, unknown>;
}

export interface BatchInputLine {
  custom_id: string;
  method: "POST";
  url: BatchEndpoint;
  body: Record<string, unknown>;
}

/** The input file's text for these requests (one line each, newline-terminated). */
export function batchJsonl(requests: readonly BatchRequest[]): string {
  if (requests.length === 0) throw new FigmentError("input", "a batch needs at least one request");
  if (requests.length > MAX_BATCH_LINES)
    throw new FigmentError("input", `a batch holds at most ${MAX_BATCH_LINES} requests, not ${requests.length}`);
  const url = requests[0]!.url;
  const ids = new Set<string>();
  let text = "";
  for (const r of requests) {
    if (!BATCH_ENDPOINTS.includes(r.url))
      throw new FigmentError(
        "input",
        `request ${r.customId}: ${String(r.url)} cannot be batched (only ${BATCH_ENDPOINTS.join(", ")})`,
      );
    if (r.url !== url)
      throw new FigmentError(
        "input",
        `request ${r.customId} goes to ${r.url}, the batch to ${url}: one endpoint per batch`,
      );
    if (!r.customId || r.customId.length > 512)
      throw new FigmentError(
        "input",
        `every request needs a custom id of 1 to 512 characters${r.customId ? ` (${r.customId.slice(0, 40)}…)` : ""}`,
      );
    if (ids.has(r.customId)) throw new FigmentError("input", `two requests have the custom id ${r.customId}`);
    if (r.body.stream === true)
      throw new FigmentError("input", `request ${r.customId} asks to stream; batch requests cannot`);
    ids.add(r.customId);
    const line: BatchInputLine = { custom_id: r.customId, method: "POST", url: r.url, body: r.body };
    text += JSON.stringify(line) + "\n";
    // Characters undercount UTF-8 bytes; exact bytes are counted only when close to the limit.
    if (text.length * 3 > MAX_BATCH_BYTES && new TextEncoder().encode(text).length > MAX_BATCH_BYTES)
      throw new FigmentError(
        "input",
        `the batch input would pass the Batch API's 200 MB at ` +
          `request ${r.customId}: split the work into several batches`,
      );
  }
  return text;
}

/** The lines of an input file written by batchJsonl (e.g. to resubmit some of them). */
export function parseBatchJsonl(text: string): BatchInputLine[] {
  return text
    .split("\n")
    .filter((row) => row.trim() !== "")
    .map((row, i) => {
      try {
        return JSON.parse(row) as BatchInputLine;
      } catch {
        throw new FigmentError("input", `line ${i + 1} of the batch input is not JSON`);
      }
    });
}
