/**
 * Settings → Search: the embedding model and its dimensions, and the caption model, all on the endpoint and
 * key above (OpenRouter and custom endpoints must serve /embeddings). Changing a model or the dimensions makes
 * the next "search by meaning" redo what it made with the old one.
 */
import { DEFAULT_SETTINGS } from "../../contract/settings.js";
import { TextField, type TextFieldProps } from "../controls/text-field.js";
import type { Form } from "./settings-form.js";

/** A model's name or a number the endpoint is asked with: typed as is, never spell-checked or filled in. */
function SearchField({ name, ...field }: TextFieldProps & { name: keyof Form }) {
  return (
    <TextField
      type="text"
      name={name}
      inputMode={field.narrow ? "numeric" : undefined}
      spellcheck={false}
      autocomplete="off"
      {...field}
    />
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
      <SearchField
        name="embeddingModel"
        label="Embedding model"
        value={form.embeddingModel}
        placeholder={DEFAULT_SETTINGS.embeddingModel}
        help="Finds frames by meaning; on OpenRouter the default becomes openai/text-embedding-3-small."
        problem={errors["embeddingModel"]}
        onText={(embeddingModel) => onChange({ embeddingModel })}
      />
      <SearchField
        name="embeddingDimensions"
        label="Dimensions"
        value={form.embeddingDimensions}
        placeholder={String(DEFAULT_SETTINGS.embeddingDimensions)}
        help="Length of each frame's vector (16–3072); 256 keeps 1,000 frames in about 1.4 MB."
        problem={errors["embeddingDimensions"]}
        onText={(embeddingDimensions) => onChange({ embeddingDimensions })}
        narrow
      />
      <SearchField
        name="captionModel"
        label="Caption model"
        value={form.captionModel}
        placeholder={form.model.trim() || "the model above"}
        help="Describes each frame's picture once; empty = the model above."
        problem={errors["captionModel"]}
        onText={(captionModel) => onChange({ captionModel })}
      />
    </section>
  );
}
