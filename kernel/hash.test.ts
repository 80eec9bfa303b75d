import { describe, expect, it } from "vitest";
import { cyrb53, cyrb53Stream, fnv1a } from "./hash.js";

describe("cyrb53", () => {
  it("gives the values the caches were written with (a changed hash would re-embed every frame)", () => {
    expect(cyrb53("hello").toString(36)).toBe("19jqrdkps12");
    expect(cyrb53("hello", 7).toString(36)).toBe("1f6k5w9fmi0");
    expect(cyrb53("").toString(36)).toBe("wvjl67o803");
  });

  it("hashes text fed in pieces as the whole text", () => {
    const stream = cyrb53Stream();
    for (const piece of ["he", "", "llo"]) stream.feed(piece);
    expect(stream.digest()).toBe(cyrb53("hello"));
    expect(cyrb53("hello")).toBeLessThan(2 ** 53);
  });
});

describe("fnv1a", () => {
  it("is FNV-1a 32 of bytes and of a string's code units", () => {
    expect(fnv1a("")).toBe(0x811c9dc5);
    expect(fnv1a("a")).toBe(0xe40c292c);
    expect(fnv1a(Uint8Array.from([0x61]))).toBe(0xe40c292c);
  });
});
