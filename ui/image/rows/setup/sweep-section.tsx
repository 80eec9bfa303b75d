/**
 * The Rows mode's "Sweep" control: a parameter grid (X/Y plot) — a parameter and its values for the columns, and
 * optionally a second for the rows. Each row is drawn once per cell; the grid lands on the canvas
 * with its headers ("CFG 7", "Seed 2"). On a local SD server: CFG, seed, steps, strength, sampler; on a hosted
 * model only quality (its API has no seed, CFG or steps). Strength repaints a starting picture, the selection
 * (img2img): without one it is refused with why, instead of a grid that would ignore it.
 */
import type { SweepParam } from "../../../../ai/params/sweep.js";
import type { SelectionSummary } from "../../../../contract/messages.js";
import type { Settings } from "../../../../contract/settings.js";
import { SelectMenu } from "../../../controls/select-menu.js";
import { sweepChoices, type SweepFields } from "../sweep-items.js";
import type { RowsSetup } from "./use-setup.js";
import { isLocalSource } from "../../sd-connection.js";

/** The section is the last of the setup: what it says under the controls is scrolled into view when it appears. */
const shown = (line: HTMLParagraphElement | null): void => line?.scrollIntoView({ block: "nearest" });

const NAMES: Readonly<Record<SweepParam, string>> = {
  cfg: "CFG scale",
  seed: "Seed",
  steps: "Steps",
  strength: "Strength",
  sampler: "Sampler",
  quality: "Quality",
};
const EXAMPLE: Readonly<Record<SweepParam, string>> = {
  cfg: "4, 7, 10",
  seed: "1, 2, 3",
  steps: "10, 20, 30",
  strength: "0.3, 0.5, 0.7",
  sampler: "Euler a, DPM++ 2M",
  quality: "low, medium, high",
};

export function SweepSection({
  setup,
  settings,
  selection,
}: {
  setup: RowsSetup;
  settings: Settings;
  selection: SelectionSummary;
}) {
  const { fields, set, sweepError, plan } = setup;
  const choices = sweepChoices(isLocalSource(settings.imageSource) ? "sd" : "hosted");
  const selected = selection.nodes.length > 0;
  // Strength repaints a starting picture: without a selection it is offered with why it cannot run.
  const options = [
    { value: "" as const, label: "None" },
    ...choices.map((param) => ({
      value: param,
      label: NAMES[param],
      ...(param === "strength" && !selected ? { hint: "select a picture first" } : {}),
    })),
  ];
  const swept = fields.sweeps.some((d) => d.param === "strength");
  const change = (at: 0 | 1, patch: Partial<SweepFields>): void => {
    const sweeps: [SweepFields, SweepFields] = [...fields.sweeps];
    sweeps[at] = { ...sweeps[at], ...patch };
    set({ sweeps });
  };
  const line = (at: 0 | 1, label: string) => {
    const sweep = fields.sweeps[at];
    return (
      <div class="field field--inline sweep-line">
        <span class="field__label">{label}</span>
        <SelectMenu<SweepParam | "">
          label={`Sweep ${label.toLowerCase()}`}
          value={sweep.param}
          options={options}
          onChange={(param) => change(at, { param })}
        />
        {sweep.param ? (
          <input
            class="input"
            aria-label={`${label} values`}
            placeholder={EXAMPLE[sweep.param]}
            value={sweep.values}
            onInput={(e) => change(at, { values: e.currentTarget.value })}
          />
        ) : null}
      </div>
    );
  };
  return (
    <section class="setup-section setup-sweep" aria-label="Sweep">
      <span
        class="field__label"
        title="A parameter grid (X/Y plot): every row drawn once per value, placed as a labelled grid"
      >
        Sweep
      </span>
      {line(0, "Columns")}
      {fields.sweeps[0].param ? line(1, "Rows") : null}
      {sweepError ? (
        <p class="field__error" role="alert" ref={shown}>
          {sweepError}
        </p>
      ) : null}
      {swept && plan?.sdInit ? (
        <p class="muted setup-sweep__note" ref={shown}>
          {`Each cell repaints “${plan.sdInit.name}” (img2img) as much as its strength says.`}
        </p>
      ) : null}
    </section>
  );
}
