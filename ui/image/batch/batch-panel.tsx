/**
 * The Image panel's batch mode: the batches waiting at the Batch API on top, then either the setup (style
 * spec, rows, prompts) or the run under way with its tiles.
 */
import { PendingView } from "./batch-api/pending-view.js";
import { SetupView } from "./setup/setup-view.js";
import { RunReturn } from "./run/run-return.js";
import { RunView } from "./run/run-view.js";
import type { BatchViewProps } from "./view-props.js";

export type { BatchViewProps } from "./view-props.js";

export function BatchPanel(props: BatchViewProps) {
  return (
    <div class="batch">
      <PendingView {...props} />
      {props.session.run.active ? <RunView {...props} /> : <RunReturn {...props} />}
      {props.session.run.active ? null : <SetupView {...props} />}
    </div>
  );
}
