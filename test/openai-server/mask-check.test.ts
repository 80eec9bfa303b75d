/** The test server's check of an edit's mask, which the spec's schema cannot express (a binary string). */
import { describe, expect, it } from "vitest";
import { encodePng } from "./png.js";
import { maskErrors } from "./mask-check.js";

const file = (field: string, bytes: Uint8Array) => ({
  field,
  filename: `${field}.png`,
  contentType: "image/png",
  bytes: Buffer.from(bytes),
});

describe("maskErrors", () => {
  it("passes an RGBA PNG of the first image's size, and an edit without a mask", () => {
    expect(
      maskErrors([
        file("image[]", encodePng(30, 20)),
        file("image[]", encodePng(5, 5)),
        file("mask", encodePng(30, 20, { alpha: true })),
      ]),
    ).toEqual([]);
    expect(maskErrors([file("image", encodePng(30, 20))])).toEqual([]);
  });

  it("refuses a mask without alpha, of another size, not a PNG, or without an image", () => {
    expect(maskErrors([file("image", encodePng(30, 20)), file("mask", encodePng(30, 20))])).toEqual([
      "/mask must have an alpha channel (its transparent pixels are the ones edited)",
    ]);
    expect(maskErrors([file("image", encodePng(30, 20)), file("mask", encodePng(20, 30, { alpha: true }))])).toEqual([
      "/mask must have the same dimensions as the first image (20x30 vs 30x20)",
    ]);
    expect(
      maskErrors([file("image", encodePng(30, 20)), file("mask", new TextEncoder().encode("GIF89a...."))]),
    ).toEqual(["/mask must be a valid PNG file"]);
    expect(maskErrors([file("mask", encodePng(30, 20, { alpha: true }))])).toEqual([
      "/mask needs an image to apply to",
    ]);
  });
});
