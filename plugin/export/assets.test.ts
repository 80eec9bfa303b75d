/**
 * The assets beside an export's REST JSON, on the figma simulator over real Figma files: image fill bytes by
 * imageRef (each image fetched once, a few at a time), vector-like layers as SVG by node id, progress, and
 * every failure a listed problem naming the layer — never a failed export.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { loadDesign } from "../../codegen/load.js";
import type { ExportProblem } from "../../contract/messages.js";
import { sendToMain, uiMessages, waitForUi, type FigmaSim } from "../../test/figma-sim/index.js";
import { FIGMA_FIXTURES, fixtureImages, readFigmaFixture, simFromFixture } from "../../test/figma-sim/node.js";
import { createFigmaSim, installFigmaSim, type FigmaSimOptions, type Json } from "../../test/figma-sim/sim.js";
import { encodePng } from "../../test/openai-server/png.js";
import { ASSET_CONCURRENCY } from "../limits.js";
import { start } from "../start.js";
import { exportRoot, planAssets } from "./asset-plan.js";

const LOGIN = "figmasharp-login.file.json";
const LOGIN_FRAME = "101:3";
const LOGIN_IMAGE = "723b77656426da236145c452679265c0982e493f";

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
  vi.restoreAllMocks();
});

async function boot(sim: FigmaSim): Promise<FigmaSim> {
  restore = installFigmaSim(sim);
  await start();
  await waitForUi(sim, "init");
  return sim;
}

const fixture = (name: string, options: Omit<FigmaSimOptions, "file"> = {}): Promise<FigmaSim> =>
  boot(simFromFixture(name, { command: "code", images: fixtureImages(name), ...options }));

const png = (seed: number, side = 8): Uint8Array => new Uint8Array(encodePng(side, side, { seed }));
const box = { x: 0, y: 0, width: 40, height: 40 };
const imageRect = (id: string, ref: string, extra: Json = {}): Json => ({
  id,
  type: "RECTANGLE",
  name: `Photo ${id}`,
  absoluteBoundingBox: box,
  fills: [{ type: "IMAGE", imageRef: ref, scaleMode: "FILL" }],
  ...extra,
});
const vector = (id: string, name = `Icon ${id}`): Json => ({
  id,
  type: "VECTOR",
  name,
  absoluteBoundingBox: { x: 0, y: 0, width: 24, height: 24 },
  fills: [{ type: "SOLID", color: { r: 0.1, g: 0.2, b: 0.9, a: 1 } }],
});

/** A one-page file with one frame `9:1` holding `children`. */
function fileWith(children: Json[]): Json {
  const frame = {
    id: "9:1",
    type: "FRAME",
    name: "Screen",
    absoluteBoundingBox: { x: 0, y: 0, width: 400, height: 800 },
    children,
  };
  return {
    document: {
      id: "0:0",
      type: "DOCUMENT",
      children: [{ id: "0:1", type: "CANVAS", name: "Page 1", children: [frame] }],
    },
  };
}

const synthetic = (
  children: Json[],
  images: Record<string, Uint8Array>,
  options: Omit<FigmaSimOptions, "file"> = {},
): Promise<FigmaSim> =>
  boot(createFigmaSim({ file: fileWith(children), selectIds: ["9:1"], command: "code", images, ...options }));

async function exportResult(
  sim: FigmaSim,
  requestId = "r1",
  extra: { png?: boolean; assets?: boolean } = { png: false },
) {
  await sendToMain(sim, "export-selection", { requestId, ...extra });
  return waitForUi(sim, "export-result");
}

const codes = (problems: ExportProblem[] | undefined): string[] => (problems ?? []).map((p) => p.code);

