/**
 * The prototype (codegen/prototype) from the plugin API: `JSON_REST_V1` may leave a layer's `interactions` out, and the
 * overlay settings are the plugin API's only. Each exported layer's `reactions` (Reaction: `trigger`, `actions` or the
 * older single `action`) and overlay settings are written into its REST node, under the REST names, where the export
 * lacks them; codegen reads them as it reads a REST reply's.
 */
import { isRecord, type RestNode } from "../../codegen/rest/reply.js";
import { nextTask, type Job } from "../tasks.js";

/** Layers read between two yields to Figma. */
const READS_PER_TASK = 500;

/** What the plugin API says of a layer's prototype, in the REST reply's names. */
export type PrototypeFields = Record<string, unknown>;

type Reacting = SceneNode & {
  reactions?: readonly Reaction[];
  overlayPositionType?: string;
  overlayBackground?: unknown;
  overlayBackgroundInteraction?: string;
  children?: readonly SceneNode[];
};

/** A layer's prototype as REST fields: its reactions as `interactions`, its overlay settings; undefined: none. */
export function prototypeFields(node: Reacting): PrototypeFields | undefined {
  const out: PrototypeFields = {};
  const reactions = node.reactions ?? [];
  if (reactions.length > 0)
    out["interactions"] = reactions.map((r) => ({
      trigger: r.trigger,
      actions: r.actions ?? (r.action ? [r.action] : []),
    }));
  // Every frame reads CENTER unless the designer placed it otherwise as an overlay: only a placement is carried.
  if (node.overlayPositionType !== undefined && node.overlayPositionType !== "CENTER") {
    out["overlayPositionType"] = node.overlayPositionType;
    out["overlayBackground"] = node.overlayBackground;
    out["overlayBackgroundInteraction"] = node.overlayBackgroundInteraction;
  }
  return Object.keys(out).length > 0 ? out : undefined;
}

/** Every layer's prototype fields under `roots`, by id (hidden layers too: a link may point at one). */
export async function readPrototypeFields(
  roots: readonly SceneNode[],
  job: Job,
): Promise<Map<string, PrototypeFields>> {
  const out = new Map<string, PrototypeFields>();
  const stack: Reacting[] = [...roots];
  let reads = 0;
  while (stack.length > 0) {
    const node = stack.pop()!;
    const fields = prototypeFields(node);
    if (fields) out.set(node.id, fields);
    if (node.children) stack.push(...(node.children as Reacting[]));
    if (++reads % READS_PER_TASK === 0) {
      await nextTask();
      if (job.cancelled) return out;
    }
  }
  return out;
}

/** Writes `fields` into the REST tree `root` where its nodes lack them. */
export function carryPrototype(root: RestNode, fields: ReadonlyMap<string, PrototypeFields>): void {
  if (fields.size === 0) return;
  const stack: RestNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const own = fields.get(node.id);
    if (own) for (const [key, value] of Object.entries(own)) if (node[key] === undefined) node[key] = value;
    for (const child of node.children ?? []) if (isRecord(child)) stack.push(child);
  }
}
