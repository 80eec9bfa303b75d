import { describe, expect, it } from "vitest";
import {
  isKeySlot,
  keySlot,
  keySlotField,
  normaliseEndpoint,
  parseKeySlot,
  parseSdSlot,
  sdSlot,
  slotLabel,
} from "./keys.js";

describe("key slots", () => {
  it("is the provider at its own endpoint, and provider + endpoint anywhere else", () => {
    expect(keySlot({ provider: "openai", baseUrl: "" })).toBe("openai");
    expect(keySlot({ provider: "openai", baseUrl: "https://API.openai.com/v1/" })).toBe("openai");
    expect(keySlot({ provider: "openrouter", baseUrl: "" })).toBe("openrouter");
    expect(keySlot({ provider: "openai", baseUrl: "https://openrouter.ai/api/v1" })).toBe(
      "openai https://openrouter.ai/api/v1",
    );
    expect(keySlot({ provider: "custom", baseUrl: "" })).toBe("custom http://localhost:8080/v1");
    expect(keySlot({ provider: "custom", baseUrl: "http://127.0.0.1:11434/v1" })).toBe(
      "custom http://127.0.0.1:11434/v1",
    );
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
    expect(parseKeySlot("custom http://localhost:8080/v1")).toEqual({
      provider: "custom",
      endpoint: "http://localhost:8080/v1",
    });
    for (const bad of ["custom", "evil", "openai ftp://x", "custom http://Host/v1/", "custom http://a b"])
      expect(parseKeySlot(bad)).toBeUndefined();
    expect(() => keySlotField.check("evil", "slot")).toThrow("slot must be a key slot");
  });

  it("normalises endpoints without URL (the main thread has none) and labels slots for people", () => {
    expect(normaliseEndpoint(" HTTPS://Example.COM/V1// ")).toBe("https://example.com/V1");
    expect(slotLabel("openrouter")).toBe("OpenRouter");
    expect(slotLabel("custom http://localhost:8080/v1")).toBe("localhost:8080 (custom)");
    expect(slotLabel("openai https://proxy.example.com/v1")).toBe("OpenAI at proxy.example.com");
  });
});

describe("an SD server's credentials", () => {
  it("are filed under its base URL, the same server however the URL is written", () => {
    expect(sdSlot("http://127.0.0.1:7860")).toBe("sd http://127.0.0.1:7860");
    for (const same of [
      "http://127.0.0.1:7860/",
      " HTTP://127.0.0.1:7860/sdapi/v1 ",
      "http://127.0.0.1:7860/sdapi/v1/",
    ])
      expect(sdSlot(same)).toBe("sd http://127.0.0.1:7860");
    // Another port, host or scheme is another server: its credentials are never sent there.
    expect(
      new Set([
        sdSlot("http://127.0.0.1:7860"),
        sdSlot("http://127.0.0.1:7861"),
        sdSlot("http://localhost:7860"),
        sdSlot("https://127.0.0.1:7860"),
      ]).size,
    ).toBe(4);
    // Never the slot of a provider at the same address.
    expect(sdSlot("http://localhost:8080/v1")).not.toBe(
      keySlot({ provider: "custom", baseUrl: "http://localhost:8080/v1" }),
    );
  });

  it("parse, pass the message check and read as a server", () => {
    expect(parseSdSlot("sd http://127.0.0.1:7860")).toEqual({ endpoint: "http://127.0.0.1:7860" });
    for (const bad of [
      "sd",
      "sd ",
      "sd 127.0.0.1:7860",
      "sd http://Host:7860",
      "sd http://a b",
      "sdnext http://127.0.0.1:7860",
    ])
      expect(parseSdSlot(bad), bad).toBeUndefined();
    expect(isKeySlot("sd http://127.0.0.1:7860")).toBe(true);
    expect(isKeySlot("openai")).toBe(true);
    expect(isKeySlot("sd ftp://x")).toBe(false);
    expect(keySlotField.check("sd http://127.0.0.1:7860", "slot")).toBe("sd http://127.0.0.1:7860");
    expect(parseKeySlot("sd http://127.0.0.1:7860")).toBeUndefined();
    expect(slotLabel("sd http://127.0.0.1:7860")).toBe("the SD server at 127.0.0.1:7860");
  });
});
