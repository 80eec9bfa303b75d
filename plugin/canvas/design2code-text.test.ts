/**
 * Issue 51's text gaps on real pages (test/fixtures/design2code): `text-transform` kept as Figma's textCase (the
 * characters as typed) through the simulator's REST export, list markers as text layers where Chromium draws them,
 * `::before` / `::after` boxes at Chromium's place. Chromium's own boxes for what has no element (a marker, a
 * pseudo-element) are found in pixels: the page shot as it is and with markers and generated content turned off.
 */
import { join } from "node:path";
import { decodePng, type RgbaImage } from "../../ai/mask/index.js";
import { describe, expect, it } from "vitest";
import { readPage } from "../../cli/layers/read-page.js";
import type { LayerNode } from "../../contract/layers.js";
import type { Json } from "../../test/figma-sim/sim.js";
import * as builder from "../../test/figma-sim/page-build.js";
import { runBrowser, useBrowser } from "../../test/helpers/browser.js";

const page = (n: number): string => join(import.meta.dirname, "../../test/fixtures/design2code", `${n}.html`);
const all = (node: LayerNode): LayerNode[] => [node, ...(node.children ?? []).flatMap(all)];
const restAll = (n: Json): Json[] => [n, ...((n["children"] as Json[] | undefined) ?? []).flatMap(restAll)];

/** Every layer with its box in page coordinates (boxes are relative to the parent's). */
function placed(node: LayerNode, at = { x: 0, y: 0 }): { layer: LayerNode; x: number; y: number }[] {
  const x = at.x + node.box.x;
  const y = at.y + node.box.y;
  return [{ layer: node, x, y }, ...(node.children ?? []).flatMap((c) => placed(c, { x, y }))];
}

type Ink = { x0: number; y0: number; x1: number; y1: number } | undefined;
/** The box of the pixels that differ between two shots inside `r` (undefined: none). */
function inkIn(a: RgbaImage, b: RgbaImage, r: { x: number; y: number; w: number; h: number }): Ink {
  let ink: Ink;
  for (let y = Math.max(0, Math.floor(r.y)); y < Math.min(a.height, r.y + r.h); y++)
    for (let x = Math.max(0, Math.floor(r.x)); x < Math.min(a.width, r.x + r.w); x++) {
      const k = (y * a.width + x) * 4;
      const d = Math.abs(a.rgba[k]! - b.rgba[k]!) + Math.abs(a.rgba[k + 1]! - b.rgba[k + 1]!);
      if (d + Math.abs(a.rgba[k + 2]! - b.rgba[k + 2]!) < 40) continue;
      ink = ink
        ? { x0: Math.min(ink.x0, x), y0: Math.min(ink.y0, y), x1: Math.max(ink.x1, x + 1), y1: Math.max(ink.y1, y + 1) }
        : { x0: x, y0: y, x1: x + 1, y1: y + 1 };
    }
  return ink;
}

