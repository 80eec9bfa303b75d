import { describe, expect, it } from "vitest";
import { sameShape, sizeKeepingShape } from "./limits.js";

describe("a size that keeps an image's shape (inpainting's edit)", () => {
  it("gpt-image-2: the multiples of 16 with the truest shape, the size itself when it already is one", () => {
    expect(sizeKeepingShape({ width: 400, height: 200 }, "gpt-image-2")).toEqual({ width: 416, height: 208 });
    expect(sizeKeepingShape({ width: 200, height: 400 }, "gpt-image-2")).toEqual({ width: 208, height: 416 });
    expect(sizeKeepingShape({ width: 1536, height: 1024 }, "gpt-image-2")).toEqual({ width: 1536, height: 1024 });
    expect(sizeKeepingShape({ width: 1000, height: 750 }, "openai/gpt-5.4-image-2")).toEqual({
      width: 1024,
      height: 768,
    });
    // Scaled down within 3840 px a side and 3840×2160 pixels, the shape kept.
    const big = sizeKeepingShape({ width: 6000, height: 4000 }, "gpt-image-2")!;
    expect(big.width % 16 === 0 && big.height % 16 === 0 && big.width * big.height <= 3840 * 2160).toBe(true);
    expect(sameShape(big, { width: 3, height: 2 })).toBe(true);
    // Beyond 3:1 it draws no such shape.
    expect(sizeKeepingShape({ width: 1600, height: 400 }, "gpt-image-2")).toBeUndefined();
  });

  it("a fixed-size model: the one of its three sizes with that shape, or none", () => {
    expect(sizeKeepingShape({ width: 300, height: 200 }, "gpt-image-1")).toEqual({ width: 1536, height: 1024 });
    expect(sizeKeepingShape({ width: 512, height: 512 }, "gpt-image-1")).toEqual({ width: 1024, height: 1024 });
    expect(sizeKeepingShape({ width: 400, height: 200 }, "gpt-image-1")).toBeUndefined();
  });

  it("another model: the size itself, within 64–4096 px a side", () => {
    expect(sizeKeepingShape({ width: 400, height: 200 }, "flux-dev")).toEqual({ width: 400, height: 200 });
    expect(sizeKeepingShape({ width: 8192, height: 4096 }, "flux-dev")).toEqual({ width: 4096, height: 2048 });
    expect(sizeKeepingShape({ width: 40, height: 20 }, "flux-dev")).toEqual({ width: 128, height: 64 });
  });
});
