/**
 * One request to an SD server: the URL, HTTP Basic credentials (sent to this base URL only), the JSON body, and
 * every way it fails made an SdError or ModelError — unreachable, a CORS block (the browser's TypeError while the
 * server answers a no-cors probe), an error status, a body cut off, stalled or not JSON. Pure fetch: runs in the
 * UI iframe and Node.
 */
import { isCancelled, type Cancelled } from "../../kernel/cancelled.js";
import { ModelError, toModelError } from "../errors/classify.js";
import { idleGuard } from "../client/idle-body.js";
import { bytesToBase64 } from "../../kernel/base64.js";
import { corsError, errorForStatus, unreachableError, type SdServerKind } from "./errors.js";

export interface SdConnection {
  /** The server's address, e.g. `http://127.0.0.1:7860` (a trailing slash or /sdapi/v1 is dropped). */
  baseUrl: string;
  /** `user:password` of the server's `--auth` / `--api-auth`. */
  auth?: string;
  /** Which server it is, when known: names the right flag in a CORS error. */
  server?: SdServerKind;
  /** The fetch to use (tests replay answers through it); default globalThis.fetch. */
  fetch?: typeof fetch;
  /** A body that stops arriving for this long fails the request (default 30 s). */
  idleMs?: number;
}

/** The base URL without a trailing slash or API path. */
export function baseOf(connection: SdConnection): string {
  return connection.baseUrl
    .trim()
    .replace(/\/+$/, "")
    .replace(/\/sdapi\/v1$/, "");
}

/** The Authorization header for `user:password`; a text without a colon is refused. */
export function basicAuth(auth: string): string {
  if (!auth.includes(":"))
    throw new ModelError("unauthorized", 'The server credentials must be written "user:password".');
  return `Basic ${bytesToBase64(new TextEncoder().encode(auth))}`;
}

export interface SdCall {
  method: "GET" | "POST";
  path: string;
  body?: unknown;
  signal?: AbortSignal;
}

/** A request's parsed JSON answer (undefined for an empty 2xx body, e.g. interrupt's 204). */
export async function sdRequest(connection: SdConnection, call: SdCall): Promise<unknown> {
  const base = baseOf(connection);
  const url = `${base}${call.path}`;
  const fetchFn = idleGuard(connection.fetch ?? globalThis.fetch.bind(globalThis), connection.idleMs ?? 30_000);
  const headers: Record<string, string> = { accept: "application/json" };
  if (connection.auth) headers["authorization"] = basicAuth(connection.auth);
  if (call.body !== undefined) headers["content-type"] = "application/json";
  let response: Response;
  try {
    response = await fetchFn(url, {
      method: call.method,
      headers,
      body: call.body === undefined ? null : JSON.stringify(call.body),
      signal: call.signal ?? null,
      credentials: "omit",
    });
  } catch (error) {
    throw await connectionFailure(error, base, connection);
  }
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw toModelError(error);
  }
  const body = parseJson(text);
  if (!response.ok)
    throw errorForStatus(response.status, body ?? text, call.path.split("?")[0] ?? call.path, Boolean(connection.auth));
  if (text.trim() === "") return undefined;
  if (body === undefined)
    throw new ModelError("bad-output", `The server's answer to ${call.path.split("?")[0]} is not JSON.`, {
      status: response.status,
    });
  return body;
}

function parseJson(text: string): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * A fetch that threw before any answer: cancelled, a CORS block, or nothing there. In a browser a CORS block and a
 * closed port look alike (a TypeError); a no-cors probe tells them apart: it resolves, opaque, when the server runs.
 */
async function connectionFailure(
  error: unknown,
  base: string,
  connection: SdConnection,
): Promise<ModelError | Cancelled> {
  const mapped = toModelError(error);
  if (isCancelled(mapped) || mapped.reason !== "offline") return mapped;
  // Node's fetch says why in its cause: a refused port, or a socket the server closed before answering.
  const cause = causeText(error);
  if (/ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH/.test(cause)) return unreachableError(base, error);
  if (/other side closed|ECONNRESET|socket hang up|SocketError/i.test(cause))
    return new ModelError("offline", "The connection closed before the server's answer arrived.", { cause: error });
  if (await answersOpaquely(base, connection.fetch ?? globalThis.fetch.bind(globalThis)))
    return corsError(base, connection.server, error);
  return unreachableError(base, error);
}

async function answersOpaquely(base: string, fetchFn: typeof fetch): Promise<boolean> {
  try {
    const probe = await fetchFn(`${base}/sdapi/v1/progress`, { mode: "no-cors", credentials: "omit" });
    return probe.type === "opaque";
  } catch {
    return false;
  }
}

/** The codes and messages of an error's causes (Node's fetch nests the socket's error), as one text. */
function causeText(error: unknown): string {
  const parts: string[] = [];
  let current: unknown = error instanceof Error ? error.cause : undefined;
  for (let depth = 0; depth < 4 && typeof current === "object" && current !== null; depth++) {
    const { code, message, name } = current as { code?: unknown; message?: unknown; name?: unknown };
    for (const part of [code, message, name]) if (typeof part === "string") parts.push(part);
    current = (current as { cause?: unknown }).cause;
  }
  return parts.join(" ");
}
