/**
 * What `figment image --provider sdnext|a1111` prints when the server fails: one line on stderr, what happened and
 * the next step in CLI terms (--base-url, SDNEXT_AUTH, the flag behind a refused field, --size and --count), from
 * the SD problem ai/sdnext keeps beside each error (its neutral steps, ai/sdnext/next-step.ts, where the CLI has
 * nothing to add). Credentials never appear: the errors name the URL, never SDNEXT_AUTH's value.
 */
import type { ModelError, ModelErrorKind } from "../../ai/errors/classify.js";
import { AUTH_FLAGS, SdError, sdNextStep, type SdProblem } from "../../ai/sdnext/index.js";
import type { Output } from "../common/design-files.js";
import { exitCodeFor } from "../../kernel/errors.js";

/** The environment variable holding the server's `user:password`. */
export const SD_AUTH_ENV = "SDNEXT_AUTH";

/** The flag behind each request field the CLI sends (a 422 names the field; the user knows the flag). */
const FIELD_FLAG: Readonly<Record<string, string>> = {
  prompt: "--prompt",
  negative_prompt: "--negative",
  seed: "--seed",
  steps: "--steps",
  cfg_scale: "--cfg",
  sampler_name: "--sampler",
  width: "--size",
  height: "--size",
  width_before: "--size",
  height_before: "--size",
  batch_size: "--count",
  init_images: "--ref",
  denoising_strength: "--strength",
  mask: "--mask",
  inputs: "--control",
  control: "--control-type or --control-strength",
  alwayson_scripts: "--control-type or --control-strength",
};

/** The field's flag: its first name part (`control[0].strength` is --control-type or --control-strength). */
export function flagOfField(field: string): string | undefined {
  const head = /^[A-Za-z_]+/.exec(field)?.[0] ?? field;
  return FIELD_FLAG[head];
}

const authFlags = `${AUTH_FLAGS.sdnext} for SD.Next, ${AUTH_FLAGS.a1111} for AUTOMATIC1111`;

function problemStep(problem: SdProblem): string {
  switch (problem.type) {
    case "unreachable":
      return (
        `Is the server running with its API on (AUTOMATIC1111 needs --api; SD.Next serves it ` +
        `by default)? Start it, or give its address with --base-url (tried ${problem.url}).`
      );
    case "unauthorized":
      return problem.sentCredentials
        ? `Check ${SD_AUTH_ENV}=user:password in the environment: it must match the server's (${authFlags}).`
        : `Set ${SD_AUTH_ENV}=user:password in the environment, as the server was started with (${authFlags}).`;
    case "invalid-field": {
      const flag = flagOfField(problem.field);
      return flag
        ? `Change ${flag} (sent as "${problem.field}"), or update the server if it does not know that field.`
        : sdNextStep(problem);
    }
    case "out-of-memory":
      return "Ask for a smaller --size or fewer images at once (--count), or free GPU memory on the server.";
    case "no-route":
      return (
        "Check --base-url: it must be the SD.Next or AUTOMATIC1111 " +
        "server itself (AUTOMATIC1111 started with --api)."
      );
    case "no-control-model":
      return (
        `Download a ControlNet model for ${problem.unit} into the ` +
        `server's ControlNet folder, or pick another --control-type.`
      );
    default:
      return sdNextStep(problem);
  }
}

/** Next steps for the failures that are not the server's own answer (the connection, the answer's shape). */
const KIND_STEP: Partial<Record<ModelErrorKind, string>> = {
  offline:
    "The server closed the connection mid-run (it may have crashed or restarted): look at its console, then run again.",
  timeout: "The server stopped sending its answer: look at its console, then run again.",
  "bad-output": "Check --base-url: it must be an SD.Next or AUTOMATIC1111 server; then run again.",
};

export function sdErrorLine(error: ModelError): string {
  const step =
    error instanceof SdError
      ? problemStep(error.problem)
      : (KIND_STEP[error.reason] ?? "Run again; if it fails again, look at the server's console.");
  return `figment: ${error.message} ${step}`;
}

/** Prints the failure as one line on stderr; returns the exit code (2 what the user fixes, 1 the server's failures). */
export function reportSdError(error: ModelError, io: Output): number {
  io.err(sdErrorLine(error));
  return exitCodeFor(error.kind);
}
