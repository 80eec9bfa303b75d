/**
 * What went wrong with a Stable Diffusion server (SD.Next or AUTOMATIC1111), as a ModelError of the existing kinds
 * with the SD-specific fact kept beside it (`problem`): a surface picks its words and next step from that
 * (next-step.ts holds neutral ones). Messages say what happened, never what to do. Pure: no DOM, no Node.
 */
import { isHtmlPage, oneLine as cut } from "../text/one-line.js";
import type { ModelErrorKind } from "../errors/error-kinds.js";
import { ModelError } from "../errors/model-error.js";

export type SdServerKind = "sdnext" | "a1111";

/** The flag that lets the plugin's origin ("null") read the answers, by server. */
export const CORS_FLAGS: Readonly<Record<SdServerKind, string>> = {
  sdnext: "--cors-origins",
  a1111: "--cors-allow-origins",
};
/** The flag that sets the API's HTTP Basic credentials, by server. */
export const AUTH_FLAGS: Readonly<Record<SdServerKind, string>> = { sdnext: "--auth", a1111: "--api-auth" };

export type SdProblem =
  /** Nothing answered at the URL. */
  | { type: "unreachable"; url: string }
  /** The server answered, but without Access-Control-Allow-Origin for the plugin's opaque origin. */
  | { type: "cors"; url: string; server: SdServerKind | "comfyui" | undefined }
  | { type: "unauthorized"; sentCredentials: boolean }
  /** A 422: FastAPI named the field (`loc` without "body") and why. */
  | { type: "invalid-field"; field: string; reason: string }
  | { type: "out-of-memory"; detail: string }
  /** 200 with no image: the run failed inside the server. */
  | { type: "empty-answer" }
  /** The route is not there (404): not an SD API, or a route this server does not have. */
  | { type: "no-route"; path: string }
  /** Neither SD.Next's control API nor A1111's ControlNet extension answered. */
  | { type: "no-controlnet" }
  /** The ControlNet models the server has fit none of the asked unit types. */
  | { type: "no-control-model"; unit: string; models: string[] }
  /** Any other error status. */
  | { type: "server-error"; status: number; detail: string }
  /** ComfyUI refused the workflow: its first node error (`node_errors`), by node and input. */
  | { type: "node-error"; node: string; classType: string; input: string | undefined; reason: string }
  /** ComfyUI refused the workflow as a whole (an unknown node type, no output node): its `error`. */
  | { type: "workflow-refused"; errorType: string; reason: string }
  /** A node raised while ComfyUI ran the workflow (`execution_error`). */
  | { type: "node-failed"; node: string; classType: string; detail: string }
  /** ComfyUI stopped the run though this client did not ask it to (someone pressed Cancel in ComfyUI). */
  | { type: "interrupted" }
  /** A name the server does not list (`what`: checkpoint, sampler, scheduler, ControlNet model). */
  | { type: "unknown-name"; what: string; asked: string; known: string[] };

export class SdError extends ModelError {
  readonly problem: SdProblem;
  constructor(
    kind: ModelErrorKind,
    message: string,
    problem: SdProblem,
    options: { status?: number; cause?: unknown } = {},
  ) {
    super(kind, message, options);
    this.problem = problem;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** One readable line of a server's own words (an HTML page named, a long text cut). */
export function oneLine(text: string, limit = 240): string {
  return isHtmlPage(text) ? "an HTML page instead of an API answer" : cut(text, limit);
}

/** The first text among an error body's fields, in the order SD's two error shapes and FastAPI's put them. */
function errorText(body: unknown): string {
  if (typeof body === "string") return body;
  if (!isRecord(body)) return "";
  for (const key of ["errors", "detail", "error", "message"]) {
    const value = body[key];
    if (typeof value === "string" && value.trim() !== "") return value;
  }
  return "";
}

/** FastAPI's 422 `detail`: the first item's field path (without "body"/"query") and message. */
function invalidField(body: unknown): { field: string; reason: string } | undefined {
  const detail = isRecord(body) ? body["detail"] : undefined;
  const first: unknown = Array.isArray(detail) ? detail[0] : undefined;
  if (!isRecord(first)) return undefined;
  const loc = Array.isArray(first["loc"])
    ? first["loc"].filter((part): part is string | number => typeof part === "string" || typeof part === "number")
    : [];
  const path = loc[0] === "body" || loc[0] === "query" ? loc.slice(1) : loc;
  const field = path.map((part, i) => (typeof part === "number" ? `[${part}]` : i === 0 ? part : `.${part}`)).join("");
  const reason = typeof first["msg"] === "string" ? oneLine(first["msg"], 160) : "not accepted";
  return field ? { field, reason } : undefined;
}

/** The error a non-2xx answer stands for; `path` is the route asked, `body` the answer (parsed JSON or text). */
export function errorForStatus(status: number, body: unknown, path: string, sentCredentials: boolean): SdError {
  const text = oneLine(errorText(body));
  if (status === 401 || status === 403) {
    const problem: SdProblem = { type: "unauthorized", sentCredentials };
    return new SdError(
      "unauthorized",
      sentCredentials
        ? `The server refused the user name and password (${status}).`
        : `The server asks for a user name and password (${status}) and none were given.`,
      problem,
      { status },
    );
  }
  if (status === 422) {
    const named = invalidField(body);
    if (named)
      return new SdError(
        "bad-request",
        `The server refused the request's field "${named.field}": ${named.reason}.`,
        { type: "invalid-field", ...named },
        { status },
      );
    return new SdError(
      "bad-request",
      `The server refused the request (422)${text ? `: ${text}` : "."}`,
      { type: "server-error", status, detail: text },
      { status },
    );
  }
  if (status === 404)
    return new SdError("model-not-found", `The server has no ${path} (404).`, { type: "no-route", path }, { status });
  const error = isRecord(body) ? body["error"] : undefined;
  if (error === "OutOfMemoryError" || /out of memory|OutOfMemory/i.test(text)) {
    return new SdError(
      "server",
      `The server ran out of GPU memory${text ? ` (${text})` : ""}.`,
      { type: "out-of-memory", detail: text },
      { status },
    );
  }
  return new SdError(
    status >= 500 ? "server" : "bad-request",
    `The server answered ${status}${text ? `: ${text}` : " with no explanation."}`,
    { type: "server-error", status, detail: text },
    { status },
  );
}

export function emptyAnswerError(): SdError {
  return new SdError("server", "The server answered with no image: the run failed inside the server.", {
    type: "empty-answer",
  });
}

export function unreachableError(url: string, cause: unknown): SdError {
  return new SdError(
    "offline",
    `Could not connect to the Stable Diffusion server at ${url}.`,
    { type: "unreachable", url },
    { cause },
  );
}

export function corsError(url: string, server: SdServerKind | "comfyui" | undefined, cause: unknown): SdError {
  return new SdError(
    "offline",
    `The browser blocked the answers of the Stable Diffusion server at ${url}: the ` +
      `server is running but does not allow requests from the plugin's origin ("null").`,
    { type: "cors", url, server },
    { cause },
  );
}
