/**
 * SVG CSS backgrounds as vectors (issue 51): a `background-image` that is an SVG (a data: URL, base64 or not, or an
 * .svg the page loaded) drawn once is a vector child placed as the page draws it, its shapes filled; main kept it
 * an IMAGE fill of the SVG's URL, which the builder drew as a grey placeholder and the REST reply as an imageRef
 * with no image. A repeated one keeps its image fill (Figma's TILE); an .svg that did not load keeps its note.
 * Real page: Design2Code 64's own `.button-back::before` (its red arrow, styled by a <style> inside the SVG).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { LayerNode } from "../../contract/layers.js";
import { readPage } from "../../cli/layers/read-page.js";
import { run } from "../../cli/run.js";
import { readFigmaFixture } from "../../test/figma-sim/node.js";
import { createFigmaSim, installFigmaSim, type SimNode } from "../../test/figma-sim/sim.js";
import { runBrowser, useBrowser } from "../../test/helpers/browser.js";
import { captureIo } from "../../test/helpers/fixtures.js";
import { tempDirs } from "../../test/helpers/temp-dirs.js";
import { buildLayers } from "./build-layers.js";

const tempDir = tempDirs("figment-svg-bg-");
const all = (n: LayerNode): LayerNode[] => [n, ...(n.children ?? []).flatMap(all)];
const byId = (root: LayerNode, id: string): LayerNode => all(root).find((n) => n.sourceId === id)!;
type Json = Record<string, unknown>;
const nodes = (n: Json): Json[] => [n, ...((n["children"] as Json[] | undefined) ?? []).flatMap(nodes)];

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

const svgUrl = (markup: string): string => `data:image/svg+xml,${encodeURIComponent(markup)}`;
const NS = `xmlns="http://www.w3.org/2000/svg"`;
const RED = `<svg ${NS} width="40" height="20"><rect width="40" height="20" fill="#f00"/></svg>`;
const BLUE = `<svg ${NS} viewBox="0 0 2 1"><circle cx="1" cy=".5" r=".5" fill="blue"/></svg>`;
const CONTROL = `<!doctype html><body style="margin:0">
  <div data-node-id="a" style="width:200px;height:100px;border:4px solid #000;
    background:#eee url(&quot;${svgUrl(RED)}&quot;) no-repeat right 10px bottom 5px">text</div>
  <div data-node-id="b" style="width:100px;height:100px;background:url(data:image/svg+xml;base64,${btoa(BLUE)})
    no-repeat 50% 50% / contain"></div>
  <div data-node-id="c" style="width:60px;height:30px;background:url(logo.svg) no-repeat 0 0 / contain"></div>
  <div data-node-id="tile" style="width:50px;height:50px;background:url(&quot;${svgUrl(RED)}&quot;)"></div>
  <div data-node-id="gone" style="width:50px;height:50px;background:url(gone.svg) no-repeat"></div></body>`;
const LOGO = `<svg xmlns="http://www.w3.org/2000/svg" width="30" height="30"><rect x="5" y="5" width="20" height="20"
  fill="#0a0"/></svg>`;

describe.runIf(runBrowser)("SVG CSS backgrounds become vector layers", () => {
  const browser = useBrowser();
  const control = (): string => {
    const dir = tempDir();
    writeFileSync(join(dir, "index.html"), CONTROL);
    writeFileSync(join(dir, "logo.svg"), LOGO);
    return dir;
  };

  it("control page: each drawn-once SVG background is a vector where the browser draws it", async () => {
    const [page] = await readPage(browser, join(control(), "index.html"), [400]);
    const root = page!.document.root;
    const vectorOf = (id: string): LayerNode => {
      const node = byId(root, id);
      // No image fill of the SVG is left; the element's own colour stays.
      expect(node.fills?.filter((p) => p.type === "IMAGE") ?? [], id).toEqual([]);
      const vector = node.children?.[0];
      expect(vector).toMatchObject({ kind: "vector", name: "background", absolute: true });
      return vector!;
    };
    const a = vectorOf("a");
    expect(byId(root, "a").fills).toEqual([{ type: "SOLID", color: { r: 14 / 15, g: 14 / 15, b: 14 / 15, a: 1 } }]);
    // The padding box starts inside the 4 px border: 4 + 200 − 40 − 10 across, 4 + 100 − 20 − 5 down.
    expect(a.box).toEqual({ x: 154, y: 79, w: 40, h: 20 });
    expect(a.shapes).toMatchObject([{ box: { x: 0, y: 0, w: 40, h: 20 }, fill: { r: 1, g: 0, b: 0, a: 1 } }]);
    // Above the vector, the element's text.
    expect(byId(root, "a").children?.[1]).toMatchObject({ kind: "text", text: { characters: "text" } });
    // contain: the 2:1 viewBox at 100 × 50, centred.
    const b = vectorOf("b");
    expect(b.box).toEqual({ x: 0, y: 25, w: 100, h: 50 });
    expect(b.shapes).toMatchObject([{ box: { x: 25, y: 0, w: 50, h: 50 }, fill: { r: 0, g: 0, b: 1, a: 1 } }]);
    expect(vectorOf("c").box).toEqual({ x: 0, y: 0, w: 30, h: 30 });
    // Repeated: today's image fill (TILE); an .svg that did not load: its note.
    expect(byId(root, "tile").fills).toMatchObject([{ type: "IMAGE", scaleMode: "TILE" }]);
    expect(byId(root, "tile").children).toBeUndefined();
    expect(page!.document.notes.map((n) => n.message).join("\n")).toMatch(/gone\.svg did not load/);
  });

  it("Design2Code 64: its .button-back::before arrow is a vector of the SVG's red path", async () => {
    // The page's CSS has the rule and no element of the class at 1280 px: one such link added to its own body.
    const html = readFileSync(join(import.meta.dirname, "../../test/fixtures/design2code/64.html"), "utf8");
    const dir = tempDir();
    const link = `<a data-node-id="back" class="button-back" style="position:absolute;left:0;top:0">Back</a>`;
    writeFileSync(join(dir, "index.html"), html.replace(/<body([^>]*)>/, `<body$1>${link}`));
    const [page] = await readPage(browser, join(dir, "index.html"), [1280]);
    const before = byId(page!.document.root, "back").children?.find((c) => c.name === "::before");
    expect(before?.fills?.filter((p) => p.type === "IMAGE") ?? []).toEqual([]);
    const [vector] = before?.children ?? [];
    // `50% no-repeat; background-size: cover` of 20.238 × 17.347 in the 20 × 18 box: 21 × 18, centred. The
    // <style> inside the SVG paints the arrow #ee4222.
    expect(vector).toMatchObject({ kind: "vector", name: "background" });
    const { x, y, w, h } = vector!.box;
    expect([x, y, w, h].map((v) => Math.round(v * 10) / 10)).toEqual([-0.5, 0, 21, 18]);
    expect(vector!.shapes).toHaveLength(1);
    expect(vector!.shapes![0]!.fill).toMatchObject({ r: 0xee / 255, g: 0x42 / 255, b: 0x22 / 255 });
    expect(vector!.svg).toMatch(/fill="#ee4222"|fill:\s*#ee4222|fill="rgb\(238, 66, 34\)"/);
  });

  it("the REST reply has filled VECTORs there, and the plugin builds them with createNodeFromSvg", async () => {
    const dir = control();
    const out = join(dir, "layers.json");
    const io = captureIo();
    expect(await run(["layers", join(dir, "index.html"), "--width", "400", "--out", out], io), io.stderr()).toBe(0);
    const reply = JSON.parse(readFileSync(out, "utf8")) as { document: Json };
    const filled = nodes(reply.document).filter(
      (n) => n["type"] === "VECTOR" && Array.isArray(n["fills"]) && (n["fills"] as unknown[]).length > 0,
    );
    const colours = filled.map((n) => (n["fills"] as { color: Json }[])[0]!.color);
    expect(colours).toEqual([
      { r: 1, g: 0, b: 0, a: 1 },
      { r: 0, g: 0, b: 1, a: 1 },
      { r: 0, g: 2 / 3, b: 0, a: 1 },
    ]);
    const [page] = await readPage(browser, join(dir, "index.html"), [400]);
    const sim = createFigmaSim({ file: readFigmaFixture("../real/figma-gpt-header.file.json") });
    restore = installFigmaSim(sim);
    const built = await buildLayers(page!.document);
    expect(built.notes.filter((n) => /could not be placed/.test(n))).toEqual([]);
    const backgrounds = sim.node(built.rootId!).findAll((n) => n.name === "background") as (SimNode & Json)[];
    expect(backgrounds.map((n) => [n.type, n.width, n.height])).toEqual([
      ["FRAME", 40, 20],
      ["FRAME", 100, 50],
      ["FRAME", 30, 30],
    ]);
    for (const frame of backgrounds) {
      const [shape] = frame.children as unknown as (SimNode & Json)[];
      expect(shape!.type).toBe("VECTOR");
      expect((shape!["fills"] as { type: string }[])[0]!.type).toBe("SOLID");
    }
  });
});
