import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { encodePng } from "../../test/openai-server/png";
import { loadDesign } from "../load";
import type { DesignNode, ImageAsset } from "./types";

const JPEG = new Uint8Array(readFileSync(new URL("../../test/fixtures/images/gradient-300x200.jpg", import.meta.url)));
const PNG = new Uint8Array(encodePng(7, 3, { seed: 1 }));
const OTHER_PNG = new Uint8Array(encodePng(5, 5, { seed: 2 }));

let y = 0;
function rect(id: string, name: string, paint: Record<string, unknown>): Record<string, unknown> {
  y += 10;
  return {
    id,
    name,
    type: "RECTANGLE",
    absoluteBoundingBox: { x: 0, y, width: 100, height: 50 },
    fills: [{ type: "IMAGE", ...paint }],
  };
}
const vector = (id: string, name: string): Record<string, unknown> => ({
  id,
  name,
  type: "VECTOR",
  absoluteBoundingBox: { x: 200, y: 0, width: 24, height: 24 },
  fills: [{ type: "SOLID", color: { r: 0, g: 0, b: 0, a: 1 } }],
});

const json = {
  document: {
    id: "1:1",
    name: "Screen",
    type: "FRAME",
    absoluteBoundingBox: { x: 0, y: 0, width: 400, height: 300 },
    children: [
      rect("1:2", "Hero photo", { imageRef: "ref-a", scaleMode: "FILL" }),
      rect("1:3", "Hero photo", { imageRef: "ref-b", scaleMode: "FIT" }),
      rect("1:4", "Avatar", { imageRef: "ref-c", scaleMode: "FILL" }),
      rect("1:5", "Pattern", { imageRef: "ref-d", scaleMode: "TILE", scalingFactor: 2 }),
      rect("1:6", "Cropped", {
        imageRef: "ref-c",
        scaleMode: "STRETCH",
        imageTransform: [
          [0.5, 0, 0.25],
          [0, 0.5, 0.1],
        ],
      }),
      rect("1:7", "Missing", { imageRef: "ref-missing", scaleMode: "FILL" }),
      rect("1:8", "Broken", { imageRef: "ref-junk", scaleMode: "FILL" }),
      rect("1:12", "Hero photo", { imageRef: "ref-e", scaleMode: "FILL" }),
      vector("1:9", "Search icon"),
      vector("1:10", "Arrow"),
    ],
  },
};

const SEARCH_SVG =
  `<?xml version="1.0"?>\n` +
  `<svg width="24" height="24" fill="none" xmlns="http://www.w3.org/2000/svg"><!-- x ` +
  `--><script>alert(1)</script><path d="M1 1h22v22H1z" fill="#111" onclick="alert(2)"/></svg>\n`;

const extras = {
  // ref-b holds the same bytes as ref-a; the JPEG arrives under a name that does not matter.
  images: {
    "ref-a": PNG,
    "ref-b": new Uint8Array(PNG),
    "ref-c": JPEG,
    "ref-d": PNG,
    "ref-junk": new TextEncoder().encode("not an image"),
    "ref-e": OTHER_PNG,
  },
  svgs: { "1:9": SEARCH_SVG },
};

const child = (children: DesignNode[] | undefined, id: string): DesignNode => children!.find((c) => c.id === id)!;

