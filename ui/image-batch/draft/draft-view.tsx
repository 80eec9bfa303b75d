/** The batch draft on screen: style spec, rows, template and rules, then the computed prompt of every row. */
import type { BatchViewProps } from "../view-props.js";

export function DraftView(_props: BatchViewProps) {
  return <p class="hint muted">Batch draft</p>;
}
