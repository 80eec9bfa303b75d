/** Reading image bytes: real encoder output (zlib PNGs, Chromium's JPEG and WebP) and hand-made headers. */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../../test/helpers/fixtures.js";
import { encodePng } from "../../test/openai-server/png.js";
import { base64ToBytes, bytesToBase64 } from "../../kernel/base64.js";
import { fromDataUrl, imageInfo, toDataUrl } from "./bytes.js";

const fixture = (name: string): Uint8Array => readFileSync(`${REPO_ROOT}/test/fixtures/images/${name}`);

describe("imageInfo", () => {
  it("reads PNG, JPEG and WebP files as encoders write them", () => {
    expect(imageInfo(encodePng(1536, 1024))).toEqual({ format: "png", width: 1536, height: 1024 });
    expect(imageInfo(encodePng(7, 3, { alpha: true }))).toEqual({ format: "png", width: 7, height: 3 });
    expect(imageInfo(fixture("gradient-300x200.jpg"))).toEqual({ format: "jpeg", width: 300, height: 200 });
    expect(imageInfo(fixture("gradient-120x80.webp"))).toEqual({ format: "webp", width: 120, height: 80 });
  });

  it("reads simple WebP (VP8, VP8L) and GIF headers", () => {
    const riff = (tag: string, body: number[]): Uint8Array =>
      new Uint8Array([
        ...Buffer.from("RIFF\0\0\0\0WEBP" + tag, "latin1"),
        0,
        0,
        0,
        0,
        ...body,
        ...new Array(16).fill(0),
      ]);
    // VP8: frame tag (3 bytes), start code 9d 01 2a, then 14-bit width and height (little-endian).
    expect(imageInfo(riff("VP8 ", [0, 0, 0, 0x9d, 0x01, 0x2a, 640 & 0xff, 640 >> 8, 480 & 0xff, 480 >> 8]))).toEqual({
      format: "webp",
      width: 640,
      height: 480,
    });
    // VP8L: signature 0x2f, then width-1 (14 bits) and height-1 (14 bits).
    const bits = (99 & 0x3fff) | ((49 & 0x3fff) << 14);
    expect(
      imageInfo(riff("VP8L", [0x2f, bits & 0xff, (bits >> 8) & 0xff, (bits >> 16) & 0xff, (bits >> 24) & 0xff])),
    ).toEqual({ format: "webp", width: 100, height: 50 });
    expect(imageInfo(new Uint8Array([...Buffer.from("GIF89a", "latin1"), 0x20, 0x03, 0x58, 0x02]))).toEqual({
      format: "gif",
      width: 800,
      height: 600,
    });
  });

  it("says undefined for anything else, never throws", () => {
    expect(imageInfo(new Uint8Array())).toBeUndefined();
    expect(imageInfo(new TextEncoder().encode("<html>not an image</html>"))).toBeUndefined();
    expect(imageInfo(encodePng(4, 4).subarray(0, 20))).toBeUndefined();
    expect(imageInfo(new Uint8Array([0xff, 0xd8, 0xff, 0xda, 0, 2, 0, 0, 0, 0, 0]))).toBeUndefined();
  });
});

describe("base64 and data URLs", () => {
  it.each([0, 1, 2, 3, 4, 5, 100_000, 100_001, 100_002])(
    "round-trips %i bytes of every value as Node's encoder writes them",
    (length) => {
      const bytes = new Uint8Array(length).map((_, i) => (i * 7919) % 256);
      expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString("base64"));
      expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
    },
  );

  it("writes data URLs with the sniffed type and reads only base64 data URLs", () => {
    const jpeg = fixture("gradient-300x200.jpg");
    expect(toDataUrl(jpeg)).toMatch(/^data:image\/jpeg;base64,\/9j\//);
    expect(toDataUrl(encodePng(2, 2))).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
    expect(fromDataUrl(toDataUrl(jpeg))).toEqual(new Uint8Array(jpeg));
    expect(fromDataUrl("https://example.com/a.png")).toBeUndefined();
    expect(fromDataUrl("data:text/plain,hello")).toBeUndefined();
  });
});
