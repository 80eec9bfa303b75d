/**
 * The Files and Batch APIs for the OpenAI-wire test server: `POST /v1/files` (multipart, purpose "batch":
 * the JSONL is checked line by line — shape `{custom_id, method, url, body}`, unique ids, each body valid
 * per the OpenAPI schema of its endpoint), `GET /v1/files/{id}`, `GET /v1/files/{id}/content`,
 * `POST /v1/batches` (validated), `GET /v1/batches` (list), `GET /v1/batches/{id}` whose status moves one step per
 * retrieve (validating → in_progress → finalizing → completed, or → failed / expired / cancelled),
 * `POST /v1/batches/{id}/cancel`.
 *
 * On completion each line gets its endpoint's normal scripted answer (images: a real PNG; responses: the `answer`
 * script) in the output file, failures in the error file.
 *
 *   srv.batches.script({ fail: (id) => id === "row-3", answer: (line) => responsesJson(code) });
 */
import type { ScriptedReply } from "./reply-types.js";
import { resolveImageReply } from "./image-replies.js";
import { validateAgainst, validateRequest } from "./validate.js";

export interface BatchInputLine {
  custom_id: string;
  method: string;
  url: string;
  body: unknown;
}

export interface BatchScript {
  /** Lines that fail (answered in the error file): by custom id; the reply defaults to a 400. */
  fail?: (customId: string) => boolean | ScriptedReply;
  /** The answer of a line that succeeds (default: imageReply() for images, a Responses text "{}" otherwise). */
  answer?: (line: BatchInputLine) => ScriptedReply;
  /** How the batch ends: completed (default), expired (after `answeredBeforeEnd` lines), failed (validation). */
  end?: "completed" | "expired" | "failed";
  /** With `end: "expired"`: how many lines were answered before the window closed (default half). */
  answeredBeforeEnd?: number;
}

interface StoredFile {
  id: string;
  filename: string;
  purpose: string;
  created_at: number;
  bytes: Buffer;
  lines?: BatchInputLine[];
}

interface StoredBatch {
  body: Record<string, unknown>;
  lines: BatchInputLine[];
  script: BatchScript;
  cancelRequested: boolean;
}

export type Answer = { status: number; body: unknown; contentType?: string };

const CREATED = 1_767_225_600;
const ENDPOINTS = new Set(["/v1/responses", "/v1/images/generations"]);

/** `GET /v1/files/file-abc/content` → `GET /v1/files/{id}/content`: the route, for request counts. */
export function routeOf(method: string, pathname: string): string {
  return `${method} ${pathname.replace(/^(\/v1\/(?:files|batches))\/[^/]+/, "$1/{id}")}`;
}

export const BATCH_ROUTES: ReadonlySet<string> = new Set([
  "POST /v1/files",
  "GET /v1/files/{id}",
  "GET /v1/files/{id}/content",
  "POST /v1/batches",
  "GET /v1/batches",
  "GET /v1/batches/{id}",
  "POST /v1/batches/{id}/cancel",
]);

