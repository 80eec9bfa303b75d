/**
 * The kinds of model failure, apart from the classifier (ai/errors/classify.ts) so the panel can check failure data
 * against them without loading the SDK's error classes.
 */
import type { ErrorKind } from "../../kernel/errors.js";

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
  "refusal",
  "truncated",
  "bad-output",
  "unknown",
] as const;

export type ModelErrorKind = (typeof MODEL_ERROR_KINDS)[number];

/**
 * Each model failure as one of Figment's few kinds (kernel/errors.ts): what the user fixes in their settings or
 * request is `input` or `auth` (the CLI's exit 2, the panel's Settings), the rest is the provider's side or the way
 * to it. A stop is no model failure: it is kernel/cancelled.ts's Cancelled (ai/errors/classify.ts's toModelError).
 */
export const MODEL_ERROR_KIND: Readonly<Record<ModelErrorKind, ErrorKind>> = {
  "missing-key": "auth",
  unauthorized: "auth",
  forbidden: "auth",
  "model-not-found": "input",
  "rate-limited": "limit",
  "bad-request": "input",
  moderation: "input",
  server: "service",
  timeout: "network",
  offline: "network",
  refusal: "service",
  truncated: "service",
  "bad-output": "service",
  unknown: "service",
};
