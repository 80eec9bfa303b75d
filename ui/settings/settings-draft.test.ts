import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, type Settings } from "../../contract/settings.js";
import {
  changedFields,
  EMPTY_DRAFT,
  formOf,
  isDirty,
  savePlan,
  typedKeys,
  unsavedItems,
  withEdits,
  withKey,
  withReplacing,
} from "./settings-draft.js";
import { formSdSlot, formSlot, patchFrom, providerChange, slotName } from "./settings-form.js";

const saved: Settings = { ...DEFAULT_SETTINGS, provider: "openai", baseUrl: "", model: "gpt-5.4-image-2" };

describe("the settings form", () => {
  it("turns the form into a patch: trimmed base URL without trailing slashes, the provider's model when empty", () => {
    const form = {
      ...formOf(EMPTY_DRAFT, saved),
      baseUrl: "  https://proxy.example/v1/// ",
      model: " ",
      maxImageSize: "1024",
    };
    expect(patchFrom(form)).toEqual({
      patch: expect.objectContaining({
        baseUrl: "https://proxy.example/v1",
        model: "gpt-5.4-image-2",
        maxImageSize: 1024,
      }),
    });
  });

  it("names each invalid field with what to enter", () => {
    const result = patchFrom({
      ...formOf(EMPTY_DRAFT, saved),
      baseUrl: "proxy.example",
      maxImageSize: "12",
      timeoutSec: "x",
    });
    expect(result).toEqual({
      errors: {
        baseUrl: expect.stringContaining("http://"),
        maxImageSize: expect.stringContaining("256 to 4096"),
        timeoutSec: expect.stringContaining("10 to 900"),
      },
    });
  });

  it("a model left at the old provider's default follows the provider; a chosen one stays", () => {
    const form = formOf(EMPTY_DRAFT, saved);
    expect(providerChange(form, "openrouter")).toEqual({ provider: "openrouter", model: "openai/gpt-5.4-image-2" });
    expect(providerChange({ ...form, model: "gpt-4o" }, "openrouter")).toEqual({
      provider: "openrouter",
      model: "gpt-4o",
    });
  });

  it("the form's slot is its provider and endpoint, named for people", () => {
    expect(formSlot({ provider: "openrouter", baseUrl: "" })).toBe("openrouter");
    expect(formSlot({ provider: "openai", baseUrl: "https://Proxy.example/v1/" })).toBe(
      "openai https://proxy.example/v1",
    );
    expect(slotName("openrouter")).toBe("OpenRouter");
    expect(slotName("custom http://127.0.0.1:8080/v1")).toBe("127.0.0.1:8080 (custom)");
    expect(slotName("openai proxy.exa")).toBe("this base URL");
  });
});

