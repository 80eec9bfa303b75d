/**
 * The simulator's images and canvas writes, played as Figma plays them: createImage (formats, 4096 px, hash),
 * IMAGE paints on nodes that have fills, plugin data's 100 kB, undo steps, the viewport.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "../helpers/fixtures.js";
import { encodePng } from "../openai-server/png.js";
import { checkImageBytes, readImageHeader, sha1Hex } from "./image.js";
import { createFigmaSim, type FigmaSim, type SimNode } from "./sim.js";

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(`${REPO_ROOT}/test/fixtures/images/${name}`));
const gif = (width: number, height: number): Uint8Array =>
  new Uint8Array([
    ...new TextEncoder().encode("GIF89a"),
    width & 0xff,
    width >> 8,
    height & 0xff,
    height >> 8,
    0,
    0,
    0,
    0x3b,
  ]);

const FILE = {
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
            absoluteBoundingBox: { x: 100, y: 50, width: 320, height: 200 },
            fills: [{ type: "SOLID", color: { r: 1, g: 1, b: 1, a: 0.5 } }],
            children: [
              {
                id: "1:2",
                type: "GROUP",
                name: "Group",
                absoluteBoundingBox: { x: 110, y: 60, width: 10, height: 10 },
                children: [],
              },
            ],
          },
        ],
      },
    ],
  },
};

type Figma = {
  createImage(bytes: Uint8Array): {
    hash: string;
    getBytesAsync(): Promise<Uint8Array>;
    getSizeAsync(): Promise<{ width: number; height: number }>;
  };
  getImageByHash(hash: string): unknown;
  createRectangle(): SimNode;
  commitUndo(): void;
  viewport: { center: { x: number; y: number }; scrollAndZoomIntoView(nodes: SimNode[]): void };
  fileKey: string | undefined;
};

const simOf = (options: Partial<Parameters<typeof createFigmaSim>[0]> = {}): { sim: FigmaSim; figma: Figma } => {
  const sim = createFigmaSim({ file: FILE, ...options });
  return { sim, figma: sim.figma as unknown as Figma };
};

describe("sha1Hex", () => {
  it("matches node:crypto at block boundaries and beyond", () => {
    for (const length of [0, 1, 55, 56, 63, 64, 65, 1000, 100_003]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 31 + 7) & 0xff);
      expect(sha1Hex(bytes), `length ${length}`).toBe(createHash("sha1").update(bytes).digest("hex"));
    }
  });
});

describe("readImageHeader / checkImageBytes", () => {
  it("reads PNG (zlib), JPEG (Chromium's) and GIF headers", () => {
    expect(readImageHeader(encodePng(1536, 1024))).toEqual({ format: "png", width: 1536, height: 1024 });
    expect(readImageHeader(fixture("gradient-300x200.jpg"))).toEqual({ format: "jpeg", width: 300, height: 200 });
    expect(readImageHeader(gif(40, 30))).toEqual({ format: "gif", width: 40, height: 30 });
  });

  it("refuses WebP, text and truncated files as Figma does, and sizes over 4096 px", () => {
    expect(() => checkImageBytes(fixture("gradient-120x80.webp"))).toThrow("Image type is unsupported");
    expect(() => checkImageBytes(new TextEncoder().encode("not an image"))).toThrow("Image type is unsupported");
    expect(() => checkImageBytes(encodePng(64, 64).subarray(0, 20))).toThrow("Image type is unsupported");
    expect(() => checkImageBytes(encodePng(4097, 16))).toThrow("Image is too large");
    expect(() => checkImageBytes(gif(0, 10))).toThrow("Image is too small");
    expect(checkImageBytes(encodePng(4096, 16))).toEqual({ format: "png", width: 4096, height: 16 });
    expect(() => checkImageBytes([1, 2, 3])).toThrow("expected a Uint8Array");
  });
});

describe("figma.createImage", () => {
  it("returns a stable hash (SHA-1 of the bytes), the bytes and the size", async () => {
    const { sim, figma } = simOf();
    const png = encodePng(300, 200, { seed: 3 });
    const image = figma.createImage(png);
    expect(image.hash).toBe(createHash("sha1").update(png).digest("hex"));
    expect(figma.createImage(png.slice()).hash).toBe(image.hash);
    expect(await image.getBytesAsync()).toEqual(new Uint8Array(png));
    expect(await image.getSizeAsync()).toEqual({ width: 300, height: 200 });
    expect(figma.getImageByHash(image.hash)).toBe(image);
    expect(figma.getImageByHash("0".repeat(40))).toBeNull();
    expect(sim.record.images[0]).toEqual({
      hash: image.hash,
      bytes: png.length,
      width: 300,
      height: 200,
      format: "png",
    });
  });

  it("throws for a WebP or an image over 4096 px and records nothing", () => {
    const { sim, figma } = simOf();
    expect(() => figma.createImage(fixture("gradient-120x80.webp"))).toThrow("Image type is unsupported");
    expect(() => figma.createImage(encodePng(16, 5000))).toThrow("Image is too large");
    expect(sim.record.images).toEqual([]);
  });
});

describe("fills, plugin data, undo and the viewport", () => {
  it("gives fills only to layers that have them, read-only, and checks IMAGE paints", () => {
    const { sim, figma } = simOf();
    const card = sim.node("1:1");
    expect("fills" in card).toBe(true);
    expect("fills" in sim.node("1:2")).toBe(false);
    expect(card.fills).toEqual([{ type: "SOLID", color: { r: 1, g: 1, b: 1 }, opacity: 0.5 }]);
    expect(() => (card.fills as unknown[]).push({ type: "SOLID" })).toThrow(TypeError);
    expect(() => (card.fills = [{ type: "IMAGE", imageHash: "f".repeat(40), scaleMode: "FILL" }])).toThrow(
      /no image with hash/,
    );
    const { hash } = figma.createImage(encodePng(10, 10));
    expect(() => (card.fills = [{ type: "IMAGE", imageHash: hash, scaleMode: "COVER" }])).toThrow(/scaleMode/);
    expect(() => (card.fills = [{ type: "IMAGE", imageHash: hash, scaleMode: "FILL", imageRef: hash }])).toThrow(
      /imageRef/,
    );
    card.fills = [{ type: "IMAGE", imageHash: hash, scaleMode: "FIT" }];
    expect(card.fills).toEqual([{ type: "IMAGE", imageHash: hash, scaleMode: "FIT" }]);
  });

  it("limits a plugin data entry to 100 kB and removes it on the empty string", () => {
    const { sim } = simOf();
    const card = sim.node("1:1");
    const room = 100_000 - "figment-dev".length - "k".length;
    card.setPluginData("k", "x".repeat(room));
    expect(() => card.setPluginData("k", "x".repeat(room + 1))).toThrow(/100 kB/);
    // Three bytes each in UTF-8.
    expect(() => card.setPluginData("k", "€".repeat(Math.ceil(room / 3) + 1))).toThrow(/100 kB/);
    card.setPluginData("k", "");
    expect(card.getPluginDataKeys()).toEqual([]);
  });

  it("groups document changes into undo steps at each commitUndo, and refuses changes to removed layers", () => {
    const { sim, figma } = simOf();
    const rect = figma.createRectangle();
    rect.name = "Hero";
    rect.resize(300, 200);
    figma.commitUndo();
    rect.x = 10;
    figma.commitUndo();
    figma.commitUndo();
    expect(sim.record.undo).toEqual({
      commits: 3,
      steps: [
        [`create ${rect.id}`, `append ${rect.id} to 0:1`, `name ${rect.id}`, `resize ${rect.id}`],
        [`move ${rect.id}`],
      ],
      pending: [],
    });
    rect.remove();
    expect(() => (rect.name = "x")).toThrow(/does not exist/);
    expect(() => rect.setPluginData("k", "v")).toThrow(/does not exist/);
    expect(sim.record.undo.pending).toEqual([`remove ${rect.id}`]);
  });

  it("places created layers by their parent and scrolls the viewport to what it zooms to", () => {
    const { sim, figma } = simOf({ viewportCenter: { x: 500, y: 400 } });
    expect(figma.viewport.center).toEqual({ x: 500, y: 400 });
    expect(figma.fileKey).toBeUndefined();
    const rect = figma.createRectangle();
    sim.node("1:1").appendChild(rect);
    rect.x = 20;
    rect.y = 30;
    expect(rect.absoluteBoundingBox).toEqual({ x: 120, y: 80, width: 100, height: 100 });
    figma.viewport.scrollAndZoomIntoView([rect]);
    expect(figma.viewport.center).toEqual({ x: 170, y: 130 });
    expect(simOf({ fileKey: "abc" }).figma.fileKey).toBe("abc");
  });
});
