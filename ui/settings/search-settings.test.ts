/** Settings → Search as a form: each field checked alone, with the message for what to type. */
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../contract/settings.js";
import { FIELD_ERRORS, formFrom, patchFrom } from "./settings-form.js";

describe("the Search group of the settings form", () => {
  it(
    "saves the models and dimensions; an empty embedding model falls " +
      "back to the default, an empty caption model means the vision model",
    () => {
      const form = {
        ...formFrom(DEFAULT_SETTINGS),
        embeddingModel: " ",
        embeddingDimensions: "512",
        captionModel: " gpt-4o-mini ",
      };
      expect(patchFrom(form)).toEqual({
        patch: expect.objectContaining({
          embeddingModel: "text-embedding-3-small",
          embeddingDimensions: 512,
          captionModel: "gpt-4o-mini",
        }),
      });
      expect(patchFrom({ ...form, captionModel: "" })).toEqual({
        patch: expect.objectContaining({ captionModel: "" }),
      });
    },
  );

  it("refuses dimensions that are empty, fractional or out of range, naming the field", () => {
    for (const bad of ["", "8", "100.5", "4096", "lots"]) {
      expect(patchFrom({ ...formFrom(DEFAULT_SETTINGS), embeddingDimensions: bad }), bad).toEqual({
        errors: { embeddingDimensions: FIELD_ERRORS["embeddingDimensions"] },
      });
    }
  });
});

describe("Batch API threshold field", () => {
  it("saves a whole number of images and refuses an empty or out-of-range value", () => {
    expect(patchFrom({ ...formFrom(DEFAULT_SETTINGS), batchApiThreshold: "40" })).toMatchObject({
      patch: { batchApiThreshold: 40 },
    });
    for (const bad of ["", "0", "2.5", "60000"])
      expect(patchFrom({ ...formFrom(DEFAULT_SETTINGS), batchApiThreshold: bad }), bad).toEqual({
        errors: { batchApiThreshold: FIELD_ERRORS["batchApiThreshold"] },
      });
  });
});
