/** Where a result's fidelity score is: being measured, measured, or not measurable (and why). Pure. */
import type { RestNode } from "../../../codegen/fidelity/design-nodes.js";
import type { FidelityScore } from "../../../codegen/fidelity/types.js";
import { isRecord } from "../../../contract/fields.js";

export type ScoreState =
  | { status: "measuring" }
  | { status: "done"; score: FidelityScore }
  | { status: "failed"; message: string };

/** The score, once measured. */
export const scoreOf = (state: ScoreState | undefined): FidelityScore | undefined =>
  state?.status === "done" ? state.score : undefined;

/**
 * The frame's REST node from what the main thread exported for it (`exportAsync({ format: "JSON_REST_V1" })`: the
 * node under `document`), or undefined when it is not one with a box (nothing to score against).
 */
export function exportedFrame(json: unknown, id: string): RestNode | undefined {
  const node = isRecord(json) ? json["document"] : undefined;
  if (!isRecord(node) || node["id"] !== id || !isRecord(node["absoluteBoundingBox"])) return undefined;
  return node as unknown as RestNode;
}
