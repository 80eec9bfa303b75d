/**
 * One item's tile: queued, drawing (its partial image when one came), done (the image, and whether it is
 * in the grid), failed (the specific reason and Retry) or cancelled (Retry). The first image of an
 * "accept first" run spans the row and asks whether it is the style for the rest.
 */
import { explainImageFailure } from "../../explain-image.js";
import { useObjectUrl } from "../../../lib/object-url.js";
import type { PlanItem } from "../plan.js";
import type { Placement, RunItem } from "./run-state.js";
import { SmallButton } from "../../../controls/small-button.js";

export interface RunTileProps {
  run: RunItem;
  item: PlanItem;
  /** Width / height of the images asked for (1 for auto), so a tile has its shape before any pixel. */
  aspect: number;
  /** The rest wait for this first image: offer to accept it or draw it again. */
  asking: boolean;
  /** The rest wait for the first to be accepted. */
  waiting: boolean;
  onRetry(): void;
  onAccept(): void;
  onRedo(): void;
}

const STATUS: Record<RunItem["status"], string> = {
  queued: "Queued",
  drawing: "Drawing…",
  done: "Done",
  failed: "Failed",
  cancelled: "Cancelled",
};

function placementText(
  placement: Placement | undefined,
  notKept: string | undefined,
): { text: string; bad: boolean } | undefined {
  if (notKept) return { text: `Not kept after closing: ${notKept}`, bad: true };
  if (!placement) return undefined;
  if (placement.state === "placing") return { text: "placing…", bad: false };
  if (placement.state === "placed") return { text: "in the grid", bad: false };
  return {
    text: placement.code === "not-found" ? "Not placed: the grid was deleted" : `Not placed: ${placement.message}`,
    bad: true,
  };
}

export function RunTile({ run, item, aspect, asking, waiting, onRetry, onAccept, onRedo }: RunTileProps) {
  const url = useObjectUrl(run.version?.bytes ?? run.partial);
  const explanation = run.failure ? explainImageFailure(run.failure) : undefined;
  const note = placementText(run.placement, run.notKept);
  const status = run.status === "queued" && waiting ? "Waits until you accept the first image" : STATUS[run.status];
  return (
    <li
      class={`rows-tile rows-tile--${run.status}${asking ? " rows-tile--asking" : ""}`}
      aria-label={`${item.stem}: ${status}`}
    >
      <div class="rows-tile__art" style={{ aspectRatio: String(aspect) }} title={item.prompt}>
        {url ? (
          <img
            src={url}
            alt={item.stem}
            draggable={false}
            class={run.status === "drawing" ? "rows-tile__partial" : undefined}
          />
        ) : null}
        {run.status === "drawing" ? (
          <progress class="progress rows-tile__progress" aria-label={`Drawing ${item.stem}`} />
        ) : null}
        {explanation ? (
          <div
            class="rows-tile__failure"
            title={[explanation.title, explanation.detail, explanation.hint].filter(Boolean).join("\n")}
          >
            <p class="rows-tile__reason">{explanation.title}</p>
            {explanation.detail ? <p class="rows-tile__detail">{explanation.detail}</p> : null}
          </div>
        ) : null}
      </div>
      <div class="rows-tile__body">
        <p class="rows-tile__stem one-line" title={item.stem}>
          {item.stem}
        </p>
        <p class="rows-tile__status">{note && !note.bad ? `${status} · ${note.text}` : status}</p>
        {note?.bad ? <p class="rows-tile__note">{note.text}</p> : null}
        {asking ? (
          <div class="rows-tile__ask">
            <p>Use this image as the style for the other images?</p>
            <button type="button" class="button button--primary" onClick={onAccept}>
              Use as the style for the rest
            </button>
            <button type="button" class="button button--secondary" onClick={onRedo}>
              Try again
            </button>
          </div>
        ) : null}
        {run.status === "failed" || run.status === "cancelled" ? (
          <SmallButton class="rows-tile__retry" onClick={onRetry} aria-label={`Retry ${item.stem}`}>
            Retry
          </SmallButton>
        ) : null}
      </div>
    </li>
  );
}
