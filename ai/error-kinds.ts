/**
 * The kinds of model failure, apart from the classifier (ai/errors.ts) so the panel can check failure data
 * against them without loading the SDK's error classes.
 */
/** Every kind of failure, in one list so each presenter can be checked against all of them. */
export const MODEL_ERROR_KINDS = [
  "missing-key",
  "unauthorized",
  "forbidden",
  "model-not-found",
  "rate-limited",
  "bad-request",
  /** The provider's safety system refused the request (a 400 with a moderation code, or a blocked image call). */
  "moderation",
  "server",
  "timeout",
  "offline",
  "aborted",
  "refusal",
  "truncated",
  "bad-output",
  "unknown",
] as const;

export type ModelErrorKind = (typeof MODEL_ERROR_KINDS)[number];
