/**
 * generateImages over real HTTP: the official SDK against the OpenAI-wire test server, for the three paths,
 * with partial images, text, usage, refinements, cancel and every failure. Request bodies are checked
 * against the spec; the images are the server's real PNG bytes.
 */
import { describe, expect, it } from "vitest";
import { Cancelled } from "../../kernel/cancelled.js";
import { DEFAULT_SETTINGS } from "../../contract/settings.js";
import { encodePng } from "../../test/openai-server/png.js";
import { scriptedServer } from "../../test/openai-server/scripted.js";
import { imageReply, moderationError } from "../../test/openai-server/server.js";
import { ModelError } from "../errors/classify.js";
import { decodePng } from "../mask/png.js";
import { ImageOptionsError } from "./check.js";
import { imageConfig, type ImageConfig } from "./config.js";
import { generateImages } from "./generate.js";
import type { ImageProgress } from "./result.js";

const serve = scriptedServer();
const KEY = "sk-test-generate-7777";
const openai = (url: string, api: "images" | "responses" = "images"): ImageConfig =>
  imageConfig({ ...DEFAULT_SETTINGS, provider: "openai", baseUrl: url }, KEY, { api });
const openrouter = (url: string): ImageConfig =>
  imageConfig({ ...DEFAULT_SETTINGS, provider: "openrouter", baseUrl: url }, KEY);
const SQUARE = { width: 1024, height: 1024 };
/** The server's PNG as plain bytes (encodePng gives a Buffer). */
const png = (width: number, height: number, seed: number): Uint8Array =>
  new Uint8Array(encodePng(width, height, { seed }));

async function failure(promise: Promise<unknown>): Promise<ModelError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ModelError);
  return error as ModelError;
}

const kinds = (events: ImageProgress[]): string[] =>
  events.map((e) =>
    e.type === "partial"
      ? `partial ${e.image}.${e.index}`
      : e.type === "image"
        ? `image ${e.image}`
        : e.type === "text"
          ? `text ${e.channel}`
          : "usage",
  );

describe("the Images API", () => {
  it("streams partial images, then the image as served with its size and usage", async () => {
    const srv = await serve(imageReply());
    const events: ImageProgress[] = [];
    const result = await generateImages(
      openai(srv.url),
      { prompt: "A tea brand hero", size: { width: 1536, height: 1024 }, partials: 2 },
      { onProgress: (e) => events.push(e) },
    );
    expect(srv.requests[0]!.schemaErrors).toEqual([]);
    expect(srv.requests[0]!.path).toBe("/v1/images/generations");
    expect(kinds(events)).toEqual(["partial 0.0", "partial 0.1", "image 0", "usage"]);
    expect(result.images).toHaveLength(1);
    const image = result.images[0]!;
    expect(image).toMatchObject({ format: "png", width: 1536, height: 1024 });
    expect(image.bytes).toEqual(png(1536, 1024, 1));
    const partial = events[0]!;
    expect(partial.type === "partial" && partial.bytes).toEqual(png(1536, 1024, 2));
    expect(result.usage?.image).toMatchObject({ outputTokens: (1536 * 1024) / 256 + 200, inputImageTokens: 0 });
    expect(result).toMatchObject({
      api: "images",
      model: "gpt-image-2",
      imageModel: "gpt-image-2",
      partials: 2,
      reasoning: "",
      message: "",
    });
    expect(result.responseId).toBeUndefined();
  });

  it("runs one streamed request per image when several images stream partials, numbering them in order", async () => {
    const srv = await serve(imageReply({ seed: 1 }), imageReply({ seed: 21 }), imageReply({ seed: 41 }));
    const events: ImageProgress[] = [];
    const result = await generateImages(
      openai(srv.url),
      { prompt: "Icons", size: SQUARE, count: 3, partials: 1 },
      { onProgress: (e) => events.push(e) },
    );
    expect(srv.requests).toHaveLength(3);
    for (const request of srv.requests) expect(request.body).toMatchObject({ n: 1, stream: true, partial_images: 1 });
    expect(result.images.map((i) => i.bytes)).toEqual([1, 21, 41].map((seed) => png(1024, 1024, seed)));
    expect(
      events
        .filter((e) => e.type === "partial")
        .map((e) => (e.type === "partial" ? e.image : -1))
        .sort(),
    ).toEqual([0, 1, 2]);
    expect(result.usage?.image?.outputTokens).toBe(3 * (4096 + 100));
  });

  it("asks for several images in one JSON request when no partials are wanted", async () => {
    const srv = await serve(imageReply({ revisedPrompt: "icons, flat" }));
    const result = await generateImages(openai(srv.url), { prompt: "Icons", size: SQUARE, count: 2 });
    expect(srv.requests).toHaveLength(1);
    expect(srv.requests[0]!.body).toMatchObject({ n: 2 });
    expect(result.images).toHaveLength(2);
    expect(result.revisedPrompt).toBe("icons, flat");
  });

  it("edits with references: the exact bytes go up as multipart files", async () => {
    const srv = await serve(imageReply());
    const ref = { bytes: png(300, 200, 7), name: "frame.png" };
    const result = await generateImages(openai(srv.url), {
      prompt: "Polish this wireframe",
      references: [ref],
      partials: 1,
      size: SQUARE,
    });
    const request = srv.requests[0]!;
    expect(request.path).toBe("/v1/images/edits");
    expect(request.schemaErrors).toEqual([]);
    expect(request.files).toHaveLength(1);
    expect(new Uint8Array(request.files[0]!.bytes)).toEqual(ref.bytes);
    expect(request.files[0]!.filename).toBe("frame.png");
    expect(result.images[0]!.width).toBe(1024);
  });
});