describe.runIf(runBrowser)("Design2Code pages: case, list markers and generated content as layers", () => {
  const browser = useBrowser();

  /** The page read, with Chromium's shots as it is and with `off` (CSS) applied. */
  const readWithShots = async (n: number, off: string) => {
    let shots: [RgbaImage, RgbaImage] | undefined;
    const [read] = await readPage(browser, page(n), [1280], {
      prepare: async (p) => {
        const on = decodePng(await p.screenshot({ fullPage: true }));
        // A <style> of our own (addStyleTag waits on a load event a page without scripts never gives).
        type Doc = {
          head: { append(e: unknown): void };
          createElement(t: string): { textContent: string; id: string };
        };
        const toggle = (css: string | null): void => {
          const d = (globalThis as unknown as { document: Doc & { getElementById(i: string): { remove(): void } } })
            .document;
          if (css === null) return d.getElementById("figment-off").remove();
          const style = d.createElement("style");
          style.id = "figment-off";
          style.textContent = css;
          d.head.append(style);
        };
        await p.evaluate(toggle, off);
        const without = decodePng(await p.screenshot({ fullPage: true }));
        await p.evaluate(toggle, null);
        shots = [on, without];
      },
    });
    return { doc: read!.document, shots: shots! };
  };

  it("page 35: a prefixed -webkit-linear-gradient (from the top) is the submit buttons' vertical fill", async () => {
    const [read] = await readPage(browser, page(35), [1280]);
    const buttons = all(read!.document.root).filter((l) => /^Input · button[68]$/.test(l.name));
    expect(buttons.map((b) => b.name).sort()).toEqual(["Input · button6", "Input · button8"]);
    for (const b of buttons) {
      const fill = b.fills?.[0];
      expect(fill?.type).toBe("GRADIENT_LINEAR");
      if (fill?.type !== "GRADIENT_LINEAR") continue;
      // Top to bottom: the start handle above the end one, both at the middle's x.
      expect(fill.handles[0]!.y).toBeLessThan(fill.handles[1]!.y);
      expect(fill.handles[0]!.x).toBeCloseTo(fill.handles[1]!.x, 5);
    }
  });

  // Pages with `text-transform` (15 of the 50 have a text layer with one), as uppercase as the page shows them.
  it.each([344, 35, 96, 215])(
    "page %i: text-transform → textCase in the REST export, characters as typed",
    async (n) => {
      const [read] = await readPage(browser, page(n), [1280]);
      const doc = read!.document;
      const cased = all(doc.root).filter((l) => l.text?.runs.some((r) => r.textCase === "UPPER"));
      expect(cased.length).toBeGreaterThan(0);
      // As typed: not upper-cased by the reader (the page's HTML has lower-case letters in them).
      expect(cased.some((l) => /[a-z]/.test(l.text!.characters))).toBe(true);
      const { rest } = await builder.buildAndExport(doc);
      const texts = restAll(rest).filter((t) => t["type"] === "TEXT");
      const upper = (t: Json): boolean =>
        (t["style"] as Json)["textCase"] === "UPPER" ||
        Object.values((t["styleOverrideTable"] as Record<string, Json>) ?? {}).some((e) => e["textCase"] === "UPPER");
      // On main the export had no textCase: 0 of them.
      for (const layer of cased)
        expect(texts.some((t) => t["characters"] === layer.text!.characters && upper(t))).toBe(true);
    },
  );

  // Pages with lists: 13 of the 50 show markers (on main none was read: 0 marker layers).
  it.each([341, 286, 117])(
    "page %i: each list marker is a text layer over Chromium's marker, within 2 px",
    async (n) => {
      const { doc, shots } = await readWithShots(n, "li { list-style-type: none !important }");
      const markers = placed(doc.root).filter((p) => p.layer.name === "List marker");
      expect(markers.length).toBeGreaterThan(3);
      let inked = 0;
      for (const m of markers) {
        const { w, h } = m.layer.box;
        // Beside the marker's box, not above or below it (the next item's marker is a line away).
        const ink = inkIn(shots[0], shots[1], { x: m.x - 6, y: m.y - 1, w: w + 12, h: h + 2 });
        if (!ink) continue; // a marker under another layer's paint (or clipped) shows nothing
        inked++;
        expect(m.layer.text?.characters).toMatch(/^(•|◦|▪|[\dA-Za-z]+\.)$/);
        expect(ink.x0).toBeGreaterThanOrEqual(m.x - 2);
        expect(ink.x1).toBeLessThanOrEqual(m.x + w + 2);
        expect(ink.y0).toBeGreaterThanOrEqual(m.y - 2);
        expect(ink.y1).toBeLessThanOrEqual(m.y + h + 2);
      }
      expect(inked).toBeGreaterThan(3);
      // Built on the simulator: the markers are text layers with their characters.
      const { rest } = await builder.buildAndExport(doc);
      const built = restAll(rest).filter((t) => t["name"] === "List marker" && t["type"] === "TEXT");
      expect(built.length).toBe(markers.length);
    },
  );

  it("page 358: ::before / ::after bars are frames at Chromium's box, within 2 px", async () => {
    const { doc, shots } = await readWithShots(358, "*::before, *::after { visibility: hidden !important }");
    const boxes = placed(doc.root).filter((p) => /^::(before|after)$/.test(p.layer.name));
    expect(boxes.length).toBeGreaterThanOrEqual(3);
    for (const b of boxes) {
      const { w, h } = b.layer.box;
      expect(b.layer.fills?.length).toBeGreaterThan(0);
      const ink = inkIn(shots[0], shots[1], { x: b.x - 6, y: b.y - 6, w: w + 12, h: h + 12 });
      expect(ink).toBeDefined();
      expect(Math.abs(ink!.x0 - b.x)).toBeLessThanOrEqual(2);
      expect(Math.abs(ink!.y0 - b.y)).toBeLessThanOrEqual(2);
      expect(Math.abs(ink!.x1 - (b.x + w))).toBeLessThanOrEqual(2);
      expect(Math.abs(ink!.y1 - (b.y + h))).toBeLessThanOrEqual(2);
    }
  });
});
