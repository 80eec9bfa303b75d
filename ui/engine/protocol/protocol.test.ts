import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../../contract/settings.js";
import { parseEngineMessage, parseEngineRequest, ProtocolError } from "./index.js";

const options = { target: "react", styling: "css-modules", nodeIds: false };
/** The least a model request's first input holds (ai/code/prompt.ts PromptInput). */
const promptInput = { target: "react", styling: "css-modules", hint: "h" };
/** A render of a frame through a local SD server's ControlNet. */
const sdRender = (control: Record<string, unknown>) => ({
  kind: "sd-generate",
  id: "s1",
  connection: { baseUrl: "http://127.0.0.1:7860" },
  request: { prompt: "photographic", width: 512, height: 768, steps: 20, cfgScale: 7, batchSize: 1, control },
});
const png = new Uint8Array([137, 80, 78, 71]);

describe("engine protocol", () => {
  it("accepts each request kind with its fields", () => {
    expect(
      parseEngineRequest({ kind: "generate", id: "w1", exports: [{ id: "1:2", json: {} }], options }),
    ).toMatchObject({ kind: "generate" });
    // The export's image bytes and SVGs ride along to loadDesign; bytes must be bytes.
    const extras = { images: { abc: new Uint8Array([137, 80, 78, 71]) }, svgs: { "1:3": "<svg></svg>" } };
    expect(
      parseEngineRequest({ kind: "generate", id: "w1", exports: [{ id: "1:2", json: {} }], options, extras }),
    ).toMatchObject({ extras });
    expect(() =>
      parseEngineRequest({
        kind: "generate",
        id: "w1",
        exports: [{ id: "1:2", json: {} }],
        options,
        extras: { images: { abc: "iVBOR" } },
      }),
    ).toThrow(/extras\.images\.abc/);
    expect(
      parseEngineRequest({
        kind: "ai-generate",
        id: "w2",
        settings: DEFAULT_SETTINGS,
        apiKey: "sk-x",
        input: promptInput,
        timeoutMs: 1000,
      }),
    ).toMatchObject({ kind: "ai-generate" });
    expect(parseEngineRequest({ kind: "load-script", id: "w3", url: "blob:abc" })).toMatchObject({ url: "blob:abc" });
    expect(
      parseEngineRequest({
        kind: "test-connection",
        id: "w4",
        settings: DEFAULT_SETTINGS,
        apiKey: "sk-x",
        timeoutMs: 10_000,
      }),
    ).toMatchObject({ kind: "test-connection" });
    const price = { input: 8, output: 15, source: "https://openrouter.ai/api/v1/models", asOf: "2026-05-01" };
    // A correction round: a refinement with its two pictures, and its estimate.
    const pictures = [
      { label: "Your code, rendered at the design width (375 px):", url: "data:image/png;base64,iVBORw0KGgo=" },
      { label: "The design:", url: "data:image/png;base64,iVBORw0KGgoAAAA", detail: "high" },
    ];
    const refine = {
      conversation: { kind: "responses", previousResponseId: "resp_1" },
      instructions: "Fix the differences measured below",
      images: pictures,
    };
    expect(
      parseEngineRequest({
        kind: "ai-generate",
        id: "w6",
        settings: DEFAULT_SETTINGS,
        apiKey: "sk-x",
        input: promptInput,
        refine,
        timeoutMs: 1000,
      }),
    ).toMatchObject({ refine: { images: pictures } });
    const round = { instructions: refine.instructions, images: pictures };
    expect(
      parseEngineRequest({
        kind: "ai-round-estimate",
        id: "w7",
        input: promptInput,
        answers: ["{}"],
        earlier: [],
        round,
        model: "gpt-5",
      }),
    ).toMatchObject({ kind: "ai-round-estimate", round });
    expect(
      parseEngineMessage({ id: "w7", ok: true, kind: "ai-round-estimate", estimate: { estimate: true } }),
    ).toMatchObject({ reply: { kind: "ai-round-estimate" } });
    expect(parseEngineRequest(sdRender({ bytes: png, type: "lineart", strength: 0.8 }))).toMatchObject({
      request: { control: { type: "lineart", strength: 0.8 } },
    });
    expect(
      parseEngineRequest({
        kind: "generate-image",
        id: "i1",
        settings: DEFAULT_SETTINGS,
        reasonFirst: false,
        apiKey: "sk-x",
        timeoutMs: 1000,
        request: {
          prompt: "photographic",
          size: "auto",
          quality: "low",
          count: 1,
          partials: 0,
          references: [{ bytes: png }],
          keepComposition: true,
        },
      }),
    ).toMatchObject({ request: { keepComposition: true } });
    expect(
      parseEngineRequest({
        kind: "ai-prepare",
        id: "w5",
        exports: [],
        png: new Uint8Array(),
        options,
        model: "m",
        draft: false,
        instructions: "",
        prices: { "openai/m": price },
      }),
    ).toMatchObject({ prices: { "openai/m": price } });
  });

  it.each([
    [
      { kind: "generate", id: "w1", exports: [{ id: "1:2", json: {} }], options: { ...options, target: "flutter" } },
      "options.target must be one of react, html, vue",
    ],
    [{ kind: "generate", id: "w1", exports: [{ id: "1:2" }], options }, "exports[0].json must be present"],
    [{ kind: "load-script", id: "w3", url: "https://evil.example/x.js" }, "url must be a blob: URL"],
    [
      { kind: "ai-generate", id: "w2", settings: DEFAULT_SETTINGS, apiKey: "", input: promptInput, timeoutMs: 1000 },
      "apiKey must be a non-empty string",
    ],
    [
      { kind: "test-connection", id: "w6", settings: DEFAULT_SETTINGS, apiKey: "", timeoutMs: 10_000 },
      "apiKey must be a non-empty string",
    ],
    [
      {
        kind: "test-connection",
        id: "w7",
        settings: { ...DEFAULT_SETTINGS, baseUrl: "ftp://x" },
        apiKey: "sk-x",
        timeoutMs: 10_000,
      },
      "settings.baseUrl",
    ],
    [
      {
        kind: "ai-generate",
        id: "w8",
        settings: DEFAULT_SETTINGS,
        apiKey: "sk-x",
        input: promptInput,
        timeoutMs: 1000,
        refine: {
          conversation: { kind: "responses", previousResponseId: "r" },
          instructions: "fix",
          images: [{ label: "x", url: "https://evil.example/p.png" }],
        },
      },
      "refine.images[0].url must be an image data URL",
    ],
    [
      {
        kind: "ai-round-estimate",
        id: "w9",
        input: promptInput,
        answers: [],
        earlier: [],
        round: { instructions: "", images: [] },
        model: "m",
      },
      "round.instructions must be a non-empty string",
    ],
    [
      {
        kind: "ai-round-estimate",
        id: "w10",
        input: promptInput,
        answers: [1],
        earlier: [],
        round: { instructions: "fix", images: [] },
        model: "m",
      },
      "answers[0] must be a string",
    ],
    [
      sdRender({ bytes: png, type: "depth", strength: 1 }),
      "request.control.type must be one of canny, lineart, scribble",
    ],
    [sdRender({ bytes: png, type: "canny", strength: 3 }), "request.control.strength"],
    [sdRender({ bytes: "iVBOR", type: "canny", strength: 1 }), "request.control.bytes"],
    [{ kind: "explode", id: "w4" }, "kind must be one of"],
    [{ kind: "ping", id: "w5", extra: true }, "extra must be absent"],
  ])("refuses %j, naming the field and keeping the id", (data, reason) => {
    let error: unknown;
    try {
      parseEngineRequest(data);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ProtocolError);
    expect((error as ProtocolError).message).toContain(reason);
    expect((error as ProtocolError).id).toBe(data.id);
  });

  it(
    "carries an inpainting mask to the hosted model and to a " +
      "local SD server, refusing one whose bytes are not its size",
    () => {
      const image = {
        prompt: "a kite",
        size: "auto",
        quality: "auto",
        count: 1,
        partials: 0,
        references: [],
        refine: { image: { bytes: new Uint8Array([1]) } },
      };
      const mask = { width: 3, height: 2, coverage: new Uint8Array(6) };
      expect(
        parseEngineRequest({
          kind: "image-prepare",
          id: "m1",
          settings: DEFAULT_SETTINGS,
          reasonFirst: false,
          request: { ...image, mask },
        }),
      ).toMatchObject({ request: { mask } });
      expect(() =>
        parseEngineRequest({
          kind: "image-prepare",
          id: "m2",
          settings: DEFAULT_SETTINGS,
          reasonFirst: false,
          request: { ...image, mask: { ...mask, coverage: new Uint8Array(5) } },
        }),
      ).toThrow(/request\.mask must be a mask/);
      const sd = { prompt: "a kite", width: 512, height: 512, steps: 20, cfgScale: 7, batchSize: 1 };
      const sdMask = { png: new Uint8Array([137]), blur: 4, fill: "original", fullRes: false, fullResPadding: 32 };
      expect(
        parseEngineRequest({
          kind: "sd-generate",
          id: "m3",
          connection: { baseUrl: "http://127.0.0.1:7860" },
          request: { ...sd, init: { bytes: new Uint8Array([1]), strength: 0.75, mask: sdMask } },
        }),
      ).toMatchObject({ request: { init: { mask: sdMask } } });
      expect(() =>
        parseEngineRequest({
          kind: "sd-generate",
          id: "m4",
          connection: { baseUrl: "http://127.0.0.1:7860" },
          request: { ...sd, init: { bytes: new Uint8Array([1]), strength: 0.75, mask: { ...sdMask, fill: "blue" } } },
        }),
      ).toThrow(/request\.init\.mask\.fill must be one of/);
    },
  );

  it("reads replies, failures and progress events from the worker", () => {
    expect(
      parseEngineMessage({
        id: "w1",
        ok: true,
        kind: "generate",
        result: { files: [{ path: "a.tsx", content: "x" }], problems: [] },
        ms: 3,
      }),
    ).toMatchObject({ reply: { kind: "generate" } });
    expect(parseEngineMessage({ id: "w1", ok: false, failure: { kind: "input", message: "bad" } })).toMatchObject({
      reply: { ok: false, failure: { kind: "input", message: "bad" } },
    });
    expect(parseEngineMessage({ id: "w1", ok: true, kind: "test-connection", models: 3 })).toEqual({
      reply: { id: "w1", ok: true, kind: "test-connection", models: 3 },
    });
    expect(parseEngineMessage({ id: "w1", event: { type: "stage", stage: "checking" } })).toEqual({
      event: { id: "w1", event: { type: "stage", stage: "checking" } },
    });
    expect(() =>
      parseEngineMessage({
        id: "w1",
        ok: true,
        kind: "generate",
        result: { files: [{ path: 1 }], problems: [] },
        ms: 3,
      }),
    ).toThrow("result.files[0].path must be a string");
    expect(() => parseEngineMessage({ id: "w1", event: { type: "stage", stage: "dancing" } })).toThrow(
      "stage must be one of checking, repairing",
    );
  });
});
