/** Status lines every job shows: the main thread's export progress, a busy step, and "Cancelled". */
import type { ComponentChildren } from "preact";
import { ErrorIcon, InfoIcon } from "./icons.js";

/** The main thread's export progress (every job that exports the selection). */
export function ExportStatus({ label, done, total }: { label: string; done: number; total: number }) {
  return (
    <div class="status" role="status" aria-live="polite">
      <div class="status__row">
        <span>{label}</span>
        {total > 0 ? <span class="muted">{`${done} / ${total}`}</span> : null}
      </div>
      {/* Indeterminate until the first frame is done: checking sizes can take a while. */}
      <progress
        class="progress"
        max={1}
        value={done > 0 && total > 0 ? done / total : undefined}
        aria-label="Export progress"
      />
    </div>
  );
}

/** A step under way with no measurable progress. */
export function BusyStatus({ label, progressLabel }: { label: string; progressLabel: string }) {
  return (
    <div class="status" role="status" aria-live="polite">
      <div class="status__row">
        <span>{label}</span>
      </div>
      <progress class="progress" aria-label={progressLabel} />
    </div>
  );
}

/** "Cancelled", what that means, and any actions. */
export function CancelledNotice({ text, children }: { text: string; children?: ComponentChildren }) {
  return (
    <div class="notice notice--info" role="status">
      <InfoIcon />
      <div class="notice__body">
        <p class="notice__title">Cancelled</p>
        <p class="muted">{text}</p>
        {children ? <div class="notice__actions">{children}</div> : null}
      </div>
    </div>
  );
}

/** A step that failed: what failed, why, any actions, and what sits beside the body (a dismiss button). */
export function ErrorNotice(props: {
  title: string;
  detail: string;
  children?: ComponentChildren;
  aside?: ComponentChildren;
}) {
  return (
    <div class="notice notice--error" role="alert">
      <ErrorIcon />
      <div class="notice__body">
        <p class="notice__title">{props.title}</p>
        <p class="notice__detail">{props.detail}</p>
        {props.children}
      </div>
      {props.aside}
    </div>
  );
}
