/**
 * The mask model: outlines filled pixel-exactly, each provider's PNG, and the mask read back from either convention.
 */
import { describe, expect, it } from "vitest";
import type { MaskSource } from "../../contract/mask.js";
import { encodeOpenAiMask, maskFromPng, openAiMaskPng, sdMaskPng } from "./convert.js";
import { maskFromSource } from "./from-source.js";
import { emptyMask, maskExtent, maskSizeProblem, type Mask } from "./mask.js";
import { flattenPath } from "./path.js";
import { decodePng } from "./png.js";
import { rasterize } from "./rasterize.js";

const ID: [[number, number, number], [number, number, number]] = [
  [1, 0, 0],
  [0, 1, 0],
];
const rect = (x: number, y: number, w: number, h: number): string =>
  `M ${x} ${y} L ${x + w} ${y} L ${x + w} ${y + h} L ${x} ${y + h} Z`;
/** The plane as rows of text: '#' full, '.' empty, '+' partial. */
const picture = (width: number, coverage: Uint8Array): string[] => {
  const rows: string[] = [];
  for (let i = 0; i < coverage.length; i += width)
    rows.push([...coverage.subarray(i, i + width)].map((c) => (c === 255 ? "#" : c === 0 ? "." : "+")).join(""));
  return rows;
};
const fill = (data: string, rule: "NONZERO" | "EVENODD" = "NONZERO", m = ID) => ({ rings: flattenPath(data, m), rule });

describe("rasterize", () => {
  it("fills an outline on whole pixels exactly: 255 inside, 0 outside", () => {
    expect(picture(6, rasterize(6, 4, [fill(rect(1, 1, 3, 2))]))).toEqual(["......", ".###..", ".###..", "......"]);
  });

  it("gives a half-covered pixel half coverage, and unites shapes", () => {
    const plane = rasterize(4, 2, [fill(rect(0.5, 0, 1, 1)), fill(rect(2, 1, 2, 1))]);
    expect([...plane]).toEqual([128, 128, 0, 0, 0, 0, 255, 255]);
  });

  it("cuts holes by the winding rule: even-odd always, nonzero only against the direction", () => {
    const outer = rect(0, 0, 5, 5);
    const innerSame = rect(1, 1, 3, 3);
    const innerReversed = "M 1 1 L 1 4 L 4 4 L 4 1 Z";
    expect(picture(5, rasterize(5, 5, [fill(`${outer} ${innerSame}`, "EVENODD")]))[2]).toBe("#...#");
    expect(picture(5, rasterize(5, 5, [fill(`${outer} ${innerSame}`, "NONZERO")]))[2]).toBe("#####");
    expect(picture(5, rasterize(5, 5, [fill(`${outer} ${innerReversed}`, "NONZERO")]))[2]).toBe("#...#");
  });

  it("anti-aliases a diagonal to half of the pixels it crosses, and cuts to the clip", () => {
    const plane = rasterize(4, 4, [fill("M 0 0 L 4 0 L 4 4 Z")]);
    expect([plane[0], plane[5], plane[10], plane[15]]).toEqual([128, 128, 128, 128]);
    expect(plane[1]).toBe(255);
    expect(plane[4]).toBe(0);
    const clipped = rasterize(4, 1, [fill(rect(0, 0, 4, 1))], fill(rect(1.25, 0, 2, 1)));
    expect([...clipped]).toEqual([0, 191, 255, 64]);
  });

  it("flattens curves within a tenth of a pixel: a circle's area is πr²", () => {
    const k = 0.5522847498 * 50;
    const circle =
      `M 100 50 C 100 ${50 + k} ${50 + k} 100 50 100 C ${50 - k} 100 0 ${50 + k} ` +
      `0 50 C 0 ${50 - k} ${50 - k} 0 50 0 C ${50 + k} 0 100 ${50 - k} 100 50 Z`;
    const plane = rasterize(100, 100, [fill(circle)]);
    const area = plane.reduce((n, c) => n + c / 255, 0);
    expect(Math.abs(area - Math.PI * 2500) / (Math.PI * 2500)).toBeLessThan(0.002);
  });
});

