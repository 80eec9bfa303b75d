/**
 * Reads a finished model result (Responses API or chat completion) into its text plus, when the model refused
 * or was cut short, a typed ModelError. A truncated reply keeps its text so `parseFilesReply` can salvage it.
 * The SDK does not check what it parses, so every field is read as the endpoint may have sent it (null, another
 * type, missing): a result of another shape is a "bad-output" ModelError in a sentence, never a JavaScript error.
 */
import { oneLine } from "../text/one-line.js";
import { ModelError } from "../errors/classify.js";

export interface ModelOutcome {
  text: string;
  /** Response id (Responses API) for refinement, or the completion id ("" when the endpoint sent none). */
  id: string;
  error: ModelError | undefined;
}

type Fields = Record<string, unknown>;

const fields = (value: unknown): Fields | undefined =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Fields) : undefined;
const text = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);

/** The longest refusal or provider detail quoted: one line, as a message is. */
const MAX_QUOTED = 300;

/** The model's or provider's own words as one short line ("" when they sent none, or not as text). */
export function quoted(value: unknown): string {
  return oneLine(text(value) ?? "", MAX_QUOTED);
}

const refused = (words: string): ModelError =>
  new ModelError("refusal", words ? `The model refused: ${words}` : "The model refused, without saying why.");

/** A Responses API result (`Response`, as parsed from the wire: any shape). */
export function readResponse(response: unknown): ModelOutcome {
  const record = fields(response);
  if (!record)
    return { text: "", id: "", error: new ModelError("bad-output", "The endpoint's answer carries no response.") };
  let output = "";
  let refusal: string | undefined;
  for (const item of list(record.output)) {
    const message = fields(item);
    if (message?.type !== "message") continue;
    for (const part of list(message.content)) {
      const piece = fields(part);
      if (piece?.type === "output_text") output += text(piece.text) ?? "";
      else if (piece?.type === "refusal") refusal = (refusal ?? "") + (text(piece.refusal) ?? "");
    }
  }
  const status = record.status;
  const failure = fields(record.error);
  let error: ModelError | undefined;
  if (refusal !== undefined) error = refused(quoted(refusal));
  else if (status === "incomplete") {
    const reason = quoted(fields(record.incomplete_details)?.reason);
    error =
      reason === "content_filter"
        ? new ModelError("refusal", "The output was stopped by the content filter.")
        : new ModelError("truncated", `The output is incomplete (${reason || "unknown reason"}).`);
  } else if (status === "failed" || failure)
    error = new ModelError("server", `The response failed: ${quoted(failure?.message) || "no details"}.`);
  else if (!output.trim()) error = new ModelError("bad-output", "The model returned no text.");
  return { text: output, id: text(record.id) ?? "", error };
}

/** A chat completion (`ChatCompletion`, as parsed from the wire: any shape). */
export function readChatCompletion(completion: unknown): ModelOutcome {
  const record = fields(completion);
  const id = text(record?.id) ?? "";
  const choice = fields(list(record?.choices)[0]);
  if (!choice) return { text: "", id, error: new ModelError("bad-output", "The endpoint returned no choices.") };
  const message = fields(choice.message);
  const output = text(message?.content) ?? "";
  const refusal = quoted(message?.refusal);
  let error: ModelError | undefined;
  if (message?.refusal) error = refused(refusal);
  else if (choice.finish_reason === "length") error = new ModelError("truncated", "The output hit the token limit.");
  else if (choice.finish_reason === "content_filter")
    error = new ModelError("refusal", "The output was stopped by the content filter.");
  else if (!output.trim()) error = new ModelError("bad-output", "The model returned no text.");
  return { text: output, id, error };
}
