/**
 * Whether the selection is still what was analyzed: the same frames, or layers inside them (a finding's
 * row selects its layer, which must not make the findings "from an earlier selection"). Reads the exported
 * REST JSON the analysis kept. Pure.
 */
import type { ExportedFrame } from "../../contract/messages.js";

function holds(node: unknown, id: string): boolean {
  if (typeof node !== "object" || node === null) return false;
  const record = node as { id?: unknown; children?: unknown };
  if (record.id === id) return true;
  return Array.isArray(record.children) && record.children.some((child) => holds(child, id));
}

/** The node id is one of the frames or a layer inside one. */
export function insideFrames(frames: readonly Pick<ExportedFrame, "id" | "json">[], id: string): boolean {
  return frames.some(
    (frame) => frame.id === id || holds((frame.json as { document?: unknown } | null)?.document ?? frame.json, id),
  );
}

/** Every selected node lies in the analyzed frames (an empty selection counts as unchanged). */
export function selectionWithin(
  frames: readonly Pick<ExportedFrame, "id" | "json">[],
  selected: readonly { id: string }[],
): boolean {
  return selected.every((node) => insideFrames(frames, node.id));
}
