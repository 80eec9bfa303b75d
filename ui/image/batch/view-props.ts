/** What every view of the batch mode gets (kept apart from batch-panel.tsx so the views import no cycle). */
import type { SelectionSummary } from "../../../contract/messages.js";
import type { Settings } from "../../../contract/settings.js";
import type { BatchSession } from "./batch-session.js";

export interface BatchViewProps {
  session: BatchSession;
  selection: SelectionSummary;
  settings: Settings;
  editorType: string;
  hasKey: boolean;
  /** On a local SD server: its samplers, as the single-image form lists them ([] until it answers). */
  samplers: string[];
  onOpenSettings(): void;
}
