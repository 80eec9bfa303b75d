/**
 * The Image panel's controls for a local Stable Diffusion server: negative prompt, size on SD's 8-px grid (or the
 * selection's shape), steps, CFG scale, sampler (the server's list), seed (blank = random), how many images (not
 * in Rows: one per row), and with the selection as reference (img2img) its strength. Each problem shows under
 * its control.
 */
import { useEffect, useState } from "preact/hooks";
import type { SelectedNode } from "../../contract/messages.js";
import type { Settings } from "../../contract/settings.js";
import type { Engine } from "../engine/engine.js";
import type { ApiKeyVault } from "../model/api-key.js";
import { TextArea } from "../controls/text-area.js";
import { TextField, type TextFieldProps } from "../controls/text-field.js";
import type { ImageForm } from "./form.js";
import { sdFrameSize, SD_MAX_COUNT, type SdFormCheck } from "./sd-form.js";
import { Checkbox, ChoiceField } from "../controls/fields.js";
import { WorkflowField } from "./workflow-field.js";
import { isLocalSource } from "./sd-connection.js";
import { sdConnection } from "./sd-connection.js";

export interface SdOptionsProps {
  form: ImageForm;
  check: SdFormCheck;
  frame: SelectedNode | undefined;
  settings: Settings;
  samplers: string[];
  disabled: boolean;
  /**
   * The Rows mode's options: one image per row (or grid cell), as the CLI's rows draw them, so no count; the
   * selection, as the reference, is every image's starting picture.
   */
  rows?: boolean;
  onChange(patch: Partial<ImageForm>): void;
}

/** 1 to SD_MAX_COUNT images a run. */
const SD_COUNTS = Array.from({ length: SD_MAX_COUNT }, (_, i) => ({ value: String(i + 1), label: String(i + 1) }));
/**
 * The server's samplers, asked once per server while the panel shows SD's controls ([] until then, or when it does not
 * answer).
 */
export function useSdSamplers(worker: Pick<Engine, "call">, vault: ApiKeyVault, settings: Settings): string[] {
  const [lists, setLists] = useState<{ url: string; samplers: string[] } | undefined>(undefined);
  // Asked again when the server or its kind changes.
  const url = `${settings.imageSource} ${settings.sdBaseUrl}`;
  const on = isLocalSource(settings.imageSource);
  useEffect(() => {
    if (!on || lists?.url === url) return;
    let live = true;
    worker.call("sd-connect", { connection: sdConnection(settings, vault), timeoutMs: 10_000 }).then(
      (reply) => live && setLists({ url, samplers: reply.samplers }),
      // A server that does not answer yet: Generate says why, with its next step.
      () => live && setLists({ url, samplers: [] }),
    );
    return () => {
      live = false;
    };
  }, [on, url]);
  return lists?.url === url ? lists.samplers : [];
}

/** A number of the run's (steps, CFG scale, seed) on the options' row; its problem is said under the row. */
function NumberField({ narrow = true, ...field }: TextFieldProps) {
  return <TextField inline="sd-field" narrow={narrow} inputMode="decimal" aria-label={field.label} {...field} />;
}

