/**
 * A model job's status, the same in every panel: the export's progress, preparing, the estimate card with
 * Send / Cancel, the stream with its elapsed time, the failure with its next step and Try again (counting
 * down a retry-after), and Cancelled. The panel gives only what is its own (`ModelJobView`): the card's
 * words, what the stream shows, its failure words.
 */
import type { ComponentChildren, VNode } from "preact";
import { BusyStatus, CancelledNotice, ExportStatus } from "../controls/status.js";
import { EstimateCard, type EstimateLine } from "./estimate-card.js";
import type { Explanation } from "./explain-model.js";
import { FailureNotice, noticeFacts } from "./failure-notice.js";
import type { ConfirmBase, ModelJobFailure, ModelJobState, StreamBase } from "./job-state.js";
import { StatusBox } from "./status-box.js";
import { useTick } from "./use-tick.js";

/** The estimate card's words: "{lead}<strong>{model}</strong>{after} at {host}?", then the estimate and its lines. */
export interface ConfirmCard {
  /** "Send “Hero” to ", "Describe “Home” with ". */
  lead: string;
  /** " (draws with gpt-image-2)". */
  after?: string;
  estimate: string;
  /** Where the prices come from (the full source as the tooltip). */
  prices?: { text: string; title?: string | undefined }[];
  /** What goes with the request. */
  lines?: EstimateLine[];
  notes?: string[];
  class?: string;
}

/** What the stream's view gets from the job: seconds since the request went, and Cancel. */
export interface StreamClock {
  seconds: number;
  cancel(): void;
}

export interface ModelJobView<C extends ConfirmBase, S extends StreamBase> {
  /** "Preparing the request…" */
  preparing: string;
  confirm(state: C): ConfirmCard;
  stream(state: S, clock: StreamClock): VNode;
  explain(failure: ModelJobFailure): Explanation;
  /** The failure notice's own class ("ai-error"). */
  failureClass: string;
  /** What Cancelled means here ("earlier turns are kept"). */
  cancelled: string;
  /** What had streamed before a failure or Cancel, shown under the notice. */
  partial?(stream: S): ComponentChildren;
}

export interface ModelJobStatusProps<C extends ConfirmBase, S extends StreamBase> {
  job: { state: ModelJobState<C, S>; send(): void; cancel(): void; retry(): void; dismiss(): void };
  view: ModelJobView<C, S>;
  /** Given, the status sits in a box of this class, brought into view whenever its phase changes. */
  box?: string;
  onOpenSettings(): void;
}

export function ModelJobStatus<C extends ConfirmBase, S extends StreamBase>(props: ModelJobStatusProps<C, S>) {
  if (!props.box) return <StatusOf {...props} />;
  return (
    <StatusBox phase={props.job.state.phase} class={props.box}>
      <StatusOf {...props} />
    </StatusBox>
  );
}

function StatusOf<C extends ConfirmBase, S extends StreamBase>({
  job,
  view,
  onOpenSettings,
}: ModelJobStatusProps<C, S>) {
  const { state } = job;
  switch (state.phase) {
    case "idle":
      return null;
    case "exporting":
      return <ExportStatus label={state.label} done={state.done} total={state.total} />;
    case "preparing":
      return <BusyStatus label={view.preparing} progressLabel="Preparing" />;
    case "confirm":
      return <Confirm to={state.to} card={view.confirm(state as C)} onSend={job.send} onCancel={job.cancel} />;
    case "streaming":
      return <Streaming state={state as S} view={view} onCancel={job.cancel} />;
    case "failed":
      return (
        <>
          <FailureNotice
            class={view.failureClass}
            explanation={view.explain(state.failure)}
            {...noticeFacts(state.failure)}
            onRetry={job.retry}
            onDismiss={job.dismiss}
            onOpenSettings={onOpenSettings}
          />
          {state.partial && view.partial ? view.partial(state.partial) : null}
        </>
      );
    case "cancelled":
      return (
        <>
          <CancelledNotice text={view.cancelled}>
            <button type="button" class="button button--ghost" onClick={job.dismiss}>
              Dismiss
            </button>
          </CancelledNotice>
          {state.partial && view.partial ? view.partial(state.partial) : null}
        </>
      );
  }
}

function Confirm({
  to,
  card,
  onSend,
  onCancel,
}: {
  to: ConfirmBase["to"];
  card: ConfirmCard;
  onSend(): void;
  onCancel(): void;
}) {
  const prices = (card.prices ?? []).map((price) => ({ ...price, class: "ai-confirm__price muted" }));
  return (
    <EstimateCard
      label="Send to the model"
      {...(card.class ? { class: card.class } : {})}
      title={
        <>
          {card.lead}
          <strong>{to.model}</strong>
          {card.after ?? ""} at {to.host}?
        </>
      }
      estimate={card.estimate}
      lines={[...prices, ...(card.lines ?? [])]}
      notes={card.notes ?? []}
      onSend={onSend}
      onCancel={onCancel}
    />
  );
}

/** Ticks every second, so the stream's view shows the time since the request went. */
function Streaming<C extends ConfirmBase, S extends StreamBase>({
  state,
  view,
  onCancel,
}: {
  state: S;
  view: ModelJobView<C, S>;
  onCancel(): void;
}) {
  useTick(1000);
  const seconds = Math.max(0, Math.floor((Date.now() - state.startedAt) / 1000));
  return view.stream(state, { seconds, cancel: onCancel });
}

/** The head of a stream shown as a status line: what is happening, the seconds so far, an indeterminate bar. */
/** `progress`: how far the run is, 0 to 1, when the server says (else the bar only shows that it runs). */
export function StreamStatus({
  class: cls,
  stage,
  title,
  seconds,
  progressLabel,
  progress,
  children,
}: {
  class: string;
  stage?: string;
  title: ComponentChildren;
  seconds: number;
  progressLabel: string;
  progress?: number;
  children?: ComponentChildren;
}) {
  return (
    <div class={`status ${cls}`} role="status" aria-live="polite" data-stage={stage}>
      <div class="status__row">
        <span class={`${cls}__stage`}>{title}</span>
        <span class="muted">{seconds} s</span>
      </div>
      {progress === undefined ? (
        <progress class="progress" aria-label={progressLabel} />
      ) : (
        <progress class="progress" aria-label={progressLabel} max={1} value={progress} />
      )}
      {children}
    </div>
  );
}
