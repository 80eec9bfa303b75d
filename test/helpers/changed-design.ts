/**
 * A real frame's REST JSON changed as a designer would change it after the team took its code (issue 71): a text
 * re-worded, a layer moved, a layer added. For the design-changes and "Download update" tests.
 */
import { readFixture } from "./fixtures.js";

export const SELFIE_FIXTURE = "figma-differ-selfie.nodes.json";
export const SELFIE_FRAME = "33459:3746";

interface Node {
  id: string;
  name: string;
  type: string;
  characters?: string;
  absoluteBoundingBox?: { x: number; y: number; width: number; height: number };
  children?: Node[];
  [key: string]: unknown;
}

function find(node: Node, test: (n: Node) => boolean): Node | undefined {
  if (test(node)) return node;
  for (const child of node.children ?? []) {
    const found = find(child, test);
    if (found) return found;
  }
  return undefined;
}

/** The selfie frame's nodes reply, as the fixture has it. */
export function selfieReply(): { nodes: Record<string, { document: Node }> } {
  return readFixture(SELFIE_FIXTURE) as { nodes: Record<string, { document: Node }> };
}

/**
 * The selfie frame's reply after a designer's changes: "Place your face in the frame" re-texted, the "Stroke"
 * rectangle moved 8 px right, a "Badge" rectangle added to the "Top" frame.
 */
export function changedSelfieReply(): { nodes: Record<string, { document: Node }> } {
  const reply = structuredClone(selfieReply());
  const root = reply.nodes[SELFIE_FRAME]!.document;
  const label = find(root, (n) => n.type === "TEXT" && n.characters === "Place your face in the frame")!;
  label.characters = "Hold your face inside the frame";
  const stroke = find(root, (n) => n.name === "Stroke")!;
  stroke.absoluteBoundingBox = { ...stroke.absoluteBoundingBox!, x: stroke.absoluteBoundingBox!.x + 8 };
  if (stroke["absoluteRenderBounds"]) {
    const r = stroke["absoluteRenderBounds"] as { x: number };
    stroke["absoluteRenderBounds"] = { ...r, x: r.x + 8 };
  }
  const top = find(root, (n) => n.name === "Top")!;
  const box = top.absoluteBoundingBox!;
  top.children = [
    ...(top.children ?? []),
    {
      id: "33459:9001",
      name: "Badge",
      type: "RECTANGLE",
      visible: true,
      blendMode: "PASS_THROUGH",
      absoluteBoundingBox: { x: box.x + 16, y: box.y + 16, width: 24, height: 24 },
      absoluteRenderBounds: { x: box.x + 16, y: box.y + 16, width: 24, height: 24 },
      constraints: { vertical: "TOP", horizontal: "LEFT" },
      fills: [{ blendMode: "NORMAL", type: "SOLID", color: { r: 1, g: 0.2, b: 0.2, a: 1 } }],
      strokes: [],
      strokeWeight: 1,
      strokeAlign: "INSIDE",
      effects: [],
      cornerRadius: 12,
    },
  ];
  return reply;
}