describe("planAssets (what the JSON needs beside it)", () => {
  it("finds the login frame's photo by imageRef and the layers codegen draws as one SVG, not the frame itself", () => {
    const json = {
      document: (
        readFigmaFixture(LOGIN) as { document: { children: { children: Json[] }[] } }
      ).document.children[0]!.children.find((n) => n["id"] === LOGIN_FRAME),
    };
    const plan = planAssets([exportRoot(json)!]);
    expect([...plan.images.keys()]).toEqual([LOGIN_IMAGE]);
    expect(plan.vectors.map((v) => v.name)).toEqual(["Group", "Group", "Group", "Vector 3"]);
    expect(plan.vectors.some((v) => v.id === LOGIN_FRAME)).toBe(false);
  });

  it(
    "skips hidden layers and hidden paints, reads strokes and " +
      "`background`, keeps each ref once with all its layers",
    () => {
      const root = exportRoot({
        document: {
          id: "1",
          name: "Root",
          type: "FRAME",
          background: [{ type: "IMAGE", imageRef: "bg" }],
          children: [
            imageRect("a", "shared"),
            imageRect("b", "shared"),
            imageRect("c", "hidden-layer", { visible: false }),
            imageRect("d", "hidden-paint", { fills: [{ type: "IMAGE", imageRef: "hidden-paint", visible: false }] }),
            { id: "e", name: "Ring", type: "ELLIPSE", strokes: [{ type: "IMAGE", imageRef: "stroke" }] },
            { ...vector("v1"), visible: false },
            vector("v2"),
            {
              id: "g",
              name: "Arrow",
              type: "GROUP",
              children: [vector("g1"), { id: "g2", type: "RECTANGLE", name: "r" }],
            },
            { id: "b1", name: "Union", type: "BOOLEAN_OPERATION", children: [vector("b1a"), vector("b1b")] },
          ],
        },
      });
      const plan = planAssets([root!]);
      expect([...plan.images.entries()].map(([ref, layers]) => [ref, layers.map((l) => l.id)])).toEqual([
        ["bg", ["1"]],
        ["shared", ["a", "b"]],
        ["stroke", ["e"]],
      ]);
      // The group of shapes is one icon (its vector is inside its SVG), the boolean one layer with its operands.
      expect(plan.vectors.map((v) => v.id)).toEqual(["v2", "g", "b1"]);
    },
  );
});

describe("planAssets against codegen", () => {
  /** What loadDesign looks up in the extras for one export: SVGs by node id, images by ref. */
  function askedBy(json: unknown): { svgs: Set<string>; images: Set<string> } {
    const asked = { svgs: new Set<string>(), images: new Set<string>() };
    const recorder = (into: Set<string>) =>
      new Proxy({}, { get: (_, key) => void (typeof key === "string" && into.add(key)) });
    loadDesign(json, [], { svgs: recorder(asked.svgs), images: recorder(asked.images) });
    return asked;
  }

  it.each(FIGMA_FIXTURES)(
    "plans exactly the SVGs and images codegen asks for, for every top-level layer of %s",
    async (name) => {
      const sim = simFromFixture(name);
      for (const top of sim.topLevel()) {
        const json = await top.exportAsync({ format: "JSON_REST_V1" });
        const plan = planAssets([exportRoot(json)!]);
        const asked = askedBy(json);
        expect(new Set(plan.vectors.map((v) => v.id)), `${name} ${top.id}`).toEqual(asked.svgs);
        expect(new Set(plan.images.keys()), `${name} ${top.id}`).toEqual(asked.images);
      }
    },
  );

  const files = FIGMA_FIXTURES.filter((name) => name.endsWith(".file.json"));
  it.each(files)("plans exactly what codegen asks for from the whole file %s (its pages' frames on top)", (name) => {
    const json = readFigmaFixture(name);
    const asked = askedBy(json);
    const plan = planAssets([exportRoot(json)!]);
    expect(new Set(plan.vectors.map((v) => v.id))).toEqual(asked.svgs);
    expect(new Set(plan.images.keys())).toEqual(asked.images);
  });

  it("plans a top-level frame of shapes alone (a picture) as one SVG and none of its shapes", async () => {
    const pictures: [string, string][] = [
      ["grida-vector-frame.nodes.json", "1038:24"],
      ["figmagic-design-system.file.json", "2657:106"],
    ];
    for (const [name, id] of pictures) {
      const json = await simFromFixture(name).node(id).exportAsync({ format: "JSON_REST_V1" });
      expect(planAssets([exportRoot(json)!]).vectors.map((v) => v.id)).toEqual([id]);
      expect([...askedBy(json).svgs]).toEqual([id]);
    }
  });
});

