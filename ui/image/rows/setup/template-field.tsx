/**
 * The prompt template with {placeholders}, and the optional rules (JSON, collapsed by default) that add style
 * notes or set parameters per row. Errors show under the box they belong to, with their position.
 */
import { TextArea } from "../../../controls/text-area.js";
import type { RowsSetup } from "./use-setup.js";

const RULES_EXAMPLE = '{"rules": [{"if": {"audience": "kids"}, "then": {"add": "rounded shapes, warm colours"}}]}';

export function TemplateField({ setup }: { setup: RowsSetup }) {
  const { fields, set, prompts } = setup;
  const templateError = fields.template.trim() ? prompts.errors.template : undefined;
  return (
    <section class="setup-section" aria-label="Template and rules">
      <label class="field">
        <span class="field__label">Template</span>
        <TextArea
          class="input text-area"
          minRows={2}
          maxRows={5}
          aria-label="Prompt template"
          placeholder="A {style} hero image for {audience}, {mood} mood"
          value={fields.template}
          onInput={(e) => set({ template: e.currentTarget.value })}
        />
      </label>
      {templateError ? (
        <p class="field__error" role="alert" data-part="template">
          Template: {templateError}
        </p>
      ) : null}
      <details
        class="setup-rules"
        open={fields.rules.trim() !== "" && prompts.errors.rules !== undefined ? true : undefined}
      >
        <summary>Rules (optional)</summary>
        <p class="field__help">
          JSON, applied in order to each row: <code>{RULES_EXAMPLE}</code>
        </p>
        <TextArea
          class="input text-area setup-mono"
          minRows={3}
          maxRows={8}
          aria-label="Rules as JSON"
          placeholder={RULES_EXAMPLE}
          value={fields.rules}
          onInput={(e) => set({ rules: e.currentTarget.value })}
        />
        {prompts.errors.rules ? (
          <p class="field__error" role="alert" data-part="rules">
            Rules: {prompts.errors.rules}
          </p>
        ) : null}
      </details>
    </section>
  );
}
