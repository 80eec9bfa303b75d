/**
 * A request while it runs: the reasoning (Reason first) streaming as text above the images, then one slot per
 * image where each partial image replaces the one before (painted by the PartialPainter, not by a render).
 */
import { useMemo } from "preact/hooks";
import { StreamStatus } from "../model/model-job-status.js";
import type { Streaming } from "./image-state.js";
import { SLOT_DRAWING_SIDE, type PartialPainter } from "./painter.js";
import { usageText } from "./estimate-text.js";

/** The canvas's size before the first pixels: the painter's drawing size for the shape asked for. */
function slotSize(aspect: number): { width: number; height: number } {
  const side = SLOT_DRAWING_SIDE;
  return aspect >= 1
    ? { width: side, height: Math.round(side / aspect) }
    : { width: Math.round(side * aspect), height: side };
}

function slotText(partials: number, done: boolean, preview: boolean): string {
  if (done) return "Done";
  return partials === 0
    ? "Waiting for the first pixels…"
    : preview
      ? `Preview ${partials}`
      : `Partial image ${partials}`;
}

/** A local SD server's run in words: its step and ETA, or that Cancel is waiting for what it made. */
function sdTitle(sd: NonNullable<Streaming["sd"]>, host: string): string {
  if (sd.stopping) return `Stopping: waiting for the images ${host} has made…`;
  const progress = sd.progress;
  if (!progress || progress.steps === 0) return `Waiting for ${host}…`;
  const eta = progress.etaSeconds > 0 ? ` · about ${Math.max(1, Math.round(progress.etaSeconds))} s left` : "";
  return `Step ${progress.step} of ${progress.steps}${eta}`;
}

/** `seconds`: since the request went (the model job's clock). */
export function StreamView({
  state,
  painter,
  seconds,
}: {
  state: Streaming;
  painter: PartialPainter;
  seconds: number;
}) {
  const started = state.slots.some((s) => s.partials > 0 || s.done);
  const drawing = state.sd
    ? sdTitle(state.sd, state.to.host)
    : state.reasoning && !started
      ? `${state.to.model} is reasoning…`
      : started
        ? "Drawing…"
        : "Waiting for the model…";
  const used = usageText(state.usage, undefined);
  // One ref callback per slot for the request's life: a new function each render would detach and redraw.
  const refs = useMemo(
    () => state.slots.map((_, index) => (canvas: HTMLCanvasElement | null) => painter.attach(index, canvas)),
    [painter, state.slots.length],
  );
  return (
    <StreamStatus
      class="image-stream"
      title={`${state.refining !== undefined ? `Refining v${state.refining}: “${state.prompt}” — ` : ""}${drawing}`}
      seconds={seconds}
      progressLabel="Image progress"
      {...(state.sd?.progress ? { progress: state.sd.progress.fraction } : {})}
    >
      {state.reasoning ? <p class="image-stream__reasoning">{state.reasoning}</p> : null}
      <div class={`image-slots image-slots--${state.slots.length}${state.sd ? " image-slots--previews" : ""}`}>
        {state.slots.map((slot, index) => (
          <figure key={index} class={`image-slot${slot.partials > 0 || slot.done ? " has-pixels" : ""}`}>
            <canvas
              class="image-slot__canvas"
              {...slotSize(state.aspect)}
              ref={refs[index]}
              aria-label={`Image ${index + 1}: ${slotText(slot.partials, slot.done, state.sd !== undefined)}`}
              data-partials={slot.partials}
            />
            <figcaption class="image-slot__caption">
              {slotText(slot.partials, slot.done, state.sd !== undefined)}
            </figcaption>
          </figure>
        ))}
      </div>
      {state.message ? <p class="image-stream__message">{state.message}</p> : null}
      {used ? <p class="muted">{used} so far</p> : null}
    </StreamStatus>
  );
}
