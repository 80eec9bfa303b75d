/**
 * The worker's image requests over real HTTP against the OpenAI-wire test server: `image-prepare` (design hint,
 * per-field problems, estimate — nothing sent) and `generate-image` (partial images, reasoning and usage as
 * events, then the images, what a refinement builds on, and the usage's cost), every message read back
 * through the protocol's checks as the panel reads it; failures as data with the kind the panel explains.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it, vi } from "vitest";
import { DEFAULT_SETTINGS, type Settings } from "../../../contract/settings.js";
import { encodePng, imageReply, moderationError, secretDigest } from "../../../test/openai-server/server.js";
import { scriptedServer } from "../../../test/openai-server/scripted.js";
import type { ImageRequestData } from "../protocol/image.js";
import {
  parseEngineMessage,
  type BodyOf,
  type EngineReply,
  type ImageEvent,
  type OkReply,
  type RequestOf,
} from "../protocol/index.js";
import { imageJobs } from "./image.js";
import { runJob } from "./run.js";

const KEY = "sk-test-image-job-4455";
const serve = scriptedServer();
const LOGIN = JSON.parse(
  readFileSync(new URL("../../../test/fixtures/figma/figmasharp-login.file.json", import.meta.url), "utf8"),
) as unknown;

const base: ImageRequestData = {
  prompt: "a hero shot for a tea brand",
  size: { width: 256, height: 256 },
  quality: "low",
  count: 1,
  partials: 2,
  references: [],
};
const settings = (url: string, patch: Partial<Settings> = {}): Settings => ({
  ...DEFAULT_SETTINGS,
  provider: "openai",
  baseUrl: url,
  ...patch,
});

/** Reads a worker message as the panel does. */
function read(message: unknown): EngineReply {
  const parsed = parseEngineMessage(message);
  if (!("reply" in parsed)) throw new Error("expected a reply");
  return parsed.reply;
}

/** The reply as the ok kind expected (the test fails otherwise). */
function okOf<K extends OkReply["kind"]>(reply: EngineReply, kind: K): Extract<OkReply, { kind: K }> {
  if (!reply.ok || reply.kind !== kind) throw new Error(`expected ${kind}, got ${JSON.stringify(reply).slice(0, 300)}`);
  return reply as Extract<OkReply, { kind: K }>;
}

/** `image-prepare` as the worker runs it. */
const prepareImage = (request: RequestOf<"image-prepare">) =>
  runJob(imageJobs, request, { signal: new AbortController().signal, emit: () => undefined });

async function generate(request: BodyOf<"generate-image">, signal = new AbortController().signal) {
  const events: ImageEvent[] = [];
  const transfers: ArrayBuffer[][] = [];
  const emit = (event: ImageEvent, transfer?: ArrayBuffer[]): void => {
    const parsed = parseEngineMessage({ id: "w1", event });
    if (!("event" in parsed)) throw new Error("expected an event");
    events.push(parsed.event.event as ImageEvent);
    transfers.push(transfer ?? []);
  };
  const reply = await runJob(imageJobs, { kind: "generate-image", id: "w1", ...request }, { signal, emit });
  return { reply: read(reply), events, transfers };
}

describe("image-prepare in the worker", () => {
  it("estimates the Images API request for the size and quality; nothing is sent", async () => {
    const reply = okOf(
      read(
        await prepareImage({
          kind: "image-prepare",
          id: "p1",
          settings: DEFAULT_SETTINGS,
          reasonFirst: false,
          request: { ...base, size: { width: 1024, height: 1024 }, quality: "high" },
        }),
      ),
      "image-prepare",
    );
    expect(reply).toMatchObject({
      ok: true,
      kind: "image-prepare",
      problems: [],
      api: "images",
      model: "gpt-image-2",
      imageModel: "gpt-image-2",
    });
    expect(reply.estimate?.outputTokensPerImage).toBe(7024);
    expect(reply.estimate?.costUsd).toBeGreaterThan(0.2);
  });

  it("the selection's structure becomes the design hint; Reason first goes to the Responses API", async () => {
    const reply = okOf(
      read(
        await prepareImage({
          kind: "image-prepare",
          id: "p2",
          settings: DEFAULT_SETTINGS,
          reasonFirst: true,
          request: { ...base, references: [{ bytes: new Uint8Array(encodePng(64, 48)), name: "Login.png" }] },
          exports: [{ id: "101:3", json: LOGIN }],
        }),
      ),
      "image-prepare",
    );
    expect(reply.api).toBe("responses");
    expect(reply.model).toBe(DEFAULT_SETTINGS.model);
    expect(reply.designHint).toMatch(/^figment-hint/);
    expect(reply.estimate?.imageTokens).toBeGreaterThan(0);
  });

  it("problems name their field; no estimate then", async () => {
    const reply = okOf(
      read(
        await prepareImage({
          kind: "image-prepare",
          id: "p3",
          settings: DEFAULT_SETTINGS,
          reasonFirst: true,
          request: { ...base, prompt: " ", size: { width: 1000, height: 1000 }, count: 2 },
        }),
      ),
      "image-prepare",
    );
    expect(reply.problems.map((p) => p.field).sort()).toEqual(["count", "prompt", "size"]);
    expect(reply.problems.find((p) => p.field === "size")?.message).toContain("992×992");
    expect(reply.estimate).toBeUndefined();
  });
});

