import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../contract/settings.js";
import { DEFAULT_FORM } from "./form.js";
import { checkSdForm, sdFrameSize, sdRequestData } from "./sd-form.js";

const form = { ...DEFAULT_FORM, prompt: "a lighthouse at dusk" };

describe("the SD form", () => {
  it("is ready with the defaults and a prompt; an empty prompt is not a problem to show, only not ready", () => {
    expect(checkSdForm(form)).toEqual({ problems: {}, ready: true });
    expect(checkSdForm({ ...form, prompt: " " })).toEqual({ problems: {}, ready: false });
  });

  it("ties each problem to its control, with a size on the 8-px grid beside a size problem", () => {
    const check = checkSdForm({ ...form, sdWidth: "500", sdHeight: "3000", steps: "0", cfgScale: "x", seed: "12a" });
    expect(check.ready).toBe(false);
    expect(check.problems).toEqual({
      size: "SD draws sizes that are multiples of 8, from 64 to 2048 px a side.",
      steps: "Steps: a whole number from 1 to 150.",
      cfgScale: "CFG scale: a number from 1 to 30.",
      seed: "Seed: a whole number, or blank for a random one.",
    });
    expect(check.suggestion).toEqual({ width: 504, height: 2048 });
    expect(checkSdForm({ ...form, sdWidth: "", sdHeight: "512" }).problems.size).toBe(
      "Type the width and height in whole pixels.",
    );
  });

  it("a frame's shape at SD's scale: long side 768, both sides multiples of 8", () => {
    expect(sdFrameSize({ width: 375, height: 812 })).toEqual({ width: 352, height: 768 });
    expect(sdFrameSize({ width: 1440, height: 900 })).toEqual({ width: 768, height: 480 });
  });

  it(
    "the request: blank seed and sampler left to the server (or " +
      "Settings' sampler), the model from Settings, img2img's strength",
    () => {
      expect(sdRequestData(form, DEFAULT_SETTINGS)).toEqual({
        prompt: "a lighthouse at dusk",
        width: 512,
        height: 512,
        steps: 20,
        cfgScale: 7,
        batchSize: 1,
      });
      const init = new Uint8Array([1, 2, 3]);
      const asked = {
        ...form,
        negativePrompt: " blurry ",
        seed: "42",
        count: 3,
        strength: 0.35,
        sampler: "UniPC",
        cfgScale: "6.5",
      };
      expect(sdRequestData(asked, { sdModel: "dreamshaper_8 [879db523c3]", sdSampler: "Euler a" }, init)).toEqual({
        prompt: "a lighthouse at dusk",
        negativePrompt: "blurry",
        width: 512,
        height: 512,
        steps: 20,
        cfgScale: 6.5,
        sampler: "UniPC",
        model: "dreamshaper_8 [879db523c3]",
        seed: 42,
        batchSize: 3,
        init: { bytes: init, strength: 0.35 },
      });
      expect(sdRequestData(form, { sdModel: "", sdSampler: "Euler a" }).sampler).toBe("Euler a");
    },
  );
});
