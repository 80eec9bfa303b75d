/**
 * Settings → Search: the embedding model and its dimensions, and the caption model, all on the endpoint and
 * key above (OpenRouter and custom endpoints must serve /embeddings). Changing a model or the dimensions makes
 * the next "search by meaning" redo what it made with the old one.
 */
import { DEFAULT_SETTINGS } from "../../contract/settings.js";
import type { Form } from "./settings-form.js";

function TextField({
  name,
  label,
  value,
  placeholder,
  help,
  error,
  onInput,
  narrow,
}: {
  name: keyof Form;
  label: string;
  value: string;
  placeholder: string;
  help: string;
  error: string | undefined;
  onInput(value: string): void;
  narrow?: boolean;
}) {
  return (
    <label class="field">
      <span class="field__label">{label}</span>
      <input
        class={`input${narrow ? " input--narrow" : ""}${error ? " is-invalid" : ""}`}
        type="text"
        inputMode={narrow ? "numeric" : undefined}
        name={name}
        spellcheck={false}
        autocomplete="off"
        placeholder={placeholder}
        value={value}
        aria-invalid={error ? "true" : undefined}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
      {error ? <span class="field__error">{error}</span> : <span class="field__help">{help}</span>}
    </label>
  );
}

export function SearchSettings({
  form,
  errors,
  onChange,
}: {
  form: Form;
  errors: Record<string, string>;
  onChange(changes: Partial<Form>): void;
}) {
  return (
    <section class="settings-section" aria-labelledby="search-heading">
      <h2 id="search-heading" class="section-title">
        Search
      </h2>
      <TextField
        name="embeddingModel"
        label="Embedding model"
        value={form.embeddingModel}
        placeholder={DEFAULT_SETTINGS.embeddingModel}
        help="Finds frames by meaning; on OpenRouter the default becomes openai/text-embedding-3-small."
        error={errors["embeddingModel"]}
        onInput={(embeddingModel) => onChange({ embeddingModel })}
      />
      <TextField
        name="embeddingDimensions"
        label="Dimensions"
        value={form.embeddingDimensions}
        placeholder={String(DEFAULT_SETTINGS.embeddingDimensions)}
        help="Length of each frame's vector (16–3072); 256 keeps 1,000 frames in about 1.4 MB."
        error={errors["embeddingDimensions"]}
        onInput={(embeddingDimensions) => onChange({ embeddingDimensions })}
        narrow
      />
      <TextField
        name="captionModel"
        label="Caption model"
        value={form.captionModel}
        placeholder={form.model.trim() || "the model above"}
        help="Describes each frame's picture once; empty = the model above."
        error={errors["captionModel"]}
        onInput={(captionModel) => onChange({ captionModel })}
      />
    </section>
  );
}
