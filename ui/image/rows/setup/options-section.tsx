/**
 * The run's options: its name (names the grid frame; the template's words by default), size and quality
 * (the single-image form's own controls and checks), "Accept the first image before the rest" (on by
 * default: the first image then carries the style to the rest) and, on OpenAI, "Reason first". On a local SD
 * server: SD's own options (sd-options.tsx) instead of size and quality, and no "Reason first".
 */
import type { ImageQuality } from "../../../../ai/image/options.js";
import type { SelectionSummary } from "../../../../contract/messages.js";
import type { Settings } from "../../../../contract/settings.js";
import { SelectMenu } from "../../../controls/select-menu.js";
import { QUALITIES } from "../../image-form.js";
import { canReasonFirst } from "../../../../ai/image/route.js";
import { SizeField } from "../../size-field.js";
import { SdOptions } from "../../sd-options.js";
import { defaultGridName } from "./plan-build.js";
import type { RowsSetup } from "./use-setup.js";
import { Checkbox } from "../../../controls/fields.js";

export function OptionsSection({
  setup,
  selection,
  settings,
  samplers,
}: {
  setup: RowsSetup;
  selection: SelectionSummary;
  settings: Settings;
  samplers: string[];
}) {
  const { fields, set, check, route } = setup;
  const { form } = fields;
  const reason = canReasonFirst(settings);
  // A local SD server has no quality and does not reason: its own controls (SdOptions) instead.
  const local = setup.sdCheck !== undefined;
  return (
    <section class="setup-section setup-options" aria-label="Options">
      <span class="field__label">Options</span>
      <div class="field field--inline">
        <span class="field__label">Name</span>
        <input
          class="input"
          aria-label="Grid name"
          title="Names the grid frame the images land in"
          placeholder={defaultGridName(fields.template)}
          value={fields.name}
          onInput={(e) => set({ name: e.currentTarget.value })}
        />
      </div>
      {setup.sdCheck ? (
        <SdOptions
          form={form}
          check={setup.sdCheck}
          frame={selection.nodes[0]}
          settings={settings}
          samplers={samplers}
          disabled={false}
          rows
          onChange={(patch) => set({ form: { ...form, ...patch } })}
        />
      ) : null}
      {local ? null : (
        <SizeField
          form={form}
          frame={selection.nodes[0]}
          imageModel={route.imageModel}
          problem={check.problems.size}
          suggestion={check.suggestion}
          disabled={false}
          onChange={(patch) => set({ form: { ...form, ...patch } })}
        />
      )}
      {local ? null : (
        <div class="field field--inline">
          <span class="field__label">Quality</span>
          <SelectMenu<ImageQuality>
            label="Quality"
            value={form.quality}
            options={QUALITIES}
            onChange={(quality) => set({ form: { ...form, quality } })}
          />
        </div>
      )}
      {!local && (check.problems.quality || check.problems.prompt) ? (
        <p class="field__error">{check.problems.quality ?? check.problems.prompt}</p>
      ) : null}
      <Checkbox
        title={
          local
            ? "The run waits for you to accept the first image; its seed then " +
              "goes with every other request (the same noise keeps the look)"
            : "The run waits for you to accept the first image; it then " +
              "goes with every other request as the style's reference"
        }
        checked={fields.acceptFirst}
        onCheck={(acceptFirst) => set({ acceptFirst })}
      >
        Accept the first image before the rest
      </Checkbox>
      {local ? null : (
        <Checkbox
          title={
            reason
              ? `${settings.model} reasons about each request first, then draws with gpt-image-2 (the Responses API)`
              : "Only OpenAI's Responses API reasons before drawing"
          }
          checked={fields.reasonFirst && reason}
          disabled={!reason}
          onCheck={(reasonFirst) => set({ reasonFirst })}
        >
          Reason first
        </Checkbox>
      )}
    </section>
  );
}
