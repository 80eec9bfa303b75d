/** Progress of the export and the worker, and what went wrong (with the next step to take). */
import { ErrorIcon, WarningIcon } from "../controls/icons.js";
import { BusyStatus, CancelledNotice, ExportStatus } from "../controls/status.js";
import type { CodeJobState } from "./code-job.js";
import { explainFailure } from "./explain.js";

export interface CodeJobActions {
  onCancel(): void;
  onRetry(): void;
  onExportAgain(): void;
  onOpenSettings(): void;
}

export function CodeJobStatus({ state, actions }: { state: CodeJobState; actions: CodeJobActions }) {
  switch (state.phase) {
    case "idle":
    case "done":
    case "draft":
      // The draft is on screen, marked as such over the code.
      return null;
    case "exporting":
      return <ExportStatus label={state.label} done={state.done} total={state.total} />;
    case "generating":
      return (
        <BusyStatus
          label={state.worker === "starting" ? "Starting the code generator…" : "Generating code…"}
          progressLabel="Generating code"
        />
      );
    case "cancelled":
      return (
        <CancelledNotice
          text={
            state.draft
              ? "The code below is the draft, not checked or formatted. Press Generate to start again."
              : "Nothing was generated. Press Generate to start again."
          }
        />
      );
    case "failed": {
      const explanation = explainFailure(state.failure);
      const tone =
        state.failure.kind === "main" &&
        (state.failure.code === "empty-selection" ||
          state.failure.code === "unsupported-node" ||
          state.failure.code === "too-large")
          ? "warning"
          : "error";
      return (
        <div class={`notice notice--${tone}`} role="alert">
          {tone === "warning" ? <WarningIcon /> : <ErrorIcon />}
          <div class="notice__body">
            <p class="notice__title">{explanation.title}</p>
            {explanation.detail ? <p class="notice__detail">{explanation.detail}</p> : null}
            {explanation.hint ? <p class="muted">{explanation.hint}</p> : null}
            {explanation.action ? (
              <div class="notice__actions">
                {explanation.action === "retry" ? (
                  <button type="button" class="button button--secondary" onClick={actions.onRetry}>
                    Retry
                  </button>
                ) : explanation.action === "export-again" ? (
                  <button type="button" class="button button--secondary" onClick={actions.onExportAgain}>
                    Try again
                  </button>
                ) : (
                  <button type="button" class="button button--secondary" onClick={actions.onOpenSettings}>
                    Open settings
                  </button>
                )}
              </div>
            ) : null}
          </div>
        </div>
      );
    }
  }
}
