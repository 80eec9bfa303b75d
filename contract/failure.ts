/**
 * The one failure shape on every wire (panel ⇄ main thread, panel ⇄ engine worker, panel ⇄ search worker):
 * `{ kind, reason?, message, data? }`, each field with its check (contract/fields.ts). The far side encodes what its
 * handler threw with `toFailure`; the caller's side decodes it with `fromFailure` inside the request idiom
 * (contract/requests.ts), so a FigmentError of a kind thrown there is one of that kind (and reason) here. `data` is
 * what a boundary's own error carries (a model failure's status and retry-after), checked by that boundary. Pure.
 */
import { ERROR_KINDS, FigmentError, kindOf } from "../kernel/errors.js";
import { Cancelled } from "../kernel/cancelled.js";
import { object, oneOf, optional, string, type Field, type ObjectOf, type Shape } from "./fields.js";

/** The longest message a failure carries; a longer one is cut when it is encoded, never refused when it arrives. */
export const FAILURE_MESSAGE_MAX = 20_000;

/** The failure's fields without `data`, to spread into a message's shape (the main thread's `error`). */
export const FAILURE_FIELDS = {
  kind: oneOf(ERROR_KINDS),
  /** Which case of the kind (kernel/errors.ts FigmentError's `reason`): a model reason, a main-thread code. */
  reason: optional(string({ nonEmpty: true, max: 64 })),
  message: string({ max: FAILURE_MESSAGE_MAX }),
} satisfies Shape;

/** The failure's fields with the boundary's own `data`. */
export const failureFields = <D>(data: Field<D>) => ({ ...FAILURE_FIELDS, data: optional(data) }) satisfies Shape;

/** The failure as one field of a message (a worker's failed reply: `{ id, ok: false, failure }`). */
export const failureField = <D>(data: Field<D>) => object(failureFields(data));

export type Failure<D = never> = ObjectOf<typeof FAILURE_FIELDS> & ([D] extends [never] ? unknown : { data?: D });

/**
 * What `error` becomes on the wire. A FigmentError says its kind, reason and message; an abort or a timeout signal
 * its kind; anything else is `internal`, said by `internal` (a boundary's one sentence for its own bugs: a raw
 * "x.trim is not a function" means nothing to a user).
 */
export function toFailure(error: unknown, internal: (error: unknown) => string = messageOf): Failure {
  const kind = kindOf(error);
  const message = error instanceof FigmentError || kind !== "internal" ? messageOf(error) : internal(error);
  const reason = error instanceof FigmentError ? error.reason : undefined;
  // Only a word travels (a model reason, a refusal code): some errors keep a phrase there for their own message.
  return { kind, ...(reason && WORD.test(reason) ? { reason } : {}), message: cut(message) };
}

/** A boundary's own error for a failure that carries its data; undefined: the one every boundary shares. */
export type DecodeFailure = (failure: Failure<unknown>) => FigmentError | undefined;

/**
 * The error a failure arrived as: `Cancelled` for `cancelled` (the one form panels check with `isCancelled`), then
 * the boundary's own (`decode`: the engine's model failure, the main thread's refusal with its code), otherwise a
 * FigmentError of its kind and reason.
 */
export function fromFailure(failure: Failure<unknown>, decode?: DecodeFailure): FigmentError {
  if (failure.kind === "cancelled") return new Cancelled(failure.message);
  return (
    decode?.(failure) ??
    new FigmentError(failure.kind, failure.message, failure.reason === undefined ? {} : { reason: failure.reason })
  );
}

const WORD = /^[a-z][a-z0-9-]{0,63}$/;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

const cut = (message: string): string =>
  message.length > FAILURE_MESSAGE_MAX ? `${message.slice(0, FAILURE_MESSAGE_MAX - 1)}…` : message;
