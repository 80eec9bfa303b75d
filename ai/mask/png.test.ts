/** The PNG codec the masks travel in: exact round trips, and PNGs made elsewhere (node:zlib) read right. */
import { deflateSync, inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { pngFromRows } from "../../test/openai-server/png.js";
import { readRasterSize } from "../../kernel/image-header.js";
import { cropPng, decodePng, encodePng, encodePngAsync, type PngChannels } from "./png.js";

const CRC = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();
function chunk(type: string, data: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, "latin1");
  out.set(data, 8);
  let c = 0xffffffff;
  for (const b of out.subarray(4, 8 + data.length)) c = CRC[(c ^ b) & 0xff]! ^ (c >>> 8);
  out.writeUInt32BE((c ^ 0xffffffff) >>> 0, 8 + data.length);
  return out;
}
/** A PNG written by hand with node:zlib: any colour type and depth, unfiltered rows. */
function handPng(
  width: number,
  height: number,
  depth: number,
  colourType: number,
  rows: number[][],
  extra: Buffer[] = [],
  interlace = 0,
): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = depth;
  header[9] = colourType;
  header[12] = interlace;
  const raw = Buffer.from(rows.flatMap((r) => [0, ...r]));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    ...extra,
    chunk("IDAT", deflateSync(raw)),
    chunk("IEND", new Uint8Array()),
  ]);
}

/** Pixels that exercise every filter: gradients, noise, repeats. */
function pixels(width: number, height: number, channels: number, seed: number): Uint8Array {
  const out = new Uint8Array(width * height * channels);
  let s = seed;
  for (let i = 0; i < out.length; i++) {
    s = (s * 1103515245 + 12345) >>> 0;
    const x = Math.floor(i / channels) % width;
    const y = Math.floor(i / channels / width);
    out[i] = y % 3 === 0 ? (x * 7 + y) & 0xff : y % 3 === 1 ? (s >>> 16) & 0xff : (out[i - width * channels] ?? 0);
  }
  return out;
}

