/** The batches waiting at the Batch API: each one's status, and its results inserted when done. */
import type { BatchViewProps } from "../view-props.js";

export function PendingView(_props: BatchViewProps) {
  return null;
}