describe("export-selection with assets", () => {
  it("sends the login frame's photo byte for byte and an SVG for each vector layer, with no problems", async () => {
    const images = fixtureImages(LOGIN);
    const sim = await fixture(LOGIN, { selectIds: [LOGIN_FRAME] });
    const result = await exportResult(sim);
    expect(result.problems).toBeUndefined();
    expect(Object.keys(result.extras?.images ?? {})).toEqual([LOGIN_IMAGE]);
    expect(Buffer.from(result.extras!.images![LOGIN_IMAGE]!).equals(Buffer.from(images[LOGIN_IMAGE]!))).toBe(true);
    const plan = planAssets([exportRoot(result.frames[0]!.json)!]);
    const svgs = result.extras?.svgs ?? {};
    expect(Object.keys(svgs).sort()).toEqual(plan.vectors.map((v) => v.id).sort());
    for (const svg of Object.values(svgs)) expect(svg).toMatch(/^<svg width="[\d.]+" height="[\d.]+" viewBox=/);
    expect(
      sim.record.exports
        .filter((e) => e.format === "SVG_STRING")
        .map((e) => e.nodeId)
        .sort(),
    ).toEqual(plan.vectors.map((v) => v.id).sort());
    // The JSON is unchanged: codegen still reads it.
    expect(loadDesign(result.frames[0]!.json, [LOGIN_FRAME]).document.frames).toHaveLength(1);
  });

  it("fetches each image once however many layers use it", async () => {
    const sim = await synthetic(
      [imageRect("1", "a"), imageRect("2", "a"), imageRect("3", "b"), imageRect("4", "a"), imageRect("5", "b")],
      { a: png(1), b: png(2) },
    );
    const lookups = vi.spyOn(sim.figma as { getImageByHash(hash: string): unknown }, "getImageByHash");
    const result = await exportResult(sim);
    expect(lookups.mock.calls.map((c) => c[0]).sort()).toEqual(["a", "b"]);
    expect(Object.keys(result.extras!.images!).sort()).toEqual(["a", "b"]);
  });

  it(
    `has at most ${ASSET_CONCURRENCY} image reads and ` +
      `${ASSET_CONCURRENCY} SVG exports in flight, and uses that many`,
    async () => {
      const refs = Array.from({ length: 13 }, (_, i) => `img${i}`);
      const images = Object.fromEntries(refs.map((ref, i) => [ref, png(i)]));
      const sim = await synthetic(
        [...refs.map((ref, i) => imageRect(`p${i}`, ref)), ...Array.from({ length: 11 }, (_, i) => vector(`v${i}`))],
        images,
        { exportDelayMs: 5 },
      );
      const figma = sim.figma as { getImageByHash(hash: string): { getBytesAsync(): Promise<Uint8Array> } | null };
      const lookup = figma.getImageByHash.bind(figma);
      let inFlight = 0;
      const peaks = { images: 0, svgs: 0 };
      vi.spyOn(figma, "getImageByHash").mockImplementation((hash) => {
        const image = lookup(hash);
        if (!image) return null;
        return {
          ...image,
          getBytesAsync: async () => {
            peaks.images = Math.max(peaks.images, ++inFlight);
            await new Promise((r) => setTimeout(r, 5));
            inFlight--;
            return image.getBytesAsync();
          },
        };
      });
      let svgsInFlight = 0;
      for (let i = 0; i < 11; i++) {
        const node = sim.node(`v${i}`);
        const original = node.exportAsync.bind(node);
        vi.spyOn(node, "exportAsync").mockImplementation(async (settings) => {
          peaks.svgs = Math.max(peaks.svgs, ++svgsInFlight);
          try {
            return await original(settings);
          } finally {
            svgsInFlight--;
          }
        });
      }
      const result = await exportResult(sim);
      expect(peaks).toEqual({ images: ASSET_CONCURRENCY, svgs: ASSET_CONCURRENCY });
      expect(Object.keys(result.extras!.images!)).toHaveLength(13);
      expect(Object.keys(result.extras!.svgs!)).toHaveLength(11);
    },
  );

  it(
    "lists an image Figma does not have (getImageByHash null) " +
      "as a problem with the layer's name, and sends the rest",
    async () => {
      const sim = await synthetic(
        [imageRect("1", "here"), imageRect("2", "gone", { name: "Hero photo" }), imageRect("3", "gone")],
        { here: png(1) },
      );
      const result = await exportResult(sim);
      expect(Object.keys(result.extras!.images!)).toEqual(["here"]);
      expect(result.problems).toEqual([
        {
          severity: "warning",
          code: "image-missing",
          nodeId: "2",
          message: expect.stringContaining("“Hero photo” (and 1 more layer)"),
        },
      ]);
    },
  );

  it("lists an image whose bytes Figma cannot read (getBytesAsync rejects) with Figma's reason", async () => {
    const sim = await synthetic([imageRect("1", "a", { name: "Avatar" }), imageRect("2", "b")], {
      a: png(1),
      b: png(2),
    });
    sim.failImage("a", "Image could not be loaded");
    const result = await exportResult(sim);
    expect(Object.keys(result.extras!.images!)).toEqual(["b"]);
    expect(result.problems).toEqual([
      {
        severity: "warning",
        code: "image-failed",
        nodeId: "1",
        message: "Could not read the image of “Avatar”: Image could not be loaded. It is a placeholder in the code.",
      },
    ]);
  });

  it("lists a failed SVG export with the layer's name; the frame and the other icons are exported", async () => {
    const sim = await synthetic([vector("v1", "Search icon"), vector("v2")], {});
    sim.failExport("v1", "Render failed");
    const result = await exportResult(sim);
    expect(Object.keys(result.extras!.svgs!)).toEqual(["v2"]);
    expect(result.problems).toEqual([
      {
        severity: "warning",
        code: "svg-failed",
        nodeId: "v1",
        message: "Could not export “Search icon” as SVG: Render failed. It is drawn from the JSON instead.",
      },
    ]);
    expect(result.frames).toHaveLength(1);
  });

  it("reports progress as images and icons arrive, ending at the total", async () => {
    const refs = Array.from({ length: 6 }, (_, i) => `img${i}`);
    const sim = await synthetic(
      [...refs.map((ref, i) => imageRect(`p${i}`, ref)), vector("v1"), vector("v2")],
      Object.fromEntries(refs.map((r, i) => [r, png(i)])),
    );
    await exportResult(sim);
    const progress = uiMessages(sim, "export-progress").map((m) => `${m.label} ${m.done}/${m.total}`);
    const images = progress.filter((p) => p.startsWith("Fetching images"));
    expect(images[0]).toBe("Fetching images 0/6");
    expect(images.at(-1)).toBe("Fetching images 6/6");
    expect(progress.filter((p) => p.startsWith("Exporting icons")).at(-1)).toBe("Exporting icons 2/2");
    expect(progress.at(-1)).toBe("Exported “Screen” 1/1");
  });

  it("sends many images' progress about 50 times, not once per image", async () => {
    const refs = Array.from({ length: 300 }, (_, i) => `img${i}`);
    const one = png(1, 2);
    const sim = await synthetic(
      refs.map((ref, i) => imageRect(`p${i}`, ref)),
      Object.fromEntries(refs.map((r) => [r, one])),
    );
    const result = await exportResult(sim);
    expect(Object.keys(result.extras!.images!)).toHaveLength(300);
    const count = uiMessages(sim, "export-progress").filter((m) => m.label === "Fetching images").length;
    expect(count).toBeGreaterThanOrEqual(50);
    expect(count).toBeLessThanOrEqual(52);
  });

  it("skips image reads and SVG exports when the request says assets: false", async () => {
    const sim = await synthetic([imageRect("1", "a"), vector("v1")], { a: png(1) });
    const lookups = vi.spyOn(sim.figma as { getImageByHash(hash: string): unknown }, "getImageByHash");
    const result = await exportResult(sim, "r1", { png: false, assets: false });
    expect(result.extras).toBeUndefined();
    expect(lookups).not.toHaveBeenCalled();
    expect(sim.record.exports.map((e) => e.format)).toEqual(["JSON_REST_V1"]);
  });

  it("stops fetching on cancel and sends no result", async () => {
    const refs = Array.from({ length: 40 }, (_, i) => `img${i}`);
    const sim = await synthetic(
      refs.map((ref, i) => imageRect(`p${i}`, ref)),
      Object.fromEntries(refs.map((r, i) => [r, png(i)])),
    );
    const figma = sim.figma as { getImageByHash(hash: string): { getBytesAsync(): Promise<Uint8Array> } | null };
    const lookup = figma.getImageByHash.bind(figma);
    let reads = 0;
    vi.spyOn(figma, "getImageByHash").mockImplementation((hash) => {
      const image = lookup(hash)!;
      return {
        ...image,
        getBytesAsync: async () => (reads++, await new Promise((r) => setTimeout(r, 10)), image.getBytesAsync()),
      };
    });
    const exporting = sendToMain(sim, "export-selection", { requestId: "c1", png: false });
    await waitForUi(sim, "export-progress", { where: (m) => m.label === "Fetching images" });
    await sendToMain(sim, "cancel", { requestId: "c1" });
    await exporting;
    expect(uiMessages(sim, "export-result")).toEqual([]);
    expect(uiMessages(sim, "error").map((e) => e.reason)).toEqual(["cancelled"]);
    expect(reads).toBeLessThan(40);
  });

  it(
    "exports the bundler dialog's 8 images and its 10 icons, " + "2 of them hidden here but shown by another instance",
    async () => {
      const sim = await fixture("figmasharp-bundler-dialog.file.json", { selectIds: ["25:0"] });
      const result = await exportResult(sim);
      expect(Object.keys(result.extras!.images!)).toHaveLength(8);
      expect(Object.keys(result.extras!.svgs!)).toHaveLength(10);
      expect(codes(result.problems)).toEqual([]);
      const hidden = planAssets([exportRoot(result.frames[0]!.json)!]).vectors.filter((v) => v.hidden);
      expect(hidden.map((v) => v.id).sort()).toEqual(["I25:4;1:97", "I25:5;1:98"]);
    },
  );

  it("exports a picture frame (shapes alone) as the one SVG codegen draws it with", async () => {
    const sim = await fixture("grida-vector-frame.nodes.json", { selectIds: ["1038:24"] });
    const result = await exportResult(sim);
    expect(Object.keys(result.extras?.svgs ?? {})).toEqual(["1038:24"]);
    expect(codes(result.problems)).toEqual([]);
  });

  it(
    "lists no problem when Figma will not export a hidden " + "layer codegen keeps (it is drawn from the JSON)",
    async () => {
      const sim = await fixture("figmasharp-bundler-dialog.file.json", { selectIds: ["25:0"] });
      sim.failExport("I25:4;1:97", "Node is not visible");
      sim.failExport("I25:4;1:98", "Render failed");
      const result = await exportResult(sim);
      expect(Object.keys(result.extras!.svgs!)).toHaveLength(8);
      expect(result.problems?.map((p) => [p.code, p.nodeId])).toEqual([["svg-failed", "I25:4;1:98"]]);
    },
  );
});
