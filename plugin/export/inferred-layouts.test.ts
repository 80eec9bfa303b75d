/**
 * Figma's own inferred auto layout (`inferredAutoLayout`) read beside the export, on the simulated figma global:
 * for frames drawn without auto layout that Figma has a guess for, nested ones included; never for auto-layout
 * frames, hidden ones or single-child ones; sent to the panel with the export's extras, and used by codegen.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { DesignNode } from "../../codegen/design/types.js";
import { loadDesign } from "../../codegen/load.js";
import { inferLayoutReported } from "../../codegen/layout/index.js";
import { sendToMain, waitForUi } from "../../test/figma-sim/index.js";
import { createFigmaSim, installFigmaSim, type Json } from "../../test/figma-sim/sim.js";
import { start } from "../start.js";

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

const box = (x: number, y: number, width: number, height: number) => ({ absoluteBoundingBox: { x, y, width, height } });
const text = (id: string, x: number, y: number, w: number, h: number): Json => ({
  id,
  type: "TEXT",
  name: id,
  characters: id,
  style: {
    fontFamily: "Inter",
    fontSize: 16,
    fontWeight: 400,
    lineHeightPx: 20,
    lineHeightUnit: "PIXELS",
    textAutoResize: "HEIGHT",
  },
  ...box(x, y, w, h),
});
const rect = (id: string, x: number, y: number, w: number, h: number): Json => ({
  id,
  type: "RECTANGLE",
  name: id,
  fills: [{ type: "SOLID", color: { r: 0.9, g: 0.9, b: 0.9, a: 1 } }],
  ...box(x, y, w, h),
});

/**
 * A 1440-px page drawn without auto layout: a card whose picture and caption overlap in part (Figment's own
 * inference cannot read it and would keep its drawing and stack its layers), a plain two-line section Figment reads as
 * a column,
 * an auto-layout toolbar and a hidden frame.
 */
const page: Json = {
  id: "1:1",
  type: "FRAME",
  name: "Page",
  ...box(0, 0, 1440, 900),
  children: [
    {
      id: "1:2",
      type: "FRAME",
      name: "Card",
      ...box(100, 100, 600, 400),
      children: [rect("1:3", 0 + 100, 100, 400, 300), text("1:4", 300 + 100, 250 + 100, 300, 120)],
    },
    {
      id: "1:5",
      type: "FRAME",
      name: "Section",
      ...box(800, 100, 500, 200),
      children: [text("1:6", 800, 100, 500, 40), text("1:7", 800, 160, 500, 40)],
    },
    {
      id: "1:8",
      type: "FRAME",
      name: "Toolbar",
      layoutMode: "HORIZONTAL",
      itemSpacing: 8,
      // As wide as its items: a hugging auto layout.
      ...box(100, 600, 88, 40),
      children: [rect("1:9", 100, 600, 40, 40), rect("1:10", 148, 600, 40, 40)],
    },
    {
      id: "1:11",
      type: "FRAME",
      name: "Hidden",
      visible: false,
      ...box(800, 600, 300, 100),
      children: [rect("1:12", 800, 600, 10, 10), rect("1:13", 820, 600, 10, 10)],
    },
  ],
};
const file: Json = {
  document: {
    id: "0:0",
    type: "DOCUMENT",
    children: [{ id: "0:1", type: "CANVAS", name: "Page 1", children: [page] }],
  },
};
const guesses = {
  "1:1": {
    layoutMode: "VERTICAL",
    itemSpacing: 100,
    paddingTop: 100,
    paddingLeft: 100,
    paddingRight: 140,
    paddingBottom: 200,
    primaryAxisAlignItems: "MIN",
    counterAxisAlignItems: "MIN",
    layoutWrap: "NO_WRAP",
  },
  "1:2": { layoutMode: "HORIZONTAL", itemSpacing: 0, primaryAxisAlignItems: "MIN", counterAxisAlignItems: "MIN" },
  "1:5": { layoutMode: "VERTICAL", itemSpacing: 20, primaryAxisAlignItems: "MIN", counterAxisAlignItems: "MIN" },
  "1:8": { layoutMode: "HORIZONTAL", itemSpacing: 8 },
  "1:11": { layoutMode: "HORIZONTAL", itemSpacing: 10 },
};

/** The layout check's verdict on the page (Figment's layout model, no browser here): the flow holds as drawn. */
const verdict = { frame: "Page", check: "simulator", kept: [], drawn: false, exact: false };

/** A node of the (inferred) tree by id, inside wrappers or not. */
function find(node: DesignNode, id: string): DesignNode {
  if (node.id === id) return node;
  for (const child of node.children ?? []) {
    try {
      return find(child, id);
    } catch {
      // not in this branch
    }
  }
  throw new Error(`no node ${id}`);
}

describe("Figma's inferred auto layout beside the export", () => {
  it(
    "is read for frames drawn without auto layout, sent with " +
      "the extras, and used where Figment cannot read a frame",
    async () => {
      const sim = createFigmaSim({ file, selectIds: ["1:1"], command: "code", inferredAutoLayouts: guesses });
      restore = installFigmaSim(sim);
      await start();
      await waitForUi(sim, "init");
      await sendToMain(sim, "export-selection", { requestId: "e1", png: false, assets: true });
      const result = await waitForUi(sim, "export-result");
      const layouts = result.extras?.inferredLayouts ?? {};
      // Not the auto-layout toolbar, not the hidden frame.
      expect(Object.keys(layouts).sort()).toEqual(["1:1", "1:2", "1:5"]);
      expect(layouts["1:5"]).toEqual({
        layoutMode: "VERTICAL",
        itemSpacing: 20,
        primaryAxisAlignItems: "MIN",
        counterAxisAlignItems: "MIN",
      });

      const loaded = loadDesign(result.frames[0]!.json, [], result.extras ?? {});
      const { document, report } = inferLayoutReported(loaded.document);
      // Page and section: Figment reads columns, as Figma does; the card Figment cannot read (its picture and
      // caption overlap in part): Figma's row is used instead of its drawing.
      expect(report).toEqual({ containers: 3, suggested: 3, agreed: 2, used: 1, sectionsKept: [], checked: [verdict] });
      const card = find(document.frames[0]!, "1:2");
      expect(card.scaled).toBeUndefined();
      expect(card.layout).toMatchObject({ dir: "row", inferred: {} });
      expect(card.children!.map((c) => c.id)).toEqual(["1:3", "1:4"]);
      expect(JSON.stringify(document)).not.toContain('"suggested"');
    },
  );

  it("without Figma's guesses (the CLI, the REST API) the same frame keeps its drawing and stacks below it", () => {
    const loaded = loadDesign(file, ["1:1"]);
    const { document, report } = inferLayoutReported(loaded.document);
    expect(report).toEqual({ containers: 3, suggested: 0, agreed: 0, used: 0, sectionsKept: [], checked: [verdict] });
    // Its layers keep their drawing at the design width and stack below it (a card holding text is not scaled as a
    // unit since issue 49: its text would shrink past reading on a phone).
    const card = find(document.frames[0]!, "1:2");
    expect(card.scaled).toBeUndefined();
    expect(card.stackBelow).toBe(1440);
    expect(card.children!.map((c) => c.stack?.order)).toEqual([1, 2]);
  });
});
