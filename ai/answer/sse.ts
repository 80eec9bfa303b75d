/**
 * A streamed answer's server-sent events, read in time linear in their size: chat, Responses and image streams all
 * come through here. The SDK's decoder (openai 6.49) joins every network chunk onto the bytes not yet read and scans
 * them again from the start, so one event of n bytes costs n² / chunk size: a 16-MB answer in 8 events took 30.8 s
 * of CPU, and a partial image is one event of 1–3 MB. Here each chunk is decoded once and scanned once; the pieces
 * of a line are kept in a list and joined once, when it ends.
 *
 * What the SDK's `Stream.fromSSEResponse` does is kept: lines end at "\n", "\r\n" or "\r"; a blank line ends an
 * event, whose `data:` lines are joined by "\n"; `[DONE]` ends the answer (later events are passed over); each
 * event's data is JSON (a SyntaxError otherwise), and one holding `error` is the endpoint's error (an APIError
 * without a status). An event left without its blank line when the body ends is not read. The SDK still sends the
 * request, checks its status and applies its timeout; an idle body fails its read (ai/client/idle-body.ts), and leaving
 * the loop early lets the connection go.
 */
import { APIError, OpenAIError } from "openai/error";

/** A request the SDK made, before it read the answer (`client.chat.completions.create(…)` and the like). */
export interface SentRequest {
  asResponse(): Promise<Response>;
}

/**
 * The events of a streamed answer, as the endpoint sent them (`T` names what the caller expects; nothing is checked:
 * read them with the readers of ai/answer/stream-events.ts or ai/answer/answer-shape.ts).
 */
export async function streamedEvents<T = unknown>(request: SentRequest): Promise<AsyncIterable<T>> {
  const response = await request.asResponse();
  return eventsOf(response) as AsyncIterable<T>;
}

/** The JSON data of each event of `response`'s body. */
export async function* eventsOf(response: Response): AsyncGenerator<unknown> {
  if (!response.body) throw new OpenAIError("Attempted to iterate over a response with no body");
  let event: string | null = null;
  let data: string[] = [];
  let done = false;
  for await (const line of linesOf(response.body)) {
    if (line === "") {
      if (event === null && data.length === 0) continue;
      const text = data.join("\n");
      event = null;
      data = [];
      if (done) continue;
      if (text.startsWith("[DONE]")) {
        done = true;
        continue;
      }
      const value: unknown = JSON.parse(text);
      if (typeof value === "object" && value !== null && "error" in value && value.error)
        throw new APIError(undefined, value.error, undefined, response.headers);
      yield value;
      continue;
    }
    if (line.startsWith(":")) continue;
    const colon = line.indexOf(":");
    const name = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (name === "event") event = value;
    else if (name === "data") data.push(value);
  }
}

const LINE_END = /[\r\n]/g;

/** The body's lines, without their ends; each byte is decoded and scanned once. */
export async function* linesOf(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  /** The pieces of the line not yet ended. */
  let pieces: string[] = [];
  /** The last piece ended with "\r": a "\n" that starts the next one belongs to it. */
  let afterReturn = false;
  let ended = false;
  try {
    for (;;) {
      const chunk = await reader.read();
      const text = chunk.done ? decoder.decode() : decoder.decode(chunk.value, { stream: true });
      let start = 0;
      if (text !== "") {
        if (afterReturn && text.charCodeAt(0) === 10) start = 1;
        afterReturn = false;
      }
      for (;;) {
        LINE_END.lastIndex = start;
        const found = LINE_END.exec(text);
        if (!found) break;
        pieces.push(text.slice(start, found.index));
        const line = pieces.length === 1 ? pieces[0]! : pieces.join("");
        pieces = [];
        start = found.index + 1;
        if (found[0] === "\r") {
          if (start === text.length) afterReturn = true;
          else if (text.charCodeAt(start) === 10) start++;
        }
        yield line;
      }
      if (start < text.length) pieces.push(start === 0 ? text : text.slice(start));
      if (chunk.done) break;
    }
    ended = true;
    if (pieces.length > 0) yield pieces.join("");
  } finally {
    // Left early (the answer is complete, or the reader failed): the connection is let go.
    if (!ended) reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}
