/**
 * One workflow run on ComfyUI, watched over its WebSocket: the socket of a fresh client id is opened first, then
 * POST /prompt with that client_id, so no message of the run is missed. The messages (server.py / execution.py):
 * execution_start, execution_cached, executing {node}, progress {value, max}, binary preview frames (4-byte
 * big-endian event 1 = PREVIEW_IMAGE, 4-byte image type 1 = JPEG / 2 = PNG, the image), executed {node, output},
 * then execution_success and executing {node: null} — or execution_error / execution_interrupted. Cancelling sends
 * POST /interrupt once the run has started (or takes a queued prompt off the queue) and keeps what was saved. If
 * the socket drops mid-run, /history/{id} is polled for the outcome instead.
 */
import { Cancelled } from "../../kernel/cancelled.js";
import { ModelError, throwIfCancelled } from "../errors/classify.js";
import type { SdError } from "../sdnext/errors.js";
import { comfyUnreachable, interruptedOnServer, nodeFailed } from "./errors.js";
import { baseOf, type ComfyConnection, comfyJson, socketUrl } from "./http.js";
import type { OpenSocket, OpenedSocket } from "./socket.js";
import type { ComfyGraph } from "./workflows.js";

export type ComfyProgress =
  /** The sampler's step (progress {value, max}). */
  | { type: "progress"; step: number; steps: number; node: string }
  /** A live preview from a binary frame. */
  | { type: "preview"; bytes: Uint8Array; format: "jpeg" | "png" };

export interface ImageRef {
  filename: string;
  subfolder: string;
  type: string;
}

export interface ComfyRunOptions {
  openSocket: OpenSocket;
  signal?: AbortSignal;
  onProgress?: (event: ComfyProgress) => void;
  /** After an interrupt, how long to wait for the server to say the run ended (default 30 s). */
  interruptGraceMs?: number;
  /** Milliseconds between /history polls when the socket dropped (default 1000). */
  pollMs?: number;
}

