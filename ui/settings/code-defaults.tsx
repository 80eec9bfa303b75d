/** Settings → Code defaults: target, styling, the exported image's size and the model timeout. */
import { STYLING_MENU } from "../../contract/settings.js";
import { TextField } from "../controls/text-field.js";
import type { Form } from "./settings-form.js";
import { ChoiceField } from "../controls/fields.js";
import { choicesOf } from "../controls/choices.js";

/** The targets Settings offers as the default (the Code panel's menu has them all). */
const DEFAULT_TARGETS = [
  { value: "react" as const, label: "React" },
  { value: "html" as const, label: "HTML" },
];

export function CodeDefaults({
  form,
  errors,
  onChange,
}: {
  form: Form;
  errors: Record<string, string>;
  onChange(changes: Partial<Form>): void;
}) {
  const choice = choicesOf(form, onChange);
  return (
    <section class="settings-section" aria-labelledby="code-heading">
      <h2 id="code-heading" class="section-title">
        Code defaults
      </h2>
      <ChoiceField label="Target" name="Default target" {...choice("target", DEFAULT_TARGETS)} />
      <ChoiceField
        label="Styling"
        name="Default styling"
        {...choicesOf(form, onChange, form.target === "html")("styling", STYLING_MENU)}
      />
      <TextField
        label="Max image size (px)"
        type="number"
        min={256}
        max={4096}
        step={256}
        narrow
        value={form.maxImageSize}
        problem={errors["maxImageSize"]}
        help="Longest side of the frame image sent to the model (256–4096)."
        onText={(maxImageSize) => onChange({ maxImageSize })}
      />
      <TextField
        label="Model timeout (s)"
        type="number"
        min={10}
        max={900}
        step={10}
        narrow
        value={form.timeoutSec}
        problem={errors["timeoutSec"]}
        help="How long one model request may take before it is stopped (10–900)."
        onText={(timeoutSec) => onChange({ timeoutSec })}
      />
    </section>
  );
}
