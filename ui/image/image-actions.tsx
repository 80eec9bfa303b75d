/**
 * What to do with the version on show: Insert it as a new layer, fill the selected shapes with it (FILL or
 * FIT), or replace the image of the selected Figment image. Each button says why when it is off.
 */
import { useState } from "preact/hooks";
import type { FillMode } from "../../contract/image.js";
import { Segmented } from "../controls/segmented.js";
import { Checkbox } from "../controls/fields.js";

export interface ImageActionsProps {
  /** Why each action is off (undefined: on). */
  blockers: { insert?: string; fill?: string; replace?: string };
  busy: boolean;
  /** The one selected frame Insert may place the image into. */
  frame: { name: string } | undefined;
  onInsert(into: boolean): void;
  onFill(mode: FillMode): void;
  onReplace(): void;
}

export function ImageActions({ blockers, busy, frame, onInsert, onFill, onReplace }: ImageActionsProps) {
  const [mode, setMode] = useState<FillMode>("FILL");
  const [into, setInto] = useState(false);
  const inside = into && frame !== undefined;
  return (
    <div class="image-actions">
      <span class="image-actions__insert">
        <button
          type="button"
          class="button button--primary"
          disabled={busy || blockers.insert !== undefined}
          title={
            blockers.insert ??
            (inside
              ? `Place it inside “${frame.name}”, scaled to fit its width`
              : "Place it as a new layer at its size, beside the selection (or in the middle of the view)")
          }
          onClick={() => onInsert(inside)}
        >
          Insert
        </button>
        {frame ? (
          <Checkbox
            title={`Place it inside “${frame.name}”, scaled to fit its width`}
            checked={into}
            disabled={busy}
            onCheck={setInto}
          >
            into frame
          </Checkbox>
        ) : null}
      </span>
      <span class="image-actions__fill">
        <button
          type="button"
          class="button button--secondary"
          disabled={busy || blockers.fill !== undefined}
          title={blockers.fill ?? "Put it into the selected shapes' fills, keeping their size"}
          onClick={() => onFill(mode)}
        >
          Fill selection
        </button>
        <Segmented<FillMode>
          label="How the image fills the shape"
          value={mode}
          disabled={busy || blockers.fill !== undefined}
          options={[
            { value: "FILL", label: "Fill", title: "Cover the shape, cropping what sticks out" },
            { value: "FIT", label: "Fit", title: "Show the whole image inside the shape" },
          ]}
          onChange={(value) => setMode(value)}
        />
      </span>
      <button
        type="button"
        class="button button--secondary"
        disabled={busy || blockers.replace !== undefined}
        title={blockers.replace ?? "Swap the selected Figment image for this version"}
        onClick={onReplace}
      >
        Replace
      </button>
    </div>
  );
}
