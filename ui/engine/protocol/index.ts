/**
 * The engine's protocol: requests, replies and events between the panel and the engine worker, matched by
 * id (as the prettier playground does). Each section (code, model, image, analyze, search, batch, rows) defines
 * its messages once with their fields' runtime checks (contract/fields.ts), in the style of the main-thread
 * contract; this index joins them, adds the request id (and `ok`) every message carries, and derives the
 * types: `Kind`, `BodyOf<K>`, `ReplyOf<K>`, `EventOf<K>`. Both ends refuse a malformed message.
 */
import { literal, object, parseTagged, type Field, type ObjectOf, type Shape } from "../../../contract/fields.js";
import type { CodePart } from "../../../contract/messages.js";
import { readChecked } from "../../../contract/protocol.js";
import { analyzeSection } from "./analyze.js";
import { batchSection } from "./batch.js";
import { BOUNDARY_REPLIES, BOUNDARY_REQUESTS } from "./boundary.js";
import { codeSection } from "./code.js";
import { FAILURE, requestId, type CodePartsOf, type EngineFailure, type Tagged } from "./common.js";
import { imageSection } from "./image.js";
import { modelSection } from "./model.js";
import { rowsSection } from "./rows.js";
import { sdSection } from "./sd.js";
import { searchSection } from "./search-model.js";

export { asNodesReply, type ExportEntry } from "./code.js";
export type { EngineFailure, ModelFailureData } from "./common.js";
export { ProtocolError } from "../../../contract/protocol.js";

const SECTION_REQUESTS = {
  ...codeSection.requests,
  ...modelSection.requests,
  ...imageSection.requests,
  ...analyzeSection.requests,
  ...searchSection.requests,
  ...batchSection.requests,
  ...rowsSection.requests,
  ...sdSection.requests,
};
const SECTION_REPLIES = {
  ...codeSection.replies,
  ...modelSection.replies,
  ...imageSection.replies,
  ...analyzeSection.replies,
  ...searchSection.replies,
  ...batchSection.replies,
  ...rowsSection.replies,
  ...sdSection.replies,
} satisfies Record<Kind, Shape>;
const EVENTS = {
  ...modelSection.events,
  ...imageSection.events,
  ...analyzeSection.events,
  ...searchSection.events,
  ...batchSection.events,
  ...sdSection.events,
} satisfies Record<string, Shape>;
const STREAMS = {
  ...modelSection.streams,
  ...imageSection.streams,
  ...analyzeSection.streams,
  ...searchSection.streams,
  ...batchSection.streams,
  ...sdSection.streams,
} satisfies { readonly [K in Kind]?: readonly EventType[] };
const ESTIMATES: ReadonlySet<string> = new Set<Kind>([
  ...modelSection.estimates,
  ...imageSection.estimates,
  ...analyzeSection.estimates,
]);
const CODE_PARTS: { readonly [K in Kind]?: readonly CodePart[] | CodePartsOf<BodyOf<K>> } = {
  ...codeSection.codeParts,
  ...modelSection.codeParts,
  ...imageSection.codeParts,
  ...analyzeSection.codeParts,
  ...searchSection.codeParts,
  ...batchSection.codeParts,
  ...rowsSection.codeParts,
  ...sdSection.codeParts,
};
const LATER_CODE_PARTS: { readonly [K in Kind]?: readonly CodePart[] } = { ...codeSection.laterCodeParts };

/** A job the panel can ask the engine for. */
export type Kind = keyof typeof SECTION_REQUESTS;
/** What the caller gives for `kind` (the host adds the id and the kind). */
export type BodyOf<K extends Kind> = K extends Kind ? ObjectOf<(typeof SECTION_REQUESTS)[K]> : never;
/** The request as the worker receives it. */
export type RequestOf<K extends Kind> = K extends Kind ? { id: string; kind: K } & BodyOf<K> : never;
/** What `kind` answers (without the id, `ok` and kind the message carries). */
export type ReplyOf<K extends Kind> = K extends Kind ? ObjectOf<(typeof SECTION_REPLIES)[K]> : never;
export type EngineEvent = Tagged<typeof EVENTS, "type">;
export type EventType = EngineEvent["type"];
/** What a running `kind` may report before its reply; never for a kind that streams nothing. */
export type EventOf<K extends Kind> = K extends keyof StreamedTypes
  ? Extract<EngineEvent, { type: StreamedTypes[K] }>
  : never;
