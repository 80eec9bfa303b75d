/**
 * The test server's image answers against the official SDK over real HTTP: Images API generations and
 * edits (JSON and multipart, streamed partials), the Responses image_generation tool's events, OpenRouter's
 * chat image replies, and the failures (moderation, 429, 5xx). Request bodies are checked against the spec;
 * the images are real PNGs of the asked size; reply shapes validate where the spec describes them.
 */
import OpenAI, { BadRequestError, InternalServerError, RateLimitError, toFile } from "openai";
import type { ChatCompletionCreateParamsStreaming } from "openai/resources/chat/completions";
import type { ImageEditStreamEvent, ImageGenStreamEvent } from "openai/resources/images";
import type { ResponseStreamEvent } from "openai/resources/responses/responses";
import { afterEach, describe, expect, it } from "vitest";
import { encodePng, pixelOf } from "./png.js";
import type { WireStreamEvent } from "./replies.js";
import { imageReply, moderationError, startOpenAiServer, type OpenAiTestServer, type ScriptedReply } from "./server.js";
import { formAsJson, validateAgainst, validateRequest } from "./validate.js";

let server: OpenAiTestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(...replies: ScriptedReply[]): Promise<{ srv: OpenAiTestServer; client: OpenAI }> {
  server = await startOpenAiServer(replies);
  return { srv: server, client: new OpenAI({ apiKey: "sk-test-img-0001", baseURL: server.url, maxRetries: 0 }) };
}

const png = (b64: string): Buffer => Buffer.from(b64, "base64");
const sizeOf = (bytes: Buffer): string => `${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`;

