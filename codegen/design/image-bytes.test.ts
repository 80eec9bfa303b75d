import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { encodePng } from "../../test/openai-server/png";
import { bytesHash, sameBytes, sniffImage } from "./image-bytes";

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../test/fixtures/images/${name}`, import.meta.url)));

describe("sniffImage", () => {
  it("reads PNG, JPEG and WebP encoder output with its pixel size", () => {
    expect(sniffImage(encodePng(7, 3))).toEqual({ format: "png", width: 7, height: 3 });
    expect(sniffImage(fixture("gradient-300x200.jpg"))).toEqual({ format: "jpeg", width: 300, height: 200 });
    expect(sniffImage(fixture("gradient-120x80.webp"))).toEqual({ format: "webp", width: 120, height: 80 });
  });

  it("reads a GIF header and SVG text (with a prolog and comment before the root)", () => {
    const gif = Uint8Array.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x20, 0x00, 0x10, 0x00, 0, 0, 0]);
    expect(sniffImage(gif)).toEqual({ format: "gif", width: 32, height: 16 });
    const svg = new TextEncoder().encode(
      '<?xml version="1.0"?>\n<!-- icon -->\n<svg xmlns="http://www.w3.org/2000/svg"/>',
    );
    expect(sniffImage(svg)).toEqual({ format: "svg" });
  });

  it("trusts the bytes, never a name: a JPEG is a JPEG whatever it was called, and junk is nothing", () => {
    expect(sniffImage(fixture("gradient-300x200.jpg"))?.format).toBe("jpeg");
    expect(sniffImage(new TextEncoder().encode("<html><body>not an image</body></html>"))).toBeUndefined();
    expect(sniffImage(new Uint8Array())).toBeUndefined();
    expect(sniffImage(Uint8Array.from([0x89, 0x50, 0x4e]))).toBeUndefined();
  });
});

describe("bytesHash / sameBytes", () => {
  it("hash equal bytes equally and tell different bytes apart", () => {
    const a = encodePng(4, 4, { seed: 1 });
    const b = new Uint8Array(a);
    const c = encodePng(4, 4, { seed: 2 });
    expect(bytesHash(a)).toBe(bytesHash(b));
    expect(sameBytes(a, b)).toBe(true);
    expect(bytesHash(a)).not.toBe(bytesHash(c));
    expect(sameBytes(a, c)).toBe(false);
  });
});
