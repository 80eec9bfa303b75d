import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { cspHash, sha256, utf8 } from "./sha256.js";

const node = (text: string): string => createHash("sha256").update(text, "utf8").digest("base64");

describe("sha256", () => {
  it.each([
    "",
    "abc",
    "a".repeat(55),
    "a".repeat(56),
    "a".repeat(64),
    "a".repeat(1000),
    "Matches the design 96 % · Phone ✓ 𝒳 — é",
  ])("equals node:crypto on %j", (text) => {
    expect(Buffer.from(sha256(utf8(text))).toString("base64")).toBe(node(text));
    expect(Buffer.from(utf8(text)).equals(Buffer.from(text, "utf8"))).toBe(true);
  });

  it("names a script as a CSP source", () => {
    expect(cspHash("alert(1)")).toBe(`'sha256-${node("alert(1)")}'`);
  });
});
