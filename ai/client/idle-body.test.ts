/**
 * A body that stops arriving ends the request (issue 38: 9 of 9 stalled streams never ended): over real HTTP against
 * the OpenAI-wire test server, with the SDK client the project makes, a stream held open after its first events
 * fails as a "timeout" ModelError, and the server sees the connection let go (a state the test waits on).
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../contract/settings.js";
import { chatStream, chatJson, responsesStream } from "../../test/openai-server/server.js";
import { scriptedServer } from "../../test/openai-server/scripted.js";
import { toModelError } from "../errors/classify.js";
import { idleGuard } from "./idle-body.js";
import { createClient, providerConfig } from "./providers.js";

const serve = scriptedServer();
const IDLE_MS = 250;

async function failure(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error("expected the request to fail");
}

describe("a body that stops arriving", () => {
  it("a Responses stream held open after 3 of its events ends as a timeout, and the connection is let go", async () => {
    const srv = await serve(responsesStream(["Hello", " there", ", friend"], { holdAfter: 3 }));
    const config = providerConfig({ ...DEFAULT_SETTINGS, provider: "openai", baseUrl: srv.url }, "sk-test-idle");
    const client = createClient(config, { timeoutMs: 60_000, idleMs: IDLE_MS });
    const seen: string[] = [];
    const error = await failure(async () => {
      const stream = await client.responses.create({ model: config.model, input: "hi", stream: true });
      for await (const event of stream) seen.push(event.type);
    });
    expect(seen).toHaveLength(3);
    const mapped = toModelError(error);
    expect(mapped).toMatchObject({ reason: "timeout" });
    expect(mapped.message).toBe("The answer stopped arriving: nothing came for 250 ms.");
    expect(await srv.dropped()).toEqual({ path: "/v1/responses", written: 3 });
  });

  it("a chat stream held open ends the same way; one that flows and a JSON answer are read whole", async () => {
    const srv = await serve(
      { ...chatStream(["a", "b", "c"]), holdAfter: 2 },
      chatStream(["a", "b", "c"]),
      chatJson("whole"),
    );
    const config = providerConfig({ ...DEFAULT_SETTINGS, provider: "custom", baseUrl: srv.url }, "sk-test-idle");
    const client = createClient(config, { timeoutMs: 60_000, idleMs: IDLE_MS });
    const stalled = await failure(async () => {
      const stream = await client.chat.completions.create({
        model: config.model,
        messages: [{ role: "user", content: "hi" }],
        stream: true,
      });
      for await (const chunk of stream) void chunk;
    });
    expect(toModelError(stalled)).toMatchObject({ reason: "timeout" });
    const text: string[] = [];
    const stream = await client.chat.completions.create({
      model: config.model,
      messages: [{ role: "user", content: "hi" }],
      stream: true,
    });
    for await (const chunk of stream) text.push(chunk.choices[0]?.delta.content ?? "");
    expect(text.join("")).toBe("abc");
    const whole = await client.chat.completions.create({
      model: config.model,
      messages: [{ role: "user", content: "hi" }],
    });
    expect(whole.choices[0]!.message.content).toBe("whole");
  });

  it(
    "each read waits afresh: a body whose parts come slower in " +
      "all than the idle time, but each in time, is read whole",
    async () => {
      const parts = ["one ", "two ", "three"];
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          const part = parts.shift();
          if (part === undefined) return controller.close();
          // Each part comes a little under the idle time after the last: together well over it.
          await new Promise((resolve) => setTimeout(resolve, 100));
          controller.enqueue(new TextEncoder().encode(part));
        },
      });
      const guarded = idleGuard(async () => new Response(body, { status: 200 }), 1_000);
      expect(await (await guarded("http://127.0.0.1/")).text()).toBe("one two three");
      const never = new ReadableStream<Uint8Array>({ pull: () => new Promise(() => undefined) });
      const stalled = idleGuard(async () => new Response(never, { status: 200 }), 50);
      await expect((await stalled("http://127.0.0.1/")).text()).rejects.toMatchObject({
        name: "ModelError",
        reason: "timeout",
      });
    },
  );
});
