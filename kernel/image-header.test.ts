import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { encodePng } from "../test/openai-server/png";
import { readRasterHeader, readRasterSize } from "./image-header.js";

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../test/fixtures/images/${name}`, import.meta.url)));
const riff = (chunk: string, body: number[]): Uint8Array =>
  new Uint8Array([...Buffer.from("RIFF\0\0\0\0WEBP", "latin1"), ...Buffer.from(chunk, "latin1"), 0, 0, 0, 0, ...body]);

describe("readRasterHeader", () => {
  it("reads PNG, JPEG, GIF and WebP with the size their header states", () => {
    expect(readRasterHeader(encodePng(7, 3))).toEqual({ format: "png", width: 7, height: 3 });
    expect(readRasterHeader(fixture("gradient-300x200.jpg"))).toEqual({ format: "jpeg", width: 300, height: 200 });
    expect(readRasterHeader(fixture("gradient-120x80.webp"))).toEqual({ format: "webp", width: 120, height: 80 });
    expect(readRasterHeader(Uint8Array.from([...Buffer.from("GIF89a", "latin1"), 0x20, 0x00, 0x10, 0x00]))).toEqual({
      format: "gif",
      width: 32,
      height: 16,
    });
    expect(
      readRasterHeader(riff("VP8 ", [0, 0, 0, 0x9d, 0x01, 0x2a, 640 & 0xff, 640 >> 8, 480 & 0xff, 480 >> 8])),
    ).toEqual({ format: "webp", width: 640, height: 480 });
  });

  it("names the format without a size when the header is cut short or has no frame", () => {
    expect(readRasterHeader(encodePng(4, 4).subarray(0, 20))).toEqual({ format: "png" });
    expect(readRasterHeader(Uint8Array.from([0xff, 0xd8, 0xff, 0xda, 0, 2, 0, 0, 0, 0, 0]))).toEqual({
      format: "jpeg",
    });
    expect(readRasterSize(Uint8Array.from([0xff, 0xd8, 0xff, 0xda, 0, 2, 0, 0, 0, 0, 0]))).toBeUndefined();
  });

  it("says undefined for anything else, never throws", () => {
    expect(readRasterHeader(new Uint8Array())).toBeUndefined();
    expect(readRasterHeader(Uint8Array.from([0x89, 0x50, 0x4e]))).toBeUndefined();
    expect(readRasterHeader(new TextEncoder().encode("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toBeUndefined();
  });
});
