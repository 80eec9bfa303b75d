/**
 * A parameter grid on the simulator: headers as text layers over the columns and before the rows, a placeholder per
 * cell until its image arrives, each image in its cell's place whatever order they come in, and the font loaded before
 * any text is written.
 */
import { afterEach, describe, expect, it } from "vitest";
import { createFigmaSim, installFigmaSim, type FigmaSim, type SimNode } from "../../test/figma-sim/sim.js";
import { CANVAS_FILE, imageRecord, png } from "../../test/helpers/canvas-file.js";
import { GRID_PADDING, GRID_SPACING } from "./grid-frame.js";
import { LABEL_SIZE, PLACEHOLDER_KEY, ROW_HEADER_WIDTH } from "./grid-labels.js";
import { placeInGrid, type PlaceInGrid } from "./place-in-grid.js";

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});
function sim(): FigmaSim {
  const s = createFigmaSim({
    file: CANVAS_FILE,
    viewportCenter: { x: 1000, y: 500 },
    relaunchCommands: ["code", "refine-image", "regenerate-image"],
  });
  restore = installFigmaSim(s);
  return s;
}

const LABELS = { columns: ["CFG 4", "CFG 7", "CFG 10"], rows: ["Seed 1", "Seed 2"] };
const cell = (index: number, grid: PlaceInGrid["grid"], labels = LABELS): PlaceInGrid => ({
  grid,
  bytes: png(256, 256, index + 1),
  width: 256,
  height: 256,
  name: `cell-${index}`,
  record: imageRecord({ versionId: `v-${index}` }),
  index,
  labels,
});
const rel = (n: SimNode) => ({ name: n.name, type: n.type, x: n.x, y: n.y, width: n.width });

describe("a parameter grid on the canvas", () => {
  it(
    "3×2 with row headers: header row, then each row's header and its " +
      "cells under their columns; images replace placeholders in any order",
    async () => {
      const s = sim();
      const [gridId, firstId] = (await placeInGrid(cell(4, { name: "CFG × Seed" }), [])).nodeIds;
      const grid = s.node(gridId!);
      const W = 256;
      const col = (c: number): number => GRID_PADDING + ROW_HEADER_WIDTH + GRID_SPACING + c * (W + GRID_SPACING);
      expect(grid.width).toBe(2 * GRID_PADDING + ROW_HEADER_WIDTH + 3 * W + 3 * GRID_SPACING);
      const texts = (grid.children ?? []).filter((n) => n.type === "TEXT") as (SimNode & {
        characters: string;
        fontSize: number;
        fontName: FontName;
      })[];
      expect(texts.map((t) => t.characters)).toEqual(["", "CFG 4", "CFG 7", "CFG 10", "Seed 1", "Seed 2"]);
      for (const t of texts)
        expect([t.fontName, t.fontSize]).toEqual([{ family: "Inter", style: "Regular" }, LABEL_SIZE]);
      const headerHeight = Math.ceil(LABEL_SIZE * 1.2);
      const row = (line: number): number => GRID_PADDING + headerHeight + GRID_SPACING + line * (W + GRID_SPACING);
      expect(texts.slice(1, 4).map(rel)).toEqual(
        [0, 1, 2].map((c) => ({ name: LABELS.columns[c], type: "TEXT", x: col(c), y: GRID_PADDING, width: W })),
      );
      expect(texts.slice(4).map(rel)).toEqual(
        [0, 1].map((line) => ({
          name: LABELS.rows[line],
          type: "TEXT",
          x: GRID_PADDING,
          y: row(line),
          width: ROW_HEADER_WIDTH,
        })),
      );
      // Cell 4 (CFG 7, Seed 2) is in its place; the other five are placeholders.
      expect(rel(s.node(firstId!))).toMatchObject({ name: "cell-4", x: col(1), y: row(1) });
      const waiting = (): string[] =>
        (grid.children ?? []).filter((n) => n.getPluginData(PLACEHOLDER_KEY) === "1").map((n) => n.name);
      expect(waiting()).toEqual([
        "Waiting: CFG 4 · Seed 1",
        "Waiting: CFG 7 · Seed 1",
        "Waiting: CFG 10 · Seed 1",
        "Waiting: CFG 4 · Seed 2",
        "Waiting: CFG 10 · Seed 2",
      ]);
      for (const index of [2, 0, 5, 1, 3]) {
        const [, id] = (await placeInGrid(cell(index, { id: gridId! }), [])).nodeIds;
        expect(rel(s.node(id!))).toMatchObject({ x: col(index % 3), y: row(Math.floor(index / 3)) });
      }
      expect(waiting()).toEqual([]);
      expect(grid.children?.map((n) => n.name)).toEqual([
        "Header",
        "CFG 4",
        "CFG 7",
        "CFG 10",
        "Seed 1",
        "cell-0",
        "cell-1",
        "cell-2",
        "Seed 2",
        "cell-3",
        "cell-4",
        "cell-5",
      ]);
      expect(grid.height).toBe(row(1) + W + GRID_PADDING);
    },
  );

  it("one sweep of one prompt: column headers only, no header column", async () => {
    const s = sim();
    const labels = { columns: ["Steps 10", "Steps 30"], rows: [""] };
    const [gridId] = (await placeInGrid(cell(0, { name: "Steps" }, labels), [])).nodeIds;
    const grid = s.node(gridId!);
    expect(grid.width).toBe(2 * GRID_PADDING + 2 * 256 + GRID_SPACING);
    expect((grid.children ?? []).map(rel)).toEqual([
      { name: "Steps 10", type: "TEXT", x: GRID_PADDING, y: GRID_PADDING, width: 256 },
      { name: "Steps 30", type: "TEXT", x: GRID_PADDING + 256 + GRID_SPACING, y: GRID_PADDING, width: 256 },
      {
        name: "cell-0",
        type: "RECTANGLE",
        x: GRID_PADDING,
        y: GRID_PADDING + Math.ceil(LABEL_SIZE * 1.2) + GRID_SPACING,
        width: 256,
      },
      {
        name: "Waiting: Steps 30",
        type: "RECTANGLE",
        x: GRID_PADDING + 256 + GRID_SPACING,
        y: GRID_PADDING + Math.ceil(LABEL_SIZE * 1.2) + GRID_SPACING,
        width: 256,
      },
    ]);
  });

  it("a grid without labels is the plain wrapping grid (no text, no placeholders)", async () => {
    const s = sim();
    const { labels: _l, ...plain } = cell(0, { name: "Plain" });
    const [gridId] = (await placeInGrid(plain, [])).nodeIds;
    expect(s.node(gridId!).children?.map((n) => n.type)).toEqual(["RECTANGLE"]);
  });
});
