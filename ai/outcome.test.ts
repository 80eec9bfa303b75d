import type { ChatCompletion } from "openai/resources/chat/completions";
import type { Response } from "openai/resources/responses/responses";
import { describe, expect, it } from "vitest";
import { readChatCompletion, readResponse } from "./outcome.js";

type R = Parameters<typeof readResponse>[0];

const message = (content: unknown[]): Response["output"][number] =>
  ({
    type: "message",
    id: "m",
    role: "assistant",
    status: "completed",
    content,
  }) as unknown as Response["output"][number];

const response = (patch: Partial<R>): R => ({
  id: "resp_1",
  status: "completed",
  output: [
    message([
      { type: "output_text", text: '{"files":[],', annotations: [] },
      { type: "output_text", text: '"notes":""}', annotations: [] },
    ]),
  ],
  incomplete_details: null,
  error: null,
  ...patch,
});

describe("readResponse", () => {
  it("joins the output text", () => {
    expect(readResponse(response({}))).toEqual({ text: '{"files":[],"notes":""}', id: "resp_1", error: undefined });
  });
  it("flags a refusal", () => {
    const out = readResponse(response({ output: [message([{ type: "refusal", refusal: "I can't." }])] }));
    expect(out.error?.kind).toBe("refusal");
  });
  it("flags truncation but keeps the text", () => {
    const out = readResponse(response({ status: "incomplete", incomplete_details: { reason: "max_output_tokens" } }));
    expect(out.error?.kind).toBe("truncated");
    expect(out.text).toContain("files");
  });
  it("flags empty output", () => {
    expect(readResponse(response({ output: [] })).error?.kind).toBe("bad-output");
  });
});

const completion = (
  choice: Partial<ChatCompletion["choices"][number]> & { content?: string | null; refusal?: string | null },
) =>
  ({
    id: "c1",
    choices: [
      {
        index: 0,
        finish_reason: choice.finish_reason ?? "stop",
        logprobs: null,
        message: { role: "assistant", content: choice.content ?? null, refusal: choice.refusal ?? null },
      },
    ],
  }) as Pick<ChatCompletion, "id" | "choices">;

describe("readChatCompletion", () => {
  it("reads the text", () => {
    expect(readChatCompletion(completion({ content: "{}" }))).toEqual({ text: "{}", id: "c1", error: undefined });
  });
  it("maps refusal, length, content filter and no choices", () => {
    expect(readChatCompletion(completion({ refusal: "no" })).error?.kind).toBe("refusal");
    expect(readChatCompletion(completion({ content: '{"fi', finish_reason: "length" })).error?.kind).toBe("truncated");
    expect(readChatCompletion(completion({ content: "", finish_reason: "content_filter" })).error?.kind).toBe(
      "refusal",
    );
    expect(readChatCompletion({ id: "x", choices: [] }).error?.kind).toBe("bad-output");
  });
});
