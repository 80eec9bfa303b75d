/**
 * Figma's own inferred auto layout (`inferredAutoLayout`, what powers Dev Mode's code snippets) for every frame,
 * component and instance drawn without auto layout in the exported nodes. The REST JSON does not carry it;
 * codegen's layout inference uses it where it cannot read a frame itself, and reports how often they agree.
 * A frame Figma has no guess for (null), or a read that throws, is simply left out.
 */
import type { InferredAutoLayout } from "../../codegen/design/extras.js";
import { MAX_INFERRED_LAYOUTS } from "../../contract/limits.js";
import { nextTask, type Job } from "../tasks.js";

/** Frames read between two yields to Figma (reading the property runs Figma's heuristic). */
const READS_PER_TASK = 100;

const FRAME_TYPES = new Set(["FRAME", "COMPONENT", "INSTANCE"]);

type Framed = SceneNode & { layoutMode?: string; inferredAutoLayout?: unknown; children?: readonly SceneNode[] };

function pick(raw: unknown): InferredAutoLayout | undefined {
  if (!raw || typeof raw !== "object") return undefined;
  const r = raw as Record<string, unknown>;
  const mode = r["layoutMode"];
  if (mode !== "HORIZONTAL" && mode !== "VERTICAL") return undefined;
  const out: InferredAutoLayout = { layoutMode: mode };
  for (const key of [
    "itemSpacing",
    "paddingTop",
    "paddingRight",
    "paddingBottom",
    "paddingLeft",
    "counterAxisSpacing",
  ] as const) {
    const v = r[key];
    if (typeof v === "number" && Number.isFinite(v)) out[key] = v;
  }
  for (const key of ["primaryAxisAlignItems", "counterAxisAlignItems"] as const)
    if (typeof r[key] === "string") out[key] = r[key] as string;
  if (r["layoutWrap"] === "WRAP" || r["layoutWrap"] === "NO_WRAP") out.layoutWrap = r["layoutWrap"];
  return out;
}

export async function readInferredLayouts(
  roots: readonly SceneNode[],
  job: Job,
): Promise<Record<string, InferredAutoLayout>> {
  const out: Record<string, InferredAutoLayout> = {};
  const queue: Framed[] = [...roots];
  let reads = 0;
  while (queue.length > 0 && Object.keys(out).length < MAX_INFERRED_LAYOUTS) {
    const node = queue.shift()!;
    if (node.visible === false) continue;
    if (FRAME_TYPES.has(node.type) && node.layoutMode === "NONE" && (node.children?.length ?? 0) > 1) {
      try {
        const guess = pick(node.inferredAutoLayout);
        if (guess) out[node.id] = guess;
      } catch {
        // Figma could not guess for this frame: inference reads it alone.
      }
      if (++reads % READS_PER_TASK === 0) {
        await nextTask();
        if (job.cancelled) return out;
      }
    }
    if (node.children) queue.push(...(node.children as Framed[]));
  }
  return out;
}
