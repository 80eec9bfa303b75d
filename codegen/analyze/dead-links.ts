/**
 * Dead links in the prototype (codegen/prototype): an interaction whose destination is not in the file (deleted, or
 * never set) or is hidden, so that the prototype goes nowhere when a reader clicks there. From a part of the file
 * (a nodes reply), a destination outside it is not judged.
 */
import type { DesignDocument } from "../design/types.js";
import type { Placed } from "../design/placed.js";
import { prototypeActions } from "../prototype/model.js";
import type { OtherFinding } from "./types.js";

const WHAT: Record<string, string> = {
  NAVIGATE: "navigates to",
  SWAP: "swaps the overlay for",
  OVERLAY: "opens the overlay",
  SCROLL_TO: "scrolls to",
  CHANGE_TO: "changes to",
};

/** One finding per layer and destination, for the layers analysed (`layers`). */
export function deadLinkFindings(doc: DesignDocument, layers: readonly Placed[]): OtherFinding[] {
  const prototype = doc.prototype;
  if (!prototype) return [];
  const names = new Map(layers.map((p) => [p.node.id, p.name]));
  const out: OtherFinding[] = [];
  const seen = new Set<string>();
  for (const { id, action } of prototypeActions(prototype)) {
    const name = names.get(id);
    if (name === undefined || action.type !== "NODE") continue;
    const destination = action.destinationId === null ? undefined : prototype.destinations[action.destinationId];
    if (destination && !destination.hidden) continue;
    // A part of the file (a nodes reply) does not hold every frame a link may go to.
    if (!destination && action.destinationId !== null && !prototype.wholeFile) continue;
    const key = `${id} ${action.destinationId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const where =
      action.destinationId === null
        ? "nothing: its destination is not set"
        : destination
          ? `“${destination.name}”, which is hidden`
          : `a layer no longer in the file (${action.destinationId})`;
    out.push({
      kind: "dead-link",
      severity: "warning",
      nodeId: id,
      nodeName: name,
      message: `“${name}” ${WHAT[action.navigation]} ${where}; point it at a visible frame or remove the interaction`,
    });
  }
  return out;
}