describe("encodePng / decodePng", () => {
  it.each([1, 2, 3, 4] as PngChannels[])(
    "round-trips %i-channel pixels exactly, with the size in the header",
    (channels) => {
      const data = pixels(37, 11, channels, channels);
      const png = encodePng(37, 11, channels, data);
      expect(readRasterSize(png)).toEqual({ format: "png", width: 37, height: 11 });
      const { width, height, rgba } = decodePng(png);
      expect([width, height]).toEqual([37, 11]);
      for (let p = 0; p < 37 * 11; p++) {
        const src = [...data.subarray(p * channels, (p + 1) * channels)];
        const expected =
          channels === 1
            ? [src[0], src[0], src[0], 255]
            : channels === 2
              ? [src[0], src[0], src[0], src[1]]
              : channels === 3
                ? [...src, 255]
                : src;
        expect([...rgba.subarray(p * 4, p * 4 + 4)]).toEqual(expected);
      }
    },
  );

  it("writes zlib data node:zlib inflates to the filtered rows, and a 4096 × 4096 mask in kilobytes", () => {
    const png = encodePng(3, 2, 1, new Uint8Array([0, 128, 255, 0, 128, 255]));
    const idat = Buffer.from(png.subarray(8 + 25 + 8, png.length - 12 - 4));
    expect(inflateSync(idat).length).toBe((3 + 1) * 2);
    const big = new Uint8Array(4096 * 4096);
    for (let y = 1000; y < 3000; y++) big.fill(255, y * 4096 + 500, y * 4096 + 3500);
    const size = encodePng(4096, 4096, 1, big).length;
    expect(size).toBeLessThan(60_000);
  });

  it(
    "reads PNGs written elsewhere: RGB(A) by node:zlib, palettes " +
      "with alpha, 1-bit grey, 16-bit, grey with a transparent key",
    () => {
      const rgba = pngFromRows(2, 1, 4, new Uint8Array([0, 10, 20, 30, 40, 50, 60, 70, 80]));
      expect([...decodePng(rgba).rgba]).toEqual([10, 20, 30, 40, 50, 60, 70, 80]);
      const palette = handPng(
        3,
        1,
        8,
        3,
        [[0, 1, 1]],
        [chunk("PLTE", new Uint8Array([255, 0, 0, 0, 0, 255])), chunk("tRNS", new Uint8Array([0]))],
      );
      expect([...decodePng(palette).rgba]).toEqual([255, 0, 0, 0, 0, 0, 255, 255, 0, 0, 255, 255]);
      const bits = handPng(10, 1, 1, 0, [[0b10100000, 0b01000000]]);
      expect([...decodePng(bits).rgba].filter((_, i) => i % 4 === 0)).toEqual([255, 0, 255, 0, 0, 0, 0, 0, 0, 255]);
      const deep = handPng(1, 1, 16, 6, [[0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde, 0xf0]]);
      expect([...decodePng(deep).rgba]).toEqual([0x12, 0x56, 0x9a, 0xde]);
      const keyed = handPng(2, 1, 8, 0, [[7, 9]], [chunk("tRNS", new Uint8Array([0, 9]))]);
      expect([...decodePng(keyed).rgba]).toEqual([7, 7, 7, 255, 9, 9, 9, 0]);
    },
  );

  it(
    "filters every row by the one above when asked (a mask's rows), " +
      "and deflates the same rows off the platform's CompressionStream",
    async () => {
      const data = pixels(37, 11, 4, 4);
      const up = encodePng(37, 11, 4, data, "up");
      const idat = Buffer.from(up.subarray(8 + 25 + 8, up.length - 12 - 4));
      const raw = inflateSync(idat);
      expect(Array.from({ length: 11 }, (_, y) => raw[y * (37 * 4 + 1)])).toEqual([0, ...Array(10).fill(2)]);
      expect(decodePng(up).rgba).toEqual(decodePng(encodePng(37, 11, 4, data)).rgba);
      const viaStream = await encodePngAsync(37, 11, 4, data, "up");
      expect(viaStream).not.toEqual(up); // another deflater…
      expect(decodePng(viaStream)).toEqual(decodePng(up)); // …the same pixels
    },
  );

  it("filters each row as libpng's heuristic does: the smallest signed sum, Up, None, Sub, Paeth, Average", () => {
    const paeth = (a: number, b: number, c: number): number => {
      const p = a + b - c;
      const [pa, pb, pc] = [Math.abs(p - a), Math.abs(p - b), Math.abs(p - c)];
      return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    };
    // Each filter written out in full, for the row at y (the row above it zeros on the first).
    const filter = (type: number, rows: Uint8Array, y: number, stride: number, bpp: number): number[] =>
      Array.from({ length: stride }, (_, i) => {
        const x = rows[y * stride + i]!;
        const a = i >= bpp ? rows[y * stride + i - bpp]! : 0;
        const b = y > 0 ? rows[(y - 1) * stride + i]! : 0;
        const c = y > 0 && i >= bpp ? rows[(y - 1) * stride + i - bpp]! : 0;
        const predictor = [0, a, b, (a + b) >>> 1, paeth(a, b, c)][type]!;
        return (x - predictor) & 0xff;
      });
    const sum = (bytes: number[]): number => bytes.reduce((n, v) => n + (v < 128 ? v : 256 - v), 0);
    for (const channels of [1, 2, 3, 4] as PngChannels[]) {
      const [width, height] = [61, 23];
      const data = pixels(width, height, channels, 7 * channels);
      const png = encodePng(width, height, channels, data);
      const raw = inflateSync(Buffer.from(png.subarray(8 + 25 + 8, png.length - 12 - 4)));
      const stride = width * channels;
      const used = new Set<number>();
      for (let y = 0; y < height; y++) {
        const candidates = (y === 0 ? [0, 1] : [2, 0, 1, 4, 3]).map((type) => {
          const bytes = filter(type, data, y, stride, channels);
          return { type, bytes, cost: sum(bytes) };
        });
        const best = candidates.reduce((min, c) => (c.cost < min.cost ? c : min));
        used.add(best.type);
        expect([...raw.subarray(y * (stride + 1), (y + 1) * (stride + 1))], `${channels} channels, row ${y}`).toEqual([
          best.type,
          ...best.bytes,
        ]);
      }
      // The decoder undid each of them.
      expect(decodePng(png).rgba).toEqual(decodePng(encodePng(width, height, channels, data, "up")).rgba);
      if (channels === 4) expect(used.size).toBeGreaterThanOrEqual(3);
    }
  });

  it("refuses what it cannot read, saying why", () => {
    expect(() => decodePng(new Uint8Array([1, 2, 3]))).toThrow(expect.objectContaining({ kind: "input" }));
    expect(() => decodePng(handPng(1, 1, 8, 0, [[1]], [], 1))).toThrow(/Interlaced/);
    expect(() => decodePng(handPng(1, 1, 8, 3, [[0]]))).toThrow(/no palette/);
    expect(() => decodePng(handPng(2, 2, 8, 0, [[1, 2]]))).toThrow(/image data is 3 bytes/);
    expect(() => encodePng(2, 2, 1, new Uint8Array(3))).toThrow(/not 3/);
  });
});

