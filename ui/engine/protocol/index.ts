/**
 * Requests, replies and progress events between the UI and the codegen worker, matched by id (as the
 * prettier playground does). Each request and reply kind is defined once with its fields' runtime checks
 * (contract/fields.ts), in the style of the main-thread contract: the types come from the same definitions,
 * and both ends refuse a malformed message. Model structures built by ai/ in the worker (prompt input,
 * estimate, conversation, result) travel as checked objects whose inner shape ai/ owns.
 */
import { MODEL_ERROR_KINDS } from "../../../ai/error-kinds.js";
import type { Conversation } from "../../../ai/generate.js";
import type { Estimate } from "../../../ai/estimate.js";
import type { ModelCodeResult } from "../../../ai/pipeline.js";
import type { ProgressEvent } from "../../../ai/progress.js";
import type { PromptInput } from "../../../ai/prompt.js";
import { array, boolean, bytes, custom, json, literal, number, object, oneOf, opaque, optional, parseTagged, string, type Infer, type ObjectOf, type Shape } from "../../../contract/fields.js";
import { exportExtrasField, fetchedPricesField } from "../../../contract/messages.js";
import { settingsField } from "../../../contract/settings.js";
import { STYLINGS, TARGETS } from "../../../contract/words.js";
import { ANALYZE_EVENTS, ANALYZE_REPLIES, ANALYZE_REQUESTS } from "./analyze.js";
import { BULK_EVENTS, BULK_REPLIES, BULK_REQUESTS } from "./batch.js";
import { IMAGE_EVENTS, IMAGE_REPLIES, IMAGE_REQUESTS } from "./image.js";
import { INFER_REPLIES, INFER_REQUESTS } from "./rows.js";
import { SEARCH_EVENTS, SEARCH_REPLIES, SEARCH_REQUESTS } from "./search.js";

const id = string({ nonEmpty: true, max: 200 });

/** One selected frame: what `exportAsync({ format: "JSON_REST_V1" })` returned, by node id. */
const exportEntry = object({ id: string({ nonEmpty: true }), json: json() });
const exportsField = array(exportEntry, { max: 50 });
export type ExportEntry = Infer<typeof exportEntry>;

const codeOptions = object({ target: oneOf(TARGETS), styling: oneOf(STYLINGS), nodeIds: boolean() });
// `bytes`: a binary asset (an image), content "".
const sourceFile = object({ path: string(), content: string(), bytes: optional(bytes()) });
const problem = object({
  severity: oneOf(["error", "warning", "info"]),
  code: string(),
  message: string(),
  file: optional(string()),
  line: optional(number()),
  column: optional(number()),
  nodeId: optional(string()),
});
const fileSet = object({ files: array(sourceFile), problems: array(problem) });
const size = object({ width: number(), height: number() });

/** Only scripts the UI unpacked itself (blob: URLs), never a network address. */
const blobUrl = custom<string>("a blob: URL", (v) => (typeof v === "string" && v.startsWith("blob:") ? v : undefined));

const REQUESTS = {
  /** Answered as soon as the worker's script has run: the host measures cold start with it. */
  ping: { id },
  /** `extras`: the export's image bytes and SVGs (contract/messages.ts), which loadDesign takes beside the JSON. */
  generate: { id, exports: exportsField, options: codeOptions, extras: optional(exportExtrasField) },
  hint: { id, exports: exportsField, extras: optional(exportExtrasField) },
  /** Builds the model prompt for one frame (hint, image, optional offline draft) and its estimate. */
  "ai-prepare": {
    id,
    exports: exportsField,
    extras: optional(exportExtrasField),
    png: bytes(),
    options: codeOptions,
    model: string({ nonEmpty: true }),
    draft: boolean(),
    instructions: string(),
    /** Prices fetched from the endpoint's listing; they win over the built-in table in the estimate. */
    prices: optional(fetchedPricesField),
  },
  /** One model generation (or refinement) through the project pass and the repair round. */
  "ai-generate": {
    id,
    /** Provider, base URL and model; the client is built in the worker so the SDK stays out of the panel. */
    settings: settingsField,
    apiKey: string({ nonEmpty: true, max: 1000 }),
    input: opaque<PromptInput>("a prompt input"),
    refine: optional(object({ conversation: opaque<Conversation>("a conversation"), instructions: string({ nonEmpty: true }) })),
    timeoutMs: number({ min: 1 }),
  },
  /** "Test connection": one `GET {baseURL}/models` with this key, through the same client as ai-generate. */
  "test-connection": { id, settings: settingsField, apiKey: string({ nonEmpty: true, max: 1000 }), timeoutMs: number({ min: 1 }) },
  /** Stops the request `target` (an ai-generate); it then fails as "aborted". */
  abort: { id, target: id },
  /** The model's React files as a scripted preview page (run only in a sandboxed iframe, never here). */
  "react-preview": { id, files: array(sourceFile) },
  /** Runs a script inside the worker (importScripts): the tokenizer, which comes only when an estimate needs it. */
  "load-script": { id, url: blobUrl },
  ...IMAGE_REQUESTS,
  ...INFER_REQUESTS,
  ...ANALYZE_REQUESTS,
  ...SEARCH_REQUESTS,
  ...BULK_REQUESTS,
} satisfies Record<string, Shape>;

