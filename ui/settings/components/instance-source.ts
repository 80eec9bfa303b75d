/**
 * The selected instance as the Components form needs it: its REST export (the same JSON code generation reads)
 * as a design document, and the facts of its component (ids, keys, properties), so the form is pre-filled
 * and its JSX preview made by the mapping model itself (previewInstance).
 */
import { loadDesign } from "../../../codegen/load.js";
import type { DesignDocument, InstanceFacts } from "../../../codegen/design/types.js";
import type { SelectionSummary } from "../../../contract/messages.js";
import type { MainRequests } from "../../channel/requests.js";

export interface InstanceSource {
  nodeId: string;
  name: string;
  doc: DesignDocument;
  facts: InstanceFacts;
}

/** Why the selection is not one instance to map, or undefined when it is. */
export function instanceBlocker(selection: SelectionSummary): string | undefined {
  if (selection.nodes.length !== 1 || selection.unsupported.length > 0) return "Select one instance of a component on the canvas";
  return selection.nodes[0]!.type === "INSTANCE" ? undefined : `“${selection.nodes[0]!.name}” is not an instance: select an instance of a component`;
}

/** Exports the selected instance (structure only) and reads its component's facts. */
export async function readSelectedInstance(requests: MainRequests, selection: SelectionSummary): Promise<InstanceSource> {
  const blocker = instanceBlocker(selection);
  if (blocker) throw new Error(blocker);
  const { frames } = await requests.request("export-selection", { png: false, assets: false });
  const frame = frames[0];
  if (!frame) throw new Error("Figma exported nothing for the selection");
  const { document } = loadDesign(frame.json, [frame.id]);
  const facts = document.instances?.[frame.id];
  if (!facts) throw new Error(`“${frame.name}” has no main component Figment can read (a detached or missing component)`);
  return { nodeId: frame.id, name: frame.name, doc: document, facts };
}
