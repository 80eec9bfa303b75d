/** Whether results on screen came from what is selected now. Pure. */
import type { SelectionSummary } from "../../contract/messages.js";

/**
 * True when the result's frames are not what is selected now. The offline job exports every selected layer,
 * so all must match (in any order); the model works on the first exportable one only (`firstOnly`). A
 * selection that also holds layers Figment refuses did not make these results either.
 */
export function isStale(frameIds: readonly string[], selection: SelectionSummary, { firstOnly = false } = {}): boolean {
  if (selection.unsupported.length > 0) return true;
  const selected = selection.nodes.map((n) => n.id);
  if (firstOnly) return frameIds.length === 0 || selected[0] !== frameIds[0];
  if (selected.length !== frameIds.length) return true;
  const ids = new Set(frameIds);
  return selected.some((id) => !ids.has(id));
}
