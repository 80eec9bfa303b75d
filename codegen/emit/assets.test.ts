import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { encodePng } from "../../test/openai-server/png";
import { generateCode } from "../index";
import { loadDesign } from "../load";
import { imagePlacement } from "./css";
import { emitFiles } from "./index";
import { modelAssetFiles } from "./assets";

const JPEG = new Uint8Array(readFileSync(new URL("../../test/fixtures/images/gradient-300x200.jpg", import.meta.url)));
const PNG = new Uint8Array(encodePng(8, 4, { seed: 3 }));

const box = (x: number, y: number, width: number, height: number) => ({ x, y, width, height });
const json = {
  document: {
    id: "1:1",
    name: "Landing",
    type: "FRAME",
    absoluteBoundingBox: box(0, 0, 400, 300),
    children: [
      {
        id: "1:2",
        name: "Hero",
        type: "RECTANGLE",
        absoluteBoundingBox: box(0, 0, 400, 150),
        fills: [{ type: "IMAGE", imageRef: "r-jpeg", scaleMode: "FILL" }],
      },
      {
        id: "1:3",
        name: "Logo",
        type: "RECTANGLE",
        absoluteBoundingBox: box(10, 160, 40, 40),
        fills: [{ type: "IMAGE", imageRef: "r-png", scaleMode: "FIT" }],
      },
      {
        id: "1:4",
        name: "Logo copy",
        type: "RECTANGLE",
        absoluteBoundingBox: box(60, 160, 40, 40),
        fills: [{ type: "IMAGE", imageRef: "r-png-again", scaleMode: "FIT" }],
      },
      {
        id: "1:5",
        name: "Texture",
        type: "RECTANGLE",
        absoluteBoundingBox: box(0, 210, 200, 90),
        fills: [{ type: "IMAGE", imageRef: "r-png", scaleMode: "TILE", scalingFactor: 0.5 }],
      },
      {
        id: "1:6",
        name: "Detail",
        type: "RECTANGLE",
        absoluteBoundingBox: box(200, 210, 200, 90),
        fills: [
          {
            type: "IMAGE",
            imageRef: "r-jpeg",
            scaleMode: "STRETCH",
            imageTransform: [
              [0.5, 0, 0.5],
              [0, 1, 0],
            ],
          },
        ],
      },
      {
        id: "1:7",
        name: "Search",
        type: "VECTOR",
        absoluteBoundingBox: box(360, 160, 24, 24),
        fills: [{ type: "SOLID", color: { r: 0, g: 0, b: 0, a: 1 } }],
      },
    ],
  },
};
const SVG =
  '<svg width="24" height="24" viewBox="0 0 24 24" fill="none" xmlns="http://www.w3.org/2000/svg" ' +
  'xmlns:xlink="http://www.w3.org/1999/xlink"><g clip-path="url(#c)" style="mix-blend-mode:multiply"><path ' +
  'd="M2 2h20v20H2z" stroke="#222" stroke-width="2" stroke-linecap="round"/></g><defs><clipPath ' +
  'id="c"><rect width="24" height="24" fill="white"/></clipPath></defs></svg>';
const extras = { images: { "r-jpeg": JPEG, "r-png": PNG, "r-png-again": new Uint8Array(PNG) }, svgs: { "1:7": SVG } };
const doc = (): ReturnType<typeof loadDesign>["document"] => loadDesign(json, [], extras).document;

