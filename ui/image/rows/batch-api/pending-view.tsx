/** The batches waiting at the Batch API: each one's status, and its results inserted when done. */
import { useEffect, useState } from "preact/hooks";
import { BatchRow } from "./batch-row.js";
import { SubmitConfirm } from "./submit-confirm.js";
import type { RowsViewProps } from "../view-props.js";
import "./batch-api.css";

export function PendingView({ session: { batchApi } }: RowsViewProps) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  if (!batchApi.confirmation && batchApi.batches.length === 0) return null;
  return (
    <div class="batch-api">
      {batchApi.confirmation ? (
        <SubmitConfirm confirmation={batchApi.confirmation} onSend={batchApi.send} onDismiss={batchApi.dismiss} />
      ) : null}
      {batchApi.batches.length > 0 ? (
        <section aria-label="Batch API">
          <p class="batch-api__title">Batch API</p>
          <ul class="batch-api__list">
            {batchApi.batches.map((b) => (
              <BatchRow
                key={b.id}
                batch={b}
                activity={batchApi.activity[b.id]}
                error={batchApi.errors[b.id]}
                inserted={batchApi.inserted[b.id]}
                now={now}
                onCheck={() => batchApi.check(b.id)}
                onResubmit={() => batchApi.resubmit(b.id)}
                onRemove={() => batchApi.remove(b.id)}
                onSelect={batchApi.select}
              />
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
