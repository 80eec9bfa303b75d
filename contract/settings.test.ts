import { describe, expect, it } from "vitest";
import { checkSettingsPatch, DEFAULT_SETTINGS, readSettings, settingsPatchField } from "./settings.js";

describe("settings: followSelection (“Update as I select”)", () => {
  it("is off by default", () => {
    expect(DEFAULT_SETTINGS.followSelection).toBe(false);
    expect(readSettings(undefined).followSelection).toBe(false);
  });

  it("keeps a stored boolean, and falls back to the default for anything else without touching the other keys", () => {
    expect(readSettings({ followSelection: true }).followSelection).toBe(true);
    for (const bad of ["yes", 1, null, {}]) {
      const read = readSettings({ followSelection: bad, target: "html" });
      expect(read.followSelection).toBe(false);
      expect(read.target).toBe("html");
    }
  });

  it("a patch accepts a boolean and names the key it refuses", () => {
    expect(checkSettingsPatch({ followSelection: true })).toEqual({
      accepted: { followSelection: true },
      rejected: [],
    });
    expect(checkSettingsPatch({ followSelection: "on", nodeIds: true })).toEqual({
      accepted: { nodeIds: true },
      rejected: ["followSelection"],
    });
    expect(() => settingsPatchField.check({ followSelection: "on" }, "settings")).toThrow(/followSelection/);
    expect(settingsPatchField.check({ followSelection: false }, "settings")).toEqual({ followSelection: false });
  });
});

describe("settings: Search's models", () => {
  it("default to text-embedding-3-small at 256 dimensions, captions by the vision model", () => {
    expect(readSettings(undefined)).toMatchObject({
      embeddingModel: "text-embedding-3-small",
      embeddingDimensions: 256,
      captionModel: "",
    });
  });

  it("check each key alone: a bad value falls back to its default, the others stay", () => {
    const read = readSettings({ embeddingModel: "", embeddingDimensions: 12.5, captionModel: "gpt-4o-mini" });
    expect(read).toMatchObject({
      embeddingModel: "text-embedding-3-small",
      embeddingDimensions: 256,
      captionModel: "gpt-4o-mini",
    });
    expect(checkSettingsPatch({ embeddingDimensions: 8, embeddingModel: "nomic-embed-text" })).toEqual({
      accepted: { embeddingModel: "nomic-embed-text" },
      rejected: ["embeddingDimensions"],
    });
    expect(checkSettingsPatch({ embeddingDimensions: 3072 }).accepted).toEqual({ embeddingDimensions: 3072 });
  });
});

describe("settings: the image source (hosted or a local SD server)", () => {
  it("a store written before the SD settings existed reads with the hosted model and SD.Next's default address", () => {
    const older = { provider: "openrouter", baseUrl: "", model: "openai/gpt-5.4-image-2", target: "html" };
    expect(readSettings(older)).toMatchObject({
      ...older,
      imageSource: "hosted",
      sdBaseUrl: "http://127.0.0.1:7860",
      sdModel: "",
      sdSampler: "",
    });
  });

  it("keeps a local server's choices, and checks each key alone", () => {
    const stored = {
      imageSource: "sd",
      sdBaseUrl: "http://localhost:7861",
      sdModel: "dreamshaper_8 [879db523c3]",
      sdSampler: "Euler a",
    };
    expect(readSettings(stored)).toMatchObject(stored);
    const damaged = readSettings({
      imageSource: "comfy",
      sdBaseUrl: "127.0.0.1:7860",
      sdModel: 3,
      sdSampler: "DPM++ 2M",
    });
    expect(damaged).toMatchObject({
      imageSource: "hosted",
      sdBaseUrl: "http://127.0.0.1:7860",
      sdModel: "",
      sdSampler: "DPM++ 2M",
    });
  });

  it("a patch refuses an empty or scheme-less server URL by name", () => {
    expect(checkSettingsPatch({ imageSource: "sd", sdBaseUrl: "" })).toEqual({
      accepted: { imageSource: "sd" },
      rejected: ["sdBaseUrl"],
    });
    expect(checkSettingsPatch({ sdBaseUrl: "ftp://127.0.0.1:7860" }).rejected).toEqual(["sdBaseUrl"]);
    expect(checkSettingsPatch({ sdBaseUrl: "http://127.0.0.1:7860/sdapi/v1" }).accepted).toEqual({
      sdBaseUrl: "http://127.0.0.1:7860/sdapi/v1",
    });
  });
});
