/**
 * "Fill from selection" as data: its phases, what a failure was, and how the panel says it — model failures
 * in the panels' shared words (ui/model/explain-model.ts), the rest in this feature's. Pure.
 */
import { explainModelFailure, type Explanation } from "../../../model/explain-model.js";
import type { ModelJobFailure } from "../../../model/job-state.js";

/**
 * The panels' one failure (ui/model/job-state.ts), whose `check` here is the model's rows that do not fit the
 * table (a value outside a column's choices…); and `input`: nothing to send (no text in the selection, no named
 * columns).
 */
export type FillFailure = ModelJobFailure | { kind: "input"; message: string };

export type FillState =
  | { phase: "idle" }
  | { phase: "reading" }
  | { phase: "asking"; texts: number }
  | { phase: "done"; notes: string; rows: number; texts: number }
  | { phase: "failed"; failure: FillFailure };

export function explainFill(failure: FillFailure): Explanation {
  switch (failure.kind) {
    case "model":
      return explainModelFailure(failure.message, failure.model);
    case "check":
      return {
        title: "The model's rows don't fit the table",
        detail: failure.message,
        hint: "Try again, or loosen the column's allowed values; the table was left as it was.",
        action: "retry",
      };
    case "input":
      return { title: "Nothing to fill the table from", detail: failure.message };
    case "main":
      return failure.code === "empty-selection"
        ? {
            title: "Select a frame with text",
            detail: failure.message,
            hint: "The model reads the selected frame's texts to fill the table.",
          }
        : {
            title: "Figma could not export the selection",
            detail: `${failure.message} (${failure.code})`,
            action: "retry",
          };
    case "worker":
      return {
        title: "Filling the table failed in the panel",
        detail: failure.message,
        hint: "Try again; the worker restarts if it crashed.",
        action: "retry",
      };
  }
}
