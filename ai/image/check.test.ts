/** Parameter checks before sending: model size rules, enums, counts, references, refinements, notes. */
import { describe, expect, it } from "vitest";
import { encodePng } from "../../test/openai-server/png.js";
import { checkImageRequest, type ImageField } from "./check.js";
import { nearestFlexibleSize, sizeForFrame, sizeProblem, sizeRule } from "./limits.js";
import { parseSize, SIZE_PRESETS, type ImageRequest } from "./options.js";

const IMAGES = { api: "images", imageModel: "gpt-image-2" } as const;
const RESPONSES = { api: "responses", imageModel: "gpt-image-2" } as const;
const CHAT = { api: "chat", imageModel: "openai/gpt-5.4-image-2" } as const;
const PNG = { bytes: encodePng(64, 48) };

const fields = (config: Parameters<typeof checkImageRequest>[0], request: ImageRequest): ImageField[] =>
  checkImageRequest(config, request).problems.map((p) => p.field);

describe("size rules by model", () => {
  it("knows gpt-image-2 (also OpenRouter's GPT-5.4 Image 2), the fixed-size models and the rest", () => {
    expect(sizeRule("gpt-image-2")).toBe("flexible");
    expect(sizeRule("gpt-image-2-2026-04-21")).toBe("flexible");
    expect(sizeRule("openai/gpt-5.4-image-2")).toBe("flexible");
    expect(sizeRule("gpt-image-1")).toBe("fixed");
    expect(sizeRule("gpt-image-1.5")).toBe("fixed");
    expect(sizeRule("gpt-image-1-mini")).toBe("fixed");
    expect(sizeRule("google/gemini-2.5-flash-image")).toBe("open");
  });

  it.each([
    ["1024x1024", undefined],
    ["3840x2160", undefined],
    ["2304x768", undefined],
    ["1000x1000", /multiples of 16 px \(try 992×992\)/],
    ["4096x2048", /longest side may be at most 3840 px .*\(try 3840×1920\)/],
    ["3072x960", /3\.20:1; gpt-image-2 takes aspect ratios up to 3:1 \(try 3072×1024\)/],
    ["3840x2880", /11,059,200 pixels; gpt-image-2 draws at most 3840×2160 = 8,294,400 \(try 3312×2480\)/],
    ["0x512", /whole numbers of pixels above 0/],
  ])("gpt-image-2 %s → %s", (text, problem) => {
    const message = sizeProblem(parseSize(text)!, "gpt-image-2");
    if (problem === undefined) expect(message).toBeUndefined();
    else expect(message).toMatch(problem);
  });

  it("offers a nearby size that is itself valid, for any shape", () => {
    for (const [w, h] of [
      [1000, 1000],
      [4096, 2048],
      [3072, 960],
      [5000, 100],
      [100, 5000],
      [3840, 2880],
      [17, 33],
    ] as const) {
      const near = nearestFlexibleSize({ width: w, height: h });
      expect(sizeProblem(near, "gpt-image-2"), `${w}×${h} → ${near.width}×${near.height}`).toBeUndefined();
    }
    for (const preset of SIZE_PRESETS) expect(sizeProblem(preset.size, "gpt-image-2"), preset.name).toBeUndefined();
    // A 390×844 phone frame at about 1536 px on its longest side.
    expect(sizeForFrame(390, 844)).toEqual({ width: 704, height: 1536 });
  });

  it("holds fixed-size models to their three sizes and others to sane bounds", () => {
    expect(sizeProblem({ width: 1536, height: 1024 }, "gpt-image-1.5")).toBeUndefined();
    expect(sizeProblem({ width: 1920, height: 1088 }, "gpt-image-1.5")).toMatch(
      /only 1024×1024, 1536×1024 or 1024×1536/,
    );
    expect(sizeProblem({ width: 1000, height: 700 }, "some/model")).toBeUndefined();
    expect(sizeProblem({ width: 9000, height: 700 }, "some/model")).toMatch(/between 64 and 4096/);
    expect(sizeProblem("auto", "gpt-image-1")).toBeUndefined();
  });

  it("parses sizes as written on the command line and in the panel", () => {
    expect(parseSize("1536x1024")).toEqual({ width: 1536, height: 1024 });
    expect(parseSize(" 1536 × 1024 ")).toEqual({ width: 1536, height: 1024 });
    expect(parseSize("AUTO")).toBe("auto");
    for (const bad of ["", "1536", "1536x", "x1024", "-1x5", "1.5x2", "big"])
      expect(parseSize(bad), bad).toBeUndefined();
  });
});

