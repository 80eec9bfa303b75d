/**
 * Requests to a ComfyUI server: JSON in and out, image bytes from /view, a file to /upload/image as multipart form
 * data (what its aiohttp `request.post()` reads). A refused port is "could not connect"; an error status keeps the
 * body for the caller (a 400 from /prompt carries `node_errors`). Pure fetch: the UI iframe and Node.
 */
import { isCancelled } from "../../kernel/cancelled.js";
import { idleGuard } from "../client/idle-body.js";
import { ModelError, toModelError } from "../errors/classify.js";
import { corsError, oneLine, SdError } from "../sdnext/errors.js";
import { comfyUnreachable, refusedWorkflow } from "./errors.js";

export interface ComfyConnection {
  /** e.g. `http://127.0.0.1:8188` (a trailing slash dropped). */
  baseUrl: string;
  fetch?: typeof fetch;
  /** A body that stops arriving for this long fails the request (default 30 s). */
  idleMs?: number;
}

/** Where ComfyUI listens when started without --port: the settings' default, one constant for the CLI and panel. */
export { DEFAULT_COMFY_URL } from "../../contract/settings.js";

export function baseOf(connection: ComfyConnection): string {
  return connection.baseUrl.trim().replace(/\/+$/, "");
}

/** The WebSocket address of the server's /ws for a client id. */
export function socketUrl(connection: ComfyConnection, clientId: string): string {
  return `${baseOf(connection).replace(/^http/, "ws")}/ws?clientId=${encodeURIComponent(clientId)}`;
}

async function send(connection: ComfyConnection, path: string, init: RequestInit): Promise<Response> {
  const base = baseOf(connection);
  const fetchFn = idleGuard(connection.fetch ?? globalThis.fetch.bind(globalThis), connection.idleMs ?? 30_000);
  try {
    return await fetchFn(`${base}${path}`, { ...init, credentials: "omit" });
  } catch (error) {
    const mapped = toModelError(error, init.signal ?? undefined);
    if (isCancelled(mapped) || mapped.reason !== "offline") throw mapped;
    // In a browser a CORS block and a closed port look alike; a no-cors probe answers (opaque) when ComfyUI runs.
    if ("document" in globalThis || "WorkerGlobalScope" in globalThis) {
      const probe = await fetchFn(`${base}/system_stats`, { mode: "no-cors", credentials: "omit" }).catch(() => null);
      if (probe?.type === "opaque") throw corsError(base, "comfyui", error);
    }
    throw comfyUnreachable(base, error);
  }
}

async function failure(response: Response, path: string): Promise<SdError> {
  const text = await response.text().catch(() => "");
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: the text stays the body
  }
  if (path.startsWith("/prompt") && response.status === 400) return refusedWorkflow(body, response.status);
  if (response.status === 404)
    return new SdError("model-not-found", `The server has no ${path.split("?")[0]} (404): is it ComfyUI?`, {
      type: "no-route",
      path,
    });
  const detail = oneLine(typeof body === "string" ? body : JSON.stringify(body), 200);
  return new SdError(
    response.status >= 500 ? "server" : "bad-request",
    `ComfyUI answered ${response.status}${detail ? `: ${detail}` : "."}`,
    { type: "server-error", status: response.status, detail },
    { status: response.status },
  );
}

export async function comfyJson(
  connection: ComfyConnection,
  path: string,
  options: { body?: unknown; signal?: AbortSignal } = {},
): Promise<unknown> {
  const post = options.body !== undefined;
  const response = await send(connection, path, {
    method: post ? "POST" : "GET",
    headers: post ? { "content-type": "application/json" } : { accept: "application/json" },
    body: post ? JSON.stringify(options.body) : null,
    signal: options.signal ?? null,
  });
  if (!response.ok) throw await failure(response, path);
  const text = await response.text();
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ModelError("bad-output", `ComfyUI's answer to ${path.split("?")[0]} is not JSON.`);
  }
}

export async function comfyBytes(connection: ComfyConnection, path: string, signal?: AbortSignal): Promise<Uint8Array> {
  const response = await send(connection, path, { method: "GET", signal: signal ?? null });
  if (!response.ok) throw await failure(response, path);
  return new Uint8Array(await response.arrayBuffer());
}

/** Uploads an image to the input folder (overwriting a file of that name); its name there. */
export async function uploadImage(
  connection: ComfyConnection,
  name: string,
  bytes: Uint8Array,
  signal?: AbortSignal,
): Promise<string> {
  const form = new FormData();
  form.append("image", new Blob([new Uint8Array(bytes)]), name);
  form.append("type", "input");
  form.append("overwrite", "true");
  const response = await send(connection, "/upload/image", { method: "POST", body: form, signal: signal ?? null });
  if (!response.ok) throw await failure(response, "/upload/image");
  const answer = (await response.json().catch(() => undefined)) as { name?: unknown; subfolder?: unknown } | undefined;
  if (typeof answer?.name !== "string") throw new ModelError("bad-output", "ComfyUI's upload answer names no file.");
  const subfolder = typeof answer.subfolder === "string" ? answer.subfolder : "";
  return subfolder ? `${subfolder}/${answer.name}` : answer.name;
}
