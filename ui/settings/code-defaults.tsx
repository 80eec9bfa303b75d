/** Settings → Code defaults: target, styling, the exported image's size and the model timeout. */
import { Segmented } from "../controls/segmented.js";
import type { Form } from "./settings-form.js";

export function CodeDefaults({
  form,
  errors,
  onChange,
}: {
  form: Form;
  errors: Record<string, string>;
  onChange(changes: Partial<Form>): void;
}) {
  return (
    <section class="settings-section" aria-labelledby="code-heading">
      <h2 id="code-heading" class="section-title">
        Code defaults
      </h2>
      <div class="field field--inline">
        <span class="field__label">Target</span>
        <Segmented
          label="Default target"
          value={form.target}
          options={[
            { value: "react", label: "React" },
            { value: "html", label: "HTML" },
          ]}
          onChange={(target) => onChange({ target })}
        />
      </div>
      <div class="field field--inline">
        <span class="field__label">Styling</span>
        <Segmented
          label="Default styling"
          value={form.styling}
          disabled={form.target === "html"}
          options={[
            { value: "css-modules", label: "CSS modules" },
            { value: "tailwind", label: "Tailwind" },
          ]}
          onChange={(styling) => onChange({ styling })}
        />
      </div>
      <label class="field">
        <span class="field__label">Max image size (px)</span>
        <input
          class={`input input--narrow${errors["maxImageSize"] ? " is-invalid" : ""}`}
          type="number"
          min={256}
          max={4096}
          step={256}
          value={form.maxImageSize}
          aria-invalid={errors["maxImageSize"] ? "true" : undefined}
          onInput={(e) => onChange({ maxImageSize: e.currentTarget.value })}
        />
        {errors["maxImageSize"] ? (
          <span class="field__error">{errors["maxImageSize"]}</span>
        ) : (
          <span class="field__help">Longest side of the frame image sent to the model (256–4096).</span>
        )}
      </label>
      <label class="field">
        <span class="field__label">Model timeout (s)</span>
        <input
          class={`input input--narrow${errors["timeoutSec"] ? " is-invalid" : ""}`}
          type="number"
          min={10}
          max={900}
          step={10}
          value={form.timeoutSec}
          aria-invalid={errors["timeoutSec"] ? "true" : undefined}
          onInput={(e) => onChange({ timeoutSec: e.currentTarget.value })}
        />
        {errors["timeoutSec"] ? (
          <span class="field__error">{errors["timeoutSec"]}</span>
        ) : (
          <span class="field__help">How long one model request may take before it is stopped (10–900).</span>
        )}
      </label>
    </section>
  );
}
