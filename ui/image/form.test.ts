/** The form's sizes and checks: presets, the frame's shape, custom W×H with a suggested size, per-control problems. */
import { describe, expect, it } from "vitest";
import { sizeProblem } from "../../ai/image/limits.js";
import { checkForm, chosenSize, DEFAULT_FORM, frameSize, sizeOptions, suggestedSize, type ImageForm } from "./form.js";
import { imageRoute } from "../../ai/image/route.js";
import { requestData } from "./request-data.js";

const images = imageRoute({ provider: "openai", model: "gpt-5.4-image-2" }, false);
const responses = imageRoute({ provider: "openai", model: "gpt-5.4-image-2" }, true);
const frame = { id: "1:2", name: "Hero", type: "FRAME", width: 1440, height: 900 };
const form = (patch: Partial<ImageForm>): ImageForm => ({ ...DEFAULT_FORM, prompt: "a tea brand hero", ...patch });

describe("sizes offered", () => {
  it("the selection's shape first (valid for the model), the presets, custom and auto", () => {
    const options = sizeOptions(frame, "gpt-image-2");
    expect(options[0]).toEqual({ key: "frame", label: "Selection's shape", hint: "1536×960" });
    expect(options.map((o) => o.key).slice(-2)).toEqual(["custom", "auto"]);
    expect(sizeOptions(undefined, "gpt-image-2").some((o) => o.key === "frame")).toBe(false);
  });

  it("a first GPT image model is offered only the three sizes it draws", () => {
    expect(sizeOptions(undefined, "gpt-image-1").map((o) => o.hint)).toEqual([
      "1024×1024",
      "1536×1024",
      "1024×1536",
      "W × H",
      "the model picks",
    ]);
  });

  it.each([
    [{ width: 1440, height: 900 }, "gpt-image-2"],
    [{ width: 375, height: 2400 }, "gpt-image-2"],
    [{ width: 8000, height: 1000 }, "gpt-image-2"],
    [{ width: 1440, height: 900 }, "gpt-image-1"],
  ])("a frame of %o gets a size %s takes", (shape, model) => {
    expect(sizeProblem(frameSize(shape, model), model)).toBeUndefined();
  });
});

describe("the check before sending", () => {
  it("a preset passes; the request is ready with a prompt", () => {
    const check = checkForm(form({ sizeKey: "preset-1" }), undefined, images);
    expect(check).toMatchObject({ ready: true, problems: {}, size: { width: 1536, height: 1024 } });
  });

  it("an empty prompt is no error to show, but Generate is off", () => {
    expect(checkForm(form({ prompt: "  " }), undefined, images)).toMatchObject({ ready: false, problems: {} });
  });

  it("a custom size off the 16 px grid names the rule and suggests one that works", () => {
    const check = checkForm(form({ sizeKey: "custom", customWidth: "1000", customHeight: "1000" }), undefined, images);
    expect(check.ready).toBe(false);
    expect(check.problems.size).toContain("multiples of 16");
    expect(check.suggestion).toEqual({ width: 992, height: 992 });
    expect(sizeProblem(check.suggestion!, "gpt-image-2")).toBeUndefined();
  });

  it.each([
    ["3200", "1008", "aspect ratios up to 3:1"],
    ["3856", "2160", "at most 3840"],
    ["abc", "100", "whole pixels"],
  ])("custom %s×%s: %s", (w, h, text) => {
    expect(
      checkForm(form({ sizeKey: "custom", customWidth: w, customHeight: h }), undefined, images).problems.size,
    ).toContain(text);
  });

  it("the frame's shape without a selection asks for one", () => {
    expect(checkForm(form({ sizeKey: "frame" }), undefined, images).problems.size).toBe(
      "Select a frame to use its shape.",
    );
    expect(chosenSize(form({ sizeKey: "frame" }), frame, "gpt-image-2")).toEqual({ width: 1536, height: 960 });
  });

  it("Reason first draws one image per turn: more is a problem on the count", () => {
    expect(checkForm(form({ count: 3 }), undefined, responses).problems.count).toContain("one image per turn");
    expect(checkForm(form({ count: 3 }), undefined, images).problems.count).toBeUndefined();
  });

  it("suggested sizes for the other rules: the nearest fixed shape, or within bounds", () => {
    expect(suggestedSize({ width: 1400, height: 900 }, "gpt-image-1")).toEqual({ width: 1536, height: 1024 });
    expect(suggestedSize({ width: 9000, height: 10 }, "some-other-model")).toEqual({ width: 4096, height: 64 });
  });
});

describe("the request the worker gets", () => {
  const version = {
    id: "v1-1",
    n: 1,
    prompt: "p",
    width: 864,
    height: 1536,
    format: "png" as const,
    quality: "medium" as const,
    size: "864x1536",
    provider: "openai" as const,
    api: "images" as const,
    model: "gpt-image-2",
    imageModel: "gpt-image-2",
    createdAt: 0,
    bytes: new Uint8Array([1]),
    count: 1,
    index: 0,
    references: 0,
  };

  it("a new image: the form's size, count and two partial images", () => {
    expect(requestData(form({ sizeKey: "preset-1", count: 3 }), undefined, images)).toEqual({
      ok: true,
      prompt: "a tea brand hero",
      data: {
        prompt: "a tea brand hero",
        size: { width: 1536, height: 1024 },
        quality: "medium",
        count: 3,
        partials: 2,
        references: [],
      },
    });
  });

  it("a refinement keeps its version's size, draws one image and builds on it", () => {
    const plan = requestData(form({ sizeKey: "preset-1", count: 3 }), undefined, images, { version, words: "warmer" });
    expect(plan).toMatchObject({
      ok: true,
      prompt: "warmer",
      data: {
        prompt: "warmer",
        size: { width: 864, height: 1536 },
        count: 1,
        refine: { image: { name: "version-1.png" } },
      },
    });
  });

  it("chat endpoints stream no partial images; a size that cannot be read is refused before anything is sent", () => {
    const chat = imageRoute({ provider: "openrouter", model: "openai/gpt-5.4-image-2" }, false);
    expect(requestData(form({}), undefined, chat)).toMatchObject({ ok: true, data: { partials: 0 } });
    expect(requestData(form({ sizeKey: "custom", customWidth: "", customHeight: "1" }), undefined, images)).toEqual({
      ok: false,
      problem: "Type the width and height in whole pixels.",
    });
  });
});
