/**
 * A failed model request as a notice: the title, the provider's words, the next step and one button
 * (Open settings, or Try again — held back with a countdown while the provider's retry-after runs).
 */
import { ErrorIcon } from "../controls/icons.js";
import type { Explanation } from "./explain-model.js";
import { retryAt } from "./job-state.js";
import { useTick } from "./use-tick.js";

export interface FailureNoticeProps {
  explanation: Explanation;
  /** Shown as data-kind (the failure's kind), so tests and styles can tell them apart. */
  kind: string;
  /** When Try again may be pressed (ms since the epoch); earlier it counts down. */
  retryAt?: number;
  onRetry(): void;
  onDismiss(): void;
  onOpenSettings(): void;
  class?: string;
}

export function FailureNotice({
  explanation,
  kind,
  retryAt,
  onRetry,
  onDismiss,
  onOpenSettings,
  class: extra,
}: FailureNoticeProps) {
  const now = useTick(500);
  const retryAfter = retryAt !== undefined ? retryAt - now : 0;
  const waiting = retryAfter > 0;
  return (
    <div class={`notice notice--error${extra ? ` ${extra}` : ""}`} role="alert" data-kind={kind}>
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
          ) : explanation.action ? (
            <button type="button" class="button button--secondary" disabled={waiting} onClick={onRetry}>
              {waiting ? `Retry in ${Math.ceil(retryAfter / 1000)} s` : "Try again"}
            </button>
          ) : null}
          <button type="button" class="button button--ghost" onClick={onDismiss}>
            Dismiss
          </button>
        </div>
      </div>
    </div>
  );
}

/** What a job's failure gives FailureNotice: its kind (a model failure's own), and after a 429 when to try again. */
export function noticeFacts(failure: {
  kind: string;
  model?: { kind: string; retryAfterMs?: number | undefined };
  at?: number;
}): { kind: string; retryAt?: number } {
  if (failure.kind !== "model" || !failure.model) return { kind: failure.kind };
  const at = retryAt(failure);
  return at !== undefined ? { kind: failure.model.kind, retryAt: at } : { kind: failure.model.kind };
}
