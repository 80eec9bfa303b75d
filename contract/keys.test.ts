import { describe, expect, it } from "vitest";
import { keySlot, keySlotField, normaliseEndpoint, parseKeySlot, slotLabel } from "./keys.js";

describe("key slots", () => {
  it("is the provider at its own endpoint, and provider + endpoint anywhere else", () => {
    expect(keySlot({ provider: "openai", baseUrl: "" })).toBe("openai");
    expect(keySlot({ provider: "openai", baseUrl: "https://API.openai.com/v1/" })).toBe("openai");
    expect(keySlot({ provider: "openrouter", baseUrl: "" })).toBe("openrouter");
    expect(keySlot({ provider: "openai", baseUrl: "https://openrouter.ai/api/v1" })).toBe("openai https://openrouter.ai/api/v1");
    expect(keySlot({ provider: "custom", baseUrl: "" })).toBe("custom http://localhost:8080/v1");
    expect(keySlot({ provider: "custom", baseUrl: "http://127.0.0.1:11434/v1" })).toBe("custom http://127.0.0.1:11434/v1");
  });

  it("two providers, or two base URLs, never share a slot", () => {
    const slots = [
      keySlot({ provider: "openai", baseUrl: "" }),
      keySlot({ provider: "openrouter", baseUrl: "" }),
      keySlot({ provider: "custom", baseUrl: "https://api.openai.com/v1" }),
      keySlot({ provider: "custom", baseUrl: "https://api.openai.com/v2" }),
    ];
    expect(new Set(slots).size).toBe(slots.length);
  });

  it("parses only what keySlot makes", () => {
    expect(parseKeySlot("openai")).toEqual({ provider: "openai", endpoint: "https://api.openai.com/v1" });
    expect(parseKeySlot("custom http://localhost:8080/v1")).toEqual({ provider: "custom", endpoint: "http://localhost:8080/v1" });
    for (const bad of ["custom", "evil", "openai ftp://x", "custom http://Host/v1/", "custom http://a b"]) expect(parseKeySlot(bad)).toBeUndefined();
    expect(() => keySlotField.check("evil", "slot")).toThrow("slot must be a key slot");
  });

  it("normalises endpoints without URL (the main thread has none) and labels slots for people", () => {
    expect(normaliseEndpoint(" HTTPS://Example.COM/V1// ")).toBe("https://example.com/V1");
    expect(slotLabel("openrouter")).toBe("OpenRouter");
    expect(slotLabel("custom http://localhost:8080/v1")).toBe("localhost:8080 (custom)");
    expect(slotLabel("openai https://proxy.example.com/v1")).toBe("OpenAI at proxy.example.com");
  });
});
