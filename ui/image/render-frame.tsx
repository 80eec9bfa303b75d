/**
 * "Render this frame", offered while one frame is selected: the prompt above says the look, the frame gives the
 * layout. On a local SD server the ControlNet unit (canny / lineart / scribble) and its strength are chosen here
 * (shown as "Weight", A1111's word, so it is not taken for img2img's Strength).
 */
import type { SdControlType } from "../../ai/sdnext/index.js";
import type { ImageForm } from "./form.js";
import type { RenderTarget } from "./render-request.js";
import { ChoiceField } from "../controls/fields.js";
import { choicesOf } from "../controls/choices.js";

export const CONTROL_TYPES: { value: SdControlType; label: string; title: string }[] = [
  {
    value: "canny",
    label: "Canny",
    title: "Edges found in the frame's picture: keeps outlines and text shapes closely",
  },
  { value: "lineart", label: "Lineart", title: "The frame read as line art (black lines on white): suits wireframes" },
  { value: "scribble", label: "Scribble", title: "The frame as a rough sketch: keeps the layout, freer in detail" },
];

export interface RenderFrameProps {
  frame: RenderTarget;
  form: ImageForm;
  /** A local SD server draws: its ControlNet options show. */
  local: boolean;
  /** Why Render is off (undefined: on). */
  blocked: string | undefined;
  busy: boolean;
  onChange(patch: Partial<ImageForm>): void;
  onRender(): void;
}

export function RenderFrame({ frame, form, local, blocked, busy, onChange, onRender }: RenderFrameProps) {
  const size = `${Math.round(frame.width)}×${Math.round(frame.height)}`;
  const how = local
    ? "the SD server's ControlNet keeps its layout"
    : "the model keeps its layout (an edit of its picture)";
  return (
    <section class="render-frame" aria-label="Render this frame">
      <div class="render-frame__row">
        <span
          class="muted render-frame__what one-line"
          title={`“${frame.name}” (${size}) drawn as the prompt describes: ${how}. Placed beside it at its size.`}
        >
          “{frame.name}” {size}, layout kept
        </span>
        <button
          type="button"
          class="button button--secondary"
          disabled={busy || blocked !== undefined}
          title={
            blocked ??
            `Render “${frame.name}” in the look the prompt describes, keeping its layout, and place it beside the frame`
          }
          onClick={onRender}
        >
          Render this frame
        </button>
      </div>
      {local ? (
        <div class="options render-frame__control">
          <ChoiceField
            label="Control"
            name="Control type"
            {...choicesOf(form, onChange, busy)("controlType", CONTROL_TYPES)}
          />
          <label
            class="field field--inline sd-strength"
            title={
              "The ControlNet unit's strength: how strongly the frame's " +
              "structure steers the render, 0 ignores it, 2 holds it tightly"
            }
          >
            <span class="field__label">Weight</span>
            <input
              type="range"
              min={0}
              max={2}
              step={0.05}
              aria-label="Control weight"
              value={form.controlStrength}
              disabled={busy}
              onInput={(e) => onChange({ controlStrength: Number(e.currentTarget.value) })}
            />
            <output class="muted">{form.controlStrength.toFixed(2)}</output>
          </label>
        </div>
      ) : null}
    </section>
  );
}