describe("inpainting with the Images API", () => {
  it(
    "repaints the masked area: the image and its mask go up as multipart " +
      "files, the mask checked by the server (PNG with alpha, the image's size)",
    async () => {
      const srv = await serve(imageReply());
      const image = { bytes: png(96, 64, 3), name: "photo.png" };
      const coverage = new Uint8Array(96 * 64);
      for (let y = 10; y < 30; y++) coverage.fill(255, y * 96 + 20, y * 96 + 60);
      await generateImages(openai(srv.url), {
        prompt: "A brass lamp on the desk",
        refine: { image },
        mask: { width: 96, height: 64, coverage },
        size: SQUARE,
      });
      const request = srv.requests[0]!;
      expect(request.path).toBe("/v1/images/edits");
      expect(request.schemaErrors).toEqual([]);
      expect(request.files.map((f) => [f.field, f.filename, f.contentType])).toEqual([
        ["image", "photo.png", "image/png"],
        ["mask", "mask.png", "image/png"],
      ]);
      const sent = decodePng(new Uint8Array(request.files[1]!.bytes));
      expect([sent.width, sent.height]).toEqual([96, 64]);
      const alpha = (x: number, y: number): number => sent.rgba[(y * 96 + x) * 4 + 3]!;
      expect([alpha(20, 10), alpha(59, 29), alpha(19, 10), alpha(60, 29), alpha(20, 30)]).toEqual([
        0, 0, 255, 255, 255,
      ]);
    },
  );

  it("a mask of another size than the image is refused before anything is sent", async () => {
    const srv = await serve(imageReply());
    const error = await generateImages(openai(srv.url), {
      prompt: "p",
      refine: { image: { bytes: png(96, 64, 3) } },
      mask: { width: 64, height: 64, coverage: new Uint8Array(64 * 64).fill(255) },
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImageOptionsError);
    expect((error as ImageOptionsError).problems).toEqual([
      {
        field: "mask",
        message: "The mask is 64 × 64 px but the image is 96 × 64 px: a mask must be the image's size.",
      },
    ]);
    expect(srv.requests).toEqual([]);
  });
});

describe("the Responses API", () => {
  it("streams the reasoning and message text with partials; keeps the response id for a refinement", async () => {
    const srv = await serve(
      imageReply({
        responseId: "resp_first",
        reasoning: ["Wide, ", "calm."],
        text: ["Done."],
        revisedPrompt: "a calm wide hero",
      }),
      imageReply({ responseId: "resp_second" }),
    );
    const events: ImageProgress[] = [];
    const config = openai(srv.url, "responses");
    const first = await generateImages(
      config,
      { prompt: "A hero", size: { width: 1536, height: 1024 }, partials: 1, designHint: "figment-hint 1" },
      { onProgress: (e) => events.push(e) },
    );
    expect(srv.requests[0]!.schemaErrors).toEqual([]);
    expect(kinds(events)).toEqual([
      "text reasoning",
      "text reasoning",
      "partial 0.0",
      "image 0",
      "text message",
      "usage",
    ]);
    expect(first).toMatchObject({
      api: "responses",
      responseId: "resp_first",
      revisedPrompt: "a calm wide hero",
      reasoning: "Wide, calm.",
      message: "Done.",
      conversation: { kind: "responses", previousResponseId: "resp_first" },
    });
    expect(first.images[0]).toMatchObject({ width: 1536, height: 1024, format: "png" });
    expect(first.usage?.model?.reasoningTokens).toBeGreaterThan(0);
    expect(first.usage?.image?.outputTokens).toBe((1536 * 1024) / 256 + 100);

    const second = await generateImages(config, {
      prompt: "make it warmer",
      refine: { conversation: first.conversation!, image: first.images[0]! },
    });
    expect(srv.requests[1]!.schemaErrors).toEqual([]);
    expect(srv.requests[1]!.body).toMatchObject({
      previous_response_id: "resp_first",
      input: [
        {
          role: "user",
          content: [{ type: "input_text", text: "Change the image you made as the user asks:\nmake it warmer" }],
        },
      ],
    });
    expect(second.responseId).toBe("resp_second");
  });

  it("a refused image call is moderation; a turn without an image says what the model said", async () => {
    const srv = await serve(
      imageReply({
        failImage: { code: "moderation_blocked", message: "Your request was rejected by the safety system." },
      }),
      imageReply({ noImage: true, text: ["I would rather not draw that."] }),
    );
    const refused = await failure(generateImages(openai(srv.url, "responses"), { prompt: "x" }));
    expect(refused.reason).toBe("moderation");
    expect(refused.message).toContain("rejected by the safety system");
    const words = await failure(generateImages(openai(srv.url, "responses"), { prompt: "x" }));
    expect(words.reason).toBe("refusal");
    expect(words.message).toBe("The model answered without drawing an image: I would rather not draw that.");
  });
});

describe("chat completions (OpenRouter)", () => {
  it("reads the image from delta.images, keeps the messages and refines with the image attached again", async () => {
    const srv = await serve(imageReply({ text: ["A poster."] }), imageReply());
    const events: ImageProgress[] = [];
    const config = openrouter(srv.url);
    const first = await generateImages(
      config,
      { prompt: "A poster", size: { width: 1536, height: 1024 } },
      { onProgress: (e) => events.push(e) },
    );
    expect(srv.requests[0]!.schemaErrors).toEqual([]);
    expect(srv.requests[0]!.headers["x-title"]).toBe("Figment");
    expect(kinds(events)).toEqual(["text message", "image 0", "usage"]);
    expect(first.images[0]).toMatchObject({ width: 1536, height: 1024 });
    expect(first.conversation?.kind).toBe("chat");
    const kept = first.conversation?.kind === "chat" ? first.conversation.messages : [];
    expect(kept.at(-1)).toEqual({ role: "assistant", content: "A poster." });

    await generateImages(config, {
      prompt: "bigger title",
      refine: { conversation: first.conversation!, image: first.images[0]! },
    });
    const body = srv.requests[1]!.body as { messages: { role: string; content: unknown }[] };
    expect(srv.requests[1]!.schemaErrors).toEqual([]);
    expect(body.messages).toHaveLength(kept.length + 1);
    expect(JSON.stringify(body.messages.at(-1))).toContain("data:image/png;base64,");
  });
});

describe("failures and cancel", () => {
  it("nothing is sent when the parameters fail their checks", async () => {
    const srv = await serve();
    const error = await generateImages(openai(srv.url), {
      prompt: "p",
      size: { width: 1000, height: 1000 },
      count: 9,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImageOptionsError);
    expect((error as ImageOptionsError).problems.map((p) => p.field)).toEqual(["size", "count"]);
    expect(srv.requests).toEqual([]);
  });

  it("maps moderation, rate limits (after the SDK's retries) and server errors", async () => {
    const srv = await serve(
      moderationError(),
      { kind: "error", status: 429, message: "slow down", headers: { "retry-after-ms": "5" } },
      { kind: "error", status: 429, message: "slow down", headers: { "retry-after-ms": "5" } },
      { kind: "error", status: 503, message: "overloaded" },
    );
    const moderated = await failure(generateImages(openai(srv.url), { prompt: "x" }));
    expect(moderated).toMatchObject({ reason: "moderation", status: 400 });
    expect(moderated.message).toMatch(/^The provider's safety system refused the request: Your request was rejected/);
    const limited = await failure(generateImages(openai(srv.url), { prompt: "x" }, { maxRetries: 1 }));
    expect(limited).toMatchObject({ reason: "rate-limited", status: 429, retryAfterMs: 5 });
    expect(srv.requests).toHaveLength(3);
    expect((await failure(generateImages(openai(srv.url), { prompt: "x" }))).reason).toBe("server");
  });

  it("one failing request of a batch stops the others and fails the whole", async () => {
    // The image's stream stays open after its partial: it cannot finish before the other request fails.
    const srv = await serve(imageReply({ holdAfter: 1 }), { kind: "error", status: 500, message: "boom" });
    const events: ImageProgress[] = [];
    const error = await failure(
      generateImages(
        openai(srv.url),
        { prompt: "x", size: SQUARE, count: 2, partials: 1 },
        { onProgress: (e) => events.push(e) },
      ),
    );
    expect(error.reason).toBe("server");
    // Stopped: the held request was dropped by the client (a state; it never ends on its own).
    expect(await srv.dropped()).toEqual({ path: "/v1/images/generations", written: 1 });
    expect(events.filter((e) => e.type === "image")).toEqual([]);
  });

  it("cancel mid-stream: aborted at once, no progress after it", async () => {
    // Two partials sent (the second may reach the client with the first), then held open: only the cancel ends it.
    const srv = await serve(imageReply({ holdAfter: 2 }));
    const controller = new AbortController();
    const events: ImageProgress[] = [];
    const run = generateImages(
      openai(srv.url),
      { prompt: "x", size: SQUARE, partials: 3 },
      {
        signal: controller.signal,
        onProgress: (e) => {
          events.push(e);
          if (e.type === "partial") controller.abort();
        },
      },
    );
    await expect(run).rejects.toBeInstanceOf(Cancelled);
    // The connection is closed: nothing more can arrive.
    expect(await srv.dropped()).toEqual({ path: "/v1/images/generations", written: 2 });
    expect(kinds(events)).toEqual(["partial 0.0"]);
  });

  it("a cut stream is truncated; bytes that are no image are bad output", async () => {
    const srv = await serve(imageReply({ cutAfter: 1 }), {
      kind: "json",
      body: { created: 1, data: [{ b64_json: Buffer.from("<html>hi</html>").toString("base64") }] },
    });
    expect((await failure(generateImages(openai(srv.url), { prompt: "x", partials: 2 }))).reason).toBe("truncated");
    const bad = await failure(generateImages(openai(srv.url), { prompt: "x" }));
    expect(bad.reason).toBe("bad-output");
    expect(bad.message).toMatch(/15 bytes that are not a PNG, JPEG, WebP or GIF/);
  });

  it(
    "an answer with more images than asked, or an image " + "of a size no model makes, is bad output (issue 38)",
    async () => {
      const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString("base64");
      /** A real PNG whose header then states another size (IHDR's width and height, big-endian, at bytes 16 and 20). */
      const claiming = (width: number, height: number): Uint8Array => {
        const bytes = png(8, 8, 3);
        const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
        view.setUint32(16, width);
        view.setUint32(20, height);
        return bytes;
      };
      const srv = await serve(
        {
          kind: "json",
          body: { created: 1, data: [{ b64_json: b64(png(16, 16, 1)) }, { b64_json: b64(png(16, 16, 2)) }] },
        },
        { kind: "json", body: { created: 1, data: [{ b64_json: b64(claiming(0, 0)) }] } },
        { kind: "json", body: { created: 1, data: [{ b64_json: b64(claiming(2147418176, 2147418176)) }] } },
      );
      const two = await failure(generateImages(openai(srv.url), { prompt: "x" }));
      expect([two.reason, two.message]).toEqual(["bad-output", "The endpoint sent more images than the 1 asked for."]);
      const empty = await failure(generateImages(openai(srv.url), { prompt: "x" }));
      expect([empty.reason, empty.message]).toEqual([
        "bad-output",
        "The endpoint sent an image of 0×0 px, a size no image model makes (1 to 16,384 px a side).",
      ]);
      const huge = await failure(generateImages(openai(srv.url), { prompt: "x" }));
      expect(huge.message).toBe(
        "The endpoint sent an image of 2,147,418,176×2,147,418,176 " +
          "px, a size no image model makes (1 to 16,384 px a side).",
      );
    },
  );
});
