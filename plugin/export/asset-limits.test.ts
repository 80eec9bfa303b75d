/**
 * An export's assets over the contract's limits (made small here): what fits is sent, what does not is left
 * out and listed by layer, saying which limit and what to do — the export itself succeeds.
 */
import { afterEach, expect, it, vi } from "vitest";
import { sendToMain, waitForUi } from "../../test/figma-sim/index.js";
import { createFigmaSim, installFigmaSim, type Json } from "../../test/figma-sim/sim.js";
import { encodePng } from "../../test/openai-server/png.js";
import { start } from "../start.js";

vi.mock("../../contract/limits.js", async (original) => ({
  ...(await original<typeof import("../../contract/limits.js")>()),
  MAX_EXPORT_IMAGE_BYTES: 2_000,
  MAX_EXPORT_SVGS: 2,
}));

let restore: (() => void) | undefined;
afterEach(() => restore?.());

const rect = (id: string, ref: string): Json => ({
  id,
  type: "RECTANGLE",
  name: `Photo ${id}`,
  absoluteBoundingBox: { x: 0, y: 0, width: 40, height: 40 },
  fills: [{ type: "IMAGE", imageRef: ref, scaleMode: "FILL" }],
});
const vector = (id: string): Json => ({
  id,
  type: "VECTOR",
  name: `Icon ${id}`,
  absoluteBoundingBox: { x: 0, y: 0, width: 24, height: 24 },
  fills: [{ type: "SOLID", color: { r: 0, g: 0, b: 0, a: 1 } }],
});

it(
  "leaves out the images past the export's byte budget " + "and the vectors past the SVG count, naming each layer",
  async () => {
    // Smooth gradients deflate well: PNGs under 1,000 bytes, so two fit in 2,000 bytes and the third does not.
    const images = Object.fromEntries(
      ["a", "b", "c"].map((ref, i) => [ref, new Uint8Array(encodePng(200, 40 + i, { seed: i }))]),
    );
    expect(Object.values(images).every((b) => b.length > 700 && b.length < 1_000)).toBe(true);
    const frame = {
      id: "9:1",
      type: "FRAME",
      name: "Screen",
      absoluteBoundingBox: { x: 0, y: 0, width: 400, height: 800 },
      children: [rect("1", "a"), rect("2", "b"), rect("3", "c"), vector("v1"), vector("v2"), vector("v3")],
    };
    const sim = createFigmaSim({
      file: {
        document: {
          id: "0:0",
          type: "DOCUMENT",
          children: [{ id: "0:1", type: "CANVAS", name: "P", children: [frame] }],
        },
      },
      selectIds: ["9:1"],
      command: "code",
      images,
    });
    restore = installFigmaSim(sim);
    await start();
    await waitForUi(sim, "init");
    await sendToMain(sim, "export-selection", { requestId: "r1", png: false });
    const result = await waitForUi(sim, "export-result");
    expect(Object.keys(result.extras!.images!)).toHaveLength(2);
    expect(Object.keys(result.extras!.svgs!)).toEqual(["v1", "v2"]);
    const problems = result.problems ?? [];
    expect(problems.map((p) => p.code).sort()).toEqual(["images-over-limit", "svgs-over-limit"]);
    const left = problems.find((p) => p.code === "images-over-limit")!;
    expect(Object.keys(result.extras!.images!)).not.toContain({ "1": "a", "2": "b", "3": "c" }[left.nodeId!]);
    expect(left.message).toMatch(
      new RegExp(
        String.raw`^The image of “Photo \d” \(0\.\d MB\) was left out: this export's ` +
          String.raw`images are over 0\.0 MB in all\. Select fewer frames to get it\.$`,
      ),
    );
    expect(problems.find((p) => p.code === "svgs-over-limit")).toEqual({
      severity: "warning",
      code: "svgs-over-limit",
      nodeId: "v3",
      message:
        "“Icon v3” was not exported as SVG: Figment exports up to 2 " +
        "vector layers at once; it is drawn from the JSON instead.",
    });
  },
);
