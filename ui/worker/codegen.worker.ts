/**
 * The codegen worker: ts-morph and prettier live here, off the UI thread, loaded only when the UI first
 * needs code. A bad design or model output comes back as an error reply, never as a crashed worker.
 */
import { EmptyDesignError, generateCode, loadDesign, printHint, UnknownNodeError } from "../../codegen/index.js";
import { NotFigmaJsonError } from "../../codegen/rest/reply.js";
import { asNodesReply, type WorkerReply, type WorkerRequest } from "./protocol.js";

interface WorkerScope {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage(message: WorkerReply): void;
}
const scope = self as unknown as WorkerScope;

function isRequest(data: unknown): data is WorkerRequest {
  if (typeof data !== "object" || data === null) return false;
  const r = data as Record<string, unknown>;
  if (typeof r["id"] !== "string") return false;
  if (r["kind"] === "ping") return true;
  return (r["kind"] === "generate" || r["kind"] === "hint") && Array.isArray(r["exports"]);
}

async function handle(request: WorkerRequest): Promise<WorkerReply> {
  if (request.kind === "ping") return { id: request.id, ok: true, kind: "pong" };
  try {
    const design = loadDesign(asNodesReply(request.exports));
    if (request.kind === "hint") return { id: request.id, ok: true, kind: "hint", hint: printHint(design.document) };
    const started = performance.now();
    const result = await generateCode(design.document, request.options);
    return { id: request.id, ok: true, kind: "generate", result: { files: result.files, problems: [...design.problems, ...result.problems] }, ms: performance.now() - started };
  } catch (error) {
    const bad = error instanceof NotFigmaJsonError || error instanceof EmptyDesignError || error instanceof UnknownNodeError;
    return { id: request.id, ok: false, error: error instanceof Error ? error.message : String(error), bad };
  }
}

scope.onmessage = (event) => {
  const data = event.data;
  if (!isRequest(data)) {
    const id = typeof data === "object" && data !== null && typeof (data as { id?: unknown }).id === "string" ? (data as { id: string }).id : "";
    scope.postMessage({ id, ok: false, error: "the codegen worker got a message it does not understand", bad: true });
    return;
  }
  void handle(data).then((reply) => scope.postMessage(reply));
};
