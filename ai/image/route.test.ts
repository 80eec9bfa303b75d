/** The panel's route (no SDK) agrees with ai/image's imageConfig for every provider and "Reason first". */
import { describe, expect, it } from "vitest";
import { imageConfig } from "./config.js";
import { DEFAULT_SETTINGS, PROVIDER_DEFAULTS } from "../../contract/settings.js";
import { PROVIDERS } from "../../contract/words.js";
import { imageRoute } from "./route.js";

describe("imageRoute", () => {
  it.each(PROVIDERS.flatMap((provider) => [true, false].map((reasonFirst) => [provider, reasonFirst] as const)))(
    "%s, reason first %s: the same API and models as imageConfig",
    (provider, reasonFirst) => {
      const settings = { ...DEFAULT_SETTINGS, provider, model: PROVIDER_DEFAULTS[provider].model };
      const config = imageConfig(settings, "sk-x", { api: reasonFirst ? "responses" : "images" });
      expect(imageRoute(settings, reasonFirst)).toEqual({
        api: config.api,
        model: config.model,
        imageModel: config.imageModel,
      });
    },
  );
});
