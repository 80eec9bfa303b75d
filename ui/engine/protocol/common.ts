/**
 * What every section of the engine's protocol shares: the shape of a section (its requests, replies and events,
 * each field defined once with its check, contract/fields.ts style), the model fields most model requests
 * carry, and the failure reply. Request ids and `ok` are added by the index, not written in each section.
 */
import { MODEL_ERROR_KINDS } from "../../../ai/errors/error-kinds.js";
import type { CodePart } from "../../../contract/messages.js";
import {
  boolean,
  literal,
  number,
  object,
  oneOf,
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
}

export { requestIdField as requestId } from "../../../contract/request-id.js";

/** The key of the settings' endpoint and how long a request may take: what a request to the model carries. */
export const modelFields = {
  settings: settingsField,
  apiKey: string({ nonEmpty: true, max: 1000 }),
  timeoutMs: number({ min: 1 }),
};

/** A failed model request, as data (errors do not survive postMessage with their class). */
const modelFailure = object({
  kind: oneOf(MODEL_ERROR_KINDS),
  status: optional(number()),
  retryAfterMs: optional(number({ min: 0 })),
  /** An SD server's own fact behind the kind (the flag CORS needs, the field a 422 named). */
  sd: optional(sdProblemField),
});
export type ModelFailureData = Infer<typeof modelFailure>;

/** `bad`: the input itself was unusable (not Figma JSON, empty); `model`: a model request failed. */
export const FAILURE = {
  id: string({ max: 200 }),
  ok: literal(false),
  error: string(),
  bad: boolean(),
  model: optional(modelFailure),
} satisfies Shape;
export type EngineFailure = ObjectOf<typeof FAILURE>;

/** `{ [tag]: name } & fields` for each shape of `shapes`. */
export type Tagged<M extends Readonly<Record<string, Shape>>, Tag extends string> = {
  [K in keyof M]: { [T in Tag]: K } & ObjectOf<M[K]>;
}[keyof M];
