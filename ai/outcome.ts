/**
 * Reads a finished model result (Responses API or chat completion) into its text plus, when the model refused
 * or was cut short, a typed ModelError. A truncated reply keeps its text so `parseFilesReply` can salvage it.
 */
import type { ChatCompletion } from "openai/resources/chat/completions";
import type { Response } from "openai/resources/responses/responses";
import { isRecord, textOf } from "./answer-shape.js";
import { ModelError } from "./errors.js";

export interface ModelOutcome {
  text: string;
  /** Response id (Responses API) for refinement, or the completion id. */
  id: string;
  error: ModelError | undefined;
}

export function readResponse(
  response: Pick<Response, "id" | "status" | "output" | "incomplete_details" | "error">,
): ModelOutcome {
  let text = "";
  let refusal: string | undefined;
  // Read as the wire gave it (a batch line's body, a final event): an item or part of another shape adds nothing.
  const output: unknown = response.output;
  for (const item of Array.isArray(output) ? (output as unknown[]) : []) {
    if (!isRecord(item) || item["type"] !== "message" || !Array.isArray(item["content"])) continue;
    for (const part of item["content"] as unknown[]) {
      if (!isRecord(part)) continue;
      if (part["type"] === "output_text" && typeof part["text"] === "string") text += part["text"];
      else if (part["type"] === "refusal" && typeof part["refusal"] === "string") refusal = (refusal ?? "") + part["refusal"];
    }
  }
  let error: ModelError | undefined;
  if (refusal !== undefined) error = new ModelError("refusal", `The model refused: ${refusal}`);
  else if (response.status === "incomplete") {
    const details: unknown = response.incomplete_details;
    const reason = isRecord(details) ? textOf(details["reason"]) || undefined : undefined;
    error =
      reason === "content_filter"
        ? new ModelError("refusal", "The output was stopped by the content filter.")
        : new ModelError("truncated", `The output is incomplete (${reason ?? "unknown reason"}).`);
  } else if (response.status === "failed" || response.error) {
    const failure: unknown = response.error;
    error = new ModelError("server", `The response failed: ${(isRecord(failure) ? textOf(failure["message"]) : "") || "no details"}.`);
  }
  else if (!text.trim()) error = new ModelError("bad-output", "The model returned no text.");
  return { text, id: response.id, error };
}

export function readChatCompletion(completion: Pick<ChatCompletion, "id" | "choices">): ModelOutcome {
  const choice = completion.choices[0];
  const text = choice?.message.content ?? "";
  let error: ModelError | undefined;
  if (!choice) error = new ModelError("bad-output", "The endpoint returned no choices.");
  else if (choice.message.refusal) error = new ModelError("refusal", `The model refused: ${choice.message.refusal}`);
  else if (choice.finish_reason === "length") error = new ModelError("truncated", "The output hit the token limit.");
  else if (choice.finish_reason === "content_filter")
    error = new ModelError("refusal", "The output was stopped by the content filter.");
  else if (!text.trim()) error = new ModelError("bad-output", "The model returned no text.");
  return { text, id: completion.id, error };
}
