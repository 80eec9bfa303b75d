/** The image job's progress: the reference export, the estimate before sending, the stream, errors and Cancelled. */
import { BusyStatus, CancelledNotice, ExportStatus } from "../components/status.js";
import { EstimateCard } from "../model/estimate-card.js";
import { FailureNotice, noticeFacts } from "../model/failure-notice.js";
import { StatusBox } from "../model/status-box.js";
import { explainImageFailure } from "./explain-image.js";
import { imageEstimateText, imagePriceLines } from "./estimate-text.js";
import type { ImageJob } from "./image-job.js";
import type { ImageState } from "./image-state.js";
import { StreamView } from "./stream-view.js";

type Confirm = Extract<ImageState, { phase: "confirm" }>;

function Estimate({ state, job }: { state: Confirm; job: ImageJob }) {
  const { to } = state;
  const what = [
    state.refining !== undefined ? `Refining v${state.refining}: “${state.prompt}”` : "",
    state.references.length > 0 ? `With ${state.references.length === 1 ? `“${state.references[0]}”` : `${state.references.length} frames`} as the reference${state.withHint ? " (its picture and layer structure)" : ""}` : "",
  ].filter(Boolean);
  return (
    <EstimateCard
      label="Send to the model"
      class="image-confirm"
      title={
        <>
          Send to <strong>{to.model}</strong>
          {to.api === "responses" ? ` (draws with ${to.imageModel})` : ""} at {to.host}?
        </>
      }
      estimate={imageEstimateText(state.estimate, to.imageModel)}
      lines={[...imagePriceLines(state.estimate, to.model, to.imageModel).map((line) => ({ ...line, class: "ai-confirm__price muted" })), ...what.map((text) => ({ text }))]}
      notes={state.notes}
      onSend={job.send}
      onCancel={job.cancel}
    />
  );
}

/** The status, scrolled into view whenever its phase changes: Refine is asked for at the bottom, the estimate shows at the top. */
export function ImageStatus({ job, onOpenSettings }: { job: ImageJob; onOpenSettings(): void }) {
  return (
    <StatusBox phase={job.state.phase} class="image-status">
      <StatusOf job={job} onOpenSettings={onOpenSettings} />
    </StatusBox>
  );
}

function StatusOf({ job, onOpenSettings }: { job: ImageJob; onOpenSettings(): void }) {
  const { state } = job;
  switch (state.phase) {
    case "idle":
      return null;
    case "exporting":
      return <ExportStatus label={state.label} done={state.done} total={state.total} />;
    case "preparing":
      return <BusyStatus label="Checking the request and estimating…" progressLabel="Preparing" />;
    case "confirm":
      return <Estimate state={state} job={job} />;
    case "streaming":
      return <StreamView state={state} painter={job.painter} />;
    case "failed": {
      const { failure } = state;
      return (
        <FailureNotice
          class="image-error"
          explanation={explainImageFailure(failure)}
          {...noticeFacts(failure)}
          onRetry={job.retry}
          onDismiss={job.dismiss}
          onOpenSettings={onOpenSettings}
        />
      );
    }
    case "cancelled":
      return (
        <CancelledNotice text="Stopped: nothing from that request was kept. Earlier versions are unchanged.">
          <button type="button" class="button button--ghost" onClick={job.dismiss}>
            Dismiss
          </button>
        </CancelledNotice>
      );
  }
}
