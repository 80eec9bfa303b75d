/**
 * The bar above Search's results that turns on search by meaning: one button with what it will make and
 * about what it costs ("Search by meaning: describe and embed 80 frames — about $0.05"), then the progress
 * with Cancel, a failure explained with its next step, or what was made. Nothing is sent before the first
 * press; after it, a later scan's few new or changed frames are enriched on their own (use-enrich.ts).
 */
import { useEffect, useMemo } from "preact/hooks";
import type { SearchIndex } from "../../contract/search.js";
import { CancelledNotice } from "../controls/status.js";
import { FailureNotice, noticeFacts } from "../model/failure-notice.js";
import { StatusBox } from "../model/status-box.js";
import { enrichAction } from "./enrich-plan.js";
import type { EnrichOutcome } from "./enrich-run.js";
import { explainEnrichFailure } from "./explain-enrich.js";
import { AUTO_MAX_FRAMES, mayAutoEnrich, type EnrichJob } from "./use-enrich.js";
import type { SearchAiSession } from "./use-search-ai.js";
import { pluralGrouped } from "../../kernel/plural.js";
import "./enrich.css";

export interface EnrichBarProps {
  ai: SearchAiSession;
  job: EnrichJob;
  /** The panel's current index (undefined until loaded). */
  index: SearchIndex | undefined;
  onOpenSettings(): void;
}

/** "14 frames described and embedded", "6 frames described", … */
export function madeText(outcome: Pick<EnrichOutcome, "captioned" | "embedded">): string {
  const { captioned, embedded } = outcome;
  if (captioned > 0 && embedded > 0)
    return captioned === embedded
      ? `${pluralGrouped(captioned, "frame")} described and embedded`
      : `${pluralGrouped(captioned, "frame")} described, ${pluralGrouped(embedded, "frame")} embedded`;
  if (captioned > 0) return `${pluralGrouped(captioned, "frame")} described`;
  return embedded > 0 ? `${pluralGrouped(embedded, "frame")} embedded` : "nothing made yet";
}

function Made({ outcome }: { outcome: EnrichOutcome }) {
  return (
    <>
      {outcome.noPicture.length > 0 ? (
        <p class="muted enrich-bar__note">
          {`No picture for ${outcome.noPicture.map((n) => `“${n}”`).join(", ")} ` +
            `(deleted since the scan?): searched by words only.`}
        </p>
      ) : null}
      {outcome.notStored ? (
        <p class="enrich-bar__warning" role="alert">
          {`Not kept for next time: ${outcome.notStored} They are used ` +
            `until the plugin closes; free space in History to keep them.`}
        </p>
      ) : null}
    </>
  );
}

export function EnrichBar({ ai, job, index, onOpenSettings }: EnrichBarProps) {
  const plan = useMemo(() => (index ? ai.plan(index) : undefined), [ai, index]);
  const { state } = job;
  const auto = plan !== undefined && mayAutoEnrich(job, plan, ai.available);
  useEffect(() => {
    if (auto && index) job.start(index, true);
  }, [auto, index]);
  if (!ai.available || !index || index.docs.length === 0 || !plan) return null;
  const todo = Math.max(plan.captions, plan.vectors);
  const button =
    todo > 0 && state.phase !== "running" ? (
      <button type="button" class="button button--secondary enrich-bar__start" onClick={() => job.start(index)}>
        {`Search by meaning: ` +
          `${enrichAction(plan)}${plan.estimate ? ` — ${plan.estimate.replace(/ for .*$/, "")}` : ""}`}
      </button>
    ) : null;
  return (
    <StatusBox phase={state.phase} class="enrich-bar">
      {state.phase === "running" ? (
        <div class="status enrich-bar__running" role="status" aria-live="polite">
          <div class="status__row">
            <span>{state.progress.label}</span>
            <button type="button" class="button button--ghost" onClick={job.cancel}>
              Cancel
            </button>
          </div>
          <progress
            class="progress"
            max={1}
            value={state.progress.total > 0 ? state.progress.done / state.progress.total : undefined}
            aria-label="Search by meaning progress"
          />
          {state.auto ? (
            <p class="muted enrich-bar__note">New and changed frames, as you agreed earlier in this session.</p>
          ) : null}
        </div>
      ) : state.phase === "failed" ? (
        <>
          <FailureNotice
            explanation={explainEnrichFailure(state.failure)}
            {...noticeFacts(state.failure.kind === "model" ? state.failure : { kind: "other" })}
            onRetry={() => job.start(index)}
            onDismiss={job.dismiss}
            onOpenSettings={onOpenSettings}
            class="enrich-bar__error"
          />
          {state.outcome.captioned + state.outcome.embedded > 0 ? (
            <p class="muted enrich-bar__note">{`Kept: ${madeText(state.outcome)}.`}</p>
          ) : null}
        </>
      ) : state.phase === "cancelled" ? (
        <CancelledNotice
          text={`Stopped. ${
            state.outcome.captioned + state.outcome.embedded > 0
              ? `Kept: ${madeText(state.outcome)}; press the button to go on.`
              : "Nothing was made."
          }`}
        >
          <button type="button" class="button button--ghost" onClick={job.dismiss}>
            Dismiss
          </button>
        </CancelledNotice>
      ) : state.phase === "done" ? (
        <div class="enrich-bar__done" role="status">
          <p>
            {`${madeText(state.outcome)[0]!.toUpperCase()}` +
              `${madeText(state.outcome).slice(1)}. Search now ranks by meaning too.`}
          </p>
          <Made outcome={state.outcome} />
        </div>
      ) : null}
      {button && state.phase !== "failed" ? (
        <div class="enrich-bar__ready">
          {button}
          <p class="muted enrich-bar__note">
            {plan.captions > 0
              ? "Each frame's picture goes to the vision model once, and its words to the embedding model. "
              : "Each frame's words go to the embedding model once. "}
            {`After this, up to ${AUTO_MAX_FRAMES} new or changed ` +
              `frames are done on their own while the plugin is open.`}
          </p>
        </div>
      ) : null}
    </StatusBox>
  );
}
