/**
 * What building a page costs the canvas, on a real page (issue 51's speed page: fitma-shop's home page as `figment
 * code` writes it, read back into layers; test/fixtures/layers/SOURCES.md): each text layer is laid out once, not
 * once per setter, and the built tree's REST export is the one main's builder (18f401c) made of the same page.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, expect, it } from "vitest";
import type { LayerDocument } from "../../contract/layers.js";
import { readFigmaFixture } from "../../test/figma-sim/node.js";
import { createFigmaSim, installFigmaSim, type SimNode } from "../../test/figma-sim/sim.js";
import { buildLayers } from "./build-layers.js";

const LAYERS = join(import.meta.dirname, "../../test/fixtures/layers");
const read = (name: string): unknown => JSON.parse(readFileSync(join(LAYERS, name), "utf8"));

let restore: (() => void) | undefined;
afterEach(() => {
  restore?.();
  restore = undefined;
});

async function buildPage(): Promise<{ root: SimNode; changes: string[] }> {
  const sim = createFigmaSim({ file: readFigmaFixture("../real/figma-gpt-header.file.json") });
  restore = installFigmaSim(sim);
  const built = await buildLayers(read("fitma-shop-0-456.layers.json") as LayerDocument);
  return { root: sim.node(built.rootId!)!, changes: sim.record.undo.steps.flat() };
}

it("lays each text layer out once: its box, then its sizing (main: 433 resizes of 52 texts, 29 on one)", async () => {
  const { root, changes } = await buildPage();
  const resizes = new Map<string, number>();
  for (const change of changes) {
    const id = /^resize (\S+)$/.exec(change)?.[1];
    if (id) resizes.set(id, (resizes.get(id) ?? 0) + 1);
  }
  const texts = root.findAll((n) => n.type === "TEXT");
  expect(texts).toHaveLength(52);
  const counts = texts.map((t) => resizes.get(t.id) ?? 0);
  // A fixed-width text: its box and its height fitted to its lines; a hugging one: its fit alone.
  expect(Math.max(...counts)).toBeLessThanOrEqual(2);
  expect(counts.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(2 * texts.length);
});

it("builds the same tree as main's builder: the REST export unchanged", async () => {
  const { root } = await buildPage();
  const reply = (await (root as unknown as FrameNode).exportAsync({ format: "JSON_REST_V1" })) as { document: unknown };
  expect(reply.document).toEqual(read("fitma-shop-0-456.built.json"));
});
