import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { ALLOWED_DOMAINS, DEV_ALLOWED_DOMAINS, networkAccessFor } from "./network-access.js";

describe("network access", () => {
  it("matches manifest.json", () => {
    const manifest = JSON.parse(readFileSync(new URL("../../manifest.json", import.meta.url), "utf8")) as {
      networkAccess: { allowedDomains: string[]; devAllowedDomains: string[] };
    };
    expect(ALLOWED_DOMAINS).toEqual(manifest.networkAccess.allowedDomains);
    expect(DEV_ALLOWED_DOMAINS).toEqual(manifest.networkAccess.devAllowedDomains);
  });

  it.each([
    ["https://api.openai.com/v1", "allowed"],
    ["https://openrouter.ai/api/v1", "allowed"],
    ["http://api.openai.com/v1", "blocked"],
    ["https://my-proxy.example.com/v1", "blocked"],
    ["https://myres.openai.azure.com/openai/v1", "blocked"],
    ["http://localhost:8080/v1", "dev-only"],
    ["http://127.0.0.1:1234/v1", "dev-only"],
    ["not a url", "invalid"],
  ] as const)("%s is %s", (url, expected) => {
    expect(networkAccessFor(url)).toBe(expected);
  });
});
