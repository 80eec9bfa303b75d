/** Above the setup while a run's results are kept: the way back to them ("Edit rows" left them there). */
import { summaryLine } from "./run-state.js";
import type { RowsViewProps } from "../view-props.js";
import { SmallButton } from "../../../controls/small-button.js";

export function RunReturn({ session: { run } }: RowsViewProps) {
  if (!run.state || run.active) return null;
  return (
    <div class="rows-return">
      <span class="rows-return__text one-line">{`${run.state.plan.name}: ${summaryLine(run.state)}`}</span>
      <SmallButton onClick={run.show}>Back to the run</SmallButton>
    </div>
  );
}