export function SdOptions({
  form,
  check,
  frame,
  settings,
  samplers,
  disabled,
  rows = false,
  onChange,
}: SdOptionsProps) {
  const { problems, suggestion } = check;
  const chosen = form.sampler || settings.sdSampler;
  // A ComfyUI workflow file keeps its own steps, CFG and sampler (only its placeholders are filled): not offered.
  const ownSettings = settings.imageSource === "comfyui" && form.workflow !== undefined;
  const options = [{ value: "", label: "Server's default" }, ...samplers.map((name) => ({ value: name, label: name }))];
  if (chosen && !samplers.includes(chosen)) options.push({ value: chosen, label: chosen });
  return (
    <div class="image-form__options sd-options">
      <TextArea
        class="input sd-options__negative"
        aria-label="Negative prompt"
        placeholder="Negative prompt: what the image must not show"
        value={form.negativePrompt}
        disabled={disabled}
        onInput={(e) => onChange({ negativePrompt: e.currentTarget.value })}
      />
      <div class="options">
        <div class="field field--inline">
          <span class="field__label">Size</span>
          <span class="image-size__custom sd-size">
            <input
              class={`input input--narrow${problems.size ? " is-invalid" : ""}`}
              inputMode="numeric"
              aria-label="Width in pixels"
              value={form.sdWidth}
              disabled={disabled}
              onInput={(e) => onChange({ sdWidth: e.currentTarget.value })}
            />
            <span aria-hidden="true">×</span>
            <input
              class={`input input--narrow${problems.size ? " is-invalid" : ""}`}
              inputMode="numeric"
              aria-label="Height in pixels"
              value={form.sdHeight}
              disabled={disabled}
              onInput={(e) => onChange({ sdHeight: e.currentTarget.value })}
            />
          </span>
        </div>
        {frame ? (
          <button
            type="button"
            class="link-button"
            disabled={disabled}
            title={`${frame.name}'s shape, its long side 768 px`}
            onClick={() => {
              const size = sdFrameSize(frame);
              onChange({ sdWidth: String(size.width), sdHeight: String(size.height) });
            }}
          >
            Selection's shape
          </button>
        ) : null}
      </div>
      {problems.size ? (
        <p class="field__error image-size__problem" role="alert">
          {problems.size}{" "}
          {suggestion ? (
            <button
              type="button"
              class="link-button"
              onClick={() => onChange({ sdWidth: String(suggestion.width), sdHeight: String(suggestion.height) })}
            >
              Use {suggestion.width}×{suggestion.height}
            </button>
          ) : null}
        </p>
      ) : null}
      <div class="options">
        <NumberField
          label="Steps"
          value={form.steps}
          problem={problems.steps}
          disabled={disabled || ownSettings}
          onText={(steps) => onChange({ steps })}
        />
        <NumberField
          label="CFG scale"
          value={form.cfgScale}
          problem={problems.cfgScale}
          disabled={disabled || ownSettings}
          onText={(cfgScale) => onChange({ cfgScale })}
        />
        <NumberField
          label="Seed"
          value={form.seed}
          problem={problems.seed}
          disabled={disabled}
          narrow={false}
          placeholder="random"
          onText={(seed) => onChange({ seed })}
        />
      </div>
      {problems.steps || problems.cfgScale || problems.seed ? (
        <p class="field__error">{[problems.steps, problems.cfgScale, problems.seed].filter(Boolean).join(" ")}</p>
      ) : null}
      <div class="options">
        <ChoiceField
          label="Sampler"
          menu
          value={chosen}
          options={options}
          disabled={disabled || ownSettings}
          onChange={(sampler) => onChange({ sampler })}
        />
        {rows ? null : (
          <ChoiceField
            label="Images"
            name="Number of images"
            value={String(Math.min(form.count, SD_MAX_COUNT))}
            disabled={disabled}
            options={SD_COUNTS}
            onChange={(n) => onChange({ count: Number(n) })}
          />
        )}
      </div>
      {settings.imageSource === "comfyui" ? (
        <WorkflowField workflow={form.workflow} disabled={disabled} onChange={(workflow) => onChange({ workflow })} />
      ) : null}
      <div class="options sd-reference">
        <Checkbox
          title={
            frame
              ? `Start ${rows ? "every image " : ""}from “${frame.name}”'s picture (img2img)`
              : "Select a frame to start from its picture"
          }
          checked={form.useReference && frame !== undefined}
          disabled={disabled || !frame}
          onCheck={(useReference) => onChange({ useReference })}
        >
          Use selection as reference
        </Checkbox>
        {form.useReference && frame ? (
          <label
            class="field field--inline sd-strength"
            title="How much of the selection is repainted: 0 keeps it, 1 ignores it (denoising strength)"
          >
            <span class="field__label">Strength</span>
            <input
              type="range"
              min={0}
              max={1}
              step={0.05}
              aria-label="Strength"
              value={form.strength}
              disabled={disabled}
              onInput={(e) => onChange({ strength: Number(e.currentTarget.value) })}
            />
            <output class="muted">{form.strength.toFixed(2)}</output>
          </label>
        ) : null}
      </div>
    </div>
  );
}
