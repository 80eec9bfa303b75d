/**
 * One generation turn over real HTTP: the official SDK against the local OpenAI-wire test server
 * (test/openai-server), streaming included. Every request body is validated against the OpenAPI spec.
 */
import { describe, expect, it } from "vitest";
import { Cancelled } from "../../kernel/cancelled.js";
import { DEFAULT_SETTINGS } from "../../contract/settings.js";
import { chatStream, responsesStream } from "../../test/openai-server/server.js";
import { scriptedServer, splitInto } from "../../test/openai-server/scripted.js";
import { ModelError } from "../errors/classify.js";
import { generateTurn } from "./generate.js";
import type { ProgressEvent } from "./progress.js";
import type { PromptInput } from "./prompt.js";
import { providerConfig, type ProviderConfig } from "../client/providers.js";

const PNG_1x1 =
  "data:image/png;base64," +
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";
const INPUT: PromptInput = {
  target: "react",
  styling: "css-modules",
  imageDataUrl: PNG_1x1,
  hint: "figment-hint 1\nF 1:2 Login 375x667 f:#fff",
  instructions: "Use semantic HTML.",
};
const ANSWER = JSON.stringify({
  files: [
    {
      path: "src/App.tsx",
      content: 'import { Button } from "./components/Button";\nexport default function App() { return <Button />; }\n',
    },
    { path: "src/components/Button.tsx", content: "export function Button() { return <button>Sign in</button>; }\n" },
  ],
  notes: "Two files.",
});

const chunks = (text: string, n = 7): string[] => splitInto(text, n);

const serve = scriptedServer();

function openai(url: string): ProviderConfig {
  return providerConfig({ ...DEFAULT_SETTINGS, provider: "openai", baseUrl: url }, "sk-test-key-1234");
}
function openrouter(url: string): ProviderConfig {
  return providerConfig({ ...DEFAULT_SETTINGS, provider: "openrouter", baseUrl: url }, "sk-or-test-5678");
}

async function failure(promise: Promise<unknown>): Promise<ModelError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ModelError);
  return error as ModelError;
}

