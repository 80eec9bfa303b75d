/**
 * "Fill from selection" beside the table: how many rows, the button (with a key and a selection), what is
 * happening (reading the frame, the model thinking, Cancel), then the model's notes — or its failure,
 * explained like the other model failures, with Try again.
 */
import { FailureNotice } from "../../../model/failure-notice.js";
import { explainFill } from "./fill-state.js";
import type { RowsSetup } from "./use-setup.js";
import { plural } from "../../../../kernel/plural.js";

export function FillRows({
  setup,
  hasKey,
  hasSelection,
  onOpenSettings,
}: {
  setup: RowsSetup;
  hasKey: boolean;
  hasSelection: boolean;
  onOpenSettings(): void;
}) {
  const { fill } = setup;
  const { state } = fill;
  const busy = state.phase === "reading" || state.phase === "asking";
  const why = !hasKey
    ? "Needs an API key: add one in Settings"
    : !hasSelection
      ? "Select the frame whose copy should decide the rows"
      : undefined;
  return (
    <div class="setup-fill">
      <div class="head-row">
        <button
          type="button"
          class="button button--secondary"
          disabled={busy || why !== undefined}
          title={
            why ??
            "The model reads the selected frame's texts and proposes rows for these " +
              "columns; a column may list its allowed values, e.g. mood: calm|bold"
          }
          onClick={fill.fill}
        >
          Fill from selection
        </button>
        <label class="setup-fill__count muted">
          <input
            class="setup-cell setup-cell--count"
            type="number"
            min={1}
            max={20}
            aria-label="Rows to propose"
            value={fill.count}
            disabled={busy}
            onInput={(e) => fill.setCount(Math.min(20, Math.max(1, Math.round(Number(e.currentTarget.value) || 1))))}
          />
          rows
        </label>
        {busy ? (
          <>
            <span class="muted setup-grow" role="status">
              {state.phase === "reading"
                ? "Reading the selection's texts…"
                : `The model is reading ${state.texts} texts…`}
            </span>
            <button type="button" class="button button--secondary" onClick={fill.cancel}>
              Cancel
            </button>
          </>
        ) : null}
      </div>
      {state.phase === "done" ? (
        <p class="setup-fill__notes" role="status">
          <span class="muted">
            {plural(state.rows, "row")} from {state.texts} texts, editable below.{" "}
          </span>
          {state.notes}
        </p>
      ) : null}
      {state.phase === "failed" ? (
        <FailureNotice
          explanation={explainFill(state.failure)}
          kind={state.failure.kind === "model" ? state.failure.model.kind : state.failure.kind}
          onRetry={fill.fill}
          onDismiss={fill.dismiss}
          onOpenSettings={onOpenSettings}
        />
      ) : null}
    </div>
  );
}
