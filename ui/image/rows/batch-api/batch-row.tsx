/** One batch in the Batch API list: name, images, status with counts, when sent; its results and failed lines. */
import { useState } from "preact/hooks";
import type { BatchRecord } from "../../../../ai/batch/record.js";
import type { PendingBatch } from "../../../../contract/pending-batch.js";
import { awaitingPlacement } from "./record-merge.js";
import { timeAgo } from "../../../lib/time-ago.js";
import { failedLines, finished, statusText } from "./status-text.js";
import type { BatchActivity, Inserted } from "./use-pending.js";
import { agree, plural } from "../../../../kernel/plural.js";
import { SmallButton } from "../../../controls/small-button.js";

export interface BatchRowProps {
  batch: PendingBatch;
  activity: BatchActivity | undefined;
  error: string | undefined;
  inserted: Inserted | undefined;
  now: number;
  onCheck(): void;
  onResubmit(): void;
  onRemove(): void;
  onSelect(nodeId: string): void;
}

const ACTIVITY: Record<BatchActivity, string> = {
  sending: "sending…",
  checking: "checking…",
  inserting: "inserting…",
  resubmitting: "resubmitting…",
  removing: "removing…",
};

export function BatchRow({
  batch,
  activity,
  error,
  inserted,
  now,
  onCheck,
  onResubmit,
  onRemove,
  onSelect,
}: BatchRowProps) {
  const [asking, setAsking] = useState(false);
  const record = batch.record as BatchRecord;
  const status = statusText(batch);
  const failed = failedLines(batch);
  const over = finished(record);
  const waiting = awaitingPlacement(record).length + record.lines.filter((l) => l.state === "pending" && !over).length;
  const remove = () => (waiting > 0 ? setAsking(true) : onRemove());
  return (
    <li class="batch-api-row">
      <div class="batch-api-row__head">
        <span class="batch-api-row__name one-line" title={batch.name}>
          {batch.name}
        </span>
        <span class="muted">{`${plural(batch.items.length, "image")} · ${timeAgo(batch.createdAt, now)}`}</span>
      </div>
      <div class={`batch-api-row__status batch-api-row__status--${status.tone}`} role="status">
        {activity ? ACTIVITY[activity] : status.text}
      </div>
      {inserted ? (
        <p class="batch-api-row__inserted">
          {`${plural(inserted.count, "image")} inserted in “${batch.name}” · `}
          <button type="button" class="link-button" onClick={() => onSelect(inserted.gridId)}>
            Select
          </button>
        </p>
      ) : null}
      {failed.length > 0 ? (
        <ul class="batch-api-row__failed" aria-label="Failed lines">
          {failed.map((f) => (
            <li key={f.row}>{`Row ${f.row ?? "?"}: ${f.error}`}</li>
          ))}
        </ul>
      ) : null}
      {error ? (
        <p class="batch-api-error" role="alert">
          {error}
        </p>
      ) : null}
      {asking ? (
        <div class="batch-api-actions">
          <span class="batch-api-row__ask">
            {`${plural(waiting, "result")} ${agree(waiting, "is", "are")} ` + `not inserted. Forget the batch?`}
          </span>
          <button
            type="button"
            class="button button--danger button--small"
            onClick={() => {
              setAsking(false);
              onRemove();
            }}
          >
            Remove
          </button>
          <SmallButton onClick={() => setAsking(false)}>Keep</SmallButton>
        </div>
      ) : (
        <div class="batch-api-actions">
          {!over || waiting > 0 ? (
            <SmallButton disabled={activity !== undefined} onClick={onCheck}>
              Check now
            </SmallButton>
          ) : null}
          {over && failed.length > 0 ? (
            <SmallButton
              disabled={activity !== undefined}
              onClick={onResubmit}
            >{`Resubmit ${failed.length} failed`}</SmallButton>
          ) : null}
          <SmallButton disabled={activity !== undefined} onClick={remove}>
            Remove
          </SmallButton>
        </div>
      )}
    </li>
  );
}
