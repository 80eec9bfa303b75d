/**
 * What the draft's views get: the batch panel's props, said structurally here because batch-panel.tsx and
 * batch-session.ts import the draft (importing them back would make a cycle).
 */
import type { SelectionSummary } from "../../../contract/messages.js";
import type { Settings } from "../../../contract/settings.js";
import type { BatchPlan } from "../plan.js";
import type { BatchDraft } from "./use-draft.js";

export interface DraftViewProps {
  session: {
    draft: BatchDraft;
    run: { start(plan: BatchPlan): void };
    bulk: { submit(plan: BatchPlan): void };
  };
  selection: SelectionSummary;
  settings: Settings;
  editorType: string;
  hasKey: boolean;
  onOpenSettings(): void;
}
