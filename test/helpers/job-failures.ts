/** A model request's failure as the panels' jobs hold it (ui/model/job-state.ts), for the tests of their words. */
import type { ModelFailureData } from "../../ui/engine/protocol/common.js";
import type { ModelJobFailure } from "../../ui/model/job-state.js";

export const modelFailure = (model: ModelFailureData, message = "m"): ModelJobFailure => ({
  kind: "model",
  message,
  model,
  at: 0,
});
