/**
 * The analysis's status (ui/model/model-job-status.tsx) in the Analyze panel's words: its estimate card, the answer as
 * it streams, what came before a stop.
 */
import { approxCost, int, tokenPriceText } from "../model/cost.js";
import { ModelJobStatus, type ConfirmCard, type ModelJobView } from "../model/model-job-status.js";
import { TASK_LABEL, type AnalyzeConfirm, type AnswerStream } from "./analyze-state.js";
import { PartialAnswer, StreamingAnswer } from "./answer-view.js";
import { explainAnalyzeFailure } from "./explain-analyze.js";
import type { AnalysisJob } from "./use-analysis.js";
import { agree, plural } from "../../kernel/plural.js";

function confirmCard(state: AnalyzeConfirm): ConfirmCard {
  const { estimate } = state;
  const cost = estimate.costUsd !== undefined ? approxCost(estimate.costUsd, "about") : "no price known for this model";
  const frames = state.frames.map((f) => `“${f.name}”`).join(" and ");
  const pictures = agree(state.frames.length, "picture");
  return {
    class: "analyze-confirm",
    lead: `${TASK_LABEL[state.task]} ${frames} with `,
    estimate:
      `≈ ${int(estimate.inputTokens)} input tokens (${int(estimate.imageTokens)} for ` +
      `the ${pictures}) · ≈ ${int(estimate.outputTokens)} for the answer · ${cost}`,
    prices: estimate.price ? [{ text: tokenPriceText(estimate.price), title: estimate.price.source }] : [],
    lines: [
      {
        text:
          `With the ${pictures}, the layer structure, the live text ` +
          `and ${plural(state.findings, "computed finding")}, as data.`,
      },
    ],
  };
}

const VIEW: ModelJobView<AnalyzeConfirm, AnswerStream> = {
  preparing: "Preparing the request and estimating…",
  confirm: confirmCard,
  stream: (state, { seconds, cancel }) => <StreamingAnswer state={state} seconds={seconds} onCancel={cancel} />,
  explain: explainAnalyzeFailure,
  failureClass: "analyze-error",
  cancelled: "Stopped: the request was cancelled and nothing of it was kept. Earlier answers are unchanged.",
  partial: (stream) => <PartialAnswer text={stream.text} />,
};

/** The status, brought into view whenever its phase changes (the Ask button sits below the findings). */
export function AnalyzeStatus({ job, onOpenSettings }: { job: AnalysisJob; onOpenSettings(): void }) {
  return <ModelJobStatus job={job} view={VIEW} box="analyze-status" onOpenSettings={onOpenSettings} />;
}
