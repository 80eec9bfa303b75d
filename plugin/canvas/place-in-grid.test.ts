/**
 * Place in grid on the simulator: the batch's wrapping auto layout frame, order and retried items, record and relaunch
 * on each image, one undo step each, and refusals that change nothing.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  createFigmaSim,
  installFigmaSim,
  SimNode,
  type FigmaSim,
  type FigmaSimOptions,
} from "../../test/figma-sim/sim.js";
import { CANVAS_FILE, imageRecord, png } from "../../test/helpers/canvas-file.js";
import { PluginError } from "../errors.js";
import { GRID_INDEX_KEY, GRID_PADDING, GRID_SPACING } from "./grid-frame.js";
import { readRecord, RECORD_KEY } from "./image-record.js";
import { placeInGrid, type PlaceInGrid } from "./place-in-grid.js";
import { GAP } from "./placement.js";

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
  vi.restoreAllMocks();
});

function sim(options: Partial<FigmaSimOptions> = {}): FigmaSim {
  const s = createFigmaSim({
    file: CANVAS_FILE,
    viewportCenter: { x: 1000, y: 500 },
    relaunchCommands: ["code", "refine-image", "regenerate-image"],
    ...options,
  });
  restore = installFigmaSim(s);
  return s;
}

const pageNodes = (s: FigmaSim): string[] => (s.currentPage().children ?? []).map((n) => n.id);
const item = (n: number, patch: Partial<PlaceInGrid> = {}): PlaceInGrid => ({
  grid: { name: "Onboarding" },
  bytes: png(300, 200, n),
  width: 300,
  height: 200,
  name: `Step ${n + 1}`,
  record: imageRecord({ versionId: `v-${n}`, prompt: `Step ${n + 1} illustration` }),
  index: n,
  ...patch,
});
const names = (s: FigmaSim, gridId: string): string[] => (s.node(gridId).children ?? []).map((n) => n.name);
const box = (n: SimNode) => ({ x: n.x, y: n.y, width: n.width, height: n.height });

async function refusal(call: () => Promise<unknown>): Promise<PluginError> {
  try {
    await call();
  } catch (error) {
    if (error instanceof PluginError) return error;
    throw error;
  }
  throw new Error("expected a PluginError");
}

describe("placeInGrid: a new grid", () => {
  it(
    "makes a frame named after the batch, horizontal auto layout that " +
      "wraps, four columns wide, beside the selection, with the image in it",
    async () => {
      const s = sim({ selectIds: ["2:1"] });
      const { nodeIds } = await placeInGrid(item(0, { grid: { name: "  Onboarding\n steps " } }), []);
      const [gridId, rectId] = nodeIds;
      const grid = s.node(gridId!) as SimNode & Record<string, unknown>;
      expect(grid.type).toBe("FRAME");
      expect(grid.name).toBe("Onboarding steps");
      expect(grid.parent?.type).toBe("PAGE");
      expect({
        layoutMode: grid["layoutMode"],
        layoutWrap: grid["layoutWrap"],
        primary: grid["primaryAxisSizingMode"],
        counter: grid["counterAxisSizingMode"],
        itemSpacing: grid["itemSpacing"],
        counterAxisSpacing: grid["counterAxisSpacing"],
      }).toEqual({
        layoutMode: "HORIZONTAL",
        layoutWrap: "WRAP",
        primary: "FIXED",
        counter: "AUTO",
        itemSpacing: GRID_SPACING,
        counterAxisSpacing: GRID_SPACING,
      });
      expect([grid["paddingLeft"], grid["paddingRight"], grid["paddingTop"], grid["paddingBottom"]]).toEqual([
        GRID_PADDING,
        GRID_PADDING,
        GRID_PADDING,
        GRID_PADDING,
      ]);
      // 4 × 300 + 3 gaps + padding wide; one row high (hugging); right of the card, top-aligned.
      expect(box(grid)).toEqual({
        x: 500 + 320 + GAP,
        y: 100,
        width: 4 * 300 + 3 * GRID_SPACING + 2 * GRID_PADDING,
        height: 200 + 2 * GRID_PADDING,
      });
      const rect = s.node(rectId!);
      expect(rect.parent?.id).toBe(gridId);
      expect(rect.name).toBe("Step 1");
      expect(box(rect)).toEqual({ x: GRID_PADDING, y: GRID_PADDING, width: 300, height: 200 });
      expect(rect.fills).toMatchObject([{ type: "IMAGE", scaleMode: "FILL", imageHash: s.record.images[0]!.hash }]);
      expect(s.currentPage().selection.map((n) => n.id)).toEqual([gridId]);
      expect(s.record.zooms.at(-1)).toEqual({ nodeIds: [gridId], pageId: "0:1" });
    },
  );

  it("goes to the viewport's centre when nothing is selected", async () => {
    const s = sim();
    const grid = s.node((await placeInGrid(item(0), [])).nodeIds[0]!);
    expect({ x: grid.x + grid.width / 2, y: grid.y + grid.height / 2 }).toEqual({ x: 1000, y: 500 });
  });
});

describe("placeInGrid: adding to the grid", () => {
  it(
    "appends in order, wraps the fifth image onto a second row and " +
      "grows the frame's height, leaving selection and viewport alone",
    async () => {
      const s = sim({ selectIds: ["2:1"] });
      const gridId = (await placeInGrid(item(0), [])).nodeIds[0]!;
      s.select(["1:1"]);
      const zooms = s.record.zooms.length;
      for (let n = 1; n < 6; n++) {
        const placed = await placeInGrid(item(n, { grid: { id: gridId } }), []);
        expect(placed.nodeIds[0]).toBe(gridId);
      }
      expect(names(s, gridId)).toEqual(["Step 1", "Step 2", "Step 3", "Step 4", "Step 5", "Step 6"]);
      const children = s.node(gridId).children!;
      expect(children.map((c) => [c.x, c.y])).toEqual([
        [40, 40],
        [380, 40],
        [720, 40],
        [1060, 40],
        [40, 280],
        [380, 280],
      ]);
      expect(s.node(gridId).height).toBe(2 * 200 + GRID_SPACING + 2 * GRID_PADDING);
      expect(s.currentPage().selection.map((n) => n.id)).toEqual(["1:1"]);
      expect(s.record.zooms.length).toBe(zooms);
    },
  );

  it(
    "puts a retried item at its place: item 5 placed " + "after 6–8 lands fifth, even with item 2 still missing",
    async () => {
      const s = sim();
      const gridId = (await placeInGrid(item(0), [])).nodeIds[0]!;
      for (const n of [2, 3, 5, 6, 7]) await placeInGrid(item(n, { grid: { id: gridId } }), []);
      await placeInGrid(item(4, { grid: { id: gridId } }), []);
      expect(names(s, gridId)).toEqual(["Step 1", "Step 3", "Step 4", "Step 5", "Step 6", "Step 7", "Step 8"]);
      await placeInGrid(item(1, { grid: { id: gridId } }), []);
      expect(names(s, gridId)).toEqual([
        "Step 1",
        "Step 2",
        "Step 3",
        "Step 4",
        "Step 5",
        "Step 6",
        "Step 7",
        "Step 8",
      ]);
      // Without an index: last; the position is kept in pluginData only when given.
      const { nodeIds } = await placeInGrid(
        { ...item(9, { grid: { id: gridId } }), index: undefined, name: "Extra" },
        [],
      );
      expect(names(s, gridId).at(-1)).toBe("Extra");
      expect(s.node(nodeIds[1]!).getPluginData(GRID_INDEX_KEY)).toBe("");
      expect(s.node(gridId).children![4]!.getPluginData(GRID_INDEX_KEY)).toBe("4");
    },
  );

  it("keeps each image's record in pluginData with the Refine / Regenerate buttons", async () => {
    const s = sim();
    const gridId = (await placeInGrid(item(0), [])).nodeIds[0]!;
    await placeInGrid(item(1, { grid: { id: gridId } }), []);
    for (const [n, rect] of s.node(gridId).children!.entries()) {
      expect(readRecord(rect as unknown as SceneNode)).toEqual(item(n).record);
      expect(Object.keys(rect.getRelaunchData())).toEqual(["refine-image", "regenerate-image"]);
      expect(rect.getRelaunchData()["refine-image"]).toBe(`“Step ${n + 1} illustration” — gpt-image-2, 1536 × 1024`);
    }
    // The grid frame itself carries no record.
    expect(s.node(gridId).getPluginData(RECORD_KEY)).toBe("");
  });

  it("is one undo step per placement: the new grid with its first image, then each image added", async () => {
    const s = sim({ selectIds: ["2:1"] });
    const steps = s.record.undo.steps.length;
    const [gridId, first] = (await placeInGrid(item(0), [])).nodeIds;
    expect(s.record.undo.steps.length).toBe(steps + 1);
    expect(s.record.undo.steps.at(-1)!.filter((c) => c.startsWith("create"))).toEqual([
      `create ${gridId}`,
      `create ${first}`,
    ]);
    const second = (await placeInGrid(item(1, { grid: { id: gridId! } }), [])).nodeIds[1]!;
    expect(s.record.undo.steps.length).toBe(steps + 2);
    expect(s.record.undo.steps.at(-1)).toEqual([
      `create ${second}`,
      `append ${second} to 0:1`,
      `resize ${second}`,
      `name ${second}`,
      `fills ${second}`,
      `pluginData ${second} ${GRID_INDEX_KEY}`,
      `pluginData ${second} ${RECORD_KEY}`,
      `relaunch ${second}`,
      `insert ${second} into ${gridId} at 1`,
    ]);
    expect(s.record.undo.pending).toEqual([]);
  });
});

describe("placeInGrid: refusals change nothing", () => {
  it("answers not-found, saying what to do, when the grid frame was deleted meanwhile", async () => {
    const s = sim();
    const gridId = (await placeInGrid(item(0), [])).nodeIds[0]!;
    s.node(gridId).remove();
    const before = {
      page: pageNodes(s),
      images: s.record.images.length,
      data: s.record.pluginData.length,
      steps: s.record.undo.steps.length,
    };
    const error = await refusal(() => placeInGrid(item(1, { grid: { id: gridId } }), []));
    expect(error.code).toBe("not-found");
    expect(error.message).toMatch(/grid frame was deleted.*Place it again to start a new grid.*Nothing was changed/);
    const notFrame = await refusal(() => placeInGrid(item(1, { grid: { id: "2:2" } }), []));
    expect([notFrame.code, notFrame.message]).toEqual([
      "not-found",
      expect.stringContaining("is now a rectangle, not a frame"),
    ]);
    expect({
      page: pageNodes(s),
      images: s.record.images.length,
      data: s.record.pluginData.length,
      steps: s.record.undo.steps.length,
    }).toEqual(before);
    expect(s.record.undo.pending.filter((c) => !c.startsWith("remove"))).toEqual([]);
  });

  it("refuses WebP bytes, images over 4096 px, a record holding a key, and Dev Mode", async () => {
    const s = sim();
    const webp = new Uint8Array([...new TextEncoder().encode("RIFF\0\0\0\0WEBPVP8 ")]);
    expect((await refusal(() => placeInGrid(item(0, { bytes: webp }), []))).code).toBe("bad-image");
    expect((await refusal(() => placeInGrid(item(0, { bytes: png(4100, 8) }), []))).message).toMatch(
      /4,100 × 8 px; Figma takes images up to 4,096 px per side/,
    );
    const key = "sk-proj-abcdefghijklmnopqrstuvwxyz";
    expect((await refusal(() => placeInGrid(item(0, { record: imageRecord({ prompt: key }) }), [key]))).code).toBe(
      "bad-message",
    );
    expect(pageNodes(s)).toEqual(["1:1", "2:1", "3:1"]);
    expect(s.record.images).toEqual([]);
    restore?.();
    sim({ editorType: "dev", mode: "inspect" });
    expect((await refusal(() => placeInGrid(item(0), []))).code).toBe("read-only");
  });

  it("removes the new grid and image again when a step fails midway", async () => {
    const s = sim({ selectIds: ["2:1"] });
    vi.spyOn(SimNode.prototype, "setRelaunchData").mockImplementation(() => {
      throw new Error("relaunch refused");
    });
    await expect(placeInGrid(item(0), [])).rejects.toThrow("relaunch refused");
    expect(pageNodes(s)).toEqual(["1:1", "2:1", "3:1"]);
    expect(s.nodes().filter((n) => n.id.startsWith("sim:"))).toEqual([]);
    expect(s.currentPage().selection.map((n) => n.id)).toEqual(["2:1"]);
  });
});
