/** The Batch API confirmation: what will be sent, what happens next, the estimate at half price — or why not. */
import { approxCost } from "../../../model/cost.js";
import type { Confirmation } from "./use-submit.js";
import { plural } from "../../../../kernel/plural.js";
import { SmallButton } from "../../../controls/small-button.js";

function estimateLine(c: Confirmation): string {
  if (c.estimateError) return `No estimate: ${c.estimateError}`;
  const e = c.estimate;
  if (!e) return "Estimating…";
  if (e.batchCostUsd === undefined || e.costUsd === undefined)
    return `${e.images} images · no price known for this model`;
  return `${approxCost(e.batchCostUsd)} on the Batch API (50% of ${approxCost(e.costUsd)} live)`;
}

export function SubmitConfirm({
  confirmation: c,
  onSend,
  onDismiss,
}: {
  confirmation: Confirmation;
  onSend(): void;
  onDismiss(): void;
}) {
  const size = c.plan.size === "auto" ? "auto size" : `${c.plan.size.width}×${c.plan.size.height}`;
  const n = c.plan.items.length;
  if (c.refusal)
    return (
      <div class="notice notice--error batch-api-confirm" role="alert">
        <div class="notice__body">
          <p class="notice__title">Cannot send to the Batch API</p>
          <p class="notice__detail">{c.refusal}</p>
          <div class="notice__actions">
            <SmallButton onClick={onDismiss}>Close</SmallButton>
          </div>
        </div>
      </div>
    );
  return (
    <section class="batch-api-confirm" aria-label="Send to the Batch API">
      <p class="batch-api-confirm__title">{`Send “${c.plan.name || "Batch"}” to the Batch API`}</p>
      <p class="muted">{`${plural(n, "image")} · ${size} · ${c.plan.quality} quality · Images API`}</p>
      <p class="batch-api-confirm__cost">{estimateLine(c)}</p>
      <p class="muted">
        Results within 24 h; you can close the plugin. When you open it again, the images are inserted as a grid named
        after the batch.
      </p>
      {c.error ? (
        <p class="batch-api-error" role="alert">
          {c.error}
        </p>
      ) : null}
      <div class="batch-api-actions">
        <button type="button" class="button button--primary" disabled={c.sending} onClick={onSend}>
          {c.sending ? "Sending…" : "Send to Batch API"}
        </button>
        <button type="button" class="button button--secondary" disabled={c.sending} onClick={onDismiss}>
          Cancel
        </button>
      </div>
    </section>
  );
}