/** Reads a batch input file: one JSON object per line with the four fields; errors name the line. */
export function readBatchInput(text: string): { lines: BatchInputLine[]; errors: string[] } {
  const lines: BatchInputLine[] = [];
  const errors: string[] = [];
  const ids = new Set<string>();
  const rows = text.split("\n");
  if (rows.at(-1) === "") rows.pop();
  if (rows.length === 0) errors.push("the file has no lines");
  rows.forEach((row, i) => {
    const at = `line ${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(row);
    } catch {
      errors.push(`${at}: not JSON`);
      return;
    }
    const line = value as Partial<BatchInputLine> | null;
    if (!line || typeof line !== "object" || Array.isArray(line)) return void errors.push(`${at}: not an object`);
    const extra = Object.keys(line).filter((k) => !["custom_id", "method", "url", "body"].includes(k));
    if (extra.length) errors.push(`${at}: unknown field(s) ${extra.join(", ")}`);
    if (typeof line.custom_id !== "string" || !line.custom_id)
      return void errors.push(`${at}: custom_id must be a non-empty string`);
    if (ids.has(line.custom_id)) errors.push(`${at}: duplicate custom_id ${line.custom_id}`);
    ids.add(line.custom_id);
    if (line.method !== "POST") errors.push(`${at}: method must be POST`);
    if (typeof line.url !== "string" || !ENDPOINTS.has(line.url))
      return void errors.push(`${at}: url must be one of ${[...ENDPOINTS].join(", ")}`);
    const body = line.body as { stream?: unknown } | undefined;
    if (body?.stream === true) errors.push(`${at}: a batch request cannot stream`);
    for (const e of validateRequest(line.url, line.body)) errors.push(`${at}: body ${e}`);
    lines.push(line as BatchInputLine);
  });
  return { lines, errors };
}

const error = (status: number, message: string, code: string | null = null): Answer => ({
  status,
  body: {
    error: { message, type: status === 404 ? "invalid_request_error" : "invalid_request_error", param: null, code },
  },
});

/** The Files and Batch state of one test server. */
export class BatchBackend {
  readonly files = new Map<string, StoredFile>();
  readonly batches = new Map<string, StoredBatch>();
  private nextScript: BatchScript = {};
  private seq = 0;

  /** How the batches created from now on behave. */
  script(script: BatchScript): void {
    this.nextScript = script;
  }

  private id(prefix: string): string {
    return `${prefix}-test${(++this.seq).toString(16).padStart(6, "0")}`;
  }

  upload(
    fields: Record<string, string | string[]>,
    file: { filename: string; bytes: Buffer } | undefined,
    schemaErrors: string[],
  ): Answer {
    if (schemaErrors.length) return error(400, `Invalid upload: ${schemaErrors.join("; ")}`);
    if (!file) return error(400, "No file in the upload");
    const purpose = String(fields.purpose);
    let lines: BatchInputLine[] | undefined;
    if (purpose === "batch") {
      if (!file.filename.endsWith(".jsonl"))
        return error(400, `A batch file must be .jsonl, not ${file.filename}`, "invalid_file_format");
      const read = readBatchInput(file.bytes.toString("utf8"));
      if (read.errors.length)
        return error(400, `Invalid batch file: ${read.errors.slice(0, 5).join("; ")}`, "invalid_file_format");
      lines = read.lines;
    }
    const stored: StoredFile = {
      id: this.id("file"),
      filename: file.filename,
      purpose,
      created_at: CREATED,
      bytes: file.bytes,
      ...(lines ? { lines } : {}),
    };
    this.files.set(stored.id, stored);
    return { status: 200, body: fileObject(stored) };
  }

  file(id: string): Answer {
    const f = this.files.get(id);
    return f ? { status: 200, body: fileObject(f) } : error(404, `No such File object: ${id}`);
  }

  content(id: string): Answer {
    const f = this.files.get(id);
    return f
      ? { status: 200, body: f.bytes, contentType: "application/octet-stream" }
      : error(404, `No such File object: ${id}`);
  }

  create(body: unknown, schemaErrors: string[]): Answer {
    if (schemaErrors.length) return error(400, `Invalid batch: ${schemaErrors.join("; ")}`);
    const b = body as { input_file_id: string; endpoint: string; completion_window: string; metadata?: unknown };
    const input = this.files.get(b.input_file_id);
    if (!input) return error(404, `No such File object: ${b.input_file_id}`);
    if (input.purpose !== "batch" || !input.lines)
      return error(400, `File ${input.id} was not uploaded with purpose batch`);
    const wrong = input.lines.findIndex((l) => l.url !== b.endpoint);
    if (wrong >= 0)
      return error(
        400,
        `line ${wrong + 1}: url ${input.lines[wrong]!.url} does not match the batch endpoint ${b.endpoint}`,
      );
    const id = this.id("batch");
    const batch: StoredBatch = {
      body: {
        id,
        object: "batch",
        endpoint: b.endpoint,
        errors: null,
        input_file_id: input.id,
        completion_window: b.completion_window,
        status: "validating",
        output_file_id: null,
        error_file_id: null,
        created_at: CREATED,
        expires_at: CREATED + 86_400,
        request_counts: { total: input.lines.length, completed: 0, failed: 0 },
        metadata: b.metadata ?? null,
      },
      lines: input.lines,
      script: this.nextScript,
      cancelRequested: false,
    };
    this.batches.set(id, batch);
    return { status: 200, body: batch.body };
  }

  /** The batches, newest first (one page: the test server never has many). */
  list(): Answer {
    const data = [...this.batches.values()].reverse().map((b) => b.body);
    return {
      status: 200,
      body: { object: "list", data, first_id: data[0]?.id ?? null, last_id: data.at(-1)?.id ?? null, has_more: false },
    };
  }

  retrieve(id: string): Answer {
    const batch = this.batches.get(id);
    if (!batch) return error(404, `No batch found with id '${id}'.`);
    this.advance(batch);
    return { status: 200, body: batch.body };
  }

  cancel(id: string): Answer {
    const batch = this.batches.get(id);
    if (!batch) return error(404, `No batch found with id '${id}'.`);
    const status = batch.body.status as string;
    if (!["validating", "in_progress", "finalizing"].includes(status))
      return error(409, `Cannot cancel a batch with status ${status}.`);
    batch.cancelRequested = true;
    batch.body.status = "cancelling";
    batch.body.cancelling_at = CREATED + 5;
    return { status: 200, body: batch.body };
  }

  /** One step of the batch's life per retrieve. */
  private advance(batch: StoredBatch): void {
    const b = batch.body;
    const end = batch.script.end ?? "completed";
    switch (b.status) {
      case "validating":
        if (end === "failed") {
          b.status = "failed";
          b.failed_at = CREATED + 1;
          b.errors = {
            object: "list",
            data: [
              { code: "invalid_request", message: "The batch failed validation (scripted).", param: null, line: 1 },
            ],
          };
        } else {
          b.status = "in_progress";
          b.in_progress_at = CREATED + 1;
        }
        return;
      case "in_progress":
        if (end === "expired") {
          this.finish(
            batch,
            batch.script.answeredBeforeEnd ?? Math.floor(batch.lines.length / 2),
            "batch_expired",
            "This request could not be executed before the completion window expired.",
          );
          b.status = "expired";
          b.expired_at = CREATED + 86_400;
        } else {
          b.status = "finalizing";
          b.finalizing_at = CREATED + 2;
        }
        return;
      case "finalizing":
        this.finish(batch, batch.lines.length, "", "");
        b.status = "completed";
        b.completed_at = CREATED + 3;
        return;
      case "cancelling":
        this.finish(batch, 0, "batch_cancelled", "This request was not executed because the batch was cancelled.");
        b.status = "cancelled";
        b.cancelled_at = CREATED + 6;
        return;
    }
  }

  /** Answers the first `answered` lines (per the script), the rest with `code`; writes the output and error files. */
  private finish(batch: StoredBatch, answered: number, code: string, message: string): void {
    const out: string[] = [];
    const err: string[] = [];
    batch.lines.forEach((line, i) => {
      const id = `batch_req_${String(i + 1).padStart(4, "0")}`;
      if (i >= answered) {
        err.push(JSON.stringify({ id, custom_id: line.custom_id, response: null, error: { code, message } }));
        return;
      }
      const failure = batch.script.fail?.(line.custom_id);
      const reply: ScriptedReply = failure
        ? failure === true
          ? { kind: "error", status: 400, message: `Invalid request for ${line.custom_id} (scripted failure).` }
          : failure
        : (batch.script.answer?.(line) ??
          (line.url === "/v1/images/generations"
            ? { kind: "image", options: {} }
            : { kind: "error", status: 500, message: "openai-server: no batch answer scripted for /v1/responses" }));
      const resolved = resolveImageReply(reply, line.url, line.body, 0);
      const response =
        resolved.kind === "json"
          ? { status_code: resolved.status ?? 200, request_id: `req_${id}`, body: resolved.body }
          : resolved.kind === "error"
            ? {
                status_code: resolved.status,
                request_id: `req_${id}`,
                body: {
                  error: {
                    message: resolved.message,
                    type: resolved.type ?? "invalid_request_error",
                    param: null,
                    code: resolved.code ?? null,
                  },
                },
              }
            : {
                status_code: 500,
                request_id: `req_${id}`,
                body: {
                  error: {
                    message: `openai-server: a ${resolved.kind} reply cannot answer a batch line`,
                    type: "server_error",
                    param: null,
                    code: null,
                  },
                },
              };
      (response.status_code < 300 ? out : err).push(
        JSON.stringify({ id, custom_id: line.custom_id, response, error: null }),
      );
    });
    const b = batch.body;
    b.request_counts = { total: batch.lines.length, completed: out.length, failed: err.length };
    if (out.length) b.output_file_id = this.save(`batch_${String(b.id)}_output.jsonl`, out);
    if (err.length) b.error_file_id = this.save(`batch_${String(b.id)}_error.jsonl`, err);
  }

  private save(filename: string, lines: string[]): string {
    const f: StoredFile = {
      id: this.id("file"),
      filename,
      purpose: "batch_output",
      created_at: CREATED + 3,
      bytes: Buffer.from(lines.join("\n") + "\n"),
    };
    this.files.set(f.id, f);
    return f.id;
  }
}

function fileObject(f: StoredFile): Record<string, unknown> {
  return {
    id: f.id,
    object: "file",
    bytes: f.bytes.length,
    created_at: f.created_at,
    expires_at: f.created_at + 30 * 86_400,
    filename: f.filename,
    purpose: f.purpose,
    status: "processed",
    status_details: null,
  };
}

/** Validates a `POST /v1/batches` body against the spec's CreateBatchRequest. */
export function validateBatchCreate(body: unknown): string[] {
  return validateAgainst("CreateBatchRequest", body);
}
