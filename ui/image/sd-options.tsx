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
import { Segmented } from "../controls/segmented.js";
import { SelectMenu } from "../controls/select-menu.js";
import type { ImageForm } from "./form.js";
import { sdFrameSize, SD_MAX_COUNT, type SdFormCheck } from "./sd-form.js";

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

/**
 * The server's samplers, asked once per server while the panel shows SD's controls ([] until then, or when it does not
 * answer).
 */
export function useSdSamplers(worker: Pick<Engine, "call">, vault: ApiKeyVault, settings: Settings): string[] {
  const [lists, setLists] = useState<{ url: string; samplers: string[] } | undefined>(undefined);
  const url = settings.sdBaseUrl;
  const on = settings.imageSource === "sd";
  useEffect(() => {
    if (!on || lists?.url === url) return;
    let live = true;
    const auth = vault.revealForServer(url);
    worker.call("sd-connect", { connection: { baseUrl: url, ...(auth ? { auth } : {}) }, timeoutMs: 10_000 }).then(
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

function NumberField({
  label,
  value,
  problem,
  disabled,
  narrow = true,
  placeholder,
  onInput,
}: {
  label: string;
  value: string;
  problem: string | undefined;
  disabled: boolean;
  narrow?: boolean;
  placeholder?: string;
  onInput(value: string): void;
}) {
  return (
    <label class="field field--inline sd-field">
      <span class="field__label">{label}</span>
      <input
        class={`input${narrow ? " input--narrow" : ""}${problem ? " is-invalid" : ""}`}
        inputMode="decimal"
        aria-label={label}
        aria-invalid={problem ? "true" : undefined}
        value={value}
        placeholder={placeholder}
        disabled={disabled}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
    </label>
  );
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
  const options = [{ value: "", label: "Server's default" }, ...samplers.map((name) => ({ value: name, label: name }))];
  if (chosen && !samplers.includes(chosen)) options.push({ value: chosen, label: chosen });
  return (
    <div class="image-form__options sd-options">
      <textarea
        class="input sd-options__negative"
        rows={1}
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
          disabled={disabled}
          onInput={(steps) => onChange({ steps })}
        />
        <NumberField
          label="CFG scale"
          value={form.cfgScale}
          problem={problems.cfgScale}
          disabled={disabled}
          onInput={(cfgScale) => onChange({ cfgScale })}
        />
        <NumberField
          label="Seed"
          value={form.seed}
          problem={problems.seed}
          disabled={disabled}
          narrow={false}
          placeholder="random"
          onInput={(seed) => onChange({ seed })}
        />
      </div>
      {problems.steps || problems.cfgScale || problems.seed ? (
        <p class="field__error">{[problems.steps, problems.cfgScale, problems.seed].filter(Boolean).join(" ")}</p>
      ) : null}
      <div class="options">
        <div class="field field--inline">
          <span class="field__label">Sampler</span>
          <SelectMenu
            label="Sampler"
            value={chosen}
            options={options}
            disabled={disabled}
            onChange={(sampler) => onChange({ sampler })}
          />
        </div>
        {rows ? null : (
          <div class="field field--inline">
            <span class="field__label">Images</span>
            <Segmented
              label="Number of images"
              value={String(Math.min(form.count, SD_MAX_COUNT))}
              disabled={disabled}
              options={Array.from({ length: SD_MAX_COUNT }, (_, i) => ({ value: String(i + 1), label: String(i + 1) }))}
              onChange={(n) => onChange({ count: Number(n) })}
            />
          </div>
        )}
      </div>
      <div class="options sd-reference">
        <label
          class="checkbox"
          title={
            frame
              ? `Start ${rows ? "every image " : ""}from “${frame.name}”'s picture (img2img)`
              : "Select a frame to start from its picture"
          }
        >
          <input
            type="checkbox"
            checked={form.useReference && frame !== undefined}
            disabled={disabled || !frame}
            onChange={(e) => onChange({ useReference: e.currentTarget.checked })}
          />{" "}
          Use selection as reference
        </label>
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
