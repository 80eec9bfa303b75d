/**
 * What every section of the engine's protocol shares: the shape of a section (its requests, replies and events,
 * each field defined once with its check, contract/fields.ts style), the model fields most model requests
 * carry, and the failure reply. Request ids and `ok` are added by the index, not written in each section.
 */
import { MODEL_ERROR_KINDS, type ModelErrorKind } from "../../../ai/errors/error-kinds.js";
import { failureField } from "../../../contract/failure.js";
import type { CodePart } from "../../../contract/messages.js";
import {
  literal,
  number,
  object,
  optional,
  string,
  type Infer,
  type ObjectOf,
  type Shape,
} from "../../../contract/fields.js";
import { settingsField } from "../../../contract/settings.js";
import { sdProblemField } from "./sd-problem.js";

/**
 * One section's messages. `streams` names, per kind, the events it may send before its reply (a kind not named
 * streams none); `estimates` names the kinds that count tokens, for which the host first loads the tokenizer.
 */
/** The parts a job needs decided from its body (undefined: a warm-up, before there is one). */
export type CodePartsOf<B> = (body: B | undefined) => readonly CodePart[];

export interface Section {
  readonly requests: Readonly<Record<string, Shape>>;
  readonly replies: Readonly<Record<string, Shape>>;
  readonly events: Readonly<Record<string, Shape>>;
  readonly streams: Readonly<Record<string, readonly string[]>>;
  readonly estimates: readonly string[];
  /**
   * Kinds that format, check or preview code, with the code parts (ui/engine/code-parts/) the host loads into the
   * worker before them, in order.
   */
  readonly codeParts: Readonly<Record<string, readonly CodePart[] | CodePartsOf<never>>>;
  /**
   * Kinds a code part may serve without the job waiting for it: the host sends it once the job is posted (or in idle
   * time after a warm-up), and the worker's call into it waits until it has run (ui/engine/code-parts/parts.ts).
   */
  readonly laterCodeParts?: Readonly<Record<string, readonly CodePart[]>>;
}

export { requestIdField as requestId } from "../../../contract/request-id.js";

/** The key of the settings' endpoint and how long a request may take: what a request to the model carries. */
export const modelFields = {
  settings: settingsField,
  apiKey: string({ nonEmpty: true, max: 1000 }),
  timeoutMs: number({ min: 1 }),
};

/**
 * What a failed model request carries beside its reason (the failure's `data`: errors do not survive postMessage
 * with their class).
 */
const modelData = object({
  status: optional(number()),
  retryAfterMs: optional(number({ min: 0 })),
  /** An SD server's own fact behind the kind (the flag CORS needs, the field a 422 named). */
  sd: optional(sdProblemField),
});
/** A failed model request as the panel explains it: its reason (`kind`, the model client's) and its data. */
export type ModelFailureData = { kind: ModelErrorKind } & Infer<typeof modelData>;

/** Whether `reason` is one of the model client's (ai/errors/error-kinds.ts). */
export const isModelReason = (reason: string | undefined): reason is ModelErrorKind =>
  (MODEL_ERROR_KINDS as readonly (string | undefined)[]).includes(reason);

/**
 * A failed job, in the one failure shape (contract/failure.ts): a model request's failure has its reason and
 * `data`; the input itself being unusable (not Figma JSON, empty) is kind `input`.
 */
export const FAILURE = {
  id: string({ max: 200 }),
  ok: literal(false),
  failure: failureField(modelData),
} satisfies Shape;
export type EngineFailure = ObjectOf<typeof FAILURE>;

/** `{ [tag]: name } & fields` for each shape of `shapes`. */
export type Tagged<M extends Readonly<Record<string, Shape>>, Tag extends string> = {
  [K in keyof M]: { [T in Tag]: K } & ObjectOf<M[K]>;
}[keyof M];
