/** Text too small to read comfortably: any visible piece of text under 12 px. */
import type { Placed } from "../design/placed.js";
import { quote, textSegments } from "./text-runs.js";
import type { TextSizeFinding } from "./types.js";

export const MIN_TEXT_SIZE = 12;

export function textSizeFindings(layers: Placed[]): TextSizeFinding[] {
  const out: TextSizeFinding[] = [];
  for (const { node, name } of layers) {
    if (node.kind !== "text" || !node.text) continue;
    const segments = textSegments(node.text);
    if (segments.length === 0) continue;
    const smallest = segments.reduce((a, b) => (b.style.size < a.style.size ? b : a));
    const fontSize = smallest.style.size;
    if (!(fontSize < MIN_TEXT_SIZE)) continue;
    out.push({
      nodeId: node.id,
      nodeName: name,
      kind: "text-size",
      severity: "warning",
      message: `Text ${quote(smallest.chars)} is ${fontSize} px; body text should be at least ${MIN_TEXT_SIZE} px.`,
      fontSize,
      minimum: MIN_TEXT_SIZE,
    });
  }
  return out;
}
