/**
 * A streamed answer's events read as the endpoint may have sent them, and a failure while reading said in a
 * sentence: never JavaScript's own words ("Cannot read properties of null", "terminated", a JSON parser's).
 */
import { APIError } from "openai/error";
import { describe, expect, it } from "vitest";
import { Cancelled } from "../../kernel/cancelled.js";
import { ModelError } from "../errors/classify.js";
import { readChatChunk, readResponsesEvent, streamFailure } from "./stream-events.js";

describe("streamFailure", () => {
  it.each([
    [
      "the SDK reading a null choice",
      new TypeError("Cannot read properties of null (reading 'finish_reason')"),
      "bad-output",
      "The endpoint's stream sent an event Figment cannot read; the answer so far was not used.",
    ],
    [
      "an event that is not JSON",
      new SyntaxError("Unexpected token 'o', \"{not json\" is not valid JSON"),
      "bad-output",
      "The endpoint's stream sent an event that is not valid JSON; the answer so far was not used.",
    ],
    [
      "undici's dropped connection",
      new TypeError("terminated"),
      "truncated",
      "The connection dropped in the middle of the answer; the answer so far was not used.",
    ],
    [
      "an error event",
      new APIError(
        undefined,
        { message: "The server had an error while processing your request." },
        undefined,
        undefined,
      ),
      "server",
      "The endpoint reported an error in the middle of the answer: " +
        "The server had an error while processing your request.",
    ],
    [
      "an error event whose message is an object",
      new APIError(undefined, { message: { nested: true } }, undefined, undefined),
      "server",
      'The endpoint reported an error in the middle of the answer: {"nested":true}',
    ],
  ])("%s", (_, error, kind, message) => {
    const failure = streamFailure(error);
    expect(failure).toMatchObject({ reason: kind, message });
    expect(failure.cause).toBe(error);
  });

  it("keeps a ModelError, a cancel and a stall as they are", () => {
    const stalled = new ModelError("timeout", "The answer stopped arriving: nothing came for 30 ms.");
    expect(streamFailure(stalled)).toBe(stalled);
    expect(streamFailure(new DOMException("aborted", "AbortError"))).toBeInstanceOf(Cancelled);
  });
});

describe("readChatChunk", () => {
  it("reads a chunk's text, refusal, finish, model and usage", () => {
    expect(
      readChatChunk({
        model: "m",
        choices: [{ delta: { content: "a", refusal: null }, finish_reason: "stop" }],
        usage: { prompt_tokens: 3, completion_tokens: 4 },
      }),
    ).toEqual({
      content: "a",
      refusal: "",
      finish: "stop",
      model: "m",
      usage: { inputTokens: 3, outputTokens: 4 },
    });
  });

  it("reads a chunk of another shape as carrying nothing", () => {
    const nothing = { content: "", refusal: "", finish: undefined, model: undefined, usage: undefined };
    for (const chunk of [
      null,
      42,
      "x",
      {},
      { choices: null },
      { choices: [] },
      { choices: [{ delta: null }] },
      { choices: {} },
      { choices: [{ delta: {}, finish_reason: 5 }], usage: { prompt_tokens: "3", completion_tokens: -1 }, model: {} },
    ])
      expect(readChatChunk(chunk), JSON.stringify(chunk)).toEqual(nothing);
  });

  it("refuses a text or refusal piece that is not text", () => {
    expect(() => readChatChunk({ choices: [{ delta: { content: { text: "a" } } }] })).toThrow(
      /^The endpoint's stream sent an event Figment cannot read \(a text piece that is not text\)/,
    );
    expect(() => readChatChunk({ choices: [{ delta: { refusal: 5 } }] })).toThrow(/\(a refusal that is not text\)/);
  });

  it("refuses a choice that is null or of another type: a piece of text it held is not dropped silently", () => {
    for (const first of [null, 5, "text", [{ delta: { content: "a" } }]])
      expect(() => readChatChunk({ choices: [first, { delta: { content: "b" } }] }), JSON.stringify(first)).toThrow(
        new RegExp(
          "^The endpoint's stream sent an event Figment cannot read " +
            "\\(a choice that is null or of another type\\); the answer so far",
        ),
      );
  });
});

describe("readResponsesEvent", () => {
  it("reads text pieces, the terminal events and error events", () => {
    expect(readResponsesEvent({ type: "response.output_text.delta", delta: "a" })).toEqual({
      kind: "delta",
      text: "a",
    });
    for (const type of ["response.completed", "response.incomplete", "response.failed"])
      expect(readResponsesEvent({ type, response: null })).toEqual({ kind: "end", response: null });
    expect(readResponsesEvent({ type: "error", code: "x", message: { nested: true } })).toEqual({
      kind: "error",
      code: "x",
      message: "no details",
    });
    expect(readResponsesEvent({ type: "error", message: `a ${"b".repeat(5000)}` })).toMatchObject({
      message: expect.stringMatching(/^a b{297}…$/),
    });
    for (const event of [null, 7, {}, { type: 5 }, { type: "response.created" }])
      expect(readResponsesEvent(event)).toEqual({ kind: "other" });
  });

  it("refuses a text piece that is not text", () => {
    expect(() => readResponsesEvent({ type: "response.output_text.delta", delta: [1] })).toThrow(ModelError);
  });
});
