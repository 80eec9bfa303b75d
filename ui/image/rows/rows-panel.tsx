/**
 * The Image panel's Rows mode: the batches waiting at the Batch API on top, then either the setup (style
 * spec, rows, prompts) or the run under way with its tiles.
 */
import { PendingView } from "./batch-api/pending-view.js";
import { SetupView } from "./setup/setup-view.js";
import { RunReturn } from "./run/run-return.js";
import { RunView } from "./run/run-view.js";
import type { RowsViewProps } from "./view-props.js";

export type { RowsViewProps } from "./view-props.js";

export function RowsPanel(props: RowsViewProps) {
  return (
    <div class="rows">
      <PendingView {...props} />
      {props.session.run.active ? <RunView {...props} /> : <RunReturn {...props} />}
      {props.session.run.active ? null : <SetupView {...props} />}
    </div>
  );
}
