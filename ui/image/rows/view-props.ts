/** What every view of the Rows mode gets (kept apart from rows-panel.tsx so the views import no cycle). */
import type { SelectionSummary } from "../../../contract/messages.js";
import type { Settings } from "../../../contract/settings.js";
import type { RowsSession } from "./rows-session.js";

export interface RowsViewProps {
  session: RowsSession;
  selection: SelectionSummary;
  settings: Settings;
  editorType: string;
  hasKey: boolean;
  /** On a local SD server: its samplers, as the single-image form lists them ([] until it answers). */
  samplers: string[];
  onOpenSettings(): void;
}