describe("checkImageRequest", () => {
  it("passes a plain request and the defaults", () => {
    expect(checkImageRequest(IMAGES, { prompt: "A hero shot of a tea brand" })).toEqual({ problems: [], notes: [] });
  });

  it("names the field of each problem, with what would be accepted", () => {
    expect(fields(IMAGES, { prompt: "  " })).toEqual(["prompt"]);
    expect(fields(IMAGES, { prompt: "x".repeat(32_001) })).toEqual(["prompt"]);
    expect(fields(IMAGES, { prompt: "p", size: { width: 1000, height: 1000 } })).toEqual(["size"]);
    expect(fields(IMAGES, { prompt: "p", count: 5 })).toEqual(["count"]);
    expect(fields(IMAGES, { prompt: "p", count: 1.5 })).toEqual(["count"]);
    expect(fields(IMAGES, { prompt: "p", partials: 4 })).toEqual(["partials"]);
    expect(fields(IMAGES, { prompt: "p", background: "transparent", format: "jpeg" })).toEqual(["format"]);
    // Values from outside TypeScript (the CLI, stored settings) are checked too.
    const loose = { prompt: "p", quality: "ultra", background: "clear", format: "gif" } as unknown as ImageRequest;
    const problems = checkImageRequest(IMAGES, loose).problems;
    expect(problems.map((p) => p.field)).toEqual(["quality", "background", "format"]);
    expect(problems[0]!.message).toBe("Quality must be low, medium, high or auto, not ultra.");
    expect(checkImageRequest(IMAGES, { prompt: "p", count: 0 }).problems[0]!.message).toBe(
      "The number of images must be a whole number from 1 to 4, not 0.",
    );
  });

  it("checks references are images it can send", () => {
    expect(
      fields(IMAGES, {
        prompt: "p",
        references: [PNG, { bytes: new TextEncoder().encode("not an image"), name: "notes.txt" }],
      }),
    ).toEqual(["references"]);
    expect(
      checkImageRequest(IMAGES, { prompt: "p", references: [{ bytes: new Uint8Array(3), name: "x.bin" }] }).problems[0]!
        .message,
    ).toBe("x.bin is not a PNG, JPEG or WebP image.");
    expect(fields(IMAGES, { prompt: "p", references: Array.from({ length: 17 }, () => PNG) })).toEqual(["references"]);
  });

  it("knows what each API can do: one image per Responses turn, refinements that have something to build on", () => {
    expect(fields(RESPONSES, { prompt: "p", count: 2 })).toEqual(["count"]);
    expect(fields(RESPONSES, { prompt: "warmer", refine: {} })).toEqual(["refine"]);
    expect(
      fields(RESPONSES, {
        prompt: "warmer",
        refine: { conversation: { kind: "responses", previousResponseId: "resp_1" } },
      }),
    ).toEqual([]);
    expect(fields(CHAT, { prompt: "warmer", refine: { conversation: { kind: "chat", messages: [] } } })).toEqual([
      "refine",
    ]);
    expect(fields(CHAT, { prompt: "warmer", refine: { image: PNG } })).toEqual([]);
    expect(fields(IMAGES, { prompt: "", refine: { image: PNG } })).toEqual(["prompt"]);
    expect(checkImageRequest(IMAGES, { prompt: "", refine: { image: PNG } }).problems[0]!.message).toBe(
      "Say what to change in the image.",
    );
  });

  it("notes a design hint cut to fit the Images API's prompt", () => {
    const hint = Array.from({ length: 2000 }, (_, i) => `T 1:${i} "a text layer with some words in it"`).join("\n");
    const { problems, notes } = checkImageRequest(IMAGES, { prompt: "p", designHint: hint, references: [PNG] });
    expect(problems).toEqual([]);
    expect(notes).toEqual(["The design hint was shortened to fit the Images API's 32,000-character prompt."]);
  });

  it("notes what a chat endpoint does differently, without failing", () => {
    const { problems, notes } = checkImageRequest(CHAT, {
      prompt: "p",
      partials: 2,
      size: { width: 1536, height: 1024 },
    });
    expect(problems).toEqual([]);
    expect(notes.join(" ")).toMatch(/no partial images/);
    expect(notes.join(" ")).toMatch(/asked for in the message/);
  });
});

describe("a mask (inpainting)", () => {
  const mask = (width: number, height: number, fill = 255) => ({
    width,
    height,
    coverage: new Uint8Array(width * height).fill(fill),
  });
  const messages = (config: Parameters<typeof checkImageRequest>[0], request: ImageRequest): string[] =>
    checkImageRequest(config, request).problems.map((p) => `${p.field}: ${p.message}`);

  it("goes with the first image of an Images API edit, at its size", () => {
    expect(fields(IMAGES, { prompt: "a lamp", refine: { image: PNG }, mask: mask(64, 48) })).toEqual([]);
    expect(fields(IMAGES, { prompt: "a lamp", references: [PNG], mask: mask(64, 48) })).toEqual([]);
  });

  it("is refused at another size, with nothing to repaint, without an image, or on another API", () => {
    expect(messages(IMAGES, { prompt: "p", refine: { image: PNG }, mask: mask(48, 64) })).toEqual([
      "mask: The mask is 48 × 64 px but the image is 64 × 48 px: a mask must be the image's size.",
    ]);
    expect(messages(IMAGES, { prompt: "p", refine: { image: PNG }, mask: mask(64, 48, 0) })).toEqual([
      "mask: The mask covers none of the image: nothing would be repainted.",
    ]);
    expect(messages(IMAGES, { prompt: "p", mask: mask(64, 48) })).toEqual([
      "mask: A mask needs the image to repaint: send the image to refine (or a reference) with it.",
    ]);
    expect(
      messages(IMAGES, {
        prompt: "p",
        refine: { image: PNG },
        mask: { width: 64, height: 48, coverage: new Uint8Array(10) },
      }),
    ).toEqual(["mask: The mask's 10 bytes are not 64 × 48 px."]);
    expect(fields(RESPONSES, { prompt: "p", refine: { image: PNG }, mask: mask(64, 48) })).toEqual(["mask"]);
    expect(messages(CHAT, { prompt: "p", refine: { image: PNG }, mask: mask(64, 48) })[0]).toMatch(
      /^mask: Only the Images API's edits take a mask; the chat endpoint/,
    );
  });
});

describe("a render that keeps a frame's composition", () => {
  it("needs the frame's picture as its reference", () => {
    expect(
      checkImageRequest(IMAGES, { prompt: "photographic", keepComposition: true }).problems.map(
        (p) => `${p.field}: ${p.message}`,
      ),
    ).toEqual([
      "references: A render that keeps a frame's composition needs the frame's picture as its reference image.",
    ]);
    expect(fields(IMAGES, { prompt: "photographic", keepComposition: true, references: [PNG] })).toEqual([]);
  });
});
