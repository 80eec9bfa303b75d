/**
 * An inline SVG none of whose layers is painted with a token comes back untouched without a look at the token
 * table (figmagic: every vector layer's body); one whose layer is painted still gets its style.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadDesign } from "../index.js";
import { fixturesRoot } from "../../test/helpers/responsive-frames.js";
import type { NodeTokens } from "../design/token-table.js";
import { paintedLayers, svgColorTokens } from "./svg-colors.js";

const design = JSON.parse(readFileSync(join(fixturesRoot(), "figma", "figmagic-design-system.file.json"), "utf8"));
const doc = loadDesign(design).document;
const svgs = Object.entries(doc.assets).flatMap(([key, asset]) =>
  asset.kind === "svg" && asset.svg ? [[key, asset.svg] as const] : [],
);

describe("svgColorTokens", () => {
  it("leaves the table unread for figmagic's SVGs, whose layers no token paints, and changes none", () => {
    const table = doc.tokens?.nodes ?? {};
    let reads = 0;
    const counted = new Proxy(table, {
      get(target, key, receiver) {
        reads++;
        return Reflect.get(target, key, receiver);
      },
    }) as Record<string, NodeTokens>;
    const painted = paintedLayers(table);
    expect(svgs.length).toBeGreaterThan(20);
    for (const [key, svg] of svgs) {
      expect(svgColorTokens(svg, key, counted, (k) => `var(--${k})`, painted)).toBe(svg);
      expect(svgColorTokens(svg, key, table, (k) => `var(--${k})`)).toBe(svg);
    }
    expect(reads).toBe(0);
  });

  it("still styles a figmagic SVG's shape whose layer is painted with a token", () => {
    const [key, svg] = svgs.find(([, s]) => /\sdata-node-id="[^"]*"[^>]*\sfill="#/.test(s))!;
    const id = /\sdata-node-id="([^"]*)"[^>]*\sfill="([^"]*)"/.exec(svg)!;
    const nodes: Record<string, NodeTokens> = { [id[1]!]: { fills: [{ literal: id[2]!, key: "brand", opacity: 1 }] } };
    const out = svgColorTokens(svg, key, nodes, (k) => `var(--${k})`, paintedLayers(nodes));
    expect(out).toBe(svgColorTokens(svg, key, nodes, (k) => `var(--${k})`));
    expect(out).toContain('style="fill:var(--brand)"');
  });
});
