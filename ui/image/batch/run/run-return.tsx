/** Above the setup while a run's results are kept: the way back to them ("Edit batch" left them there). */
import { summaryLine } from "./run-state.js";
import type { BatchViewProps } from "../view-props.js";

export function RunReturn({ session: { run } }: BatchViewProps) {
  if (!run.state || run.active) return null;
  return (
    <div class="batch-return">
      <span class="batch-return__text">{`${run.state.plan.name}: ${summaryLine(run.state)}`}</span>
      <button type="button" class="button button--secondary button--small" onClick={run.show}>
        Back to the run
      </button>
    </div>
  );
}
