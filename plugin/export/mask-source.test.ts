/**
 * Inpainting's reading of the selection on the simulator: which layer is the image and which are the shapes,
 * each shape's map to image pixels for FILL, FIT and CROP and for a rotated image layer, the mask the panel
 * makes from it, and each refusal.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { apply, type Affine, type MaskSource } from "../../contract/mask.js";
import { maskExtent, maskFromSource } from "../../ai/mask/index.js";
import { sendToMain, waitForUi } from "../../test/figma-sim/contract.js";
import { createFigmaSim, installFigmaSim, type FigmaSim } from "../../test/figma-sim/sim.js";
import { encodePng } from "../../test/openai-server/png.js";
import { PluginError } from "../errors.js";
import { start } from "../start.js";
import { readMaskSource } from "./mask-source.js";

const HASH = "ab".repeat(20);
const PNG = encodePng(400, 100, { seed: 4 });
const box = (x: number, y: number, width: number, height: number) => ({ x, y, width, height });
const solid = [{ type: "SOLID", color: { r: 1, g: 0, b: 0, a: 1 } }];
const imageFill = (extra: Record<string, unknown> = {}) => [
  { type: "IMAGE", imageRef: HASH, scaleMode: "FILL", ...extra },
];

/** A card holding a 200 × 100 photo (its image 400 × 100 px) at (100, 50), shapes over it, and one far away. */
function file(photo: Record<string, unknown> = {}) {
  return {
    name: "Mask tests",
    document: {
      id: "0:0",
      type: "DOCUMENT",
      children: [
        {
          id: "0:1",
          type: "CANVAS",
          name: "Page 1",
          children: [
            {
              id: "1:1",
              type: "FRAME",
              name: "Card",
              absoluteBoundingBox: box(0, 0, 400, 300),
              fills: [],
              children: [
                {
                  id: "1:2",
                  type: "RECTANGLE",
                  name: "Photo",
                  absoluteBoundingBox: box(100, 50, 200, 100),
                  fills: imageFill(),
                  ...photo,
                },
                { id: "1:3", type: "ELLIPSE", name: "Lasso", absoluteBoundingBox: box(150, 60, 40, 20), fills: solid },
                {
                  id: "1:4",
                  type: "GROUP",
                  name: "Strokes",
                  absoluteBoundingBox: box(260, 100, 20, 20),
                  children: [
                    // A pencil line: an open path (fills nothing) with a 4 px stroke outlined as a filled path.
                    {
                      id: "1:5",
                      type: "VECTOR",
                      name: "Brush",
                      absoluteBoundingBox: box(260, 100, 20, 20),
                      fills: [],
                      strokes: solid,
                      strokeWeight: 4,
                      fillGeometry: [{ path: "M 0 0 L 20 20", windingRule: "NONE" }],
                      strokeGeometry: [{ path: "M 0 -2 L 20 -2 L 20 2 L 0 2 Z", windingRule: "NONZERO" }],
                    },
                  ],
                },
              ],
            },
            { id: "2:1", type: "RECTANGLE", name: "Far", absoluteBoundingBox: box(900, 900, 10, 10), fills: solid },
            {
              id: "2:2",
              type: "RECTANGLE",
              name: "Other photo",
              absoluteBoundingBox: box(0, 400, 50, 50),
              fills: imageFill(),
            },
          ],
        },
      ],
    },
  };
}

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
  vi.restoreAllMocks();
});

function sim(selectIds: string[], photo: Record<string, unknown> = {}, command = ""): FigmaSim {
  const s = createFigmaSim({ file: file(photo), selectIds, images: { [HASH]: PNG }, command });
  restore = installFigmaSim(s);
  return s;
}

const read = (s: FigmaSim): Promise<MaskSource> => readMaskSource(s.currentPage().selection as unknown as SceneNode[]);
const shape = (source: MaskSource, name: string) => source.shapes.find((x) => x.name === name)!;
const at = (m: Affine, x: number, y: number): number[] => apply(m, x, y).map((v) => Math.round(v * 1e6) / 1e6);

async function refusal(call: () => Promise<unknown>): Promise<PluginError> {
  try {
    await call();
  } catch (error) {
    if (error instanceof PluginError) return error;
    throw error;
  }
  throw new Error("expected a PluginError");
}

