/**
 * Tokens inside inline SVG, on a real file: "Vaya home" (vincegx) binds its icons' fills to library colour
 * variables (39 vectors). With those variables given, every drawn shape whose paint is bound carries its token
 * (`style="fill:var(--…)"`, which wins over the literal presentation attribute kept for tools that read the SVG
 * alone), in HTML and in React (a style object); in Chromium the shapes are painted the design's colours.
 */
import { tagsOnOneLine } from "./helpers/html-tags.js";
import { describe, expect, it } from "vitest";
import { withPage, type PageElement } from "../cli/measure/browser.js";
import { emitFiles, loadDesign } from "../codegen/index.js";
import { readFixture } from "./helpers/fixtures.js";
import { variablesFromBoundPaints } from "./helpers/token-fixtures.js";
import { runBrowser, useBrowser } from "./helpers/browser.js";

const file = readFixture("vincegx-vaya-home.nodes.json");
const design = loadDesign(file, [], { variables: variablesFromBoundPaints(file) });

type Json = Record<string, unknown>;

/** Ids of the file's layers whose solid fill or stroke is bound to a colour variable. */
function boundShapes(): Set<string> {
  const out = new Set<string>();
  const walk = (node: Json): void => {
    const paints = [
      ...((node["fills"] as Json[] | undefined) ?? []),
      ...((node["strokes"] as Json[] | undefined) ?? []),
    ];
    if (
      paints.some(
        (p) => p["type"] === "SOLID" && p["visible"] !== false && (p["boundVariables"] as Json | undefined)?.["color"],
      )
    )
      out.add(node["id"] as string);
    for (const child of (node["children"] as Json[] | undefined) ?? []) walk(child);
  };
  for (const entry of Object.values((file as { nodes: Record<string, { document: Json }> }).nodes))
    walk(entry.document);
  return out;
}

/** `<tag … data-node-id="id" …>` elements inside the output's inline SVGs. */
function svgShapes(markup: string): { id: string; tag: string }[] {
  const out: { id: string; tag: string }[] = [];
  for (const svg of markup.matchAll(/<svg[\s\S]*?<\/svg>/g)) {
    for (const m of svg[0].matchAll(/<(path|rect|ellipse|g|circle|line)\b([^>]*)>/g)) {
      const id = /data-node-id="([^"]*)"/.exec(m[2]!)?.[1];
      if (id) out.push({ id, tag: m[0] });
    }
  }
  return out;
}

describe("colours inside inline SVG become tokens where the layer's paint is bound", () => {
  const bound = boundShapes();
  const html = emitFiles(design.document, { target: "html", styling: "css-modules", nodeIds: true }).files;
  const page = tagsOnOneLine(html.find((f) => f.path === "index.html")!.content);

  it("HTML: every drawn shape with a bound paint uses its token; no other shape does", () => {
    const shapes = svgShapes(page);
    const drawnBound = shapes.filter((s) => bound.has(s.id) && /\sfill="#/.test(s.tag));
    expect(bound.size).toBeGreaterThanOrEqual(39);
    expect(drawnBound.length).toBeGreaterThanOrEqual(20);
    for (const shape of drawnBound) expect(shape.tag).toMatch(/style="fill: ?var\(--color-\d+\);?"/);
    for (const shape of shapes.filter((s) => !bound.has(s.id))) expect(shape.tag).not.toContain("var(--");
    const css = html.map((f) => (f.path.endsWith(".css") ? f.content : "")).join("\n");
    for (const name of new Set(drawnBound.map((s) => /var\(--(color-\d+)\)/.exec(s.tag)![1]!)))
      expect(css).toContain(`--${name}:`);
  });

  it("React: the same tokens as style objects", () => {
    const files = emitFiles(design.document, { target: "react", styling: "tailwind", nodeIds: false }).files;
    const tsx = files
      .filter((f) => f.path.endsWith(".tsx"))
      .map((f) => f.content)
      .join("\n");
    expect(tsx).toMatch(/style=\{\{ fill: "var\(--color-\d+\)" \}\}/);
    expect(tsx).not.toMatch(/style="fill:/);
  });

  describe.runIf(runBrowser)("in Chromium", () => {
    const browser = useBrowser();
    it("Chromium paints the bound shapes the design's colours", async () => {
      const colours = await withPage(browser, html, "index.html", { width: 1440, height: 900 }, (p) =>
        p.evaluate(() => {
          const doc = (
            globalThis as unknown as {
              document: {
                querySelectorAll(s: string): ArrayLike<PageElement & { getAttribute(n: string): string | null }>;
              };
            }
          ).document;
          const style = (globalThis as unknown as { getComputedStyle(e: unknown): { fill: string } }).getComputedStyle;
          return Array.from(doc.querySelectorAll("svg [style*='var(--']")).map((el) => ({
            attr: el.getAttribute("fill") ?? "",
            computed: style(el).fill,
          }));
        }),
      );
      expect(colours.length).toBeGreaterThanOrEqual(20);
      const rgb = (hex: string) =>
        `rgb(${parseInt(hex.slice(1, 3), 16)}, ${parseInt(hex.slice(3, 5), 16)}, ${parseInt(hex.slice(5, 7), 16)})`;
      for (const c of colours) expect(c.computed).toBe(rgb(c.attr));
    }, 120_000);
  });
});
