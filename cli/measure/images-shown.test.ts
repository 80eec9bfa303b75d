import { describe, expect, it } from "vitest";
import { bytesDigest, countImagesShown, imageFillsOf } from "./images-shown.js";
import type { DesignDocument } from "../../codegen/design/types.js";

describe("images shown", () => {
  const photo = new Uint8Array([1, 2, 3]);
  const brush = new Uint8Array([4, 5, 6]);
  const bytes: Record<string, Uint8Array> = { "photo.png": photo, "brush.png": brush };
  const fills = [
    { nodeId: "1", asset: "photo.png", mask: false },
    { nodeId: "2", asset: "brush.png", mask: true },
    { nodeId: "3", asset: "placeholder.svg", mask: false },
  ];
  it("counts a fill with given bytes as shown when the page draws those bytes; placeholders are not given", () => {
    const got = countImagesShown(fills, (a) => bytes[a], [bytesDigest(photo)]);
    expect(got).toMatchObject({ given: 2, shown: 1, masksGiven: 1, masksShown: 0 });
    expect(got.missing.map((m) => m.nodeId)).toEqual(["2"]);
    expect(countImagesShown(fills, (a) => bytes[a], [bytesDigest(photo), bytesDigest(brush)]).shown).toBe(2);
  });
  it("lists the drawn frames' image fills, masks marked, hidden layers left out", () => {
    const doc = {
      frames: [
        {
          id: "f",
          name: "F",
          kind: "frame",
          w: 10,
          h: 10,
          children: [
            {
              id: "m",
              name: "",
              kind: "rect",
              w: 1,
              h: 1,
              mask: true,
              fills: [{ kind: "image", asset: "b", fit: "cover" }],
            },
            {
              id: "h",
              name: "",
              kind: "rect",
              w: 1,
              h: 1,
              hidden: true,
              fills: [{ kind: "image", asset: "p", fit: "cover" }],
            },
            { id: "p", name: "", kind: "rect", w: 1, h: 1, fills: [{ kind: "image", asset: "p", fit: "cover" }] },
          ],
        },
      ],
      assets: {},
    } as unknown as DesignDocument;
    expect(imageFillsOf(doc)).toEqual([
      { nodeId: "m", asset: "b", mask: true },
      { nodeId: "p", asset: "p", mask: false },
    ]);
  });
});