type StreamedTypes = { [K in keyof typeof STREAMS]: (typeof STREAMS)[K][number] };

type BoundaryRequest = Tagged<typeof BOUNDARY_REQUESTS, "kind"> & { id: string };
type BoundaryReply = Tagged<typeof BOUNDARY_REPLIES, "kind"> & { id: string; ok: true };
export type EngineRequest = RequestOf<Kind> | BoundaryRequest;
export type OkReply = { [K in Kind]: { id: string; ok: true; kind: K } & ReplyOf<K> }[Kind] | BoundaryReply;
export type EngineReply = OkReply | EngineFailure;
export interface EngineEventMessage {
  id: string;
  event: EngineEvent;
}

/** Each shape with `fields` put first (the id every message carries, `ok` on replies). */
function withFields<M extends Readonly<Record<string, Shape>>>(
  shapes: M,
  fields: Record<string, Field<unknown>>,
): Record<string, Shape> {
  return Object.fromEntries(Object.entries(shapes).map(([kind, shape]) => [kind, { ...fields, ...shape }]));
}

const REQUEST_CHECKS = withFields({ ...BOUNDARY_REQUESTS, ...SECTION_REQUESTS }, { id: requestId });
const REPLY_CHECKS = withFields({ ...BOUNDARY_REPLIES, ...SECTION_REPLIES }, { id: requestId, ok: literal(true) });

/** Whether the host loads the tokenizer into the worker before sending `kind` (the kinds that estimate). */
export const estimates = (kind: Kind): boolean => ESTIMATES.has(kind);

/** The code parts the host loads into the worker, in this order, before sending `kind` (none for most kinds). */
export function codePartsFor<K extends Kind>(kind: K, body?: BodyOf<K>): readonly CodePart[] {
  const parts = CODE_PARTS[kind] as readonly CodePart[] | CodePartsOf<BodyOf<K>> | undefined;
  return typeof parts === "function" ? parts(body) : (parts ?? []);
}

/**
 * The code parts the host sends after `kind` (never one it loads before it): the job is answered without them unless
 * it calls into one, which then waits until it has run.
 */
export const laterCodePartsFor = (kind: Kind): readonly CodePart[] => LATER_CODE_PARTS[kind] ?? [];

/** Whether `event` is one that `kind` may stream (others are ignored). */
export function streams<K extends Kind>(kind: K, event: EngineEvent): event is EventOf<K> {
  const allowed: readonly string[] | undefined = (STREAMS as Partial<Record<Kind, readonly string[]>>)[kind];
  return allowed?.includes(event.type) ?? false;
}

/** Checks a request arriving in the worker. Throws ProtocolError (contract/protocol.ts). */
export function parseEngineRequest(data: unknown): EngineRequest {
  return readChecked(data, "the codegen worker got a request it does not understand", () =>
    parseTagged<EngineRequest>(REQUEST_CHECKS, data, "kind"),
  );
}

/**
 * Checks what the worker sent the UI: a reply (ok or failed) or a progress event. Throws ProtocolError
 * (contract/protocol.ts).
 */
export function parseEngineMessage(data: unknown): { reply: EngineReply } | { event: EngineEventMessage } {
  return readChecked(data, "the code generator sent a message the panel does not understand", () => {
    const record = data as Record<string, unknown>;
    if (typeof record === "object" && record !== null && "event" in record) {
      const { event, ...rest } = record;
      object({ id: requestId }).check(rest, "");
      return { event: { id: rest["id"] as string, event: parseTagged<EngineEvent>(EVENTS, event, "type") } };
    }
    if (typeof record === "object" && record !== null && record["ok"] === false)
      return { reply: object(FAILURE).check(record, "") as EngineFailure };
    return { reply: parseTagged<OkReply>(REPLY_CHECKS, data, "kind") };
  });
}

/** What a running ai-generate reports before its reply (same id). */
export type AiEvent = EventOf<"ai-generate">;
/** What a running generate-image reports before its reply: partial images, text, usage. */
export type ImageEvent = EventOf<"generate-image">;
/** What a running sd-generate reports before its reply: the server's previews, its images, its progress and ETA. */
export type SdEvent = EventOf<"sd-generate">;
/** What a running search-captions or search-embed reports before its reply: each caption, each batch of vectors. */
export type SearchEvent = EventOf<"search-captions" | "search-embed">;
/** What a running Batch API request reports before its reply: each save of the record. */
export type BatchEvent = EventOf<"batch-submit">;