describe("readMaskSource", () => {
  it(
    "FILL: the image layer, its original bytes and size, each " +
      "shape mapped through the visible area to image pixels",
    async () => {
      const source = await read(sim(["1:2", "1:3"]));
      expect(source).toMatchObject({
        nodeId: "1:2",
        name: "Photo",
        width: 400,
        height: 100,
        scaleMode: "FILL",
        layer: { width: 200, height: 100 },
      });
      expect(Buffer.from(source.image).equals(PNG)).toBe(true);
      // FILL covers 200 × 100 with the 400 × 100 image at scale 1: the layer shows image x 100…300.
      expect(at(source.layer.toImage, 0, 0)).toEqual([100, 0]);
      expect(at(source.layer.toImage, 200, 100)).toEqual([300, 100]);
      // The ellipse's corner (150, 60) on the page is (50, 10) in the layer, (150, 10) in the image.
      expect(at(shape(source, "Lasso").toImage, 0, 0)).toEqual([150, 10]);
      expect(at(shape(source, "Lasso").toImage, 40, 20)).toEqual([190, 30]);
      const mask = maskFromSource(source);
      expect(maskExtent(mask).bounds).toEqual({ x: 150, y: 10, width: 40, height: 20 });
      expect(mask.coverage[20 * 400 + 170]).toBe(255);
    },
  );

  it("FIT: the image scaled into the layer and centred (letterboxed above and below)", async () => {
    const source = await read(sim(["1:2", "1:3"], { fills: imageFill({ scaleMode: "FIT" }) }));
    // Scale 0.5: the image is 200 × 50 in the layer, from y 25.
    expect(at(source.layer.toImage, 0, 25)).toEqual([0, 0]);
    expect(at(source.layer.toImage, 200, 75)).toEqual([400, 100]);
    expect(at(shape(source, "Lasso").toImage, 0, 0)).toEqual([100, -30]);
    // The ellipse (centre (140, −10), radii 40 × 20 in image pixels) is cut at the image's top row: its lower
    // cap is left, 2 × 40 × √(1 − ¼) ≈ 69.3 px wide at y = 0.
    expect(maskExtent(maskFromSource(source)).bounds).toEqual({ x: 105, y: 0, width: 70, height: 10 });
  });

  it(
    "CROP: placed by the paint's imageTransform (REST's " + "STRETCH), here the middle half of the image's width",
    async () => {
      const source = await read(
        sim(["1:2", "1:3"], {
          fills: imageFill({
            scaleMode: "STRETCH",
            imageTransform: [
              [0.5, 0, 0.25],
              [0, 1, 0],
            ],
          }),
        }),
      );
      expect(source.scaleMode).toBe("CROP");
      expect(at(source.layer.toImage, 0, 0)).toEqual([100, 0]);
      expect(at(source.layer.toImage, 200, 100)).toEqual([300, 100]);
      const zoomed = await read(
        sim(["1:2", "1:3"], {
          fills: imageFill({
            scaleMode: "STRETCH",
            imageTransform: [
              [0.25, 0, 0.5],
              [0, 0.5, 0.5],
            ],
          }),
        }),
      );
      // A quarter of the width and half the height shown in 200 × 100: layer (50, 10) is image (200 + 50 / 2, 50 + 10 /
      // 2).
      expect(at(shape(zoomed, "Lasso").toImage, 0, 0)).toEqual([225, 55]);
    },
  );

  it("a rotated image layer: shapes drawn square on the page fall turned on the image, exactly", async () => {
    // Turned 90°: layer (x, y) is page (300 − y, x), so the 200 × 100 layer stands at page x 200…300, y 0…200.
    const s = sim(["1:2", "1:3"], {
      absoluteBoundingBox: box(200, 0, 100, 200),
      size: { x: 200, y: 100 },
      relativeTransform: [
        [0, -1, 300],
        [1, 0, 0],
      ],
    });
    s.node("1:3").x = 260 - 0; // the ellipse's box moves to page (260, 60)
    const source = await read(s);
    // Page (260, 60) → layer (60, 40) → image (160, 40); the ellipse's width runs down the image.
    expect(at(shape(source, "Lasso").toImage, 0, 0)).toEqual([160, 40]);
    expect(at(shape(source, "Lasso").toImage, 40, 0)).toEqual([160, 0]);
    expect(maskExtent(maskFromSource(source)).bounds).toEqual({ x: 160, y: 0, width: 20, height: 40 });
  });

  it("a frame holding both; groups count by their layers, a stroke-only line by its stroke's outline", async () => {
    const s = sim(["1:1"]);
    s.node("2:1").remove();
    const source = await read(s);
    expect(source.nodeId).toBe("1:2");
    expect(source.shapes.map((x) => x.name)).toEqual(["Lasso", "Brush"]);
    expect(shape(source, "Brush").paths).toEqual([{ data: "M 0 -2 L 20 -2 L 20 2 L 0 2 Z", windingRule: "NONZERO" }]);
    // Brush at page (260, 100) is image (260, 50); its stroke runs 20 px along y = 48…52.
    const mask = maskFromSource(source);
    expect([mask.coverage[49 * 400 + 265], mask.coverage[53 * 400 + 265]]).toEqual([255, 0]);
  });

  it("a frame filled with the image: its children are the shapes", async () => {
    const s = sim(["1:1"]);
    s.node("1:1").fills = [{ type: "IMAGE", imageHash: HASH, scaleMode: "FIT" }];
    const source = await read(s);
    expect(source).toMatchObject({ nodeId: "1:1", scaleMode: "FIT", layer: { width: 400, height: 300 } });
    expect(source.shapes.map((x) => x.name)).toEqual(["Photo", "Lasso", "Brush"]);
  });

  it("refuses, saying what to select: nothing, no image, no shape, two images, a shape off the image", async () => {
    expect(await refusal(() => read(sim([])))).toMatchObject({ code: "empty-selection" });
    expect(await refusal(() => read(sim(["1:3"])))).toMatchObject({
      kind: "input",
      reason: "unsupported-node",
      message: expect.stringMatching(/no layer filled with an image/),
    });
    expect(await refusal(() => read(sim(["1:2"])))).toMatchObject({
      code: "unsupported-node",
      message: expect.stringMatching(/Draw a shape over the part of “Photo”/),
    });
    expect(await refusal(() => read(sim(["1:2", "2:2", "1:3"])))).toMatchObject({
      message: expect.stringMatching(/“Photo” and “Other photo” all have image fills/),
    });
    expect(await refusal(() => read(sim(["1:2", "1:3", "2:1"])))).toMatchObject({
      code: "unsupported-node",
      message: "“Far” is not over “Photo”: move it onto the image or leave it out of the selection.",
    });
  });

  it(
    "refuses a tiled or turned fill, a flattened layer, a " + "missing or unreadable image, and an image over 4096 px",
    async () => {
      expect(await refusal(() => read(sim(["1:2", "1:3"], { fills: imageFill({ scaleMode: "TILE" }) })))).toMatchObject(
        {
          message: expect.stringMatching(/tiles its image/),
        },
      );
      expect(await refusal(() => read(sim(["1:2", "1:3"], { fills: imageFill({ rotation: 90 }) })))).toMatchObject({
        message: expect.stringMatching(/turns its image/),
      });
      expect(
        await refusal(() =>
          read(
            sim(["1:2", "1:3"], {
              size: { x: 200, y: 100 },
              relativeTransform: [
                [1, 0, 100],
                [0, 0, 50],
              ],
            }),
          ),
        ),
      ).toMatchObject({ message: expect.stringMatching(/flattened/) });
      const s = sim(["1:2", "1:3"]);
      s.failImage(HASH, "Image could not be loaded");
      expect(await refusal(() => read(s))).toMatchObject({
        code: "export-failed",
        message: expect.stringMatching(/Image could not be loaded/),
      });
      const figma = s.figma as { getImageByHash(hash: string): unknown };
      vi.spyOn(figma, "getImageByHash").mockReturnValue(null);
      expect(await refusal(() => read(s))).toMatchObject({ code: "not-found" });
      vi.spyOn(figma, "getImageByHash").mockReturnValue({
        getSizeAsync: async () => ({ width: 8192, height: 100 }),
        getBytesAsync: async () => PNG,
      });
      expect(await refusal(() => read(s))).toMatchObject({
        code: "too-large",
        message: expect.stringMatching(/8,192 × 100 px.*4,096/),
      });
    },
  );
});

describe("read-mask-source through the panel session", () => {
  it("answers mask-source (checked by the contract) or a coded error on the request", async () => {
    const s = sim(["1:2", "1:3"], {}, "image");
    await start();
    await waitForUi(s, "init");
    await sendToMain(s, "read-mask-source", { requestId: "m1" });
    const reply = await waitForUi(s, "mask-source", { where: (m) => m.requestId === "m1" });
    expect(reply.source).toMatchObject({
      nodeId: "1:2",
      width: 400,
      height: 100,
      shapes: [{ id: "1:3", name: "Lasso" }],
    });
    s.select(["1:3"]);
    await sendToMain(s, "read-mask-source", { requestId: "m2" });
    expect(await waitForUi(s, "error", { where: (m) => m.requestId === "m2" })).toMatchObject({
      kind: "input",
      reason: "unsupported-node",
      message: expect.stringMatching(/no layer filled with an image/),
    });
  });
});
