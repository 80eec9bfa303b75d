/**
 * An image fill's background in React Native (background.ts): a layer of several pictures (an instance's own picture
 * over its component's, as fitma-shop's product image, issue 72) draws each of them, bottom first.
 */
import { describe, expect, it } from "vitest";
import { generateCode, loadDesign } from "../../index.js";
import { colourPng } from "../../../test/helpers/given-images.js";
import { rnBackgroundLayers } from "./background.js";

describe("a background of several pictures in React Native", () => {
  it("reads each picture, bottom first, with the gradients over it and the colour under them all", () => {
    const got = rnBackgroundLayers(
      "url(../assets/top.png) center / cover no-repeat, linear-gradient(red, blue), " +
        "url(../assets/under.png) 38.01% 0 / 149.99% 100% no-repeat, linear-gradient(#c4c4c4, #c4c4c4)",
    );
    expect(got?.map((b) => [b.url, b.resizeMode, b.overlay, b.color])).toEqual([
      ["../assets/under.png", "stretch", "linear-gradient(red, blue)", "#c4c4c4"],
      ["../assets/top.png", "cover", undefined, undefined],
    ]);
    expect(rnBackgroundLayers("url(../assets/a.png) center / contain no-repeat")?.length).toBe(1);
  });

  it("draws none where one layer cannot be drawn, or a gradient lies under every picture", () => {
    expect(
      rnBackgroundLayers("url(../assets/a.png) center / cover no-repeat, url(b.png) left top / auto repeat"),
    ).toBeUndefined();
    expect(
      rnBackgroundLayers("url(../assets/a.png) center / cover no-repeat, linear-gradient(red, blue)"),
    ).toBeUndefined();
  });

  it("prints a layer with two image fills as two Images, the upper one last", async () => {
    const box = { x: 0, y: 0, width: 100, height: 80 };
    const json = {
      document: {
        id: "1:1",
        name: "Product",
        type: "FRAME",
        absoluteBoundingBox: box,
        children: [
          {
            id: "1:2",
            name: "Picture",
            type: "RECTANGLE",
            absoluteBoundingBox: box,
            fills: [
              { type: "IMAGE", imageRef: "under", scaleMode: "STRETCH" },
              { type: "IMAGE", imageRef: "over", scaleMode: "FILL" },
            ],
          },
        ],
      },
    };
    const doc = loadDesign(json, [], { images: { under: colourPng(0), over: colourPng(1) } }).document;
    const { files } = await generateCode(doc, { target: "react-native", styling: "css-modules", nodeIds: true });
    const code = files.find((f) => f.path.startsWith("src/screens/"))!.content;
    const under = /<Image\s+source=\{require\("..\/assets\/picture.png"\)\}\s+style=\{styles.pictureFill\}/;
    const over = /<Image\s+source=\{require\("..\/assets\/picture-2.png"\)\}\s+style=\{styles.pictureFill2\}/;
    expect(code).toMatch(under);
    expect(code).toMatch(over);
    expect(code.search(under)).toBeLessThan(code.search(over));
    expect(code).toMatch(/pictureFill2\}\s+resizeMode="cover"/);
  });
});