describe("the Images API", () => {
  it("generates n images of the asked size as JSON, with usage; the body passes CreateImageRequest", async () => {
    const { srv, client } = await start(imageReply({ revisedPrompt: "a teapot, studio light" }));
    const reply = await client.images.generate({
      model: "gpt-image-2",
      prompt: "a teapot",
      n: 2,
      size: "1536x1024",
      output_format: "png",
    });
    expect(srv.requests[0]!.schemaErrors).toEqual([]);
    expect(reply.data).toHaveLength(2);
    const [a, b] = reply.data!.map((d) => png(d.b64_json!));
    expect(a!.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(sizeOf(a!)).toBe("1536x1024");
    expect(a!.equals(b!)).toBe(false);
    expect(reply.data![0]!.revised_prompt).toBe("a teapot, studio light");
    expect(reply.usage).toMatchObject({ input_tokens: 2, output_tokens: (2 * (1536 * 1024)) / 256 });
    expect(reply.size).toBe("1536x1024");
  });

  it("streams partial images, then the completed image with usage (named SSE events)", async () => {
    const { srv, client } = await start(imageReply());
    const stream = await client.images.generate({
      model: "gpt-image-2",
      prompt: "a teapot",
      size: "1024x1024",
      stream: true,
      partial_images: 2,
    });
    const events: ImageGenStreamEvent[] = [];
    for await (const event of stream) events.push(event);
    expect(events.map((e) => e.type)).toEqual([
      "image_generation.partial_image",
      "image_generation.partial_image",
      "image_generation.completed",
    ]);
    const [p0, p1, done] = events.map((e) => png(e.b64_json));
    for (const bytes of [p0!, p1!, done!]) expect(sizeOf(bytes)).toBe("1024x1024");
    // Each partial is a different picture from the final one.
    expect(pixelOf(p0!, 0)).not.toEqual(pixelOf(done!, 0));
    expect(pixelOf(p1!, 0)).not.toEqual(pixelOf(p0!, 0));
    expect(events[2]).toMatchObject({ type: "image_generation.completed", usage: { output_tokens: 4096 + 200 } });
    const writes = srv.writes.map((w) => w.chunk);
    expect(writes[0]).toMatch(/^event: image_generation\.partial_image\ndata: /);
    expect(writes.join("")).not.toContain("[DONE]");
  });

  it("pauseAtPartials holds the stream after each partial until resume(), counted per stream", async () => {
    const { srv, client } = await start(imageReply({ pauseAtPartials: 2 }), imageReply({ pauseAtPartials: 2 }));
    const ask = () =>
      client.images.generate({ model: "gpt-image-2", prompt: "a teapot", stream: true, partial_images: 2 });
    const events = (await ask())[Symbol.asyncIterator]();
    expect((await events.next()).value).toMatchObject({ partial_image_index: 0 });
    // Paused after the first partial: nothing else can have been written.
    expect(srv.writes).toHaveLength(1);
    srv.resume();
    expect((await events.next()).value).toMatchObject({ partial_image_index: 1 });
    expect(srv.writes).toHaveLength(2);
    srv.resume();
    expect((await events.next()).value).toMatchObject({ type: "image_generation.completed" });
    expect((await events.next()).done).toBe(true);
    // Two resumes so far: a stream reaching its pauses afterwards passes both without waiting.
    const later: ImageGenStreamEvent[] = [];
    for await (const event of await ask()) later.push(event);
    expect(later.map((e) => e.type)).toHaveLength(3);
  });

  it("serves a transparent background as RGBA", async () => {
    const { client } = await start(imageReply());
    const reply = await client.images.generate({
      model: "gpt-image-2",
      prompt: "an icon",
      size: "1024x1024",
      background: "transparent",
    });
    const bytes = png(reply.data![0]!.b64_json!);
    expect(bytes[25]).toBe(6); // colour type RGBA
    expect(pixelOf(bytes, 1023)[3]).toBe(0);
  });

  it(
    "edits with reference images uploaded as multipart: exact " +
      "bytes kept, form validated as CreateImageEditRequest",
    async () => {
      const { srv, client } = await start(imageReply());
      const first = encodePng(64, 48, { seed: 5 });
      const second = encodePng(32, 32, { seed: 6 });
      const stream = await client.images.edit({
        model: "gpt-image-2",
        prompt: "make it a poster",
        image: [
          await toFile(first, "frame.png", { type: "image/png" }),
          await toFile(second, "logo.png", { type: "image/png" }),
        ],
        size: "1920x1088",
        n: 1,
        stream: true,
        partial_images: 1,
      });
      const events: ImageEditStreamEvent[] = [];
      for await (const event of stream) events.push(event);
      expect(events.map((e) => e.type)).toEqual(["image_edit.partial_image", "image_edit.completed"]);
      expect(sizeOf(png(events[1]!.b64_json))).toBe("1920x1088");
      const request = srv.requests[0]!;
      expect(request.path).toBe("/v1/images/edits");
      expect(request.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
      expect(request.schemaErrors).toEqual([]);
      expect(request.files.map((f) => [f.field, f.filename, f.contentType])).toEqual([
        ["image[]", "frame.png", "image/png"],
        ["image[]", "logo.png", "image/png"],
      ]);
      expect(request.files[0]!.bytes.equals(first)).toBe(true);
      expect(request.files[1]!.bytes.equals(second)).toBe(true);
      expect(request.body).toMatchObject({
        prompt: "make it a poster",
        n: 1,
        stream: true,
        partial_images: 1,
        size: "1920x1088",
        image: [
          `<file frame.png, image/png, ${first.length} bytes>`,
          `<file logo.png, image/png, ${second.length} bytes>`,
        ],
      });
      expect(events[1]).toMatchObject({ usage: { input_tokens_details: { image_tokens: 2 * 272 } } });
    },
  );

  it("takes the JSON edit body (images by URL) and checks it against EditImageBodyJsonParam", async () => {
    const { srv } = await start(imageReply());
    const dataUrl = `data:image/png;base64,${encodePng(8, 8).toString("base64")}`;
    const ok = await fetch(`${srv.url}/images/edits`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bearer sk-x" },
      body: JSON.stringify({ model: "gpt-image-2", prompt: "p", images: [{ image_url: dataUrl }], size: "1024x1024" }),
    });
    expect(ok.status).toBe(200);
    const body = (await ok.json()) as { data: { b64_json: string }[] };
    expect(sizeOf(png(body.data[0]!.b64_json))).toBe("1024x1024");
    expect(srv.requests[0]!.schemaErrors).toEqual([]);
    // The JSON edit body takes only the standard sizes; a custom one is flagged.
    expect(
      validateRequest("/v1/images/edits", { prompt: "p", images: [{ image_url: dataUrl }], size: "1920x1088" }).length,
    ).toBeGreaterThan(0);
    expect(validateRequest("/v1/images/edits", { prompt: "p" }).join(" ")).toContain("'images'");
  });

  it("flags a multipart form that breaks the schema", () => {
    const form = {
      fields: { prompt: "p", n: "many", stream: "yes" },
      files: [{ field: "image", filename: "a.png", contentType: "image/png", size: 10 }],
    };
    expect(formAsJson("CreateImageEditRequest", form)).toEqual({
      prompt: "p",
      n: "many",
      stream: "yes",
      image: "<file a.png, image/png, 10 bytes>",
    });
    expect(validateAgainst("CreateImageEditRequest", formAsJson("CreateImageEditRequest", form)).join(" ")).toMatch(
      /\/n .*integer/,
    );
    expect(
      validateAgainst(
        "CreateImageEditRequest",
        formAsJson("CreateImageEditRequest", { fields: { prompt: "p" }, files: [] }),
      ).join(" "),
    ).toContain("'image'");
  });
});

describe("the Responses API's image_generation tool", () => {
  const tool = {
    type: "image_generation" as const,
    model: "gpt-image-2",
    size: "1536x1024",
    partial_images: 2,
    output_format: "png" as const,
  };

  it(
    "streams the reasoning, partial images, the image " + "call item and the message; usage for model and tool",
    async () => {
      const { srv, client } = await start(
        imageReply({
          responseId: "resp_img1",
          reasoning: ["Wide hero ", "with the logo left."],
          text: ["Here it is."],
          revisedPrompt: "a wide hero",
        }),
      );
      const stream = await client.responses.create({
        model: "gpt-5.4-image-2",
        input: [{ role: "user", content: [{ type: "input_text", text: "a hero shot" }] }],
        tools: [tool],
        tool_choice: { type: "image_generation" },
        reasoning: { summary: "auto" },
        stream: true,
      });
      const events: ResponseStreamEvent[] = [];
      for await (const event of stream) events.push(event);
      expect(srv.requests[0]!.schemaErrors).toEqual([]);
      const types = events.map((e) => e.type);
      expect(types.filter((t) => t === "response.reasoning_summary_text.delta")).toHaveLength(2);
      expect(types.filter((t) => t === "response.image_generation_call.partial_image")).toHaveLength(2);
      expect(types.indexOf("response.reasoning_summary_text.done")).toBeLessThan(
        types.indexOf("response.image_generation_call.partial_image"),
      );
      expect(types.at(-1)).toBe("response.completed");
      const partial = events.find((e) => e.type === "response.image_generation_call.partial_image");
      expect(partial && "partial_image_b64" in partial && sizeOf(png(partial.partial_image_b64))).toBe("1536x1024");
      const done = events.at(-1) as Extract<WireStreamEvent, { type: "response.completed" }>;
      expect(done.response.id).toBe("resp_img1");
      const call = done.response.output.find((i) => i.type === "image_generation_call");
      expect(call).toMatchObject({ status: "completed", revised_prompt: "a wide hero", size: "1536x1024" });
      expect(call && call.type === "image_generation_call" && sizeOf(png(call.result!))).toBe("1536x1024");
      expect(done.response.output.at(-1)).toMatchObject({
        type: "message",
        content: [{ type: "output_text", text: "Here it is." }],
      });
      expect(done.response.tool_usage?.image_gen.output_tokens).toBe((1536 * 1024) / 256 + 200);
      expect(done.response.usage?.output_tokens_details.reasoning_tokens).toBeGreaterThan(0);
      // Every event the server wrote is a valid stream event of the spec (the image ones included).
      for (const event of events)
        expect(validateAgainst("ResponseStreamEvent", JSON.parse(JSON.stringify(event))), event.type).toEqual([]);
    },
  );

  it("echoes previous_response_id, and can fail the image call (moderation) or answer in words only", async () => {
    const { client } = await start(
      imageReply({
        failImage: { code: "moderation_blocked", message: "Your request was rejected by the safety system." },
      }),
      imageReply({ noImage: true, text: ["I can't draw that."] }),
    );
    const failed = await client.responses.create({
      model: "m",
      input: "x",
      tools: [tool],
      previous_response_id: "resp_before",
    });
    expect(failed.previous_response_id).toBe("resp_before");
    expect(failed.output).toEqual([
      expect.objectContaining({
        type: "image_generation_call",
        status: "failed",
        result: null,
        error: expect.objectContaining({ code: "moderation_blocked" }),
      }),
    ]);
    const words = await client.responses.create({ model: "m", input: "x", tools: [tool] });
    expect(words.output.map((i) => i.type)).toEqual(["message"]);
    expect(words.output_text).toBe("I can't draw that.");
  });
});

describe("OpenRouter chat with image output", () => {
  const params = (stream: boolean): ChatCompletionCreateParamsStreaming =>
    ({
      model: "openai/gpt-5.4-image-2",
      messages: [
        {
          role: "user",
          content: [{ type: "text", text: "Request from the user:\na poster\nImage wanted: 1536×1024 px." }],
        },
      ],
      modalities: ["image", "text"],
      image_config: { aspect_ratio: "3:2" },
      stream,
    }) as unknown as ChatCompletionCreateParamsStreaming;

  it("streams the image whole in delta.images as a data URL, of the size the message asked for", async () => {
    const { srv, client } = await start(imageReply({ text: ["A poster."], reasoning: ["Thinking."] }));
    const stream = await client.chat.completions.create(params(true));
    const urls: string[] = [];
    let text = "";
    let usage = 0;
    for await (const chunk of stream) {
      text += chunk.choices[0]?.delta.content ?? "";
      for (const image of (chunk.choices[0]?.delta as { images?: { image_url: { url: string } }[] } | undefined)
        ?.images ?? [])
        urls.push(image.image_url.url);
      usage += chunk.usage?.total_tokens ?? 0;
    }
    expect(srv.requests[0]!.schemaErrors).toEqual([]);
    expect(text).toBe("A poster.");
    expect(urls).toHaveLength(1);
    expect(urls[0]).toMatch(/^data:image\/png;base64,/);
    expect(sizeOf(png(urls[0]!.split(",")[1]!))).toBe("1536x1024");
    expect(usage).toBeGreaterThan(0);
  });

  it(
    "answers message.images when not streaming; OpenRouter's " + "keys are checked, the rest against OpenAI's schema",
    async () => {
      const { srv, client } = await start(imageReply());
      const reply = await client.chat.completions.create({ ...params(false), stream: false } as unknown as Parameters<
        typeof client.chat.completions.create
      >[0] & { stream: false });
      const images = (reply.choices[0]!.message as { images?: { image_url: { url: string } }[] }).images!;
      expect(images).toHaveLength(1);
      expect(srv.requests[0]!.schemaErrors).toEqual([]);
      const body = { ...(srv.requests[0]!.body as object) };
      expect(validateRequest("/v1/chat/completions", { ...body, modalities: ["image", "video"] }).join(" ")).toContain(
        'not "video"',
      );
      expect(validateRequest("/v1/chat/completions", { ...body, image_config: { aspect: 1 } }).join(" ")).toContain(
        "/image_config/aspect",
      );
      expect(validateRequest("/v1/chat/completions", { ...body, messages: [] }).length).toBeGreaterThan(0);
    },
  );
});

describe("failures", () => {
  it("moderation: 400 moderation_blocked in OpenAI's error shape", async () => {
    const { client } = await start(moderationError("violence"));
    const error = await client.images.generate({ model: "gpt-image-2", prompt: "x" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BadRequestError);
    expect((error as BadRequestError).code).toBe("moderation_blocked");
    expect((error as BadRequestError).type).toBe("image_generation_user_error");
    expect((error as BadRequestError).message).toContain("safety_violations=[violence]");
  });

  it("429 with retry-after and 5xx, on the image routes too", async () => {
    const { client } = await start(
      { kind: "error", status: 429, message: "Rate limit reached for images", headers: { "retry-after": "20" } },
      { kind: "error", status: 503, message: "overloaded" },
    );
    const limited = await client.images.generate({ model: "gpt-image-2", prompt: "x" }).catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(RateLimitError);
    expect((limited as RateLimitError).headers?.get("retry-after")).toBe("20");
    const down = await client.images
      .edit({ model: "gpt-image-2", prompt: "x", image: await toFile(encodePng(4, 4), "a.png", { type: "image/png" }) })
      .catch((e: unknown) => e);
    expect(down).toBeInstanceOf(InternalServerError);
  });
});

describe("reply shapes vs the spec", () => {
  it(
    "Images API replies and events validate where the spec lists " +
      "the size (it still enumerates only the standard sizes)",
    async () => {
      const { client } = await start(imageReply(), imageReply());
      const json = await client.images.generate({ model: "gpt-image-2", prompt: "x", size: "1024x1024" });
      expect(validateAgainst("ImagesResponse", JSON.parse(JSON.stringify(json)))).toEqual([]);
      const stream = await client.images.generate({
        model: "gpt-image-2",
        prompt: "x",
        size: "1024x1536",
        stream: true,
        partial_images: 1,
      });
      for await (const event of stream)
        expect(validateAgainst("ImageGenStreamEvent", JSON.parse(JSON.stringify(event))), event.type).toEqual([]);
    },
  );
});
