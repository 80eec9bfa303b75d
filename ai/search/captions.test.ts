/**
 * Captions for Search against the OpenAI-wire test server: bodies validated against the OpenAPI spec (the
 * Responses API for OpenAI, chat completions elsewhere), one picture per request and nothing of the design's
 * text in them, the cache (hit → no request; a changed hash → that frame alone), bounded concurrency, and
 * the failures the panel explains (401, 429 with retry-after, 5xx, timeout, cancel) keeping what finished.
 */
import { afterEach, describe, expect, it } from "vitest";
import { Cancelled } from "../../kernel/cancelled.js";
import { captionReplies, defaultCaption } from "../../test/openai-server/captions.js";
import {
  encodePng,
  startOpenAiServer,
  type OpenAiTestServer,
  type ScriptedReply,
} from "../../test/openai-server/server.js";
import {
  CAPTION_INSTRUCTIONS,
  captionFrames,
  cleanCaption,
  type CachedCaption,
  type CaptionFrame,
} from "./captions.js";
import { ModelError } from "../errors/classify.js";
import type { ProviderConfig } from "../client/providers.js";

let srv: OpenAiTestServer | undefined;
afterEach(async () => {
  await srv?.close();
  srv = undefined;
});

async function server(
  kind: ProviderConfig["kind"] = "responses",
  script: ScriptedReply[] | ((req: { path: string; body: unknown }) => ScriptedReply) = captionReplies(),
): Promise<ProviderConfig> {
  srv = await startOpenAiServer(script);
  return { kind, baseURL: srv.url, model: "gpt-4o-mini", apiKey: "sk-test-captions-7788", headers: {} };
}

const frames = (n: number): CaptionFrame[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `1:${i + 1}`,
    hash: `h${i + 1}`,
    png: new Uint8Array(encodePng(40 + i, 30, { seed: i })),
  }));
const captionOf = (frame: CaptionFrame): string =>
  defaultCaption({ width: 40 + Number(frame.id.split(":")[1]) - 1, height: 30, bytes: Buffer.from(frame.png) });

