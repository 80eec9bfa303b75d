/**
 * Keys in clientStorage by slot: an SD server's `user:password` is stored like an API key, under its server's
 * slot, read back by loadKeys, checked without being quoted, and never in the document.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createFigmaSim, installFigmaSim, type FigmaSim } from "../../test/figma-sim/sim.js";
import { CANVAS_FILE } from "../../test/helpers/canvas-file.js";
import { API_KEYS_KEY, checkApiKey, loadKeys, saveKey } from "./key-store.js";

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

function install(storage: Record<string, unknown> = {}): FigmaSim {
  const sim = createFigmaSim({ file: CANVAS_FILE, storage });
  restore = installFigmaSim(sim);
  return sim;
}

describe("key store: SD server credentials", () => {
  it("keeps them in the server's own slot beside the API keys, and removes only that slot", async () => {
    const sim = install({ [API_KEYS_KEY]: { openai: "sk-test-1" } });
    expect(await saveKey("sd http://127.0.0.1:7860", "ada:pw")).toEqual(["openai", "sd http://127.0.0.1:7860"]);
    expect(await loadKeys()).toEqual({ openai: "sk-test-1", "sd http://127.0.0.1:7860": "ada:pw" });
    expect(sim.storage.get(API_KEYS_KEY)).toEqual({ openai: "sk-test-1", "sd http://127.0.0.1:7860": "ada:pw" });
    expect(await saveKey("sd http://127.0.0.1:7860", null)).toEqual(["openai"]);
  });

  it("drops a stored entry whose slot is neither a provider's nor a server's", async () => {
    install({ [API_KEYS_KEY]: { "sd http://127.0.0.1:7860": "ada:pw", "sd 127.0.0.1": "x:y", evil: "k" } });
    expect(await loadKeys()).toEqual({ "sd http://127.0.0.1:7860": "ada:pw" });
  });

  it("checks credentials as user:password without quoting them", () => {
    const slot = "sd http://127.0.0.1:7860";
    expect(checkApiKey(" ada:pw ", slot)).toBe("ada:pw");
    expect(checkApiKey("", slot)).toBeNull();
    expect(() => checkApiKey("adapw", slot)).toThrow(
      "The server credentials must be written user:password (as given to --api-auth or --auth). Nothing was saved.",
    );
    expect(() => checkApiKey(":pw", slot)).toThrow(/user:password/);
    const spaced = (() => {
      try {
        checkApiKey("ada:p w", slot);
      } catch (error) {
        return (error as Error).message;
      }
      return "";
    })();
    expect(spaced).toBe(
      "The server credentials have spaces, line breaks or are far too long: paste them again. Nothing was saved.",
    );
    expect(spaced).not.toContain("p w");
    // An API key needs no colon.
    expect(checkApiKey("sk-abc", "openai")).toBe("sk-abc");
  });
});
