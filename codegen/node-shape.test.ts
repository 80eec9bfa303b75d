import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { designNode, flowItem } from "./design/node";
import type { DesignNode, FlowItem } from "./design/types";
import { inferLayout } from "./layout/index";
import { loadDesign } from "./load";

// Every design node in one shape (design/node.ts): the passes over the tree read them through one hidden class.
const NODE_KEYS = Object.keys(designNode("", "", "frame", 0, 0)).join();
const FLOW_KEYS = Object.keys(flowItem()).join();

function shapesOf(frames: DesignNode[]): { nodes: Set<string>; flows: Set<string> } {
  const nodes = new Set<string>();
  const flows = new Set<string>();
  const visit = (node: DesignNode): void => {
    nodes.add(Object.keys(node).join());
    if (node.flow) flows.add(Object.keys(node.flow as FlowItem).join());
    for (const child of node.children ?? []) visit(child);
  };
  frames.forEach(visit);
  return { nodes, flows };
}

describe("design nodes of one shape", () => {
  const text = readFileSync("test/fixtures/figma/figmagic-design-system.file.json", "utf8");
  const doc = loadDesign(JSON.parse(text)).document;

  it("normalize builds every node with every field, in one order", () => {
    expect([...shapesOf(doc.frames).nodes]).toEqual([NODE_KEYS]);
  });

  it("layout inference keeps that shape on every node and flow item it makes or copies", () => {
    const inferred = inferLayout(doc);
    const { nodes, flows } = shapesOf(inferred.frames);
    expect([...nodes]).toEqual([NODE_KEYS]);
    expect(flows.size).toBeGreaterThan(0);
    expect([...flows]).toEqual([FLOW_KEYS]);
  });
});
