/**
 * The selection's brand colours on the simulator: colour variables from the login fixture's real bindings
 * (test/fixtures/tokens), paint styles from a file's `styles`, plain solid paints with their counts; each
 * colour once, named ones first, at most 12; hidden layers and paints left out; yields on big selections.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { isCancelled } from "../../kernel/cancelled.js";
import { createFigmaSim, installFigmaSim, type FigmaSim, type Json } from "../../test/figma-sim/sim.js";
import { CANVAS_FILE } from "../../test/helpers/canvas-file.js";
import { loginVariables, loginWithBindings } from "../../test/helpers/token-fixtures.js";
import { PluginError } from "../errors.js";
import { Job } from "../tasks.js";
import { hexOf, readBrandColours } from "./brand-colours.js";

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
  vi.restoreAllMocks();
});

function install(file: unknown, selectIds: string[], variables = loginVariables()): FigmaSim {
  const sim = createFigmaSim({ file, selectIds, variables });
  restore = installFigmaSim(sim);
  return sim;
}

const selection = (): readonly SceneNode[] =>
  (globalThis as unknown as { figma: PluginAPI }).figma.currentPage.selection;
const solid = (r: number, g: number, b: number, extra: Json = {}): Json => ({
  type: "SOLID",
  color: { r, g, b, a: 1 },
  ...extra,
});

describe("readBrandColours", () => {
  it(
    "names the login frame's colours by their bound variables, " +
      "sums every use of a colour, and lists plain ones after",
    async () => {
      install(loginWithBindings(), ["101:3"]);
      expect(await readBrandColours(selection())).toEqual([
        // 2 bound (on-brand, surface: the first seen names it) + 11 plain white paints.
        { hex: "#FFFFFF", name: "color/text/on-brand", source: "variable", uses: 13 },
        // color/text/inverse once + 7 plain #FCFCFC fills and strokes.
        { hex: "#FCFCFC", name: "color/text/inverse", source: "variable", uses: 8 },
        // text/primary, border (a stroke), and the text bound to a library variable the file lacks (plain).
        { hex: "#000000", name: "color/text/primary", source: "variable", uses: 3 },
        { hex: "#FF473A", name: "color/brand/primary", source: "variable", uses: 1 },
        // The #979797 strokes on the status bar's texts are hidden paints: left out.
        { hex: "#DADADA", source: "fill", uses: 6 },
      ]);
    },
  );

  it(
    "names colours by their paint styles; a style Figma no longer " +
      "knows counts as plain; hidden layers and paints are left out",
    async () => {
      const file = structuredClone(CANVAS_FILE) as unknown as { document: Json; styles: Json };
      file.styles = {
        "S:brand": { key: "brand", name: "Brand/Red", styleType: "FILL" },
        "S:ink": { key: "ink", name: "Text/Ink", styleType: "FILL" },
      };
      const card = ((file.document["children"] as Json[])[0]!["children"] as Json[])[1]!;
      const [photo, avatar, title, badges, divider] = card["children"] as Json[];
      card["fills"] = [solid(0.9, 0.2, 0.2)];
      card["styles"] = { fill: "S:brand" };
      photo!["styles"] = { fill: "S:brand" };
      avatar!["fills"] = [solid(0, 0, 1)];
      avatar!["styles"] = { fill: "S:gone" };
      title!["fills"] = [solid(0.0667, 0.0667, 0.0667)];
      title!["styles"] = { fill: "S:ink" };
      (badges!["children"] as Json[])[0]!["fills"] = [
        solid(0.9, 0.2, 0.2, { opacity: 0.5 }),
        solid(0, 1, 0, { visible: false }),
      ];
      divider!["visible"] = false;
      divider!["strokes"] = [solid(0, 1, 0)];
      // The photo is selected with the card that holds it: counted once.
      install(file, ["2:1", "2:2"]);
      expect(await readBrandColours(selection())).toEqual([
        { hex: "#E63333", name: "Brand/Red", source: "style", uses: 2 },
        { hex: "#111111", name: "Text/Ink", source: "style", uses: 1 },
        { hex: "#0000FF", source: "fill", uses: 1 },
        { hex: "#E6333380", source: "fill", uses: 1 },
      ]);
    },
  );

  it("keeps the 12 most used: named ones first, then plain ones by use", async () => {
    // 20 swatches: colour i used i+1 times; the least used one is bound to a variable.
    const children: Json[] = [];
    for (let i = 0; i < 20; i++)
      for (let k = 0; k <= i; k++)
        children.push({
          id: `5:${i}-${k}`,
          type: "RECTANGLE",
          name: `Swatch ${i}`,
          absoluteBoundingBox: { x: i * 10, y: k * 10, width: 8, height: 8 },
          fills: [solid(i / 100, 0, 0)],
          ...(i === 0 ? { boundVariables: { fills: [{ type: "VARIABLE_ALIAS", id: "VariableID:2:10" }] } } : {}),
        });
    install(
      {
        id: "5:0",
        type: "FRAME",
        name: "Swatches",
        absoluteBoundingBox: { x: 0, y: 0, width: 200, height: 200 },
        children,
      },
      ["5:0"],
    );
    const colours = await readBrandColours(selection());
    expect(colours).toHaveLength(12);
    expect(colours[0]).toEqual({ hex: "#000000", name: "color/brand/primary", source: "variable", uses: 1 });
    expect(colours.slice(1).map((c) => c.uses)).toEqual([20, 19, 18, 17, 16, 15, 14, 13, 12, 11, 10]);
    expect(colours[1]!.hex).toBe(hexOf({ type: "SOLID", color: { r: 0.19, g: 0, b: 0 } }));
  });

  it("yields to Figma on a big selection, and stops when cancelled", async () => {
    const children: Json[] = Array.from({ length: 1200 }, (_, i) => ({
      id: `6:${i}`,
      type: "RECTANGLE",
      name: `R${i}`,
      absoluteBoundingBox: { x: i, y: 0, width: 1, height: 1 },
      fills: [solid(0, 0, 0)],
    }));
    install(
      { id: "6:x", type: "FRAME", name: "Big", absoluteBoundingBox: { x: 0, y: 0, width: 1200, height: 1 }, children },
      ["6:x"],
    );
    const timeouts = vi.spyOn(globalThis, "setTimeout");
    expect(await readBrandColours(selection())).toEqual([{ hex: "#000000", source: "fill", uses: 1200 }]);
    expect(timeouts.mock.calls.filter(([, ms]) => ms === 0).length).toBeGreaterThanOrEqual(4);
    const job = new Job("c1");
    job.cancel();
    const error = await readBrandColours(selection(), job).catch((e: unknown) => e);
    expect(isCancelled(error)).toBe(true);
  });

  it("refuses an empty selection with what to select", async () => {
    install(CANVAS_FILE, []);
    const error = await readBrandColours(selection()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PluginError);
    expect((error as PluginError).code).toBe("empty-selection");
    expect((error as PluginError).message).toMatch(/^Select the layers whose colours the images should use/);
  });
});
