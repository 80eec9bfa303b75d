/** The AI job's progress: export, estimate before sending, the streamed answer, and errors with a next step. */
import { useEffect, useState } from "preact/hooks";
import type { Estimate } from "../../ai/estimate.js";
import type { AiJob, AiState } from "./ai-job.js";
import { ErrorIcon } from "../components/icons.js";
import { explainAiFailure } from "./explain.js";
import { BusyStatus, CancelledNotice, ExportStatus } from "./job-status.js";

const int = (n: number) => Math.round(n).toLocaleString("en-US");

export function formatCost(usd: number): string {
  if (usd < 0.01) return "< $0.01";
  return `$${usd < 1 ? usd.toFixed(3) : usd.toFixed(2)}`;
}

/** "≈ 3,120 input tokens (765 for the image) · ≈ 1,900 output · ≈ $0.021", always labelled an estimate. */
export function estimateText(estimate: Estimate, model: string): string {
  const image = estimate.imageTokens > 0 ? ` (${int(estimate.imageTokens)} for the image)` : "";
  const output = estimate.outputTokens > 0 ? ` · ≈ ${int(estimate.outputTokens)} output` : "";
  const cost = estimate.costUsd === undefined ? ` · no price known for ${model}` : ` · ≈ ${formatCost(estimate.costUsd)}`;
  return `≈ ${int(estimate.inputTokens)} input tokens${image}${output}${cost}`;
}

/** "$8", "$0.60", "$0.075": cents unless the price needs more. */
const perMillion = (usd: number) => (Number.isInteger(usd) ? `$${usd}` : `$${usd.toFixed(Math.abs(Math.round(usd * 100) - usd * 100) < 1e-9 ? 2 : 3)}`);

/** Where the estimate's price comes from: "$8 in · $15 out per 1M tokens, openrouter.ai, 2026-04-23". */
export function priceText(estimate: Estimate): string | undefined {
  const price = estimate.price;
  if (!price) return undefined;
  let host = price.source;
  try {
    host = new URL(price.source).host;
  } catch {
    // Not a URL: show the source as it is.
  }
  return `Price: ${perMillion(price.input)} in · ${perMillion(price.output)} out per 1M tokens, from ${host}, ${price.asOf}`;
}

/** Re-renders every `ms` while mounted (elapsed time, retry countdown). */
function useTick(ms: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return now;
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
  const now = useTick(500);
  const explanation = explainAiFailure(state.failure);
  const retryAfter = state.failure.kind === "model" && state.failure.model.retryAfterMs !== undefined ? state.failure.at + state.failure.model.retryAfterMs - now : 0;
  const waiting = retryAfter > 0;
  return (
    <div class="notice notice--error ai-error" role="alert" data-kind={state.failure.kind === "model" ? state.failure.model.kind : state.failure.kind}>
      <ErrorIcon />
      <div class="notice__body">
        <p class="notice__title">{explanation.title}</p>
        {explanation.detail ? <p class="notice__detail">{explanation.detail}</p> : null}
        {explanation.hint ? <p class="muted ai-error__next">{explanation.hint}</p> : null}
        <div class="notice__actions">
          {explanation.action === "settings" ? (
            <button type="button" class="button button--secondary" onClick={onOpenSettings}>
              Open settings
            </button>
          ) : (
            <button type="button" class="button button--secondary" disabled={waiting} onClick={job.retry}>
              {waiting ? `Retry in ${Math.ceil(retryAfter / 1000)} s` : "Try again"}
            </button>
          )}
          <button type="button" class="button button--ghost" onClick={job.dismiss}>
            Dismiss
          </button>
        </div>
      </div>
    </div>
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
    case "confirm":
      return (
        <div class="ai-confirm" role="group" aria-label="Send to the model">
          <p class="ai-confirm__title">
            Send “{state.frame.name}” to <strong>{state.model}</strong> at {state.host}?
          </p>
          <p class="ai-confirm__estimate" title="An estimate: providers count slightly differently">
            Estimate: {estimateText(state.estimate, state.model)}
          </p>
          {priceText(state.estimate) ? (
            <p class="ai-confirm__price muted" title={state.estimate.price?.source}>
              {priceText(state.estimate)}
            </p>
          ) : null}
          {state.instructions || state.draft ? (
            <p class="ai-confirm__with" title={state.instructions || undefined}>
              {state.instructions ? `With your instructions: “${state.instructions}”` : ""}
              {state.instructions && state.draft ? " · " : ""}
              {state.draft ? "starting from the offline draft" : ""}
            </p>
          ) : null}
          {state.others > 0 ? <p class="muted">The model works on one frame at a time: the other {state.others} selected frame{state.others === 1 ? " is" : "s are"} not sent.</p> : null}
          {state.hasImage ? null : <p class="muted">The frame image could not be read, so only the structure is sent.</p>}
          <div class="notice__actions">
            <button type="button" class="button button--primary" onClick={job.send}>
              Send
            </button>
            <button type="button" class="button button--secondary" onClick={job.cancel}>
              Cancel
            </button>
          </div>
        </div>
      );
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
