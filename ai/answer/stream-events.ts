/**
 * A streamed answer's events, read as the endpoint may have sent them. The SDK parses each event's JSON and checks
 * nothing else, so a field can be null, of another type or missing; these readers say which events carry what
 * Figment uses, and a failure while reading the stream becomes a ModelError that says what happened (a dropped
 * connection, an event that is not JSON, an event of another shape) and that the answer so far was not used.
 */
import { APIError } from "openai/error";
import { isCancelled, type Cancelled } from "../../kernel/cancelled.js";
import { ModelError, throwIfCancelled, toModelError } from "../errors/classify.js";
import { quoted } from "./outcome.js";

/** The answer-so-far is not used when a stream fails: the caller says so in its message. */
const NOT_USED = "the answer so far was not used";

/** What went wrong while a stream was read, in a sentence (never the JavaScript message). */
export function streamFailure(error: unknown, signal?: AbortSignal): ModelError | Cancelled {
  const mapped = toModelError(error, signal);
  if (error instanceof ModelError || isCancelled(mapped)) return mapped;
  if (mapped.reason === "timeout" || mapped.reason === "moderation") return mapped;
  if (error instanceof SyntaxError)
    return new ModelError("bad-output", `The endpoint's stream sent an event that is not valid JSON; ${NOT_USED}.`, {
      cause: error,
    });
  if (mapped.reason === "bad-output")
    return new ModelError("bad-output", `The endpoint's stream sent an event Figment cannot read; ${NOT_USED}.`, {
      cause: error,
    });
  // An error event in the stream: the provider's own words (toModelError made them one readable line).
  if (error instanceof APIError && error.status === undefined)
    return new ModelError("server", `The endpoint reported an error in the middle of the answer: ${mapped.message}`, {
      cause: error,
      ...(mapped.requestId ? { requestId: mapped.requestId } : {}),
    });
  return new ModelError("truncated", `The connection dropped in the middle of the answer; ${NOT_USED}.`, {
    cause: error,
  });
}

/** An event Figment reads but whose fields are not what the API sends. */
function unreadable(what: string): ModelError {
  return new ModelError(
    "bad-output",
    `The endpoint's stream sent an event Figment cannot read (${what}); ${NOT_USED}.`,
  );
}

type Fields = Record<string, unknown>;
const fields = (value: unknown): Fields | undefined =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Fields) : undefined;

/** A text field: absent or null is "", text is itself, anything else makes the event unreadable. */
function optionalText(value: unknown, what: string): string {
  if (value === undefined || value === null) return "";
  if (typeof value !== "string") throw unreadable(what);
  return value;
}

/** The Responses API's events that end an answer: nothing Figment reads comes after them. */
const TERMINAL = new Set(["response.completed", "response.incomplete", "response.failed"]);

export type ResponsesEvent =
  | { kind: "delta"; text: string }
  /** The answer's end; `response` is read by readResponse (any shape). */
  | { kind: "end"; response: unknown }
  | { kind: "error"; code: unknown; message: string }
  | { kind: "other" };

/** One Responses API stream event: its text piece, its end, its error, or one Figment does not use. */
export function readResponsesEvent(event: unknown): ResponsesEvent {
  const record = fields(event);
  const type = record?.type;
  if (type === "response.output_text.delta")
    return { kind: "delta", text: optionalText(record?.delta, "a text piece that is not text") };
  if (typeof type === "string" && TERMINAL.has(type)) return { kind: "end", response: record?.response };
  if (type === "error") return { kind: "error", code: record?.code, message: quoted(record?.message) || "no details" };
  return { kind: "other" };
}

export interface ChatPiece {
  content: string;
  refusal: string;
  /** The choice's finish_reason, when this chunk carries one. */
  finish: string | undefined;
  model: string | undefined;
  usage: { inputTokens: number; outputTokens: number } | undefined;
}

const count = (value: unknown): number | undefined =>
  typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : undefined;

/**
 * One chat completion chunk: the first choice's text and refusal pieces, its finish, and the model and usage when
 * given. A first choice that is not an object is refused: it may have carried text.
 */
export function readChatChunk(chunk: unknown): ChatPiece {
  const record = fields(chunk);
  const choices = record?.choices;
  const first: unknown = Array.isArray(choices) ? choices[0] : undefined;
  const choice = fields(first);
  // A choice that is there but no object (`choices: [null]`) may have held this piece of the text: never read as
  // nothing (issue 50: the piece was dropped without a word).
  if (Array.isArray(choices) && choices.length > 0 && !choice)
    throw unreadable("a choice that is null or of another type");
  const delta = fields(choice?.delta);
  const finish = choice?.finish_reason;
  const usage = fields(record?.usage);
  const inputTokens = count(usage?.prompt_tokens);
  const outputTokens = count(usage?.completion_tokens);
  return {
    content: optionalText(delta?.content, "a text piece that is not text"),
    refusal: optionalText(delta?.refusal, "a refusal that is not text"),
    finish: typeof finish === "string" && finish !== "" ? finish : undefined,
    model: typeof record?.model === "string" && record.model !== "" ? record.model : undefined,
    usage: inputTokens !== undefined && outputTokens !== undefined ? { inputTokens, outputTokens } : undefined,
  };
}

/**
 * Reads a stream; an abort ends it as Cancelled (the SDK may just stop iterating), and any other failure while
 * reading is said in a sentence (streamFailure): a dropped connection is "truncated", an event that is not JSON or
 * not of the API's shape "bad-output", an error event the provider's own words.
 */
export async function* guarded<T>(stream: AsyncIterable<T>, signal: AbortSignal | undefined): AsyncGenerator<T> {
  try {
    for await (const item of stream) {
      throwIfCancelled(signal);
      yield item;
    }
  } catch (error) {
    throw streamFailure(error, signal);
  }
  throwIfCancelled(signal);
}
