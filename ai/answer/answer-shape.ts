/**
 * Reading an answer's fields as the wire gave them, not as the SDK's types promise: a text that is a number,
 * a count that is null, an event that is `null`, a stream the SDK could not parse. What is not of its type is left
 * out (a delta, a count) or refused in a sentence that names it, never read into a JavaScript error.
 */
import { isRecord } from "../../contract/fields.js";
import { APIError } from "openai/error";
import { isCancelled } from "../../kernel/cancelled.js";
import { ModelError, toModelError } from "../errors/classify.js";

export { isRecord };

/** `value` when it is a string, else "" (a delta of another type adds nothing). */
export const textOf = (value: unknown): string => (typeof value === "string" ? value : "");

/** A token count: a finite number ≥ 0, else undefined. */
export const countOf = (value: unknown): number | undefined =>
  typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : undefined;

/**
 * The SDK's stream, its failures said in a sentence: an event that is not JSON, or a chunk the SDK could not
 * normalise (`choices: [null]`), is `bad-output` (the answer at fault); an error event is the endpoint's error, its
 * message shown only when it is text; a dropped connection is `truncated`, without undici's "terminated". A stall
 * and a cancel pass unchanged, for `guarded` to say.
 */
export async function* shapeChecked<T>(stream: AsyncIterable<T>): AsyncGenerator<T> {
  try {
    for await (const item of stream) yield item;
  } catch (error) {
    const mapped = toModelError(error);
    if (isCancelled(mapped)) throw error;
    // The SDK reading a chunk of its own (chat chunks are normalised: `choices: [null]`).
    if (error instanceof TypeError && mapped.reason === "bad-output")
      throw new ModelError(
        "bad-output",
        "The endpoint sent a stream event the SDK could not read: a field it needs is missing or null.",
        { cause: error },
      );
    if (mapped.reason === "bad-output" || mapped.reason === "moderation") throw mapped;
    if (error instanceof APIError && error.status === undefined) {
      const said = /^[[{]/.test(error.message.trim()) || error.message.length > 300 ? "" : error.message.trim();
      throw new ModelError(
        "server",
        `The endpoint reported an error in the middle of its answer${said ? `: ${said}` : " and gave no message"}.`,
        { cause: error },
      );
    }
    if (mapped.reason === "offline")
      throw new ModelError("truncated", "The connection dropped in the middle of the answer.", { cause: error });
    throw error;
  }
}

/** A finite count of tokens from a usage record's field, or 0 when the provider left it out or sent something else. */
export const tokens = (holder: unknown, key: string): number => (isRecord(holder) ? (countOf(holder[key]) ?? 0) : 0);

/** The message a provider's error record gives, as one line of text ("" when it has none that is text). */
export function errorText(error: unknown): string {
  if (typeof error === "string") return error;
  return isRecord(error) ? textOf(error["message"]) : "";
}

/** An image answer that is not the shape the API documents: said by what is missing. */
export const badShape = (what: string): ModelError => new ModelError("bad-output", `The endpoint's answer ${what}.`);
