/**
 * What to do with the version on show: Insert it as a new layer, fill the selected shapes with it (FILL or
 * FIT), or replace the image of the selected Figment image. Each button says why when it is off.
 */
import { useState } from "preact/hooks";
import { Segmented } from "../components/segmented.js";

export type FillMode = "FILL" | "FIT";

export interface ImageActionsProps {
  /** Why each action is off (undefined: on). */
  blockers: { insert?: string; fill?: string; replace?: string };
  busy: boolean;
  onInsert(): void;
  onFill(mode: FillMode): void;
  onReplace(): void;
}

export function ImageActions({ blockers, busy, onInsert, onFill, onReplace }: ImageActionsProps) {
  const [mode, setMode] = useState<FillMode>("FILL");
  return (
    <div class="image-actions">
      <button type="button" class="button button--primary" disabled={busy || blockers.insert !== undefined} title={blockers.insert ?? "Place it as a new layer, at its size, next to the selection"} onClick={onInsert}>
        Insert
      </button>
      <span class="image-actions__fill">
        <button type="button" class="button button--secondary" disabled={busy || blockers.fill !== undefined} title={blockers.fill ?? "Put it into the selected shapes' fills, keeping their size"} onClick={() => onFill(mode)}>
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
      <button type="button" class="button button--secondary" disabled={busy || blockers.replace !== undefined} title={blockers.replace ?? "Swap the selected Figment image for this version"} onClick={onReplace}>
        Replace
      </button>
    </div>
  );
}
