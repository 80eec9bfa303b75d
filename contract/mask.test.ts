/** The inpainting contract: the affine maths, and `read-mask-source` / `mask-source` checked field by field. */
import { describe, expect, it } from "vitest";
import { apply, compose, invert, maskSourceField, type Affine, type MaskSource } from "./mask.js";
import { MessageError, parseMainMessage, parseUiMessage, REQUESTS } from "./messages.js";

const source: MaskSource = {
  nodeId: "1:2",
  name: "Photo",
  image: new Uint8Array([137, 80, 78, 71]),
  width: 400,
  height: 100,
  scaleMode: "FILL",
  layer: {
    width: 200,
    height: 100,
    toImage: [
      [1, 0, 100],
      [0, 1, 0],
    ],
  },
  shapes: [
    {
      id: "1:3",
      name: "Lasso",
      toImage: [
        [1, 0, 150],
        [0, 1, 10],
      ],
      paths: [{ data: "M 0 0 L 40 0 L 40 20 Z", windingRule: "NONZERO" }],
    },
  ],
};

describe("affine maps", () => {
  it("compose applies the inner map first; invert undoes a map; a flat map has no inverse", () => {
    const turn: Affine = [
      [0, -1, 300],
      [1, 0, 0],
    ];
    const shift: Affine = [
      [2, 0, 5],
      [0, 3, -1],
    ];
    expect(apply(compose(shift, turn), 10, 20)).toEqual(apply(shift, ...apply(turn, 10, 20)));
    const back = invert(compose(shift, turn))!;
    expect(apply(back, ...apply(compose(shift, turn), 7, -4)).map((v) => Math.round(v * 1e9) / 1e9)).toEqual([7, -4]);
    expect(
      invert([
        [1, 0, 0],
        [0, 0, 0],
      ]),
    ).toBeUndefined();
  });
});

describe("read-mask-source / mask-source", () => {
  it("pairs the request with its reply and passes a source as it is", () => {
    expect(REQUESTS["read-mask-source"]).toEqual({ reply: "mask-source" });
    expect(parseMainMessage({ type: "read-mask-source", requestId: "m1" })).toEqual({
      type: "read-mask-source",
      requestId: "m1",
    });
    expect(parseUiMessage({ type: "mask-source", requestId: "m1", source })).toEqual({
      type: "mask-source",
      requestId: "m1",
      source,
    });
  });

  it.each([
    [{ width: 5000 }, "source.width must be a whole number ≥ 1 ≤ 4096"],
    [{ scaleMode: "TILE" }, "source.scaleMode must be one of FILL, FIT, CROP"],
    [{ image: [1, 2] }, "source.image must be bytes"],
    [
      {
        layer: {
          width: 1,
          height: 1,
          toImage: [
            [1, 0],
            [0, 1, 0],
          ],
        },
      },
      "source.layer.toImage must be a 2×3 matrix",
    ],
    [
      {
        layer: {
          width: 1,
          height: 1,
          toImage: [
            [1, 0, Number.NaN],
            [0, 1, 0],
          ],
        },
      },
      "source.layer.toImage must be a 2×3 matrix",
    ],
    [
      { shapes: [{ ...source.shapes[0], paths: [{ data: "M 0 0", windingRule: "NONE" }] }] },
      "source.shapes[0].paths[0].windingRule must be one of NONZERO, EVENODD",
    ],
    [
      { shapes: [{ ...source.shapes[0], paths: [{ data: "", windingRule: "NONZERO" }] }] },
      "source.shapes[0].paths[0].data must be a non-empty string",
    ],
    [{ apiKey: "sk-x" }, "source.apiKey must be absent"],
  ])("refuses a bad field %#", (patch, message) => {
    expect(() => maskSourceField.check({ ...source, ...patch }, "source")).toThrow(message);
    expect(() => parseUiMessage({ type: "mask-source", requestId: "m1", source: { ...source, ...patch } })).toThrow(
      MessageError,
    );
  });
});