describe("the settings draft", () => {
  it("is clean until something differs from the saved settings; editing back to the saved value is clean again", () => {
    expect(isDirty(EMPTY_DRAFT, saved)).toBe(false);
    const edited = withEdits(EMPTY_DRAFT, saved, { model: "gpt-4o" });
    expect(isDirty(edited, saved)).toBe(true);
    expect(changedFields(edited, saved)).toEqual(["model"]);
    expect(isDirty(withEdits(edited, saved, { model: "gpt-5.4-image-2" }), saved)).toBe(false);
    // Saved elsewhere (the code panel) to the same value: nothing left unsaved.
    expect(isDirty(edited, { ...saved, model: "gpt-4o" })).toBe(false);
  });

  it(
    "a typed key belongs to the slot it was typed for: switching " +
      "provider shows the other slot, switching back shows it again",
    () => {
      let draft = withKey(EMPTY_DRAFT, "openai", "sk-typed-openai");
      draft = withEdits(draft, saved, providerChange(formOf(draft, saved), "openrouter"));
      expect(formSlot(formOf(draft, saved))).toBe("openrouter");
      expect(draft.keys["openrouter"]).toBeUndefined();
      expect(draft.keys["openai"]).toBe("sk-typed-openai");
      draft = withEdits(draft, saved, providerChange(formOf(draft, saved), "openai"));
      expect(draft.keys[formSlot(formOf(draft, saved))]).toBe("sk-typed-openai");
    },
  );

  it("editing the base URL takes the typed key along, keystroke by keystroke", () => {
    let draft = withKey(EMPTY_DRAFT, "openai", "sk-typed");
    for (const url of ["h", "http://", "http://127.0.0.1:8080/v1"]) draft = withEdits(draft, saved, { baseUrl: url });
    expect(draft.keys).toEqual({ "openai http://127.0.0.1:8080/v1": "sk-typed" });
    // It does not overwrite a key typed for the new endpoint.
    const both = withEdits(withKey(withKey(EMPTY_DRAFT, "openai", "a"), "openai https://x.example", "b"), saved, {
      baseUrl: "https://x.example",
    });
    expect(both.keys).toEqual({ openai: "a", "openai https://x.example": "b" });
  });

  it("typed keys for real endpoints are unsaved work; blank ones and half-typed URLs are not", () => {
    const draft = withKey(
      withKey(withKey(EMPTY_DRAFT, "openrouter", " sk-or "), "openai", "   "),
      "openai proxy",
      "sk-x",
    );
    expect(typedKeys(draft)).toEqual([["openrouter", "sk-or"]]);
    expect(isDirty(draft, saved)).toBe(true);
    expect(unsavedItems(withEdits(draft, saved, { timeoutSec: "60" }), saved)).toEqual([
      "API key for OpenRouter",
      "model timeout",
    ]);
  });

  it("replacing a saved key shows the field; keeping the saved key forgets what was typed", () => {
    let draft = withReplacing(EMPTY_DRAFT, "openai", true);
    draft = withKey(draft, "openai", "sk-new");
    expect(draft.replacing).toEqual(["openai"]);
    draft = withReplacing(draft, "openai", false);
    expect(draft).toEqual(EMPTY_DRAFT);
  });

  it("Save: each other slot's typed key to its own slot first, then the settings with the form's own key", () => {
    let draft = withKey(EMPTY_DRAFT, "openai", "sk-openai");
    draft = withEdits(draft, saved, providerChange(formOf(draft, saved), "openrouter"));
    draft = withKey(draft, "openrouter", "sk-or");
    const plan = savePlan(draft, saved);
    expect(plan).toEqual({
      steps: [
        { settings: {}, key: { slot: "openai", value: "sk-openai" } },
        {
          settings: expect.objectContaining({ provider: "openrouter", model: "openai/gpt-5.4-image-2" }),
          key: { slot: "openrouter", value: "sk-or" },
        },
      ],
    });
  });

  it("Save with an invalid field sends nothing and names the field", () => {
    const draft = withKey(withEdits(EMPTY_DRAFT, saved, { timeoutSec: "5" }), "openai", "sk-openai");
    expect(savePlan(draft, saved)).toEqual({ errors: { timeoutSec: expect.any(String) } });
  });
});

describe("the settings draft: a local SD server", () => {
  it(
    "the form's server slot is its URL's; an empty URL is " +
      "refused by name, a local server's choices go in the patch",
    () => {
      const form = {
        ...formOf(EMPTY_DRAFT, saved),
        imageSource: "sd" as const,
        sdBaseUrl: " http://127.0.0.1:7861/ ",
        sdModel: " dreamshaper_8 [879db523c3] ",
        sdSampler: "Euler a",
      };
      expect(formSdSlot(form)).toBe("sd http://127.0.0.1:7861");
      expect(patchFrom(form)).toEqual({
        patch: expect.objectContaining({
          imageSource: "sd",
          sdBaseUrl: "http://127.0.0.1:7861",
          sdModel: "dreamshaper_8 [879db523c3]",
          sdSampler: "Euler a",
        }),
      });
      expect(patchFrom({ ...form, sdBaseUrl: "  " })).toEqual({
        errors: { sdBaseUrl: "Enter the server's address, such as http://127.0.0.1:7860." },
      });
    },
  );

  it("credentials typed for the server follow its URL as it is edited, and never move to the provider's slot", () => {
    let draft = withKey(EMPTY_DRAFT, "sd http://127.0.0.1:7860", "ada:pw");
    for (const url of ["http://127.0.0.1:786", "http://127.0.0.1:7861"])
      draft = withEdits(draft, saved, { sdBaseUrl: url });
    expect(draft.keys).toEqual({ "sd http://127.0.0.1:7861": "ada:pw" });
    draft = withEdits(draft, saved, { baseUrl: "http://127.0.0.1:7861" });
    expect(draft.keys).toEqual({ "sd http://127.0.0.1:7861": "ada:pw" });
  });

  it(
    "Save stores the credentials in the server's slot as " + "a step of their own, said as credentials while unsaved",
    () => {
      const draft = withKey(
        withEdits(EMPTY_DRAFT, saved, { imageSource: "sd" }),
        "sd http://127.0.0.1:7860",
        " ada:pw ",
      );
      expect(unsavedItems(draft, saved)).toEqual(["credentials for the SD server at 127.0.0.1:7860", "image source"]);
      expect(savePlan(draft, saved)).toEqual({
        steps: [
          { settings: {}, key: { slot: "sd http://127.0.0.1:7860", value: "ada:pw" } },
          { settings: expect.objectContaining({ imageSource: "sd", sdBaseUrl: "http://127.0.0.1:7860" }) },
        ],
      });
    },
  );
});
