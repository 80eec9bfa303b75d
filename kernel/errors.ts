/**
 * Figment's few kinds of failure, in one place (as prettier keeps its few): every error the project throws on
 * purpose is a FigmentError of one of these kinds, and every surface derives what it does from the kind — the
 * CLI's exit code, the engine's "bad input" flag, the panel's way of saying it. A subclass exists only when it
 * carries data a caller reads (a model failure's status and retry-after, a rows file's part, a request's problems).
 * Pure: runs in Node, the main thread and the workers.
 */

export const ERROR_KINDS = [
  /**
   * The user's input or configuration cannot be used (a bad flag, not Figma JSON, a model the endpoint lacks); nothing
   * was sent.
   */
  "input",
  /** No key or token, or one the other side refused. */
  "auth",
  /** A rate or quota limit: wait, or ask for less. */
  "limit",
  /** The other side could not be reached or did not answer in time. */
  "network",
  /** The other side failed, or answered with something unusable (a 5xx, a refusal, an unreadable model answer). */
  "service",
  /** Stopped by the user (or by a newer run). */
  "cancelled",
  /** A worker or page Figment runs stopped; the next try starts a fresh one. */
  "crashed",
  /** A fault of Figment's own. */
  "internal",
] as const;

export type ErrorKind = (typeof ERROR_KINDS)[number];

export class FigmentError extends Error {
  override name = "FigmentError";
  /**
   * Which case of its kind, when a caller tests it (a model failure's reason, the main thread's refusal code): a word
   * crosses every boundary with the kind (contract/failure.ts). Declared, set only when given, so a subclass may keep
   * its own typed one (ai/errors/model-error.ts).
   */
  declare readonly reason?: string;
  constructor(
    readonly kind: ErrorKind,
    message: string,
    options: { cause?: unknown; reason?: string } = {},
  ) {
    super(message);
    // By hand, not Error's options: Figma's main thread has no ES2022 Error cause.
    if (options.cause !== undefined)
      Object.defineProperty(this, "cause", { value: options.cause, writable: true, configurable: true });
    if (options.reason !== undefined) (this as { reason?: string }).reason = options.reason;
  }
}

/** Whether `error` is a FigmentError (of `kind`, when given). */
export function isFigmentError(error: unknown, kind?: ErrorKind): error is FigmentError {
  return error instanceof FigmentError && (kind === undefined || error.kind === kind);
}

/** JavaScript's own errors: a fault in code, whose message ("x.trim is not a function") means nothing to a user. */
const BUILT_IN: readonly (new () => Error)[] = [
  TypeError,
  RangeError,
  ReferenceError,
  SyntaxError,
  EvalError,
  URIError,
];

/**
 * The one classifier: the kind of anything thrown. A FigmentError says its own; an abort is `cancelled` and a
 * timeout signal `network` (fetch's and AbortSignal.timeout's DOMExceptions); anything else is `internal`.
 * Provider SDK errors are read by ai/errors/classify.ts's toModelError, which gives a FigmentError.
 */
export function kindOf(error: unknown): ErrorKind {
  if (error instanceof FigmentError) return error.kind;
  const name = typeof error === "object" && error !== null ? (error as { name?: unknown }).name : undefined;
  if (name === "AbortError") return "cancelled";
  if (name === "TimeoutError") return "network";
  return "internal";
}

/** Whether `error` is one of JavaScript's own (a TypeError…): a bug, never a sentence for the user. */
export function isBuiltInError(error: unknown): boolean {
  return BUILT_IN.some((type) => error instanceof type);
}

/**
 * The exit code of a command that failed with `kind`, as Unix tools have it: 2 for what the user fixes in their
 * input or configuration, 130 when cancelled (as after Ctrl-C), 1 otherwise.
 */
export function exitCodeFor(kind: ErrorKind): 1 | 2 | 130 {
  if (kind === "input" || kind === "auth") return 2;
  if (kind === "cancelled") return 130;
  return 1;
}
