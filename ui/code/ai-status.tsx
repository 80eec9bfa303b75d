/** The AI job's progress: export, estimate before sending, the streamed answer, and errors with a next step. */
import type { Estimate } from "../../ai/estimate.js";
import type { AiJob, AiState } from "./ai-job.js";
import { formatCost, int, tokenPriceText } from "../model/cost.js";
import { EstimateCard } from "../model/estimate-card.js";
import { FailureNotice, noticeFacts } from "../model/failure-notice.js";
import { useTick } from "../model/use-tick.js";
import { explainAiFailure } from "./explain.js";
import { BusyStatus, CancelledNotice, ExportStatus } from "./job-status.js";

export { formatCost } from "../model/cost.js";

/** "≈ 3,120 input tokens (765 for the image) · ≈ 1,900 output · ≈ $0.021", always labelled an estimate. */
export function estimateText(estimate: Estimate, model: string): string {
  const image = estimate.imageTokens > 0 ? ` (${int(estimate.imageTokens)} for the image)` : "";
  const output = estimate.outputTokens > 0 ? ` · ≈ ${int(estimate.outputTokens)} output` : "";
  const cost = estimate.costUsd === undefined ? ` · no price known for ${model}` : ` · ≈ ${formatCost(estimate.costUsd)}`;
  return `≈ ${int(estimate.inputTokens)} input tokens${image}${output}${cost}`;
}

/** Where the estimate's price comes from: "Price: $8 in · $15 out per 1M tokens, from openrouter.ai, 2026-04-23". */
export function priceText(estimate: Estimate): string | undefined {
  return estimate.price ? tokenPriceText(estimate.price) : undefined;
}

const STAGE_TEXT = {
  connecting: "Waiting for the model…",
  writing: "The model is writing…",
  checking: "Checking and formatting the files…",
  repairing: "Asking the model to fix what the check found…",
} as const;

/** The answer as it streams; Cancel is the panel's head button, as for the offline job. */
function Streaming({ state }: { state: Extract<AiState, { phase: "streaming" }> }) {
  useTick(1000);
  const seconds = Math.floor((performance.now() - state.startedAt) / 1000);
  const done = state.files.filter((f) => f?.done).length;
  return (
    <div class="status ai-stream" role="status" aria-live="polite" data-stage={state.stage}>
      <div class="status__row">
        <span class="ai-stream__stage">{state.refining ? `Refining: “${state.refining}” — ` : ""}{STAGE_TEXT[state.stage]}</span>
        <span class="muted">{seconds} s</span>
      </div>
      <progress class="progress" aria-label="Model progress" />
      {state.notes ? <p class="ai-stream__notes">{state.notes}</p> : null}
      {state.files.length > 0 ? (
        <ul class="ai-stream__files" aria-label="Files so far">
          {state.files.map((file, index) =>
            file ? (
              <li key={index} class={file.done ? "is-done" : "is-writing"}>
                <span aria-hidden="true">{file.done ? "✓" : "…"}</span> <code>{file.path}</code>
              </li>
            ) : null,
          )}
        </ul>
      ) : null}
      {state.files.length > 0 ? <p class="muted">{done} of {state.files.length} files complete</p> : null}
    </div>
  );
}

function Failed({ state, job, onOpenSettings }: { state: Extract<AiState, { phase: "failed" }>; job: AiJob; onOpenSettings(): void }) {
  const { failure } = state;
  return (
    <FailureNotice
      class="ai-error"
      explanation={explainAiFailure(failure)}
      {...noticeFacts(failure)}
      onRetry={job.retry}
      onDismiss={job.dismiss}
      onOpenSettings={onOpenSettings}
    />
  );
}

export function AiStatus({ job, onOpenSettings }: { job: AiJob; onOpenSettings(): void }) {
  const { state } = job;
  switch (state.phase) {
    case "idle":
      return null;
    case "exporting":
      return <ExportStatus label={state.label} done={state.done} total={state.total} />;
    case "preparing":
      return <BusyStatus label="Preparing the request…" progressLabel="Preparing" />;
    case "confirm": {
      const price = priceText(state.estimate);
      const withText = [state.instructions ? `With your instructions: “${state.instructions}”` : "", state.draft ? "starting from the offline draft" : ""].filter(Boolean).join(" · ");
      const notes = [
        ...(state.others > 0 ? [`The model works on one frame at a time: the other ${state.others} selected frame${state.others === 1 ? " is" : "s are"} not sent.`] : []),
        ...(state.hasImage ? [] : ["The frame image could not be read, so only the structure is sent."]),
      ];
      return (
        <EstimateCard
          label="Send to the model"
          title={
            <>
              Send “{state.frame.name}” to <strong>{state.model}</strong> at {state.host}?
            </>
          }
          estimate={estimateText(state.estimate, state.model)}
          lines={[...(price ? [{ text: price, title: state.estimate.price?.source, class: "ai-confirm__price muted" }] : []), ...(withText ? [{ text: withText, title: state.instructions || undefined }] : [])]}
          notes={notes}
          onSend={job.send}
          onCancel={job.cancel}
        />
      );
    }
    case "streaming":
      return <Streaming state={state} />;
    case "failed":
      return <Failed state={state} job={job} onOpenSettings={onOpenSettings} />;
    case "cancelled":
      return (
        <CancelledNotice text="The request was stopped; earlier turns are kept.">
          <button type="button" class="button button--ghost" onClick={job.dismiss}>
            Dismiss
          </button>
        </CancelledNotice>
      );
  }
}
