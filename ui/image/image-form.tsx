/**
 * The Generate image form: the prompt, then size, quality and count, "Use selection as reference" and
 * "Reason first", checked as they change; Generate image (or Cancel while a request runs). Without a key
 * for the endpoint it says so and links to Settings. Once versions exist the options fold behind a toggle.
 */
import { useState } from "preact/hooks";
import { MAX_IMAGES, type ImageQuality } from "../../ai/image/options.js";
import type { SelectionSummary } from "../../contract/messages.js";
import type { Settings } from "../../contract/settings.js";
import { OptionsIcon } from "../controls/icons.js";
import { TextArea } from "../controls/text-area.js";
import { KeyNeeded } from "../model/key-needed.js";
import type { FormCheck, ImageForm as Form } from "./form.js";
import { canReasonFirst, type ImageRoute } from "../../ai/image/route.js";
import { SizeField } from "./size-field.js";
import { SdOptions } from "./sd-options.js";
import type { SdFormCheck } from "./sd-form.js";
import { Checkbox, ChoiceField } from "../controls/fields.js";
import { choicesOf } from "../controls/choices.js";

export interface ImageFormProps {
  form: Form;
  check: FormCheck;
  route: ImageRoute;
  selection: SelectionSummary;
  settings: Settings;
  hasKey: boolean;
  busy: boolean;
  /** Versions exist: the options fold behind a toggle. */
  compact: boolean;
  onChange(patch: Partial<Form>): void;
  onGenerate(): void;
  onCancel(): void;
  onOpenSettings(): void;
  /**
   * A local SD server draws (Settings → Images): its form's check, the server's samplers, and whether Cancel is waiting
   * for its images.
   */
  sd?: { check: SdFormCheck; samplers: string[]; stopping: boolean };
}

/** 1 to MAX_IMAGES images a request. */
const COUNTS = Array.from({ length: MAX_IMAGES }, (_, i) => ({ value: String(i + 1), label: String(i + 1) }));

export const QUALITIES: { value: ImageQuality; label: string; hint: string }[] = [
  { value: "low", label: "Low", hint: "fastest, cheapest" },
  { value: "medium", label: "Medium", hint: "" },
  { value: "high", label: "High", hint: "most detail" },
  { value: "auto", label: "Auto", hint: "the model picks" },
];

export function ImageForm(props: ImageFormProps) {
  const { form, check, route, selection, settings, busy, onChange } = props;
  const [optionsOpen, setOptionsOpen] = useState(false);
  const frame = selection.nodes[0];
  const showOptions = !props.compact || optionsOpen;
  const sd = props.sd;
  const ready = sd ? sd.check.ready : check.ready;
  const blocked = !form.prompt.trim()
    ? "Describe the image first"
    : ready
      ? undefined
      : "Fix what is marked below first";
  const host = settings.sdBaseUrl.replace(/^https?:\/\//, "").replace(/\/.*$/, "");
  const serverName = settings.imageSource === "comfyui" ? "ComfyUI" : "SD server";
  const routeText = sd
    ? `${serverName} at ${host}${settings.sdModel ? ` · ${settings.sdModel}` : ""}`
    : route.api === "responses"
      ? `${route.model} reasons, ${route.imageModel} draws`
      : route.imageModel;
  return (
    <div class={`panel__head image-form${props.compact ? " panel__head--compact" : ""}`}>
      <TextArea
        class="image-form__prompt"
        minRows={props.compact ? 1 : 3}
        maxRows={6}
        aria-label="Describe the image"
        placeholder="Describe the image, e.g. “a hero shot for a tea brand, morning light”"
        value={form.prompt}
        disabled={busy}
        onSubmit={() => !blocked && props.hasKey && props.onGenerate()}
        onInput={(e) => onChange({ prompt: e.currentTarget.value })}
      />
      {check.problems.prompt ? <p class="field__error">{check.problems.prompt}</p> : null}
      {showOptions && sd ? (
        <SdOptions
          form={form}
          check={sd.check}
          frame={frame}
          settings={settings}
          samplers={sd.samplers}
          disabled={busy}
          onChange={onChange}
        />
      ) : null}
      {showOptions && !sd ? (
        <div class="image-form__options">
          <SizeField
            form={form}
            frame={frame}
            imageModel={route.imageModel}
            problem={check.problems.size}
            suggestion={check.suggestion}
            disabled={busy}
            onChange={onChange}
          />
          <div class="options">
            <ChoiceField label="Quality" menu {...choicesOf(form, onChange, busy)("quality", QUALITIES)} />
            <ChoiceField
              label="Images"
              name="Number of images"
              value={String(form.count)}
              disabled={busy}
              options={COUNTS}
              onChange={(n) => onChange({ count: Number(n) })}
            />
          </div>
          {check.problems.count ? <p class="field__error">{check.problems.count}</p> : null}
          <div class="options">
            <Checkbox
              title={
                frame
                  ? `Export “${frame.name}” as a PNG and send it with the prompt, with its layer structure`
                  : "Select a frame to use it as a reference"
              }
              checked={form.useReference && frame !== undefined}
              disabled={busy || !frame}
              onCheck={(useReference) => onChange({ useReference })}
            >
              Use selection as reference
            </Checkbox>
            <Checkbox
              title={
                canReasonFirst(settings)
                  ? `${settings.model} reasons about the request first (its ` +
                    `reasoning streams above the image), then draws with gpt-image-2`
                  : "Only OpenAI's Responses API reasons before drawing"
              }
              checked={form.reasonFirst && canReasonFirst(settings)}
              disabled={busy || !canReasonFirst(settings)}
              onCheck={(reasonFirst) => onChange({ reasonFirst })}
            >
              Reason first
            </Checkbox>
          </div>
        </div>
      ) : null}
      {props.hasKey ? (
        <div class="head-row image-form__actions">
          {props.compact ? (
            <button
              type="button"
              class={`icon-button head-options${optionsOpen ? " is-open" : ""}`}
              aria-label="Options"
              aria-expanded={optionsOpen}
              title={
                optionsOpen
                  ? "Hide the options"
                  : sd
                    ? "Size, steps, CFG, sampler, seed, count, reference"
                    : "Size, quality, count, reference"
              }
              onClick={() => setOptionsOpen(!optionsOpen)}
            >
              <OptionsIcon />
            </button>
          ) : null}
          <span class="muted image-form__route one-line" title={routeText}>
            {routeText}
          </span>
          {busy ? (
            <button
              type="button"
              class="button button--secondary"
              disabled={sd?.stopping}
              title={
                sd && !sd.stopping ? "Stop the run: the server's interrupt keeps the images it has made" : undefined
              }
              onClick={props.onCancel}
            >
              {sd?.stopping ? "Stopping…" : "Cancel"}
            </button>
          ) : (
            <button
              type="button"
              class="button button--primary"
              disabled={blocked !== undefined}
              title={
                blocked ??
                (sd ? "Send it to the SD server" : "Check the request and see its estimate before anything is sent")
              }
              onClick={props.onGenerate}
            >
              Generate image
            </button>
          )}
        </div>
      ) : (
        <KeyNeeded what="Generating images" settings={settings} onOpenSettings={props.onOpenSettings} />
      )}
    </div>
  );
}
