/** Inpainting's pieces in the panel: when the card is offered, SD's size and request, the original as a version. */
import { describe, expect, it } from "vitest";
import { decodePng, type Mask } from "../../../ai/mask/index.js";
import type { MaskSource, SelectedNode } from "../../../contract/messages.js";
import { encodePng } from "../../../test/openai-server/png.js";
import { DEFAULT_FORM } from "../form.js";
import {
  DEFAULT_INPAINT,
  hostedInpaintData,
  inpaintTarget,
  originalVersion,
  repaintedText,
  repaintFit,
  sdInpaintData,
  sdSizeFor,
} from "./inpaint-request.js";

const node = (id: string, patch: Partial<SelectedNode> = {}): SelectedNode => ({
  id,
  name: `Layer ${id}`,
  type: "RECTANGLE",
  width: 10,
  height: 10,
  ...patch,
});
const PHOTO = new Uint8Array(encodePng(400, 200, { seed: 1 }));
const source: MaskSource = {
  nodeId: "1:2",
  name: "Photo",
  image: PHOTO,
  width: 400,
  height: 200,
  scaleMode: "FILL",
  layer: {
    width: 200,
    height: 100,
    toImage: [
      [2, 0, 0],
      [0, 2, 0],
    ],
  },
  shapes: [],
};
const mask: Mask = { width: 400, height: 200, coverage: new Uint8Array(400 * 200).fill(255, 0, 400) };

describe("inpaintTarget", () => {
  it(
    "offers the repaint for one image layer among the selected, " +
      "or a frame holding one image and shapes; not otherwise",
    () => {
      expect(
        inpaintTarget({ nodes: [node("1", { imageFill: "own", name: "Photo" }), node("2")], unsupported: [] }),
      ).toEqual({ name: "Photo", holder: false });
      expect(
        inpaintTarget({ nodes: [node("1", { type: "FRAME", name: "Hero", imageFill: "inside" })], unsupported: [] }),
      ).toEqual({ name: "Hero", holder: true });
      expect(inpaintTarget({ nodes: [node("1", { imageFill: "own" })], unsupported: [] })).toBeUndefined();
      expect(
        inpaintTarget({ nodes: [node("1", { imageFill: "own" }), node("2", { imageFill: "own" })], unsupported: [] }),
      ).toBeUndefined();
      expect(inpaintTarget({ nodes: [node("1"), node("2")], unsupported: [] })).toBeUndefined();
    },
  );
});

describe("the requests", () => {
  it(
    "SD: the image's size on the 8-px grid (scaled to fit 2048), the " +
      "photo as the init image with SD's mask and the card's options",
    () => {
      expect(sdSizeFor(400, 200)).toEqual({ width: 400, height: 200 });
      expect(sdSizeFor(1001, 333)).toEqual({ width: 1000, height: 336 });
      expect(sdSizeFor(4096, 2048)).toEqual({ width: 2048, height: 1024 });
      const data = sdInpaintData(
        { ...DEFAULT_INPAINT, prompt: " a kite ", strength: 0.6, blur: 8, fullRes: true },
        { ...DEFAULT_FORM, seed: "7" },
        { sdModel: "", sdSampler: "Euler a" },
        source,
        mask,
      );
      expect(data).toMatchObject({
        prompt: "a kite",
        width: 400,
        height: 200,
        batchSize: 1,
        seed: 7,
        sampler: "Euler a",
        init: { bytes: PHOTO, strength: 0.6, mask: { blur: 8, fill: "original", fullRes: true, fullResPadding: 32 } },
      });
      const png = decodePng(data.init!.mask!.png);
      expect([png.width, png.height, png.rgba[0], png.rgba[400 * 4 * 2]]).toEqual([400, 200, 255, 0]);
      expect(() =>
        sdInpaintData(
          { ...DEFAULT_INPAINT, prompt: "a kite" },
          { ...DEFAULT_FORM, steps: "0" },
          { sdModel: "", sdSampler: "" },
          source,
          mask,
        ),
      ).toThrow(/Steps: a whole number from 1 to 150\. \(the image form's options are used for the repaint too\)/);
    },
  );

  it("hosted: the photo as the image to refine with the mask model beside it, one image", () => {
    // The image's own shape, in the sizes gpt-image-2 takes: never "auto", which may answer another shape.
    expect(
      hostedInpaintData({ ...DEFAULT_INPAINT, prompt: "a kite" }, DEFAULT_FORM, source, mask, "gpt-image-2"),
    ).toMatchObject({
      prompt: "a kite",
      size: { width: 416, height: 208 },
      count: 1,
      references: [],
      refine: { image: { bytes: PHOTO, name: "Photo.png" } },
      mask: { width: 400, height: 200, coverage: mask.coverage },
    });
  });

  it("hosted: a model that draws no size of the image's shape is refused before anything is sent", () => {
    expect(() =>
      hostedInpaintData({ ...DEFAULT_INPAINT, prompt: "a kite" }, DEFAULT_FORM, source, mask, "gpt-image-1"),
    ).toThrow(
      "gpt-image-1 draws no size with the shape of “Photo”'s 400×200 image, so a repaint would " +
        "come back in another shape and not fit the layer. It draws only 1024×1024, 1536×1024 or " +
        "1024×1536: crop the image to 1:1, 3:2 or 2:3, or choose a gpt-image-2 model in Settings.",
    );
  });

  it(
    "the repaint goes on the layer at the original's size: as it came, " +
      "scaled back when only the size differs, refused in another shape",
    () => {
      expect(repaintFit({ width: 400, height: 200 }, { width: 400, height: 200 })).toBe("as-is");
      expect(repaintFit({ width: 416, height: 208 }, { width: 400, height: 200 })).toBe("scale");
      expect(repaintFit({ width: 1024, height: 1024 }, { width: 400, height: 200 })).toBe("refuse");
      expect(repaintFit({ width: 1536, height: 1024 }, { width: 400, height: 200 })).toBe("refuse");
    },
  );

  it("keeps the layer's original as the next version, and says where the repaint went", () => {
    const original = originalVersion(
      { nodeId: "1:2", name: "Photo", original: PHOTO, width: 400, height: 200 },
      "openai",
      [{ n: 3 } as never],
      1_000,
    );
    expect(original).toMatchObject({
      id: "vrs-4",
      n: 4,
      prompt: "The original image of “Photo”",
      width: 400,
      height: 200,
      format: "png",
      bytes: PHOTO,
      model: "original",
    });
    expect(repaintedText({ name: "Photo" }, { n: 5 }, original)).toBe(
      "Repainted the masked area of “Photo” (v5; the original is v4). The shapes " +
        "used as the mask are left as they were: delete them when you are done.",
    );
  });
});
