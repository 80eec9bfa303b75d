import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../contract/settings.js";
import { DEFAULT_FORM } from "./form.js";
import { recordOf, fromRecord } from "./record.js";
import { interruptedText, sameSeedForm, sdDestination, sdVersionsFrom, type PendingSd } from "./sd-request.js";

const settings = {
  ...DEFAULT_SETTINGS,
  imageSource: "sd" as const,
  sdBaseUrl: "http://127.0.0.1:7860",
  sdModel: "dreamshaper_8 [879db523c3]",
};
const png = (n: number) => ({ bytes: new Uint8Array([n]), format: "png" as const, width: 512, height: 768 });
const pending: PendingSd = {
  sd: {
    prompt: "a lighthouse",
    negativePrompt: "blurry",
    width: 512,
    height: 768,
    steps: 24,
    cfgScale: 6.5,
    sampler: "UniPC",
    batchSize: 2,
    init: { bytes: new Uint8Array([9]), strength: 0.4 },
  },
  to: sdDestination(settings),
  prompt: "a lighthouse",
  references: 1,
};

describe("SD runs as versions", () => {
  it("each image keeps its own seed and the run's parameters, in its record too, and reads back the same", () => {
    const versions = sdVersionsFrom(
      {
        images: [
          { ...png(1), seed: 77 },
          { ...png(2), seed: 78 },
        ],
        interrupted: false,
        partials: 3,
      },
      pending,
      { startedAt: 1000, finishedAt: 4000 },
      [],
    );
    expect(versions.map((v) => [v.n, v.sd?.seed, v.model, v.size, v.provider, v.ms])).toEqual([
      [1, 77, "dreamshaper_8 [879db523c3]", "512x768", "custom", 3000],
      [2, 78, "dreamshaper_8 [879db523c3]", "512x768", "custom", 3000],
    ]);
    expect(versions[0]!.sd).toEqual({
      seed: 77,
      steps: 24,
      cfgScale: 6.5,
      sampler: "UniPC",
      negativePrompt: "blurry",
      strength: 0.4,
    });
    const record = recordOf(versions[1]!);
    expect(record.sd).toEqual({
      seed: 78,
      steps: 24,
      cfgScale: 6.5,
      sampler: "UniPC",
      negativePrompt: "blurry",
      strength: 0.4,
    });
    expect(fromRecord(record, 512, 768, 1)).toMatchObject({ sd: record.sd, imageModel: "dreamshaper_8 [879db523c3]" });
  });

  it("a server that names no seed: the asked seed counted up, or none (no Same seed)", () => {
    const asked = { ...pending, sd: { ...pending.sd, seed: 5 } };
    expect(
      sdVersionsFrom(
        { images: [png(1), png(2)], interrupted: false, partials: 0 },
        asked,
        { startedAt: 0, finishedAt: 1 },
        [],
      ).map((v) => v.sd?.seed),
    ).toEqual([5, 6]);
    expect(
      sdVersionsFrom(
        { images: [png(1)], interrupted: false, partials: 0 },
        pending,
        { startedAt: 0, finishedAt: 1 },
        [],
      )[0]!.sd,
    ).toBeUndefined();
  });

  it("Same seed fills the form from the version; Cancel's note says what was kept", () => {
    const [version] = sdVersionsFrom(
      { images: [{ ...png(1), seed: 77 }], interrupted: true, partials: 1 },
      pending,
      { startedAt: 0, finishedAt: 1 },
      [],
    );
    expect(sameSeedForm({ ...DEFAULT_FORM, prompt: "something else", count: 3 }, version!)).toMatchObject({
      prompt: "a lighthouse",
      negativePrompt: "blurry",
      sdWidth: "512",
      sdHeight: "768",
      steps: "24",
      cfgScale: "6.5",
      sampler: "UniPC",
      seed: "77",
      count: 1,
      strength: 0.4,
    });
    expect(interruptedText({ images: [png(1)], interrupted: true, partials: 1 })).toBe(
      "Stopped: kept 1 image the server had made.",
    );
  });

  it(
    "a render keeps its control unit and frame in its record (not " +
      "the picture); Same seed fills the form's control from it",
    () => {
      const render: PendingSd = {
        sd: {
          prompt: "a polished mockup",
          width: 432,
          height: 768,
          steps: 20,
          cfgScale: 7,
          batchSize: 1,
          control: { bytes: new Uint8Array([1]), type: "canny", strength: 0.8 },
        },
        to: sdDestination(settings),
        prompt: "a polished mockup",
        references: 1,
        render: { id: "101:3", name: "Log-In Page", type: "FRAME", width: 375, height: 667 },
      };
      const [version] = sdVersionsFrom(
        { images: [{ ...png(1), seed: 42 }], interrupted: false, partials: 0 },
        render,
        { startedAt: 0, finishedAt: 1 },
        [],
      );
      const control = {
        type: "canny",
        strength: 0.8,
        frame: { id: "101:3", name: "Log-In Page", width: 375, height: 667 },
      };
      expect(version!.sd).toEqual({ seed: 42, steps: 20, cfgScale: 7, control });
      const back = fromRecord(recordOf(version!), 432, 768, 1);
      expect(back.sd?.control).toEqual(control);
      expect(
        sameSeedForm({ ...DEFAULT_FORM, controlType: "lineart", controlStrength: 1, useReference: true }, back),
      ).toMatchObject({
        seed: "42",
        sdWidth: "432",
        sdHeight: "768",
        controlType: "canny",
        controlStrength: 0.8,
        useReference: false,
      });
    },
  );
});