/** The RGBA pixels of `rect` cut from `image`'s by hand. */
function cut(image: { width: number; rgba: Uint8Array }, r: { x: number; y: number; w: number; h: number }) {
  const out = new Uint8Array(r.w * r.h * 4);
  for (let row = 0; row < r.h; row++) {
    const from = ((r.y + row) * image.width + r.x) * 4;
    out.set(image.rgba.subarray(from, from + r.w * 4), row * r.w * 4);
  }
  return out;
}

describe("cropPng", () => {
  it.each([1, 2, 3, 4] as PngChannels[])(
    "cuts %i-channel pictures' full-width bands and other rectangles to exactly their pixels",
    async (channels) => {
      // 40 px wide: every row aligns to 4 bytes (the fast Up path); 37 px wide: only RGBA rows do.
      for (const width of [40, 37]) {
        const png = encodePng(width, 23, channels, pixels(width, 23, channels, 7 + channels));
        const whole = decodePng(png);
        const rects = [
          { x: 0, y: 0, w: width, h: 9 },
          { x: 0, y: 9, w: width, h: 14 },
          { x: 0, y: 5, w: width, h: 1 },
          { x: 3, y: 4, w: 20, h: 10 },
        ];
        const crops = await cropPng(png, rects);
        for (const [k, r] of rects.entries()) {
          const got = decodePng(crops[k]!);
          expect([got.width, got.height]).toEqual([r.w, r.h]);
          expect(got.rgba, `${channels} channels, ${width} px, rect ${k}`).toEqual(cut(whole, r));
        }
        // A band keeps the picture's colour type (IHDR byte 9): no alpha added to an RGB screenshot.
        expect(crops[0]![25]).toBe(png[25]);
      }
    },
  );

  it("cuts PNGs made elsewhere too: Up-filtered rows by node:zlib, palettes, 16-bit samples (as RGBA)", async () => {
    const width = 8;
    const rows = Array.from({ length: 6 }, (_, y) =>
      Array.from({ length: width * 3 }, (_, i) => (i * 31 + y * 17) & 0xff),
    );
    const upRaw = Buffer.from(
      rows.flatMap((row, y) => [2, ...row.map((v, i) => (v - (y > 0 ? rows[y - 1]![i]! : 0)) & 0xff)]),
    );
    const header = Buffer.alloc(13);
    header.writeUInt32BE(width, 0);
    header.writeUInt32BE(6, 4);
    header[8] = 8;
    header[9] = 2;
    const up = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk("IHDR", header),
      chunk("IDAT", deflateSync(upRaw)),
      chunk("IEND", new Uint8Array()),
    ]);
    const palette = handPng(
      3,
      2,
      8,
      3,
      [
        [0, 1, 1],
        [1, 0, 1],
      ],
      [chunk("PLTE", new Uint8Array([255, 0, 0, 0, 0, 255])), chunk("tRNS", new Uint8Array([0]))],
    );
    const deep = handPng(1, 2, 16, 6, [
      [0x12, 0x34, 0x56, 0x78, 0x9a, 0xbc, 0xde, 0xf0],
      [1, 2, 3, 4, 5, 6, 7, 8],
    ]);
    for (const png of [up, palette, deep]) {
      const whole = decodePng(png);
      const band = { x: 0, y: 1, w: whole.width, h: whole.height - 1 };
      const [crop] = await cropPng(png, [band]);
      expect(decodePng(crop!).rgba).toEqual(cut(whole, band));
    }
    expect(await cropPng(up, [])).toEqual([]);
    await expect(cropPng(up, [{ x: 0, y: 4, w: width, h: 3 }])).rejects.toThrow(/Cannot cut 8 × 3 px at \(0, 4\)/);
    await expect(cropPng(up, [{ x: 2, y: 0, w: width, h: 1 }])).rejects.toThrow(/from a 8 × 6 px picture/);
    await expect(cropPng(new Uint8Array([1, 2, 3]), [{ x: 0, y: 0, w: 1, h: 1 }])).rejects.toThrow(/not a PNG/);
  });
});
