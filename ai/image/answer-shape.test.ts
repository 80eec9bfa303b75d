/**
 * Image answers broken in one known way each (issue 38), replayed through the fetch the SDK is given: a stream held
 * open after its last event ends at once, a corrupt partial is skipped, fields of another type are refused in a
 * sentence that names them, and no JavaScript word reaches the message.
 */
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../contract/settings.js";
import { imageReply } from "../../test/openai-server/server.js";
import { recordAnswers, replayFetch, type WireAnswer } from "../../test/fuzz/wire.js";
import { ModelError } from "../errors/classify.js";
import { imageConfig, type ImageConfig } from "./config.js";
import { generateImages } from "./generate.js";
import type { ImageRequest } from "./options.js";
import type { ImageProgress } from "./result.js";

const SMALL = { width: 16, height: 16 };
const openai = (api: "images" | "responses") => (baseUrl: string) =>
  imageConfig({ ...DEFAULT_SETTINGS, provider: "openai", baseUrl }, "sk-test", { api });
const openrouter = (baseUrl: string): ImageConfig =>
  imageConfig({ ...DEFAULT_SETTINGS, provider: "openrouter", baseUrl }, "sk-test");
const encoder = new TextEncoder();
const decoder = new TextDecoder();

async function recorded(config: (url: string) => ImageConfig, request: ImageRequest): Promise<WireAnswer> {
  const { answers } = await recordAnswers([imageReply({ size: SMALL, text: ["Here."] })], (e, f) =>
    generateImages(config(e.baseURL), request, { fetch: f }),
  );
  return answers[0]!;
}

/** The answer's body with `edit` applied to its text. */
const edited = (answer: WireAnswer, edit: (text: string) => string): WireAnswer => ({
  ...answer,
  body: encoder.encode(edit(decoder.decode(answer.body))),
});

async function failure(promise: Promise<unknown>): Promise<ModelError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ModelError);
  return error as ModelError;
}

describe("a stream held open after its last event", () => {
  it("Responses: ends at response.completed with the image, not at the idle timeout", async () => {
    const answer = await recorded(openai("responses"), { prompt: "A hero", partials: 1 });
    const result = await generateImages(
      openai("responses")("http://replay.invalid/v1"),
      { prompt: "A hero", partials: 1 },
      { fetch: replayFetch([{ ...answer, end: "hold" }]), timeoutMs: 60_000 },
    );
    expect(result.images).toHaveLength(1);
    expect(result.responseId).toMatch(/^resp_/);
  });

  it("Images API: ends at the last image's completed event", async () => {
    const answer = await recorded(openai("images"), { prompt: "A hero", partials: 1 });
    const result = await generateImages(
      openai("images")("http://replay.invalid/v1"),
      { prompt: "A hero", partials: 1 },
      { fetch: replayFetch([{ ...answer, end: "hold" }]), timeoutMs: 60_000 },
    );
    expect(result.images).toHaveLength(1);
  });
});

describe("partial images that arrive corrupt", () => {
  it("are skipped, never shown; the final image is kept", async () => {
    for (const api of ["responses", "images"] as const) {
      const answer = await recorded(openai(api), { prompt: "A hero", partials: 2 });
      const field = api === "responses" ? "partial_image_b64" : "b64_json";
      let partials = 0;
      // The first partial's base64 broken, the second's bytes no image.
      const broken = edited(answer, (text) =>
        text.replace(/^data: (.*)$/gm, (line, data: string) => {
          const event = JSON.parse(data) as Record<string, unknown>;
          if (!String(event["type"]).endsWith("partial_image")) return line;
          event[field] = event["partial_image_index"] === 0 ? "%%%not base64%%%" : "QUJD";
          return `data: ${JSON.stringify(event)}`;
        }),
      );
      const events: ImageProgress[] = [];
      const result = await generateImages(
        openai(api)("http://replay.invalid/v1"),
        { prompt: "A hero", partials: 2 },
        { fetch: replayFetch([broken]), timeoutMs: 5_000, onProgress: (e) => events.push(e) },
      );
      for (const event of events) if (event.type === "partial") partials++;
      expect(partials, api).toBe(0);
      expect(result.partials, api).toBe(0);
      expect(result.images[0]!.format, api).toBe("png");
    }
  });
});