describe("a generation turn over HTTP", () => {
  it("streams a good multi-file answer from the Responses API, reporting file names as they complete", async () => {
    const srv = await serve(responsesStream(chunks(ANSWER), { id: "resp_1" }));
    const events: ProgressEvent[] = [];
    const result = await generateTurn(openai(srv.url), INPUT, { onProgress: (e) => events.push(e) });
    expect(result.files.map((f) => f.path)).toEqual(["src/App.tsx", "src/components/Button.tsx"]);
    expect(result.notes).toBe("Two files.");
    expect(result.conversation).toEqual({ kind: "responses", previousResponseId: "resp_1" });
    expect(events.filter((e) => e.type === "file").map((e) => (e.type === "file" ? e.path : ""))).toEqual([
      "src/App.tsx",
      "src/components/Button.tsx",
    ]);
    const [request] = srv.requests;
    expect(request!.path).toBe("/v1/responses");
    expect(request!.schemaErrors).toEqual([]);
    // The design text travels as delimited data after the image, with detail set.
    const body = JSON.stringify(request!.body);
    expect(body).toContain('"detail":"high"');
    expect(body).toContain("<design>");
  });

  it("refines with previous_response_id and only the new instructions", async () => {
    const srv = await serve(
      responsesStream(chunks(ANSWER), { id: "resp_1" }),
      responsesStream(chunks(ANSWER), { id: "resp_2" }),
    );
    const first = await generateTurn(openai(srv.url), INPUT);
    const second = await generateTurn(openai(srv.url), INPUT, {
      refine: { conversation: first.conversation, instructions: "make the header sticky" },
    });
    expect(second.conversation).toEqual({ kind: "responses", previousResponseId: "resp_2" });
    const body = srv.requests[1]!.body as { previous_response_id?: string; input?: unknown };
    expect(body.previous_response_id).toBe("resp_1");
    expect(JSON.stringify(body.input)).toContain("make the header sticky");
    expect(JSON.stringify(body.input)).not.toContain("input_image");
    expect(srv.requests[1]!.schemaErrors).toEqual([]);
  });

  it("streams chat completions for OpenRouter and keeps the messages for refinement", async () => {
    const srv = await serve(chatStream(chunks(ANSWER)));
    const result = await generateTurn(openrouter(srv.url), INPUT);
    expect(result.files).toHaveLength(2);
    expect(srv.requests[0]!.path).toBe("/v1/chat/completions");
    expect(srv.requests[0]!.schemaErrors).toEqual([]);
    expect((srv.requests[0]!.body as { model: string }).model).toBe("openai/gpt-5.4-image-2");
    expect(result.conversation.kind).toBe("chat");
    if (result.conversation.kind === "chat")
      expect(result.conversation.messages.at(-1)).toEqual({ role: "assistant", content: ANSWER });
  });

  it("malformed JSON from the model is a problem, not a crash, and the raw text is kept", async () => {
    const srv = await serve(responsesStream(['{"files": [ oops'], { id: "resp_bad" }));
    const result = await generateTurn(openai(srv.url), INPUT);
    expect(result.files).toEqual([]);
    expect(result.problems.some((p) => p.severity === "error")).toBe(true);
    expect(result.text).toContain("oops");
  });

  it(
    "a Responses stream that sends response.completed and then " +
      "holds the connection ends at once with the whole answer",
    async () => {
      // One more event waits behind the completed one: the server holds the connection open until the client lets go.
      const held = responsesStream(chunks(ANSWER), { id: "resp_held" });
      const srv = await serve({
        ...held,
        events: [...held.events, { type: "response.output_text.delta", delta: "never sent" }],
        holdAfter: held.events.length,
      });
      // The default idle guard (2 minutes) would fail this test's own 5 s limit: it must not be what ends the read.
      const result = await generateTurn(openai(srv.url), INPUT);
      expect(result.files.map((f) => f.path)).toEqual(["src/App.tsx", "src/components/Button.tsx"]);
      expect(result.conversation).toEqual({ kind: "responses", previousResponseId: "resp_held" });
      expect(await srv.dropped()).toEqual({ path: "/v1/responses", written: held.events.length });
    },
  );

  it(
    "a null choice (which may have held a piece of the text) and a text " +
      "piece that is not text are said in a sentence without JavaScript's words",
    async () => {
      const nullChoice = chatStream(chunks(ANSWER));
      (nullChoice.events as unknown[]).splice(2, 0, {
        id: "c",
        object: "chat.completion.chunk",
        created: 1,
        model: "m",
        choices: [null],
      });
      const numberPiece = chatStream(chunks(ANSWER));
      (numberPiece.events as unknown[]).splice(2, 0, {
        id: "c",
        object: "chat.completion.chunk",
        created: 1,
        model: "m",
        choices: [{ index: 0, delta: { content: 42 }, finish_reason: null }],
      });
      const srv = await serve(nullChoice, numberPiece);
      // The chunks are read as sent (ai/answer/chat-stream.ts): the SDK's copy of each choice threw on a null one, and
      // reading it as nothing dropped its piece of the text without a word (issue 50).
      const nulled = await failure(generateTurn(openrouter(srv.url), INPUT));
      expect(nulled.reason).toBe("bad-output");
      expect(nulled.message).toBe(
        "The endpoint's stream sent an event Figment cannot read (a choice that is null or of another type); " +
          "the answer so far was not used.",
      );
      const error = await failure(generateTurn(openrouter(srv.url), INPUT));
      expect(error.reason).toBe("bad-output");
      expect(error.message).toMatch(
        new RegExp(
          String.raw`^The endpoint's stream sent an event Figment cannot read \(a ` +
            String.raw`text piece that is not text\); the answer so far was not used\.$`,
        ),
      );
    },
  );

  it(
    "a choice that is a huge text is refused as a choice that is null or of another type (its cost, 12 s in " +
      "the SDK's copy of each choice, is the bench's fuzz: slowest case)",
    async () => {
      const huge = chatStream(chunks(ANSWER));
      (huge.events as unknown[]).splice(2, 0, {
        id: "c",
        object: "chat.completion.chunk",
        created: 1,
        model: "m",
        choices: ["QUJD".repeat(1_000_000)],
      });
      const srv = await serve(huge);
      const error = await failure(generateTurn(openrouter(srv.url), INPUT));
      expect(error.reason).toBe("bad-output");
      expect(error.message).toMatch(/\(a choice that is null or of another type\)/);
    },
  );

  it("a reply cut mid-file keeps its complete files and says so in the user's words, not the parser's", async () => {
    const cut = ANSWER.slice(0, ANSWER.indexOf("Sign in"));
    const srv = await serve(chatStream(chunks(cut)), chatStream(chunks(ANSWER.replace('"notes"', '"notes" x'))));
    const kept = await generateTurn(openrouter(srv.url), INPUT);
    expect(kept.files.map((f) => f.path)).toEqual(["src/App.tsx"]);
    expect(kept.problems[0]!.message).toBe(
      "The model's answer ended before its files were complete; kept the 1 complete file.",
    );
    const wrong = await generateTurn(openrouter(srv.url), INPUT);
    expect(wrong.problems[0]!.message).toMatch(
      new RegExp(
        `^The model's answer is not valid JSON: unexpected "x" at ` +
          String.raw`line 1, column \d+; kept the 2 complete files before it\.$`,
      ),
    );
  });

  it("a stream cut off mid-file fails as a connection or truncation error", async () => {
    const srv = await serve(responsesStream(chunks(ANSWER, 10), { id: "resp_cut", cutAfter: 5 }));
    const error = await failure(generateTurn(openai(srv.url), INPUT));
    expect(["offline", "truncated"]).toContain(error.reason);
  });

  it.each([
    [401, "unauthorized"],
    [404, "model-not-found"],
    [500, "server"],
  ] as const)("HTTP %i becomes a %s error with its status", async (status, kind) => {
    const srv = await serve({ kind: "error", status, message: `status ${status}` });
    const error = await failure(generateTurn(openai(srv.url), INPUT));
    expect(error.reason).toBe(kind);
    expect(error.status).toBe(status);
    expect(error.message).toContain(`status ${status}`);
  });

  it("429 carries retry-after", async () => {
    const srv = await serve({ kind: "error", status: 429, message: "slow down", headers: { "retry-after": "3" } });
    const error = await failure(generateTurn(openai(srv.url), INPUT));
    expect(error.reason).toBe("rate-limited");
    expect(error.retryAfterMs).toBe(3000);
  });

  it("500 then success: the next turn goes through", async () => {
    const srv = await serve(
      { kind: "error", status: 500, message: "boom" },
      responsesStream(chunks(ANSWER), { id: "resp_ok" }),
    );
    expect((await failure(generateTurn(openai(srv.url), INPUT))).reason).toBe("server");
    expect((await generateTurn(openai(srv.url), INPUT)).files).toHaveLength(2);
  });

  it("times out on an endpoint that never answers", async () => {
    const srv = await serve({ kind: "hang" });
    const error = await failure(generateTurn(openai(srv.url), INPUT, { timeoutMs: 300 }));
    expect(error.reason).toBe("timeout");
  });

  it("cancel mid-stream aborts at once", async () => {
    const srv = await serve(responsesStream(chunks(ANSWER, 20), { id: "resp_slow", delayMs: 50 }));
    const controller = new AbortController();
    const events: ProgressEvent[] = [];
    const pending = generateTurn(openai(srv.url), INPUT, {
      signal: controller.signal,
      onProgress: (e) => {
        events.push(e);
        if (events.length === 1) controller.abort();
      },
    });
    await expect(pending).rejects.toBeInstanceOf(Cancelled);
  });

  it("needs a key before it sends anything", () => {
    expect(() => providerConfig({ ...DEFAULT_SETTINGS }, "")).toThrow(ModelError);
  });
});
