import { describe, expect, it } from "vitest";
import { base64ToBytes, bytesToBase64 } from "./base64.js";

describe("base64", () => {
  it("writes and reads the same base64 as Node for every padding case and for large inputs", () => {
    for (const length of [0, 1, 2, 3, 4, 5, 31, 256, 100_001]) {
      const bytes = new Uint8Array(length).map((_, i) => (i * 37 + 11) & 255);
      const text = Buffer.from(bytes).toString("base64");
      expect(bytesToBase64(bytes), String(length)).toBe(text);
      expect(base64ToBytes(text), String(length)).toEqual(bytes);
    }
  });

  it("reads unpadded and line-wrapped base64", () => {
    expect([...base64ToBytes("aGk")]).toEqual([104, 105]);
    expect([...base64ToBytes("aG\nk=\r\n")]).toEqual([104, 105]);
  });

  it("refuses text that is not base64", () => {
    expect(() => base64ToBytes("a$bc")).toThrow(/character "\$"/);
    expect(() => base64ToBytes("abcde")).toThrow(/wrong length/);
  });
});
