/**
 * Size: presets for common frame shapes, the selected frame's shape, a custom W×H, or auto. A size the model
 * does not take is said under the control before anything is sent, with a size that would do one click away.
 */
import type { ImageSize } from "../../ai/image/options.js";
import type { SelectedNode } from "../../contract/messages.js";
import { SelectMenu } from "../controls/select-menu.js";
import { sizeOptions, type ImageForm, type SizeKey } from "./form.js";

export interface SizeFieldProps {
  form: ImageForm;
  frame: SelectedNode | undefined;
  imageModel: string;
  problem: string | undefined;
  suggestion: ImageSize | undefined;
  disabled: boolean;
  onChange(patch: Partial<ImageForm>): void;
}

export function SizeField({ form, frame, imageModel, problem, suggestion, disabled, onChange }: SizeFieldProps) {
  const options = sizeOptions(frame, imageModel);
  // The frame's shape with nothing selected falls back to the custom boxes, which keep their numbers.
  const value = options.some((o) => o.key === form.sizeKey) ? form.sizeKey : "custom";
  return (
    <div class="image-size">
      <div class="field field--inline">
        <span class="field__label">Size</span>
        <SelectMenu<SizeKey>
          label="Size"
          class="image-size__menu"
          value={value}
          disabled={disabled}
          options={options.map((o) => ({ value: o.key, label: o.label, hint: o.hint }))}
          onChange={(sizeKey) => onChange({ sizeKey })}
        />
      </div>
      {value === "custom" ? (
        <div class="image-size__custom">
          <input
            class={`input input--narrow${problem ? " is-invalid" : ""}`}
            inputMode="numeric"
            aria-label="Width in pixels"
            value={form.customWidth}
            disabled={disabled}
            onInput={(e) => onChange({ customWidth: e.currentTarget.value })}
          />
          <span aria-hidden="true">×</span>
          <input
            class={`input input--narrow${problem ? " is-invalid" : ""}`}
            inputMode="numeric"
            aria-label="Height in pixels"
            value={form.customHeight}
            disabled={disabled}
            onInput={(e) => onChange({ customHeight: e.currentTarget.value })}
          />
          <span class="muted">px</span>
        </div>
      ) : null}
      {problem ? (
        <p class="field__error image-size__problem" role="alert">
          {problem}{" "}
          {suggestion ? (
            <button
              type="button"
              class="link-button"
              onClick={() =>
                onChange({
                  sizeKey: "custom",
                  customWidth: String(suggestion.width),
                  customHeight: String(suggestion.height),
                })
              }
            >
              Use {suggestion.width}×{suggestion.height}
            </button>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}