export interface ComfyRunResult {
  promptId: string;
  /** The images the run's output nodes saved (SaveImage's "output" ones first). */
  images: ImageRef[];
  /** Whether this client interrupted it (the images are what was saved before). */
  interrupted: boolean;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The image refs in a node's UI output ({images: [{filename, subfolder, type}]}). */
export function imagesOf(output: unknown): ImageRef[] {
  const images = isRecord(output) && Array.isArray(output["images"]) ? output["images"] : [];
  return images.filter(isRecord).flatMap((image) =>
    typeof image["filename"] === "string"
      ? [
          {
            filename: image["filename"],
            subfolder: typeof image["subfolder"] === "string" ? image["subfolder"] : "",
            type: typeof image["type"] === "string" ? image["type"] : "output",
          },
        ]
      : [],
  );
}

/** A binary frame's preview image, or undefined for another event. */
export function previewOf(frame: Uint8Array): { bytes: Uint8Array; format: "jpeg" | "png" } | undefined {
  if (frame.length <= 8) return undefined;
  const view = new DataView(frame.buffer, frame.byteOffset, frame.byteLength);
  if (view.getUint32(0) !== 1) return undefined;
  const type = view.getUint32(4);
  if (type !== 1 && type !== 2) return undefined;
  return { bytes: frame.slice(8), format: type === 1 ? "jpeg" : "png" };
}

const sortImages = (images: ImageRef[]): ImageRef[] =>
  images.some((i) => i.type === "output") ? images.filter((i) => i.type === "output") : images;

export async function runWorkflow(
  connection: ComfyConnection,
  graph: ComfyGraph,
  options: ComfyRunOptions,
): Promise<ComfyRunResult> {
  const { signal, onProgress } = options;
  throwIfCancelled(signal);
  // getRandomValues, not randomUUID: the plugin's iframe (origin null) is not a secure context.
  const clientId = [...globalThis.crypto.getRandomValues(new Uint8Array(16))]
    .map((b) => b.toString(16).padStart(2, "0"))
    .join("");
  let promptId: string | undefined;
  let started = false;
  let interrupting = false;
  let settled = false;
  const early: (string | Uint8Array)[] = [];
  const images: ImageRef[] = [];
  let resolveRun!: (result: ComfyRunResult) => void;
  let rejectRun!: (error: unknown) => void;
  const outcome = new Promise<ComfyRunResult>((resolve, reject) => {
    resolveRun = resolve;
    rejectRun = reject;
  });
  const finish = (error?: SdError | Cancelled): void => {
    if (settled) return;
    settled = true;
    if (error) rejectRun(error);
    else resolveRun({ promptId: promptId ?? "", images: sortImages(images), interrupted: interrupting });
  };
  const endInterrupted = (): void => {
    if (!interrupting) finish(interruptedOnServer());
    else if (images.length === 0) finish(new Cancelled("The run was cancelled before ComfyUI had saved an image."));
    else finish();
  };

  const handle = (data: string | Uint8Array): void => {
    if (promptId === undefined) return void early.push(data);
    if (typeof data !== "string") {
      const preview = started ? previewOf(data) : undefined;
      if (preview) onProgress?.({ type: "preview", ...preview });
      return;
    }
    let message: unknown;
    try {
      message = JSON.parse(data);
    } catch {
      return;
    }
    if (!isRecord(message) || !isRecord(message["data"])) return;
    const body = message["data"];
    const ours = body["prompt_id"] === promptId;
    switch (message["type"]) {
      case "execution_start":
        if (ours) started = true;
        return;
      case "progress":
        // Older servers send progress without a prompt_id: it is ours while ours runs.
        if ((ours || body["prompt_id"] === undefined) && started)
          onProgress?.({
            type: "progress",
            step: Number(body["value"]),
            steps: Number(body["max"]),
            node: String(body["node"] ?? ""),
          });
        return;
      case "executed":
        if (ours) images.push(...imagesOf(body["output"]));
        return;
      case "execution_error":
        if (ours) finish(nodeFailed(body));
        return;
      case "execution_interrupted":
        if (ours) endInterrupted();
        return;
      case "execution_success":
        if (ours) finish();
        return;
      case "executing":
        if (ours && body["node"] === null) finish();
        return;
    }
  };

  let socket: OpenedSocket | undefined;
  let polling = false;
  const poll = async (): Promise<void> => {
    if (polling) return;
    polling = true;
    while (!settled) {
      await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 1000));
      if (settled || promptId === undefined) continue;
      const history = await comfyJson(connection, `/history/${encodeURIComponent(promptId)}`).catch(() => undefined);
      const entry = isRecord(history) ? history[promptId] : undefined;
      if (!isRecord(entry) || !isRecord(entry["status"])) continue;
      for (const output of Object.values(isRecord(entry["outputs"]) ? entry["outputs"] : {}))
        images.push(...imagesOf(output));
      const messages = Array.isArray(entry["status"]["messages"]) ? entry["status"]["messages"] : [];
      const last = [...messages]
        .reverse()
        .find((m: unknown) => Array.isArray(m) && String(m[0]).startsWith("execution_"));
      if (Array.isArray(last) && last[0] === "execution_error" && isRecord(last[1])) finish(nodeFailed(last[1]));
      else if (Array.isArray(last) && last[0] === "execution_interrupted") endInterrupted();
      else finish();
    }
  };

  const onAbort = (): void => {
    if (interrupting || settled) return;
    interrupting = true;
    void (async () => {
      if (!started && promptId !== undefined) {
        // Still queued: take it off the queue; /interrupt would stop whatever else runs.
        await comfyJson(connection, "/queue", { body: { delete: [promptId] } }).catch(() => undefined);
        const queue = await comfyJson(connection, "/queue").catch(() => undefined);
        const running = isRecord(queue) && Array.isArray(queue["queue_running"]) ? queue["queue_running"] : [];
        if (!running.some((item: unknown) => Array.isArray(item) && item[1] === promptId) && !started)
          return endInterrupted();
      }
      // Newer servers stop only this prompt when it is the running one; older ones ignore the body.
      await comfyJson(connection, "/interrupt", { body: { prompt_id: promptId } }).catch(() => undefined);
    })();
    graceTimer = setTimeout(endInterrupted, options.interruptGraceMs ?? 30_000);
  };
  let graceTimer: ReturnType<typeof setTimeout> | undefined;

  try {
    socket = await options
      .openSocket(socketUrl(connection, clientId), {
        message: handle,
        close: () => {
          if (!settled) void poll();
        },
      })
      .catch((error: unknown) => {
        throw comfyUnreachable(baseOf(connection), error);
      });
    throwIfCancelled(signal);
    // Not aborted with the signal: a prompt the server has queued must be interrupted, not abandoned.
    const answer = await comfyJson(connection, "/prompt", { body: { prompt: graph, client_id: clientId } });
    const id = isRecord(answer) ? answer["prompt_id"] : undefined;
    if (typeof id !== "string") throw new ModelError("bad-output", "ComfyUI's /prompt answer has no prompt_id.");
    promptId = id;
    for (const data of early.splice(0)) handle(data);
    signal?.addEventListener("abort", onAbort, { once: true });
    if (signal?.aborted) onAbort();
    return await outcome;
  } finally {
    settled = true;
    clearTimeout(graceTimer);
    signal?.removeEventListener("abort", onAbort);
    socket?.close();
  }
}
