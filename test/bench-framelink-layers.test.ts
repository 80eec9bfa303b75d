/**
 * The bench's Framelink text with its layers (bench/figma-context-mcp.ts, `layers: true`), which `BENCH_ONLY=mcp`
 * sets beside get_figma_data's own text for a frame Framelink sends as one IMAGE-SVG (issue 53): on figmagic's
 * Colors frame, get_figma_data's text has one node and none of the palette's swatches; with the collapse off it has
 * every swatch, the same shapes Figment's code draws as the elements of the frame's one SVG.
 */
import { describe, expect, it } from "vitest";
import { mcpPayload } from "../bench/figma-context-mcp.js";
import { loadDesign } from "../codegen/index.js";
import type { DesignNode } from "../codegen/design/types.js";
import { run } from "../cli/run.js";
import { countTokens } from "../bench/tokens.js";
import { captureIo, fixturePath, readFixture } from "./helpers/fixtures.js";

const FILE = "figmagic-design-system.file.json";
const COLORS = "2605:41";

type RawNode = { id: string; children?: RawNode[] };
type Simplified = { nodes: { id: string; type?: string; children?: Simplified["nodes"] }[] };

function find(node: RawNode, id: string): RawNode | undefined {
  if (node.id === id) return node;
  for (const child of node.children ?? []) {
    const found = find(child, id);
    if (found) return found;
  }
  return undefined;
}

function leafIds(nodes: readonly { id: string; children?: readonly unknown[] }[]): string[] {
  return nodes.flatMap((n) => (n.children?.length ? leafIds(n.children as typeof nodes) : [n.id]));
}

describe("bench mcp: Framelink's text of a frame with its layers", () => {
  const file = readFixture(FILE) as { name: string; document: RawNode };
  const frame = find(file.document, COLORS);
  if (!frame) throw new Error(`${FILE} has no ${COLORS}`);
  const reply = {
    name: file.name,
    nodes: { [COLORS]: { document: frame, components: {}, componentSets: {}, styles: {}, schemaVersion: 0 } },
  };

  it("get_figma_data's own text is one IMAGE-SVG; with its layers, the swatches Figment's code draws", async () => {
    const sent = JSON.parse(await mcpPayload(reply, "json")) as Simplified;
    expect(sent.nodes.map((n) => [n.type, n.children?.length ?? 0])).toEqual([["IMAGE-SVG", 0]]);

    const listed = JSON.parse(await mcpPayload(reply, "json", { layers: true })) as Simplified;
    expect(listed.nodes[0]?.type).toBe("FRAME");
    // Figment draws the frame as one SVG (a picture), each swatch an element of it named by its layer id.
    const doc = loadDesign(readFixture(FILE), [COLORS]).document;
    const [picture] = doc.frames as DesignNode[];
    const asset = picture?.asset === undefined ? undefined : doc.assets[picture.asset];
    const svg = asset?.kind === "svg" ? (asset.svg ?? "") : "";
    const drawn = [...svg.matchAll(/data-node-id="([^"]+)"/g)].map((m) => m[1]!).sort();
    expect(drawn).toHaveLength(18);
    expect(leafIds(listed.nodes).sort()).toEqual(drawn);
    // The yaml the bench counts grows with the layers, far past the one node's 71–81 tokens.
    const yaml = await mcpPayload(reply, "yaml", { layers: true });
    for (const id of drawn) expect(yaml).toContain(`id: ${id}`);
  });
});

/**
 * Frames of shapes alone that Framelink sends as one IMAGE-SVG and Figment draws as one SVG too (vector.ts
 * isShapePicture): the hint is one node, at most half get_figma_data's tokens (issue 53's goal; before, 1.9× to
 * 7.99×). figmagic's Colors (a gradient), Shadows and Border Widths (shadows, inside strokes) and Opacities (an
 * inside stroke) too, since the picture's SVG draws those (svg-paint.ts).
 */
describe("bench mcp: a picture frame's hint against get_figma_data's one IMAGE-SVG", () => {
  const PICTURES: [string, string][] = [
    [FILE, "2657:0"],
    [FILE, "2657:106"],
    [FILE, "2605:13"],
    ["grida-vector-frame.nodes.json", "1038:24"],
    [FILE, "3091:653"],
    [FILE, "2657:121"],
    [FILE, "2657:116"],
    [FILE, COLORS],
  ];
  it.each(PICTURES)("%s %s: one node, ≤ 0.5× Framelink's tokens", async (name, id) => {
    const json = readFixture(name) as {
      name: string;
      document?: RawNode;
      nodes?: Record<string, { document: RawNode }>;
    };
    const root = json.document ?? Object.values(json.nodes ?? {})[0]?.document;
    const frame = root && find(root, id);
    if (!frame) throw new Error(`${name} has no ${id}`);
    const reply = {
      name: json.name,
      nodes: { [id]: { document: frame, components: {}, componentSets: {}, styles: {}, schemaVersion: 0 } },
    };
    const sent = JSON.parse(await mcpPayload(reply, "json")) as Simplified;
    expect(sent.nodes.map((n) => n.type)).toEqual(["IMAGE-SVG"]);
    const io = captureIo();
    expect(await run(["hints", fixturePath(name), "--node", id], io)).toBe(0);
    const nodes = io
      .stdout()
      .split("\n")
      .filter((l) => /^\s*[A-Z] \S/.test(l));
    expect(nodes).toHaveLength(1);
    expect(nodes[0]).toMatch(/^V /);
    expect(countTokens(io.stdout()) / countTokens(await mcpPayload(reply, "yaml"))).toBeLessThanOrEqual(0.5);
  });
});
