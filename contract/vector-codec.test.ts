import { describe, expect, it } from "vitest";
import { base64ToBytes, bytesToBase64 } from "../kernel/base64.js";
import { decodeVector, encodeVector } from "./vector-codec.js";

describe("vector codec", () => {
  it("writes the same base64 as Node for every length remainder", () => {
    for (const length of [0, 1, 2, 3, 4, 5, 31, 256]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 37 + 11) & 255);
      expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString("base64"));
      expect([...base64ToBytes(bytesToBase64(bytes))]).toEqual([...bytes]);
    }
  });

  it("round-trips a vector at Float32 precision in 4 bytes a dimension", () => {
    const vector = Array.from({ length: 256 }, (_, i) => Math.sin(i) / 7);
    const text = encodeVector(vector);
    expect(text.length).toBe(Math.ceil((256 * 4) / 3) * 4);
    const back = decodeVector(text);
    expect(back).toHaveLength(256);
    back.forEach((value, i) => expect(value).toBeCloseTo(vector[i]!, 6));
  });

  it("refuses text that is not a vector", () => {
    expect(() => decodeVector("a$bc")).toThrow(/character "\$"/);
    expect(() => decodeVector(bytesToBase64(new Uint8Array(6)))).toThrow(/6 bytes/);
  });
});
