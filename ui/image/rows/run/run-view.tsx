/** A Rows run on screen: the summary line and actions, the replace question, and a tile per item. */
import type { RowsViewProps } from "../view-props.js";
import { awaitingAccept, counts, isRunning, summaryLine, type RunState } from "./run-state.js";
import { RunTile } from "./run-tile.js";
import { agree, plural } from "../../../../kernel/plural.js";
import "./run.css";

const aspectOf = (state: RunState): number =>
  state.plan.size === "auto" ? 1 : state.plan.size.width / state.plan.size.height;

/** What the canvas refused, said once above the tiles (the images stay in the panel and History). */
function refusalLine(state: RunState): { text: string; button: string; gridGone?: boolean } | undefined {
  const refused = state.items.flatMap((it) => (it.placement?.state === "refused" ? [it.placement] : []));
  if (refused.length === 0) return undefined;
  const one = refused.length === 1;
  const n = plural(refused.length, "image");
  const kept = one ? "It is kept here and in History" : "They are kept here and in History";
  if (refused.some((p) => p.code === "not-found"))
    return { text: `The grid was deleted: ${n} not placed. ${kept}.`, button: "Place in a new grid", gridGone: true };
  if (refused.some((p) => p.code === "read-only"))
    return {
      text: `Dev Mode is read-only: ${n} not placed. ${kept}; switch to Design mode to place them.`,
      button: "Place again",
    };
  return { text: `${n} could not be placed: ${refused[0]!.message} ${kept}.`, button: "Place again" };
}

export function RunView({ session }: RowsViewProps) {
  const { run } = session;
  const { state } = run;
  if (!state) return null;
  const running = isRunning(state);
  const asking = awaitingAccept(state) && state.items[0]?.status === "done";
  const refusal = refusalLine(state);
  const c = counts(state);
  return (
    <div class="rows-run">
      <div class="rows-run__head">
        <p class="rows-run__name one-line">{state.plan.name}</p>
        <p class="rows-run__summary" role="status" aria-live="polite">
          {summaryLine(state)}
        </p>
        <div class="rows-run__actions">
          {running ? (
            <button type="button" class="button button--secondary" onClick={run.cancel}>
              Cancel
            </button>
          ) : null}
          <button type="button" class="button button--secondary" onClick={run.edit}>
            Edit rows
          </button>
          {state.gridId && !refusal?.gridGone ? (
            <button type="button" class="button button--secondary" onClick={run.selectGrid}>
              Select grid
            </button>
          ) : null}
        </div>
        {run.replacing ? (
          <div class="notice notice--warning rows-run__replace" role="alert">
            <div class="notice__body">
              <p class="notice__title">
                {`${plural(c.drawing + c.queued, "image")} ` +
                  `${agree(c.drawing + c.queued, "is", "are")} still to come in this run`}
              </p>
              <p class="muted">
                Start “{run.replacing.name}” instead? What is drawing stops; finished images stay in the grid and in
                History.
              </p>
              <div class="notice__actions">
                <button type="button" class="button button--primary" onClick={run.confirmReplace}>
                  Stop this and start
                </button>
                <button type="button" class="button button--secondary" onClick={run.keepRunning}>
                  Keep running
                </button>
              </div>
            </div>
          </div>
        ) : null}
        {refusal ? (
          <div class="notice notice--warning rows-run__refused" role="status">
            <div class="notice__body">
              <p>{refusal.text}</p>
              <div class="notice__actions">
                <button type="button" class="button button--secondary" onClick={run.placeRefused}>
                  {refusal.button}
                </button>
              </div>
            </div>
          </div>
        ) : null}
      </div>
      <ul class="rows-tiles" aria-label="Run images">
        {state.items.map((item) => (
          <RunTile
            key={item.index}
            run={item}
            item={state.plan.items[item.index]!}
            aspect={aspectOf(state)}
            asking={asking && item.index === 0}
            waiting={awaitingAccept(state) && item.index > 0}
            onRetry={() => run.retry(item.index)}
            onAccept={run.accept}
            onRedo={run.redoFirst}
          />
        ))}
      </ul>
    </div>
  );
}
