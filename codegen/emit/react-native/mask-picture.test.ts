/**
 * A mask's picture in React Native (mask-picture.ts): the CSS mask's layers read back as a MaskedView's mask element,
 * and the emitter's output for a design whose mask is a vector filled with a picture (issue 72).
 */
import { describe, expect, it } from "vitest";
import { pictureMaskGroup, restBox as box } from "../../../test/helpers/picture-mask-design.js";
import { generateCode, loadDesign } from "../../index.js";
import { pngFromRows } from "../../../test/openai-server/png.js";
import { expoProjectFiles } from "../../scaffold/expo-project.js";
import { maskElementJsx, rnMaskLayers, type MaskSink } from "./mask-picture.js";

const mask = (value: string) => rnMaskLayers([["mask", value]]);

describe("a CSS mask's layers as a mask element", () => {
  it("reads a picture over the whole box, one at a box in px, and a colour, bottom first", () => {
    expect(mask("url(../assets/brush.png) center / cover no-repeat")).toEqual([
      {
        kind: "image",
        url: "../assets/brush.png",
        resizeMode: "cover",
        entries: [
          ["position", '"absolute"'],
          ["left", "0"],
          ["top", "0"],
          ["width", '"100%"'],
          ["height", '"100%"'],
        ],
      },
    ]);
    const two = mask("url(../assets/a.png) 24px 0 / 80px 80.5px no-repeat, linear-gradient(#ff0000, #ff0000)");
    expect(two?.map((l) => l.kind)).toEqual(["color", "image"]);
    expect(two?.[1]?.entries).toEqual([
      ["position", '"absolute"'],
      ["left", "24"],
      ["top", "0"],
      ["width", "80"],
      ["height", "80.5"],
    ]);
    expect(two?.[0]).toMatchObject({ kind: "color", color: "#ff0000" });
  });

  it("draws none of a mask MaskedView cannot: luminance, a gradient, a tile, no mask", () => {
    expect(mask("url(../assets/a.png) center / cover no-repeat luminance")).toBeUndefined();
    expect(mask("linear-gradient(#000, transparent)")).toBeUndefined();
    expect(mask("url(../assets/a.png) left top / 20px 20px repeat")).toBeUndefined();
    expect(rnMaskLayers([["opacity", "0.5"]])).toBeUndefined();
  });

  it("writes an Image per picture (a View per colour), a fragment for several, each with a style of its own", () => {
    const sink: MaskSink = {
      styles: new Map(),
      components: new Set(),
      svgComponents: new Set(),
      image: (url) => `require(${JSON.stringify(url)})`,
    };
    const one = maskElementJsx("group", mask("url(../assets/a.png) center / contain no-repeat")!, sink);
    expect(one).toBe('<Image source={require("../assets/a.png")} style={styles.groupMask} resizeMode="contain" />');
    const layers = mask("url(../assets/a.png) 0 0 / 10px 10px no-repeat, linear-gradient(#fff, #fff)")!;
    const both = maskElementJsx("card", layers, sink);
    expect(both).toMatch(/^<><View style=\{styles.cardMask\} \/><Image [^>]*style=\{styles.cardMask2\}/);
    expect(sink.styles.get("cardMask")?.entries).toContainEqual(["backgroundColor", '"#fff"']);
    expect([...sink.components].sort()).toEqual(["Image", "View"]);
  });
});

/** A `size`×`size` RGBA PNG, opaque black in its left half. */
function halfPng(size: number): Uint8Array {
  const raw = new Uint8Array((1 + size * 4) * size);
  for (let y = 0; y < size; y++)
    for (let x = 0; x < size; x++) raw.set([0, 0, 0, x < size / 2 ? 255 : 0], y * (1 + size * 4) + 1 + x * 4);
  return new Uint8Array(pngFromRows(size, size, 4, raw));
}

/** A frame with a group masked by a vector whose fill is a picture (`maskType` ALPHA, or LUMINANCE). */
function design(maskType: "ALPHA" | "LUMINANCE") {
  return {
    document: {
      id: "1:1",
      name: "Masked",
      type: "FRAME",
      absoluteBoundingBox: box(0, 0, 200, 120),
      fills: [{ type: "SOLID", color: { r: 1, g: 1, b: 1, a: 1 } }],
      children: [pictureMaskGroup(maskType)],
    },
  };
}

const OPTIONS = { target: "react-native", styling: "css-modules", name: "masked" } as const;

async function emitted(maskType: "ALPHA" | "LUMINANCE") {
  const images = { brush: halfPng(8), photo: halfPng(4) };
  const doc = loadDesign(design(maskType), [], { images }).document;
  const out = await generateCode(doc, { target: "react-native", styling: "css-modules", nodeIds: true });
  const code = out.files.find((f) => f.path.startsWith("src/screens/"))!.content;
  return { ...out, code };
}

describe("React Native draws a mask's picture with MaskedView", () => {
  it("makes the masked box a MaskedView whose mask element is the picture, with no note", async () => {
    const { code, problems, files } = await emitted("ALPHA");
    expect(code).toContain('import MaskedView from "@react-native-masked-view/masked-view";');
    expect(code).toMatch(/<MaskedView\s+style=\{styles.maskGroup\}\s+testID="2:1"\s+maskElement=\{\s*<Image\s/);
    expect(code).toMatch(/source=\{require\("..\/assets\/brush.png"\)\}\s+style=\{styles.maskGroupMask\}/);
    expect(code).toContain('resizeMode="stretch"');
    expect(code).toMatch(/<\/MaskedView>/);
    // (The vector's outline is not known without its SVG: a note of every target says it clips as its box.)
    expect(problems.filter((p) => /picture|\bmask\b.*left out/.test(p.message))).toEqual([]);
    // The Expo starter installs the package its files import.
    const project = expoProjectFiles(files, OPTIONS);
    const pkg = JSON.parse(project.find((f) => f.path === "package.json")!.content) as {
      dependencies: Record<string, string>;
    };
    expect(pkg.dependencies["@react-native-masked-view/masked-view"]).toBe("0.3.2");
  });

  it("keeps a luminance mask's outline, says so, and adds no package", async () => {
    const { code, problems, files } = await emitted("LUMINANCE");
    expect(code).not.toContain("MaskedView");
    expect(problems.filter((p) => /picture/.test(p.message)).map((p) => p.message)).toEqual([
      expect.stringMatching(/luminance mask.*not drawn/),
    ]);
    const project = expoProjectFiles(files, OPTIONS);
    expect(project.find((f) => f.path === "package.json")!.content).not.toContain("masked-view");
  });
});
