/**
 * The one SSE reader of chat, Responses and image streams (ai/sse.ts): the events the SDK's decoder reads, from the
 * same bytes cut anywhere, and a 16-MB event over real HTTP decoded to the same bytes (the SDK's decoder is quadratic
 * in an event's size; the timings are the bench's fuzz section).
 */
import fc from "fast-check";
import { APIError } from "openai/error";
import { Stream } from "openai/core/streaming";
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../contract/settings.js";
import { chatStream, responsesStream } from "../../test/openai-server/server.js";
import { scriptedServer } from "../../test/openai-server/scripted.js";
import { chatChunks } from "./chat-stream.js";
import { createClient, providerConfig } from "../client/providers.js";
import { eventsOf, streamedEvents } from "./sse.js";

const encoder = new TextEncoder();

/** A Response whose body arrives in these pieces. */
function answer(pieces: Uint8Array[]): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const piece of pieces) controller.enqueue(piece);
      controller.close();
    },
  });
  return new Response(body, { headers: { "content-type": "text/event-stream" } });
}

/** The bytes cut at these offsets. */
function cut(bytes: Uint8Array, at: number[]): Uint8Array[] {
  const points = [...new Set(at.map((n) => n % (bytes.length + 1)))].sort((a, b) => a - b);
  const pieces: Uint8Array[] = [];
  let from = 0;
  for (const point of [...points, bytes.length]) {
    pieces.push(bytes.slice(from, point));
    from = point;
  }
  return pieces;
}

/** How a reading ended: the events, then the error's class and message if one was thrown. */
async function read(events: AsyncIterable<unknown>): Promise<{ events: unknown[]; error?: string }> {
  const out: unknown[] = [];
  try {
    for await (const event of events) out.push(event);
    return { events: out };
  } catch (error) {
    return { events: out, error: `${(error as Error).constructor.name}: ${(error as Error).message}` };
  }
}

const sdk = (pieces: Uint8Array[]) => Stream.fromSSEResponse<unknown>(answer(pieces), new AbortController());

describe("eventsOf", () => {
  it("reads what the SDK's decoder reads, the bytes cut anywhere (1,000 cases, fixed seed)", async () => {
    const line = fc.oneof(
      fc.constantFrom(
        'data: {"a":1}',
        'data:{"b":"é😀"}',
        "data: [1,",
        "data: 2]",
        "event: response.output_text.delta",
        ": keep-alive",
        "data: [DONE]",
        'data: {"error":{"message":"overloaded"}}',
        "data: not json",
        "id: 7",
        "",
        "",
      ),
      fc.json().map((json) => `data: ${json}`),
    );
    const ending = fc.constantFrom("\n", "\r\n", "\r");
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(line, ending), { maxLength: 12 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        async (lines, at) => {
          const bytes = encoder.encode(lines.map(([text, end]) => text + end).join(""));
          const pieces = cut(bytes, at);
          const ours = await read(eventsOf(answer(pieces)));
          const theirs = await read(sdk(pieces));
          // The SDK logs the event it cannot parse; its error is the same SyntaxError.
          expect(ours).toEqual(theirs);
        },
      ),
      { seed: 50, numRuns: 1000 },
    );
  });

  it("keeps a character or a \\r\\n split across pieces, and reads no event left without its blank line", async () => {
    const bytes = encoder.encode('data: {"t":"😀é"}\r\n\r\ndata: {"u":2}\n');
    const emoji = bytes.indexOf(0xf0);
    const pieces = cut(bytes, [emoji + 1, emoji + 3, bytes.indexOf(13) + 1]);
    expect(await read(eventsOf(answer(pieces)))).toEqual({ events: [{ t: "😀é" }] });
  });

  it("an event holding `error` is the endpoint's error, without a status", async () => {
    const result = await read(eventsOf(answer([encoder.encode('data: {"error":{"message":"overloaded"}}\n\n')])));
    expect(result.error).toBe("APIError: overloaded");
    let error: unknown;
    try {
      for await (const _ of eventsOf(answer([encoder.encode('data: {"error":{"message":"x"}}\n\n')]))) void _;
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(APIError);
    expect((error as APIError).status).toBeUndefined();
  });

  it("lets the connection go when the reading stops early", async () => {
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode('data: {"n":1}\n\n'));
      },
      cancel() {
        cancelled = true;
      },
    });
    for await (const _ of eventsOf(new Response(body))) break;
    expect(cancelled).toBe(true);
  });
});

describe("a 16-MB event over HTTP (issue 50: the SDK's decoder took 30.8 s of CPU for 16 MB in 8 events)", () => {
  const serve = scriptedServer();
  const huge = "QUJD".repeat(4_000_000);

  it("a Responses stream's text piece arrives as sent", { timeout: 60_000 }, async () => {
    const srv = await serve(responsesStream([huge.slice(0, 10), huge]));
    const client = createClient(providerConfig({ ...DEFAULT_SETTINGS, provider: "openai", baseUrl: srv.url }, "sk-t"), {
      timeoutMs: 60_000,
    });
    const events = await streamedEvents<{ type?: string; delta?: string }>(
      client.responses.create({ model: "gpt-4o", input: "Draw", stream: true }),
    );
    const deltas: string[] = [];
    for await (const event of events) if (event.type === "response.output_text.delta") deltas.push(event.delta ?? "");
    expect(deltas.length).toBe(2);
    expect(deltas[1]!.length).toBe(huge.length);
    expect(deltas[1] === huge).toBe(true);
  });

  it("a chat stream's chunk arrives as sent", { timeout: 60_000 }, async () => {
    const srv = await serve(chatStream([huge]));
    const client = createClient(
      providerConfig({ ...DEFAULT_SETTINGS, provider: "openrouter", baseUrl: srv.url }, "sk-or-t"),
      { timeoutMs: 60_000 },
    );
    const chunks = await chatChunks(client, {
      model: "gpt-4o",
      messages: [{ role: "user", content: "Draw" }],
      stream: true,
    });
    let text = "";
    for await (const chunk of chunks)
      text += (chunk as { choices: { delta: { content?: string } }[] }).choices[0]?.delta.content ?? "";
    expect(text.length).toBe(huge.length);
    expect(text === huge).toBe(true);
  });
});