describe("React output with real assets", () => {
  it(
    "imports each picture from src/assets and writes its " +
      "bytes there once, through ts-morph and prettier unchanged",
    async () => {
      const result = await generateCode(doc(), { target: "react", styling: "css-modules", nodeIds: false });
      const paths = result.files.map((f) => f.path);
      expect(paths.filter((p) => p.startsWith("src/assets/")).sort()).toEqual([
        "src/assets/hero.jpg",
        "src/assets/logo.png",
      ]);
      const hero = result.files.find((f) => f.path === "src/assets/hero.jpg")!;
      expect(hero.content).toBe("");
      expect(hero.bytes).toEqual(JPEG);
      expect(result.files.find((f) => f.path === "src/assets/logo.png")!.bytes).toEqual(PNG);
      const screen = result.files.find((f) => f.path === "src/screens/Landing.tsx")!.content;
      expect(screen).toContain('import heroSrc from "../assets/hero.jpg";');
      expect(screen).toContain('import logoSrc from "../assets/logo.png";');
      expect(screen).toMatch(/<img[^>]*src=\{heroSrc\}/);
      const css = result.files.find((f) => f.path === "src/screens/Landing.module.css")!.content;
      expect(css).toMatch(/object-fit: cover/);
      expect(css).toMatch(/object-fit: contain/);
      expect(css).toContain("url(../assets/logo.png) left top / 4px 2px repeat"); // tile: 8×4 px × 0.5
      expect(css).toContain("url(../assets/hero.jpg) 100% 0 / 200% 100% no-repeat"); // crop: the right half
      const types = result.files.find((f) => f.path === "src/global.d.ts")!.content;
      for (const ext of ["png", "jpg", "jpeg", "gif", "webp", "svg"])
        expect(types).toContain(`declare module "*.${ext}"`);
      expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
    },
  );

  it(
    "inlines a supplied SVG as JSX that parses: React attribute " +
      "names, style as an object, no namespaced attributes",
    async () => {
      const result = await generateCode(doc(), { target: "react", styling: "css-modules", nodeIds: false });
      const screen = result.files.find((f) => f.path === "src/screens/Landing.tsx")!.content;
      expect(screen).toContain('clipPath="url(#c)"');
      expect(screen).toContain('style={{ mixBlendMode: "multiply" }}');
      expect(screen).toContain('strokeLinecap="round"');
      expect(screen).not.toContain("xmlns:xlink");
      expect(result.problems.filter((p) => p.code === "syntax" || p.code === "format")).toEqual([]);
    },
  );
});

describe("HTML output with real assets", () => {
  it("references assets/<name> from the page and the stylesheet and writes the bytes", () => {
    const { files } = emitFiles(doc(), { target: "html", styling: "css-modules", nodeIds: false });
    const page = files.find((f) => f.path === "index.html")!.content;
    expect(page).toContain('src="assets/hero.jpg"');
    expect(page).toContain('src="assets/logo.png"');
    expect(page).toContain('role="img" aria-label="Texture"');
    expect(page).toContain('stroke-linecap="round"');
    expect(files.find((f) => f.path === "assets/hero.jpg")!.bytes).toEqual(JPEG);
    expect(files.filter((f) => f.path.startsWith("assets/"))).toHaveLength(2);
    expect(files.find((f) => f.path === "styles.css")!.content).toContain(
      "url(assets/logo.png) left top / 4px 2px repeat",
    );
  });
});

describe("imagePlacement", () => {
  it("maps every fit to position / size repeat", () => {
    expect(imagePlacement({ kind: "image", asset: "a.png", fit: "cover" })).toBe("center / cover no-repeat");
    expect(imagePlacement({ kind: "image", asset: "a.png", fit: "contain" })).toBe("center / contain no-repeat");
    expect(imagePlacement({ kind: "image", asset: "a.png", fit: "fill" })).toBe("center / 100% 100% no-repeat");
    expect(imagePlacement({ kind: "image", asset: "a.png", fit: "tile" })).toBe("left top / auto repeat");
    expect(imagePlacement({ kind: "image", asset: "a.png", fit: "tile", tileSize: [30, 20.5] })).toBe(
      "left top / 30px 20.5px repeat",
    );
    // The centre quarter: image twice the box, its region at 50% of the free space.
    expect(imagePlacement({ kind: "image", asset: "a.png", fit: "crop", crop: [0.25, 0.25, 0.5, 0.5] })).toBe(
      "50% 50% / 200% 200% no-repeat",
    );
  });
});

describe("modelAssetFiles", () => {
  it("offers the model every image file and the exact SVGs, under the target's asset folder", () => {
    const files = modelAssetFiles(doc(), "react");
    expect(files.map((f) => f.path).sort()).toEqual([
      "src/assets/hero.jpg",
      "src/assets/logo.png",
      "src/assets/search.svg",
    ]);
    expect(files.find((f) => f.path.endsWith(".svg"))!.content).toContain("<path");
    expect(modelAssetFiles(doc(), "html").map((f) => f.path)).toContain("assets/hero.jpg");
  });
});
