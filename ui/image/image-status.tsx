/**
 * The image job's status (ui/model/model-job-status.tsx) in the image panel's words: its estimate card, the partial
 * images as they stream.
 */
import { ModelJobStatus, type ConfirmCard, type ModelJobView } from "../model/model-job-status.js";
import { explainImageFailure } from "./explain-image.js";
import { imageEstimateText, imagePriceLines } from "./estimate-text.js";
import type { ImageJob } from "./image-job.js";
import type { ImageConfirm, Streaming } from "./image-state.js";
import type { PartialPainter } from "./painter.js";
import { StreamView } from "./stream-view.js";

function confirmCard(state: ImageConfirm): ConfirmCard {
  const { to } = state;
  const what = [
    state.refining !== undefined ? `Refining v${state.refining}: “${state.prompt}”` : "",
    state.render !== undefined
      ? `Rendering “${state.render}” in the look “${state.prompt}”, its layout kept; placed beside it at its size`
      : "",
    state.render === undefined && state.references.length > 0
      ? `With ${state.references.length === 1 ? `“${state.references[0]}”` : `${state.references.length} frames`} ` +
        `as the reference${state.withHint ? " (its picture and layer structure)" : ""}`
      : "",
  ].filter(Boolean);
  return {
    class: "image-confirm",
    lead: "Send to ",
    after: to.api === "responses" ? ` (draws with ${to.imageModel})` : "",
    estimate: imageEstimateText(state.estimate, to.imageModel),
    prices: imagePriceLines(state.estimate, to.model, to.imageModel),
    lines: what.map((text) => ({ text })),
    notes: state.notes,
  };
}

function viewWith(painter: PartialPainter): ModelJobView<ImageConfirm, Streaming> {
  return {
    preparing: "Checking the request and estimating…",
    confirm: confirmCard,
    stream: (state, { seconds }) => <StreamView state={state} painter={painter} seconds={seconds} />,
    explain: explainImageFailure,
    failureClass: "image-error",
    cancelled: "Stopped: nothing from that request was kept. Earlier versions are unchanged.",
  };
}

/**
 * The status, scrolled into view whenever its phase changes: Refine is asked for at the bottom, the estimate shows at
 * the top.
 */
export function ImageStatus({ job, onOpenSettings }: { job: ImageJob; onOpenSettings(): void }) {
  return <ModelJobStatus job={job} view={viewWith(job.painter)} box="image-status" onOpenSettings={onOpenSettings} />;
}