const REPLIES = {
  /** `decodeMs`: the bootstrap's time unpacking the script in the worker (ui/engine/boot.ts), when it did. */
  pong: { id, ok: literal(true), decodeMs: optional(number({ min: 0 })) },
  generate: { id, ok: literal(true), result: fileSet, ms: number() },
  hint: { id, ok: literal(true), hint: string() },
  "ai-prepare": { id, ok: literal(true), input: opaque<PromptInput>("a prompt input"), estimate: opaque<Estimate>("an estimate"), image: optional(size) },
  "ai-generate": { id, ok: literal(true), result: opaque<ModelCodeResult>("a model result") },
  /** The endpoint listed `models` models; `prices` when its listing carried them (OpenRouter's does). */
  "test-connection": { id, ok: literal(true), models: number({ min: 0 }), prices: optional(fetchedPricesField) },
  aborted: { id, ok: literal(true) },
  loaded: { id, ok: literal(true) },
  "react-preview": { id, ok: literal(true), html: string(), problems: array(problem) },
  ...IMAGE_REPLIES,
  ...INFER_REPLIES,
  ...ANALYZE_REPLIES,
  ...SEARCH_REPLIES,
  ...BULK_REPLIES,
} satisfies Record<string, Shape>;

/** A failed model request, as data (errors do not survive postMessage with their class). */
const modelFailure = object({
  kind: oneOf(MODEL_ERROR_KINDS),
  status: optional(number()),
  retryAfterMs: optional(number({ min: 0 })),
});
export type ModelFailureData = Infer<typeof modelFailure>;

/** `bad`: the input itself was unusable (not Figma JSON, empty); `model`: a model request failed. */
const FAILURE = { id: string({ max: 200 }), ok: literal(false), error: string(), bad: boolean(), model: optional(modelFailure) };

const progressEvent = opaque<ProgressEvent>("a progress event");
const CODE_EVENTS = {
  progress: { event: progressEvent },
  stage: { stage: oneOf(["checking", "repairing"]) },
} satisfies Record<string, Shape>;
const EVENTS = { ...CODE_EVENTS, ...IMAGE_EVENTS, ...ANALYZE_EVENTS, ...SEARCH_EVENTS, ...BULK_EVENTS } satisfies Record<string, Shape>;

type Tagged<M extends Record<string, Shape>, Tag extends string> = { [K in keyof M]: { [T in Tag]: K } & ObjectOf<M[K]> }[keyof M];

export type WorkerRequest = Tagged<typeof REQUESTS, "kind">;
export type RequestOf<K extends WorkerRequest["kind"]> = Extract<WorkerRequest, { kind: K }>;
export type AiPrepareRequest = RequestOf<"ai-prepare">;
export type AiGenerateRequest = RequestOf<"ai-generate">;
export type TestConnectionRequest = RequestOf<"test-connection">;
export type ImagePrepareRequest = RequestOf<"image-prepare">;
export type GenerateImageRequest = RequestOf<"generate-image">;
export type WorkerFailure = ObjectOf<typeof FAILURE>;
export type WorkerReply = Tagged<typeof REPLIES, "kind"> | WorkerFailure;
export type OkReply = Exclude<WorkerReply, WorkerFailure>;

/** What a running ai-generate reports before its reply (same id). */
export type AiEvent = Tagged<typeof CODE_EVENTS, "type">;
/** What a running generate-image reports before its reply: partial images, text, usage. */
export type ImageEvent = Tagged<typeof IMAGE_EVENTS, "type">;
/** What a running analyze-model reports before its reply: the answer's text as it comes. */
export type AnalyzeEvent = Tagged<typeof ANALYZE_EVENTS, "type">;
/** What a running search-captions or search-embed reports before its reply: each caption, each batch of vectors. */
export type SearchEvent = Tagged<typeof SEARCH_EVENTS, "type">;
/** What a running Batch API request reports before its reply: each save of the record. */
export type BulkEvent = Tagged<typeof BULK_EVENTS, "type">;
export type WorkerEventBody = AiEvent | ImageEvent | AnalyzeEvent | SearchEvent | BulkEvent;
export interface WorkerEvent {
  id: string;
  event: WorkerEventBody;
}

/** A worker message that failed its check: the id it carried (to fail that request) and why. */
export class ProtocolError extends Error {
  override name = "ProtocolError";
  constructor(
    readonly id: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

function idOf(data: unknown): string | undefined {
  const value = typeof data === "object" && data !== null ? (data as { id?: unknown }).id : undefined;
  return typeof value === "string" ? value : undefined;
}

function guarded<T>(data: unknown, what: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw new ProtocolError(idOf(data), `${what}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Checks a request arriving in the worker. Throws ProtocolError. */
export function parseWorkerRequest(data: unknown): WorkerRequest {
  return guarded(data, "the codegen worker got a request it does not understand", () => parseTagged<WorkerRequest>(REQUESTS, data, "kind"));
}

/** Checks what the worker sent the UI: a reply (ok or failed) or a progress event. Throws ProtocolError. */
export function parseWorkerMessage(data: unknown): { reply: WorkerReply } | { event: WorkerEvent } {
  return guarded(data, "the code generator sent a message the panel does not understand", () => {
    const record = data as Record<string, unknown>;
    if (typeof record === "object" && record !== null && "event" in record) {
      const { event, ...rest } = record;
      object({ id }).check(rest, "");
      return { event: { id: rest["id"] as string, event: parseTagged<WorkerEventBody>(EVENTS, event, "type") } };
    }
    if (typeof record === "object" && record !== null && record["ok"] === false) return { reply: object(FAILURE).check(record, "") as WorkerFailure };
    return { reply: parseTagged<OkReply>(REPLIES, data, "kind") };
  });
}

/** A nodes-style reply holding every export, so one loadDesign call sees all frames and their components. */
export function asNodesReply(exports: ExportEntry[]): { nodes: Record<string, unknown> } {
  const nodes: Record<string, unknown> = {};
  for (const entry of exports) nodes[entry.id] = entry.json;
  return { nodes };
}