describe("loadDesign(json, nodeIds, extras): image bytes", () => {
  const { document, problems } = loadDesign(json, [], extras);
  const frame = document.frames[0]!;

  it("names each image after its layer with the format sniffed from the bytes, and writes identical bytes once", () => {
    expect(child(frame.children, "1:2").fills).toEqual([{ kind: "image", asset: "hero-photo.png", fit: "cover" }]);
    expect(child(frame.children, "1:3").fills).toEqual([{ kind: "image", asset: "hero-photo.png", fit: "contain" }]);
    expect(child(frame.children, "1:12").fills).toEqual([{ kind: "image", asset: "hero-photo-2.png", fit: "cover" }]);
    expect(child(frame.children, "1:4").fills).toEqual([{ kind: "image", asset: "avatar.jpg", fit: "cover" }]);
    const hero = document.assets["hero-photo.png"] as ImageAsset;
    expect(hero).toMatchObject({ kind: "image", imageRef: "ref-a", width: 7, height: 3 });
    expect(hero.bytes).toBe(PNG);
    expect(document.assets["avatar.jpg"]).toMatchObject({ kind: "image", width: 300, height: 200 });
    const images = Object.values(document.assets).filter((a) => a.kind === "image" && a.bytes);
    expect(images.map((a) => a.name).sort()).toEqual(["avatar.jpg", "hero-photo-2.png", "hero-photo.png"]);
  });

  it("maps TILE to a tile of the image's size × scalingFactor and a STRETCH crop to its region", () => {
    expect(child(frame.children, "1:5").fills).toEqual([
      { kind: "image", asset: "hero-photo.png", fit: "tile", tileSize: [14, 6] },
    ]);
    expect(child(frame.children, "1:6").fills).toEqual([
      { kind: "image", asset: "avatar.jpg", fit: "crop", crop: [0.25, 0.1, 0.5, 0.5] },
    ]);
  });

  it("keeps a placeholder, listed, for missing bytes and for bytes that are no image", () => {
    expect(document.assets["missing.svg"]).toEqual({ kind: "image", name: "missing.svg", imageRef: "ref-missing" });
    expect(problems.find((p) => p.code === "missing-image")).toMatchObject({ severity: "info", nodeId: "1:7" });
    expect(document.assets["broken.svg"]).toMatchObject({ kind: "image", imageRef: "ref-junk" });
    expect(problems.find((p) => p.code === "bad-image")).toMatchObject({ severity: "warning", nodeId: "1:8" });
  });
});

describe("loadDesign(json, nodeIds, extras): SVGs", () => {
  const { document, problems } = loadDesign(json, [], extras);

  it("draws a vector with the SVG supplied for it, cleaned, and raises no placeholder problem for it", () => {
    const icon = child(document.frames[0]!.children, "1:9");
    const asset = document.assets[icon.asset!];
    expect(asset).toEqual({
      kind: "svg",
      name: "search-icon.svg",
      svg:
        '<svg width="24" height="24" fill="none" xmlns="http://www.w3.org/2000/svg" ' +
        'viewBox="0 0 24 24"><path d="M1 1h22v22H1z" fill="#111"/></svg>',
    });
    expect(problems.filter((p) => p.nodeId === "1:9")).toEqual([]);
  });

  it(
    "says plainly that a vector without outline or SVG is " +
      "drawn as boxes, with no advice a plugin user cannot follow",
    () => {
      const arrow = problems.filter((p) => p.nodeId === "1:10");
      expect(arrow).toHaveLength(1);
      expect(arrow[0]).toMatchObject({ code: "vector-placeholder", severity: "info" });
      expect(arrow[0]!.message).toContain("no SVG was supplied");
      expect(problems.map((p) => p.message).join("\n")).not.toContain("geometry=paths");
    },
  );

  it("falls back to the JSON for an SVG that is not one <svg> element, with a warning", () => {
    const bad = loadDesign(json, [], { svgs: { "1:9": "<div>nope</div>" } });
    expect(bad.problems.find((p) => p.nodeId === "1:9" && p.code === "bad-svg")).toBeDefined();
    expect(bad.document.assets["search-icon.svg"]).toMatchObject({ kind: "svg", placeholder: true });
  });

  it("without extras behaves as before: placeholders for every image", () => {
    const plain = loadDesign(json);
    expect(Object.values(plain.document.assets).filter((a) => a.kind === "image" && a.bytes)).toEqual([]);
    expect(plain.problems.filter((p) => p.code === "missing-image")).toHaveLength(7);
  });
});
