/**
 * The batch draft: the style spec, the rows (table, pasted CSV, or filled by the model), the template and
 * the rules, and the computed prompts — the plan once it is complete.
 */
import type { BatchSessionDeps } from "../deps.js";
import type { BatchPlan } from "../plan.js";

export interface BatchDraft {
  /** The plan when the draft is complete and every prompt computes; undefined otherwise. */
  plan: BatchPlan | undefined;
}

export function useBatchDraft(_deps: BatchSessionDeps): BatchDraft {
  return { plan: undefined };
}
