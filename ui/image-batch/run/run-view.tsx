/** A batch run on screen: a tile per item with its progress, result, error and Retry; Cancel; Accept first. */
import type { BatchViewProps } from "../view-props.js";

export function RunView(_props: BatchViewProps) {
  return null;
}
