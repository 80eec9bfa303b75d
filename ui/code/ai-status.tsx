/** The AI job's progress: export, estimate before sending, the streamed answer, and errors with a next step. */
import type { Estimate } from "../../ai/estimate/estimate.js";
import type { AiJob } from "./ai-job.js";
import type { AiConfirm, Streaming } from "./ai-state.js";
import { approxCost, int, tokenPriceText } from "../model/cost.js";
import { ModelJobStatus, StreamStatus, type ConfirmCard, type ModelJobView } from "../model/model-job-status.js";
import { explainAiFailure } from "./explain.js";
import { layersNow } from "./layers/layers-loader.js";
import { agree, plural } from "../../kernel/plural.js";
import { loadedLayers } from "./layers/layers-loader.js";

export { formatCost } from "../model/cost.js";

/** "≈ 3,120 input tokens (765 for the image) · ≈ 1,900 output · ≈ $0.021", always labelled an estimate. */
export function estimateText(estimate: Estimate, model: string, pictures = "the image"): string {
  const image = estimate.imageTokens > 0 ? ` (${int(estimate.imageTokens)} for ${pictures})` : "";
  const output = estimate.outputTokens > 0 ? ` · ≈ ${int(estimate.outputTokens)} output` : "";
  const cost = estimate.costUsd === undefined ? ` · no price known for ${model}` : ` · ${approxCost(estimate.costUsd)}`;
  return `≈ ${int(estimate.inputTokens)} input tokens${image}${output}${cost}`;
}

/** Where the estimate's price comes from: "Price: $8 in · $15 out per 1M tokens, from openrouter.ai, 2026-04-23". */
export function priceText(estimate: Estimate): string | undefined {
  return estimate.price ? tokenPriceText(estimate.price) : undefined;
}

const STAGE_TEXT = {
  connecting: "Waiting for the model…",
  writing: "The model is writing…",
  checking: "Checking and formatting the files…",
  repairing: "Asking the model to fix what the check found…",
  measuring: "Measuring the fix against the design…",
} as const;

const streamLead = (state: Streaming): string =>
  state.fixing !== undefined
    ? `Fixing the differences of turn ${state.fixing} — `
    : state.refining
      ? `Refining: “${state.refining}” — `
      : "";

/** The answer as it streams; Cancel is the panel's head button, as for the offline job. */
function StreamedFiles({ state, seconds }: { state: Streaming; seconds: number }) {
  const done = state.files.filter((f) => f?.done).length;
  const part = state.sections && layersNow();
  if (part) return <part.SectionsStatus state={state} seconds={seconds} />;
  return (
    <StreamStatus
      class="ai-stream"
      stage={state.stage}
      title={`${streamLead(state)}${STAGE_TEXT[state.stage]}`}
      seconds={seconds}
      progressLabel="Model progress"
    >
      {state.notes ? <p class="ai-stream__notes">{state.notes}</p> : null}
      {state.files.length > 0 ? (
        <ul class="ai-stream__files" aria-label="Files so far">
          {state.files.map((file, index) =>
            file ? (
              <li key={index} class={file.done ? "is-done" : "is-writing"}>
                <span aria-hidden="true">{file.done ? "✓" : "…"}</span> <code>{file.path}</code>
              </li>
            ) : null,
          )}
        </ul>
      ) : null}
      {state.files.length > 0 ? (
        <p class="muted">
          {done} of {state.files.length} files complete
        </p>
      ) : null}
    </StreamStatus>
  );
}

function confirmCard(state: AiConfirm): ConfirmCard {
  const price = priceText(state.estimate);
  const fix = state.fix;
  if (fix) {
    // A correction round (fix-round.ts has the words).
    return {
      lead: fix.lead,
      estimate: estimateText(state.estimate, state.to.model, "the pictures"),
      prices: price ? [{ text: price, title: state.estimate.price?.source }] : [],
      lines: [{ text: fix.words, title: fix.why }],
      notes: [fix.note],
    };
  }
  if (state.page)
    return {
      lead: "Design a page with ",
      estimate: estimateText(state.estimate, state.to.model),
      prices: price ? [{ text: price, title: state.estimate.price?.source }] : [],
      lines: [{ text: `Brief: “${state.instructions}”`, title: state.instructions }],
      notes: [
        state.page.designSystem
          ? "The file's variables and fonts go with it, as the design system to use."
          : "No design system goes with it: this file has no variables or fonts to send.",
      ],
    };
  const withText = [
    state.instructions ? `With your instructions: “${state.instructions}”` : "",
    state.draft ? "starting from the offline draft" : "",
  ]
    .filter(Boolean)
    .join(" · ");
  return {
    lead: `Send “${state.frame.name}” to `,
    estimate: estimateText(state.estimate, state.to.model),
    prices: price ? [{ text: price, title: state.estimate.price?.source }] : [],
    lines: withText ? [{ text: withText, title: state.instructions || undefined }] : [],
    notes: [
      ...(state.lines ?? []),
      ...(state.others > 0
        ? [
            `The model works on one frame at a time: the other ` +
              `${plural(state.others, "selected frame")} ${agree(state.others, "is", "are")} not sent.`,
          ]
        : []),
      ...(state.hasImage ? [] : ["The frame image could not be read, so only the structure is sent."]),
    ],
  };
}

const VIEW: ModelJobView<AiConfirm, Streaming> = {
  preparing: "Preparing the request…",
  confirm: confirmCard,
  stream: (state, { seconds }) => {
    // "Ask me first": the layers part's, loaded by the send that asks (clarify-flow.ts).
    const Asking = state.asking && loadedLayers()?.ClarifyStatus;
    return Asking ? <Asking state={state} seconds={seconds} /> : <StreamedFiles state={state} seconds={seconds} />;
  },
  explain: explainAiFailure,
  failureClass: "ai-error",
  cancelled: "The request was stopped; earlier turns are kept.",
  partial: (state) => {
    const part = state.sections && layersNow();
    return part ? <part.KeptSections state={state} /> : null;
  },
};

export function AiStatus({ job, onOpenSettings }: { job: AiJob; onOpenSettings(): void }) {
  return <ModelJobStatus job={job} view={VIEW} onOpenSettings={onOpenSettings} />;
}
