/** The batches waiting at the Batch API: each one's status, and its results inserted when done. */
import { useEffect, useState } from "preact/hooks";
import { BatchRow } from "./batch-row.js";
import { SubmitConfirm } from "./submit-confirm.js";
import type { BatchViewProps } from "../view-props.js";
import "./bulk.css";

export function PendingView({ session: { bulk } }: BatchViewProps) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  if (!bulk.confirmation && bulk.batches.length === 0) return null;
  return (
    <div class="bulk">
      {bulk.confirmation ? <SubmitConfirm confirmation={bulk.confirmation} onSend={bulk.send} onDismiss={bulk.dismiss} /> : null}
      {bulk.batches.length > 0 ? (
        <section aria-label="Batch API">
          <p class="bulk__title">Batch API</p>
          <ul class="bulk__list">
            {bulk.batches.map((b) => (
              <BatchRow key={b.id} batch={b} activity={bulk.activity[b.id]} error={bulk.errors[b.id]} inserted={bulk.inserted[b.id]} now={now} onCheck={() => bulk.check(b.id)} onResubmit={() => bulk.resubmit(b.id)} onRemove={() => bulk.remove(b.id)} onSelect={bulk.select} />
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
