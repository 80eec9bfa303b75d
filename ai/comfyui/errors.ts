/**
 * ComfyUI's failures in one sentence each, as SdError (ai/sdnext/errors.ts: the local image servers' one error
 * class, with the fact kept in `problem`): a refused workflow named by node and input (the 400's `node_errors`),
 * a node that raised while running (`execution_error`, out of memory told apart), an interrupted run, a name the
 * server does not list, a server that is not there. Messages say what happened, never what to do. Pure.
 */
import { oneLine, SdError } from "../sdnext/errors.js";

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const str = (value: unknown): string => (typeof value === "string" ? value : "");

/** The error a POST /prompt's 400 stands for: the first node's first error, else the `error` itself. */
export function refusedWorkflow(body: unknown, status: number): SdError {
  const nodeErrors = isRecord(body) && isRecord(body["node_errors"]) ? body["node_errors"] : {};
  for (const [node, entry] of Object.entries(nodeErrors)) {
    if (!isRecord(entry) || !Array.isArray(entry["errors"])) continue;
    const first: unknown = entry["errors"][0];
    if (!isRecord(first)) continue;
    const classType = str(entry["class_type"]) || "node";
    const extra = isRecord(first["extra_info"]) ? first["extra_info"] : {};
    const input = str(extra["input_name"]) || undefined;
    const reason = oneLine([str(first["message"]), str(first["details"])].filter(Boolean).join(": "), 200);
    const where = `node ${node} (${classType})${input ? `, input "${input}"` : ""}`;
    return new SdError(
      "bad-request",
      `ComfyUI refused the workflow at ${where}: ${reason || "invalid"}.`,
      { type: "node-error", node, classType, input, reason },
      { status },
    );
  }
  const error = isRecord(body) ? body["error"] : undefined;
  const errorType = isRecord(error) ? str(error["type"]) : "";
  const message = isRecord(error) ? str(error["message"]) : str(error);
  const details = isRecord(error) ? str(error["details"]) : "";
  const text = message.replace(/\.$/, "") || `status ${status}`;
  const reason = oneLine(details && !details.includes("\n") ? `${text} (${details})` : text, 240);
  return new SdError(
    errorType === "missing_node_type" ? "model-not-found" : "bad-request",
    `ComfyUI refused the workflow: ${reason}.`,
    { type: "workflow-refused", errorType, reason },
    { status },
  );
}

/** True for torch's and ComfyUI's out-of-memory errors, by type or message. */
export function isOutOfMemory(type: string, message: string): boolean {
  return /OutOfMemory|OOM/i.test(type) || /out of memory|Allocation on device/i.test(message);
}

/** An `execution_error` message's data as the error it stands for. */
export function nodeFailed(data: Record<string, unknown>): SdError {
  const node = str(data["node_id"]);
  const classType = str(data["node_type"]) || "node";
  const type = str(data["exception_type"]);
  const message = str(data["exception_message"]);
  // The first line is torch's own; the tips ComfyUI appends say what to do.
  const detail = oneLine(message.split("\n")[0]?.trim() || type || "an error", 200);
  if (isOutOfMemory(type, message))
    return new SdError("server", `ComfyUI ran out of GPU memory at node ${node} (${classType}): ${detail}.`, {
      type: "out-of-memory",
      detail,
    });
  return new SdError("server", `ComfyUI failed at node ${node} (${classType}): ${type ? `${type}: ` : ""}${detail}.`, {
    type: "node-failed",
    node,
    classType,
    detail,
  });
}

export function interruptedOnServer(): SdError {
  return new SdError("server", "ComfyUI interrupted the run before it made an image.", { type: "interrupted" });
}

export function unknownName(what: string, asked: string, known: readonly string[]): SdError {
  const listed = known.length
    ? `it has ${known
        .slice(0, 6)
        .map((name) => oneLine(name, 60))
        .join(", ")}${known.length > 6 ? `, and ${known.length - 6} more` : ""}`
    : `it lists none`;
  return new SdError("model-not-found", `ComfyUI has no ${what} "${oneLine(asked, 80)}" (${listed}).`, {
    type: "unknown-name",
    what,
    asked,
    known: [...known],
  });
}

export function comfyUnreachable(url: string, cause: unknown): SdError {
  return new SdError("offline", `Could not connect to ComfyUI at ${url}.`, { type: "unreachable", url }, { cause });
}