describe("fields of another type", () => {
  it("Images JSON: a null entry, an object for revised_prompt", async () => {
    const answer = await recorded(openai("images"), { prompt: "Icons" });
    const entry = edited(answer, (text) => text.replace(/"data":\[\{[^\]]*\]/, '"data":[null]'));
    expect(
      (
        await failure(
          generateImages(
            openai("images")("http://replay.invalid/v1"),
            { prompt: "Icons" },
            { fetch: replayFetch([entry]) },
          ),
        )
      ).message,
    ).toBe("The endpoint's list of images holds an entry that is no image record.");
    const notList = edited(answer, (text) => text.replace(/"data":\[\{[^\]]*\]/, '"data":{"b64_json":"x"}'));
    expect(
      (
        await failure(
          generateImages(
            openai("images")("http://replay.invalid/v1"),
            { prompt: "Icons" },
            { fetch: replayFetch([notList]) },
          ),
        )
      ).message,
    ).toBe("The endpoint's answer has a `data` that is not a list of images.");
    const prompt = edited(answer, (text) => text.replace('"data":[{', '"data":[{"revised_prompt":{"length":3},'));
    const result = await generateImages(
      openai("images")("http://replay.invalid/v1"),
      { prompt: "Icons" },
      { fetch: replayFetch([prompt]) },
    );
    expect(result.revisedPrompt).toBeUndefined();
  });

  it("chat: a null choice is refused (it held the text 'Here.'), another type's text delta adds nothing", async () => {
    const answer = await recorded(openrouter, { prompt: "A hero" });
    const nullChoice = edited(answer, (text) =>
      text.replace(/"choices":\[\{"index":0,"delta":\{"content":"Here\."\}[^\]]*\]/, '"choices":[null]'),
    );
    expect(new TextDecoder().decode(nullChoice.body)).toContain('"choices":[null]');
    // The chunks are read as sent (ai/answer/chat-stream.ts): the SDK's copy of each choice threw on a null one, and
    // passing
    // it over dropped the piece of text it stood for without a word (issue 50).
    const refused = await failure(
      generateImages(
        openrouter("http://replay.invalid/v1"),
        { prompt: "A hero" },
        { fetch: replayFetch([nullChoice]) },
      ),
    );
    expect(refused.reason).toBe("bad-output");
    expect(refused.message).toMatch(/\(a choice that is null or of another type\)/);
    const numberDelta = edited(answer, (text) => text.replace('"content":"Here."', '"content":{"x":1}'));
    const result = await generateImages(
      openrouter("http://replay.invalid/v1"),
      { prompt: "A hero" },
      { fetch: replayFetch([numberDelta]) },
    );
    expect(result.message).toBe("");
  });

  it("Responses: an error event whose message is an object, and a dropped connection, in sentences", async () => {
    const answer = await recorded(openai("responses"), { prompt: "A hero" });
    const errorEvent = edited(answer, (text) =>
      text.replace(/event: response\.completed[\s\S]*$/, 'event: error\ndata: {"error":{"message":{}}}\n\n'),
    );
    const said = await failure(
      generateImages(
        openai("responses")("http://replay.invalid/v1"),
        { prompt: "A hero" },
        { fetch: replayFetch([errorEvent]) },
      ),
    );
    expect(said).toMatchObject({
      reason: "server",
      message: "The endpoint reported an error in the middle of its answer and gave no message.",
    });
    const dropped = { ...answer, body: answer.body.slice(0, 400), end: "error" as const };
    const drop = await failure(
      generateImages(
        openai("responses")("http://replay.invalid/v1"),
        { prompt: "A hero" },
        { fetch: replayFetch([dropped]) },
      ),
    );
    expect(drop).toMatchObject({ reason: "truncated", message: "The connection dropped in the middle of the answer." });
  });
});