describe("generate-image in the worker", () => {
  it("streams partial images, then the image, usage and its cost; the key goes only in the header", async () => {
    const srv = await serve(imageReply());
    const {
      reply: raw,
      events,
      transfers,
    } = await generate({
      settings: settings(srv.url),
      reasonFirst: false,
      apiKey: KEY,
      request: base,
      timeoutMs: 10_000,
    });
    const reply = okOf(raw, "generate-image");
    expect(
      events.filter((e) => e.type === "image-partial").map((e) => (e.type === "image-partial" ? e.index : -1)),
    ).toEqual([0, 1]);
    // Each partial goes as its PNG bytes, the whole buffer transferred to the panel (not copied).
    events.forEach((event, i) => {
      if (event.type !== "image-partial") return expect(transfers[i]).toEqual([]);
      expect([...event.bytes.subarray(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
      expect(transfers[i]).toEqual([event.bytes.buffer]);
      expect(event.bytes.byteLength).toBe(event.bytes.buffer.byteLength);
    });
    expect(events.some((e) => e.type === "image-done")).toBe(true);
    expect(reply).toMatchObject({ ok: true, kind: "generate-image", api: "images", model: "gpt-image-2", partials: 2 });
    expect(reply.images).toHaveLength(1);
    expect(reply.images[0]).toMatchObject({ format: "png", width: 256, height: 256 });
    expect(reply.usage?.image?.outputTokens).toBeGreaterThan(0);
    expect(reply.costUsd).toBeGreaterThan(0);
    expect(srv.requests[0]!.path).toBe("/v1/images/generations");
    expect(srv.requests[0]!.schemaErrors).toEqual([]);
    expect(srv.requests[0]!.secretDigests["authorization"]).toBe(secretDigest(`Bearer ${KEY}`));
    expect(JSON.stringify(reply)).not.toContain(KEY);
  });

  it(
    "Reason first: the reasoning streams as text and the " + "response id comes back for a refinement, which sends it",
    async () => {
      const srv = await serve(
        imageReply({ reasoning: ["Plan: a warm ", "morning light."], responseId: "resp_first" }),
        imageReply({ responseId: "resp_second" }),
      );
      const first = await generate({
        settings: settings(srv.url),
        reasonFirst: true,
        apiKey: KEY,
        request: { ...base, partials: 1 },
        timeoutMs: 10_000,
      });
      expect(
        first.events
          .filter((e) => e.type === "image-text")
          .map((e) => (e.type === "image-text" ? e.delta : ""))
          .join(""),
      ).toBe("Plan: a warm morning light.");
      expect(okOf(first.reply, "generate-image").conversation).toEqual({ previousResponseId: "resp_first" });
      await generate({
        settings: settings(srv.url),
        reasonFirst: true,
        apiKey: KEY,
        request: { ...base, prompt: "warmer", partials: 0, refine: { previousResponseId: "resp_first" } },
        timeoutMs: 10_000,
      });
      expect((srv.requests[1]!.body as { previous_response_id?: string }).previous_response_id).toBe("resp_first");
      expect(srv.requests[1]!.schemaErrors).toEqual([]);
    },
  );

  it("an Images API refinement is an edit with the version's image", async () => {
    const srv = await serve(imageReply());
    const image = new Uint8Array(encodePng(32, 32, { seed: 7 }));
    await generate({
      settings: settings(srv.url),
      reasonFirst: false,
      apiKey: KEY,
      request: { ...base, prompt: "warmer", refine: { image: { bytes: image, name: "version-1.png" } } },
      timeoutMs: 10_000,
    });
    expect(srv.requests[0]!.path).toBe("/v1/images/edits");
    expect(srv.requests[0]!.files[0]?.bytes).toEqual(Buffer.from(image));
  });

  it.each([
    [moderationError(), "moderation", 400],
    [
      { kind: "error" as const, status: 429, message: "Rate limit reached", headers: { "retry-after": "3" } },
      "rate-limited",
      429,
    ],
  ])("a refused request comes back as data (%#)", async (failure, kind, status) => {
    const srv = await serve(failure);
    const { reply } = await generate({
      settings: settings(srv.url),
      reasonFirst: false,
      apiKey: KEY,
      request: base,
      timeoutMs: 10_000,
    });
    expect(reply).toMatchObject({ ok: false, failure: { reason: kind, data: { status } } });
    expect(JSON.stringify(reply)).not.toContain(KEY);
  });

  it("a request that fails its check is refused as bad input and nothing is sent", async () => {
    const srv = await serve(imageReply());
    const { reply } = await generate({
      settings: settings(srv.url),
      reasonFirst: false,
      apiKey: KEY,
      request: { ...base, size: { width: 1000, height: 1000 } },
      timeoutMs: 10_000,
    });
    expect(reply).toMatchObject({ ok: false, failure: { kind: "input" } });
    expect(srv.requests).toHaveLength(0);
  });

  it("abort stops it at once as 'aborted', with no images", async () => {
    // One partial, then the stream stays open: the abort always meets a running request.
    const srv = await serve(imageReply({ holdAfter: 1 }));
    const controller = new AbortController();
    const running = generate(
      {
        settings: settings(srv.url),
        reasonFirst: false,
        apiKey: KEY,
        request: { ...base, partials: 3 },
        timeoutMs: 10_000,
      },
      controller.signal,
    );
    await vi.waitFor(() => expect(srv.writes).toHaveLength(1), { timeout: 30_000 });
    controller.abort();
    const { reply } = await running;
    expect(reply).toMatchObject({ ok: false, failure: { kind: "cancelled" } });
  });
});
