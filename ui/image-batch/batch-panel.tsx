/**
 * The Image panel's batch mode: the batches waiting at the Batch API on top, then either the draft (style
 * spec, rows, prompts) or the run under way with its tiles.
 */
import type { SelectionSummary } from "../../contract/messages.js";
import type { Settings } from "../../contract/settings.js";
import type { BatchSession } from "./batch-session.js";
import { PendingView } from "./bulk/pending-view.js";
import { DraftView } from "./draft/draft-view.js";
import { RunReturn } from "./run/run-return.js";
import { RunView } from "./run/run-view.js";

export interface BatchViewProps {
  session: BatchSession;
  selection: SelectionSummary;
  settings: Settings;
  editorType: string;
  hasKey: boolean;
  onOpenSettings(): void;
}

export function BatchPanel(props: BatchViewProps) {
  return (
    <div class="batch">
      <PendingView {...props} />
      {props.session.run.active ? <RunView run={props.session.run} /> : <RunReturn run={props.session.run} />}
      {props.session.run.active ? null : <DraftView {...props} />}
    </div>
  );
}
