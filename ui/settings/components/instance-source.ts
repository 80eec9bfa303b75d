/**
 * The selected instance as the Components form needs it: its REST export (the same JSON code generation reads)
 * and the facts of its component (ids, keys, properties), read by the engine (`inspect-instance`), which also
 * writes the form's JSX preview with the mapping model itself (previewInstance). The design tree stays in the
 * engine, out of the panel's script. The export names only the instance's own variant values, so the main
 * thread reads its main component's set too (`read-main-component`: every option, each default).
 */
import type { InstanceNote } from "../../../codegen/components-map/preview.js";
import type { ComponentMap } from "../../../codegen/components-map/model.js";
import type { InstanceFacts } from "../../../codegen/design/types.js";
import type { MainComponent } from "../../../contract/components.js";
import type { SelectionSummary } from "../../../contract/messages.js";
import type { MainRequests } from "../../channel/requests.js";
import type { Engine } from "../../engine/engine.js";
import type { ExportEntry } from "../../engine/protocol/index.js";

export interface InstanceSource {
  nodeId: string;
  name: string;
  exports: ExportEntry[];
  facts: InstanceFacts;
  /** Its main component's definitions, when the main thread could read them. */
  component?: MainComponent;
  /** What could not be read of the main component (missing, detached, its set out of reach): the form still opens. */
  componentNote?: string;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** The main component's definitions, or why there are none (which costs only the other variant values). */
async function readComponent(
  requests: MainRequests,
  nodeId: string,
): Promise<Pick<InstanceSource, "component" | "componentNote">> {
  try {
    const { component } = await requests.call("read-main-component", { nodeId });
    return { component, ...(component.note ? { componentNote: component.note } : {}) };
  } catch (error) {
    return { componentNote: `${messageOf(error)} The form lists only this instance's values.` };
  }
}

/** Why the selection is not one instance to map, or undefined when it is. */
export function instanceBlocker(selection: SelectionSummary): string | undefined {
  if (selection.nodes.length !== 1 || selection.unsupported.length > 0)
    return "Select one instance of a component on the canvas";
  return selection.nodes[0]!.type === "INSTANCE"
    ? undefined
    : `“${selection.nodes[0]!.name}” is not an instance: select an instance of a component`;
}

/** Exports the selected instance (structure only) and reads its component's facts. */
export async function readSelectedInstance(
  requests: MainRequests,
  worker: Pick<Engine, "call">,
  selection: SelectionSummary,
): Promise<InstanceSource> {
  const blocker = instanceBlocker(selection);
  if (blocker) throw new Error(blocker);
  const { frames } = await requests.call("export-selection", { png: false, assets: false });
  const frame = frames[0];
  if (!frame) throw new Error("Figma exported nothing for the selection");
  const exports = [{ id: frame.id, json: frame.json }];
  const [{ facts }, component] = await Promise.all([
    worker.call("inspect-instance", { exports, nodeId: frame.id }),
    readComponent(requests, frame.id),
  ]);
  if (!facts)
    throw new Error(`“${frame.name}” has no main component Figment can read (a detached or missing component)`);
  return { nodeId: frame.id, name: frame.name, exports, facts, ...component };
}

/** The JSX `map` writes for the instance, with its notes. */
export async function previewJsx(
  worker: Pick<Engine, "call">,
  instance: InstanceSource,
  map: ComponentMap,
): Promise<{ jsx?: string; notes: InstanceNote[] }> {
  const { jsx, notes } = await worker.call("inspect-instance", {
    exports: instance.exports,
    nodeId: instance.nodeId,
    components: map,
  });
  return { ...(jsx !== undefined ? { jsx } : {}), notes };
}
