import type { ChatCompletion } from "openai/resources/chat/completions";
import type { Response } from "openai/resources/responses/responses";
import { describe, expect, it } from "vitest";
import { readChatCompletion, readResponse } from "./outcome.js";

type R = Pick<Response, "id" | "status" | "output" | "incomplete_details" | "error">;

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
    expect(out.error?.reason).toBe("refusal");
  });
  it("flags truncation but keeps the text", () => {
    const out = readResponse(response({ status: "incomplete", incomplete_details: { reason: "max_output_tokens" } }));
    expect(out.error?.reason).toBe("truncated");
    expect(out.text).toContain("files");
  });
  it("flags empty output", () => {
    expect(readResponse(response({ output: [] })).error?.reason).toBe("bad-output");
  });
  it("reads a response of another shape as the endpoint sent it, never throwing", () => {
    expect(readResponse(null as unknown as R)).toMatchObject({
      text: "",
      id: "",
      error: { reason: "bad-output", message: "The endpoint's answer carries no response." },
    });
    for (const output of [
      null,
      {},
      [null],
      [{ type: "message", content: null }],
      [{ type: "message", content: [null, { type: "output_text", text: 5 }] }],
    ])
      expect(readResponse(response({ output: output as R["output"] })).error?.reason, JSON.stringify(output)).toBe(
        "bad-output",
      );
    expect(readResponse(response({ id: 7 as unknown as string })).id).toBe("");
    expect(
      readResponse(response({ status: "failed", error: { message: { nested: true } } as unknown as R["error"] })).error
        ?.message,
    ).toBe("The response failed: no details.");
  });
  it("quotes a refusal as one short line, and says a refusal without words", () => {
    const long = readResponse(
      response({ output: [message([{ type: "refusal", refusal: `no\n${"x".repeat(5000)}` }])] }),
    );
    expect(long.error?.message).toMatch(/^The model refused: no x{296}…$/);
    expect(
      readResponse(response({ output: [message([{ type: "refusal", refusal: { why: "no" } }])] })).error?.message,
    ).toBe("The model refused, without saying why.");
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
    expect(readChatCompletion(completion({ refusal: "no" })).error?.reason).toBe("refusal");
    expect(readChatCompletion(completion({ content: '{"fi', finish_reason: "length" })).error?.reason).toBe(
      "truncated",
    );
    expect(readChatCompletion(completion({ content: "", finish_reason: "content_filter" })).error?.reason).toBe(
      "refusal",
    );
    expect(readChatCompletion({ id: "x", choices: [] }).error?.reason).toBe("bad-output");
  });
  it("reads a completion of another shape without throwing; a refusal that is not text is one without words", () => {
    for (const body of [
      null,
      {},
      { choices: null },
      { choices: [null] },
      { choices: [{ message: null }] },
      { choices: [{ message: { content: 5 } }] },
    ])
      expect(
        readChatCompletion(body as unknown as Pick<ChatCompletion, "id" | "choices">).error?.reason,
        JSON.stringify(body),
      ).toBe("bad-output");
    const refusal = {
      id: "c",
      choices: [{ message: { content: null, refusal: { nested: true } } }],
    } as unknown as Pick<ChatCompletion, "id" | "choices">;
    expect(readChatCompletion(refusal).error?.message).toBe("The model refused, without saying why.");
  });
});
