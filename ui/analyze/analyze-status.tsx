/** The model request's progress: the export, the estimate before sending, the streaming answer, errors and Cancelled. */
import { BusyStatus, CancelledNotice, ExportStatus } from "../components/status.js";
import { EstimateCard } from "../model/estimate-card.js";
import { FailureNotice, noticeFacts } from "../model/failure-notice.js";
import { StatusBox } from "../model/status-box.js";
import { formatCost, int, tokenPriceText } from "../model/cost.js";
import { TASK_LABEL, type ModelState } from "./analyze-state.js";
import { StreamingAnswer, PartialAnswer } from "./answer-view.js";
import { explainAnalyzeFailure } from "./explain-analyze.js";
import type { AnalysisJob } from "./use-analysis.js";

type Confirm = Extract<ModelState, { phase: "confirm" }>;

function Estimate({ state, job }: { state: Confirm; job: AnalysisJob }) {
  const { estimate } = state;
  const cost = estimate.costUsd !== undefined ? `about ${formatCost(estimate.costUsd)}` : "no price known for this model";
  const frames = state.frames.map((f) => `“${f.name}”`).join(" and ");
  return (
    <EstimateCard
      label="Send to the model"
      class="analyze-confirm"
      title={
        <>
          {TASK_LABEL[state.task]} {frames} with <strong>{state.to.model}</strong> at {state.to.host}?
        </>
      }
      estimate={`≈ ${int(estimate.inputTokens)} input tokens (${int(estimate.imageTokens)} for the picture${state.frames.length > 1 ? "s" : ""}) · ≈ ${int(estimate.outputTokens)} for the answer · ${cost}`}
      lines={[
        ...(estimate.price ? [{ text: tokenPriceText(estimate.price), title: estimate.price.source, class: "ai-confirm__price muted" }] : []),
        { text: `With the picture${state.frames.length > 1 ? "s" : ""}, the layer structure, the live text and ${state.findings} computed finding${state.findings === 1 ? "" : "s"}, as data.` },
      ]}
      onSend={job.send}
      onCancel={job.cancel}
    />
  );
}

/** The status, brought into view whenever its phase changes (the Ask button sits below the findings). */
export function AnalyzeStatus({ job, onOpenSettings }: { job: AnalysisJob; onOpenSettings(): void }) {
  return (
    <StatusBox phase={job.state.phase} class="analyze-status">
      <StatusOf job={job} onOpenSettings={onOpenSettings} />
    </StatusBox>
  );
}

function StatusOf({ job, onOpenSettings }: { job: AnalysisJob; onOpenSettings(): void }) {
  const { state } = job;
  switch (state.phase) {
    case "idle":
      return null;
    case "exporting":
      return <ExportStatus label={state.label} done={state.done} total={state.total} />;
    case "preparing":
      return <BusyStatus label="Preparing the request and estimating…" progressLabel="Preparing" />;
    case "confirm":
      return <Estimate state={state} job={job} />;
    case "streaming":
      return <StreamingAnswer state={state} onCancel={job.cancel} />;
    case "failed": {
      const { failure } = state;
      return (
        <>
          <FailureNotice
            class="analyze-error"
            explanation={explainAnalyzeFailure(failure)}
            {...noticeFacts(failure)}
            onRetry={job.retry}
            onDismiss={job.dismiss}
            onOpenSettings={onOpenSettings}
          />
          <PartialAnswer text={state.partial} />
        </>
      );
    }
    case "cancelled":
      return (
        <>
          <CancelledNotice text="Stopped: the request was cancelled and nothing of it was kept. Earlier answers are unchanged.">
            <button type="button" class="button button--ghost" onClick={job.dismiss}>
              Dismiss
            </button>
          </CancelledNotice>
          <PartialAnswer text={state.partial} />
        </>
      );
  }
}