describe("captionFrames", () => {
  it("sends one picture per request to the Responses API, valid per the spec, with no design text", async () => {
    const config = await server("responses");
    const list = frames(4);
    const progress: number[] = [];
    const result = await captionFrames(config, list, {}, { onProgress: (done) => progress.push(done) });
    expect(result.requests).toBe(4);
    expect(srv!.requests.every((r) => r.path === "/v1/responses" && r.schemaErrors.length === 0)).toBe(true);
    for (const r of srv!.requests) {
      const body = r.body as { instructions: string; input: { content: { type: string; detail?: string }[] }[] };
      expect(body.instructions).toBe(CAPTION_INSTRUCTIONS);
      expect(body.input[0]!.content).toEqual([expect.objectContaining({ type: "input_image", detail: "low" })]);
    }
    for (const frame of list)
      expect(result.cache[frame.id]).toEqual({ hash: frame.hash, model: "gpt-4o-mini", text: captionOf(frame) });
    expect(progress).toEqual([0, 1, 2, 3, 4]);
  });

  it("speaks chat completions to OpenRouter and custom endpoints (spec-valid, the model given)", async () => {
    const config = await server("chat");
    const list = frames(2);
    const result = await captionFrames(config, list, {}, { model: "openai/gpt-4o" });
    expect(srv!.requests.map((r) => [r.path, r.schemaErrors])).toEqual([
      ["/v1/chat/completions", []],
      ["/v1/chat/completions", []],
    ]);
    expect((srv!.requests[0]!.body as { model: string }).model).toBe("openai/gpt-4o");
    expect(result.cache[list[1]!.id]!.model).toBe("openai/gpt-4o");
  });

  it(
    "a cache hit sends nothing; a changed hash or model " + "describes that frame alone; deleted frames drop out",
    async () => {
      const config = await server();
      const list = frames(3);
      const first = await captionFrames(config, list, {});
      srv!.requests.length = 0;
      const again = await captionFrames(config, list, first.cache);
      expect(again.requests).toBe(0);
      expect(srv!.requests).toEqual([]);
      const changed = [list[0]!, { ...list[1]!, hash: "h2-new" }];
      const third = await captionFrames(config, changed, first.cache);
      expect(third.captioned).toEqual(["1:2"]);
      expect(srv!.requests.length).toBe(1);
      expect(Object.keys(third.cache).sort()).toEqual(["1:1", "1:2"]);
      expect((await captionFrames(config, changed, third.cache, { model: "other" })).captioned.sort()).toEqual([
        "1:1",
        "1:2",
      ]);
    },
  );

  it("keeps at most `concurrency` requests in flight", async () => {
    const config = await server("responses", []);
    let open = 0;
    let peak = 0;
    const slow: typeof fetch = async (input, init) => {
      peak = Math.max(peak, ++open);
      await new Promise((r) => setTimeout(r, 20));
      try {
        return await fetch(input, init);
      } finally {
        open--;
      }
    };
    srv!.push(
      ...Array.from(
        { length: 7 },
        (_, i) =>
          ({
            kind: "json",
            body: {
              ...(
                captionReplies()({
                  path: "/v1/responses",
                  body: {
                    input: [
                      {
                        content: [
                          {
                            type: "input_image",
                            image_url:
                              `data:image/png;base64,` +
                              `${Buffer.from(encodePng(8, 8, { seed: i })).toString("base64")}`,
                          },
                        ],
                      },
                    ],
                  },
                }) as { body: object }
              ).body,
            },
          }) as ScriptedReply,
      ),
    );
    const result = await captionFrames(config, frames(7), {}, { concurrency: 2, fetch: slow });
    expect(result.captioned.length).toBe(7);
    expect(peak).toBe(2);
  });

  it.each([
    [401, "unauthorized"],
    [500, "server"],
  ] as const)("HTTP %i → %s, keeping the captions that finished", async (status, kind) => {
    const list = frames(3);
    const config = await server("responses", []);
    const ok = (frame: CaptionFrame): ScriptedReply =>
      captionReplies()({
        path: "/v1/responses",
        body: {
          input: [
            {
              content: [
                {
                  type: "input_image",
                  image_url: `data:image/png;base64,${Buffer.from(frame.png).toString("base64")}`,
                },
              ],
            },
          ],
        },
      });
    srv!.push(ok(list[0]!), { kind: "error", status, message: "nope" });
    const kept: string[] = [];
    const error = await captionFrames(config, list, {}, { concurrency: 1, onCaption: (id) => kept.push(id) }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ModelError);
    expect((error as ModelError).reason).toBe(kind);
    expect((error as ModelError).message).not.toContain("sk-test-captions");
    expect(kept).toEqual(["1:1"]);
    expect(srv!.requests.length).toBe(2);
  });

  it("429 carries the provider's retry-after", async () => {
    const config = await server("responses", [
      { kind: "error", status: 429, message: "slow down", headers: { "retry-after": "7" } },
    ]);
    const error = (await captionFrames(config, frames(1), {}).catch((e: unknown) => e)) as ModelError;
    expect(error.reason).toBe("rate-limited");
    expect(error.retryAfterMs).toBe(7000);
  });

  it("a hanging endpoint times out; cancel stops at once as aborted", async () => {
    const config = await server("responses", [{ kind: "hang" }]);
    const timeout = (await captionFrames(config, frames(1), {}, { timeoutMs: 150 }).catch(
      (e: unknown) => e,
    )) as ModelError;
    expect(timeout.reason).toBe("timeout");
    srv!.push({ kind: "hang" }, { kind: "hang" });
    const controller = new AbortController();
    const before = srv!.requests.length;
    const running = captionFrames(config, frames(2), {}, { signal: controller.signal });
    // Cancelled once a caption request is on its way (a state), not after a guessed time.
    await srv!.requested(before + 1);
    controller.abort();
    await expect(running).rejects.toBeInstanceOf(Cancelled);
  });

  it("an empty answer is bad output; a caption is one tidy line", async () => {
    const config = await server("responses", [
      {
        kind: "json",
        body: {
          ...(
            captionReplies()({
              path: "/v1/responses",
              body: {
                input: [
                  {
                    content: [
                      {
                        type: "input_image",
                        image_url: `data:image/png;base64,${Buffer.from(encodePng(4, 4)).toString("base64")}`,
                      },
                    ],
                  },
                ],
              },
            }) as { body: { output: { content: { text: string }[] }[] } }
          ).body,
          output: [],
        },
      },
    ]);
    expect(((await captionFrames(config, frames(1), {}).catch((e: unknown) => e)) as ModelError).reason).toBe(
      "bad-output",
    );
    expect(cleanCaption("**Login** screen\n\n- a form\n")).toBe("Login screen - a form");
    expect(cleanCaption("word ".repeat(300)).length).toBeLessThanOrEqual(601);
  });

  it("cached entries are reused only for the same hash and model", async () => {
    const config = await server("responses", []);
    const cache: Record<string, CachedCaption> = { "1:1": { hash: "h1", model: "gpt-4o-mini", text: "kept" } };
    const result = await captionFrames(config, frames(1), cache);
    expect(result.cache["1:1"]!.text).toBe("kept");
    expect(srv!.requests).toEqual([]);
  });
});