describe("the providers' PNGs", () => {
  const mask: Mask = { width: 3, height: 2, coverage: new Uint8Array([0, 128, 255, 255, 64, 0]) };

  it("SD.Next / A1111: opaque grey, white = repaint", () => {
    const { width, height, rgba } = decodePng(sdMaskPng(mask));
    expect([width, height]).toEqual([3, 2]);
    expect([...rgba].filter((_, i) => i % 4 === 0)).toEqual([0, 128, 255, 255, 64, 0]);
    expect([...rgba].filter((_, i) => i % 4 === 3).every((a) => a === 255)).toBe(true);
    expect(sdMaskPng(mask)[25]).toBe(0); // colour type: greyscale
  });

  it("OpenAI: RGBA of the image's size, alpha 0 = repaint, opaque where kept", () => {
    const png = openAiMaskPng(mask);
    expect(png[25]).toBe(6); // colour type: RGBA
    const { rgba } = decodePng(png);
    expect([...rgba].filter((_, i) => i % 4 === 3)).toEqual([255, 127, 0, 0, 191, 255]);
  });

  it(
    "encodes a mask's OpenAI PNG once: the platform's " + "deflate first, then the same bytes for the requests",
    async () => {
      const own: Mask = { ...mask };
      const png = await encodeOpenAiMask(own);
      expect(openAiMaskPng(own)).toBe(png);
      expect(decodePng(png)).toEqual(decodePng(openAiMaskPng(mask)));
    },
  );

  it("reads a mask back from either convention", () => {
    expect(maskFromPng(sdMaskPng(mask))).toEqual({ mask, convention: "white-repaints" });
    expect(maskFromPng(openAiMaskPng(mask))).toEqual({ mask, convention: "transparent-repaints" });
  });

  it("says how much a mask covers, and refuses one of another size than the image", () => {
    expect(maskExtent(mask)).toEqual({ touched: 4, full: 2, bounds: { x: 0, y: 0, width: 3, height: 2 } });
    expect(maskExtent(emptyMask(2, 2))).toEqual({ touched: 0, full: 0 });
    expect(maskSizeProblem(mask, { width: 3, height: 2 })).toBeUndefined();
    expect(maskSizeProblem(mask, { width: 4, height: 2 })).toBe(
      "The mask is 3 × 2 px but the image is 4 × 2 px: a mask must be the image's size.",
    );
  });
});

describe("maskFromSource", () => {
  const source = (
    shapes: MaskSource["shapes"],
    layer: MaskSource["layer"] = { width: 8, height: 4, toImage: ID },
  ): MaskSource => ({
    nodeId: "1:1",
    name: "Photo",
    image: new Uint8Array([1]),
    width: 8,
    height: 4,
    scaleMode: "FILL",
    layer,
    shapes,
  });
  const shape = (name: string, data: string, toImage = ID): MaskSource["shapes"][number] => ({
    id: name,
    name,
    toImage,
    paths: [{ data, windingRule: "NONZERO" }],
  });

  it("maps each shape to image pixels by its matrix and unites them", () => {
    const twice: typeof ID = [
      [2, 0, 0],
      [0, 2, 0],
    ];
    const mask = maskFromSource(source([shape("a", rect(0, 0, 1, 1), twice), shape("b", rect(5, 1, 2, 2))]));
    expect(picture(8, mask.coverage)).toEqual(["##......", "##...##.", ".....##.", "........"]);
  });

  it("repaints only what the layer shows of the image", () => {
    const mask = maskFromSource(
      source([shape("a", rect(0, 0, 8, 4))], {
        width: 4,
        height: 4,
        toImage: [
          [1, 0, 2],
          [0, 1, 0],
        ],
      }),
    );
    expect(picture(8, mask.coverage)[0]).toBe("..####..");
  });

  it("names a shape off the visible image, and a mask that covers nothing", () => {
    expect(() => maskFromSource(source([shape("Lasso", rect(20, 0, 2, 2))]))).toThrow(
      /“Lasso” is not over the visible part of “Photo”/,
    );
    expect(() => maskFromSource(source([]))).toThrow(expect.objectContaining({ kind: "input" }));
    expect(() => maskFromSource(source([shape("Line", "M 0 1 L 8 1 Z")]))).toThrow(/“Line” has no area/);
    expect(() => maskFromSource(source([shape("Flat", "M 0 1 L 8 1 L 2 1 Z")]))).toThrow(/cover none of its pixels/);
    expect(() => maskFromSource(source([shape("Arc", "M 0 0 A 1 1 0 0 0 2 2")]))).toThrow(/“Arc”: .*"A"/);
  });
});
