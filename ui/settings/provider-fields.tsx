/**
 * Settings → Model: provider, base URL (with what Figma's network access allows), model, and from how many images a
 * batch is offered the Batch API.
 */
import { PROVIDER_DEFAULTS, type Provider } from "../../contract/settings.js";
import { SelectMenu } from "../controls/select-menu.js";
import { networkAccessFor } from "./network-access.js";
import { providerChange, type Form } from "./settings-form.js";

const PROVIDERS: { value: Provider; label: string }[] = [
  { value: "openai", label: "OpenAI" },
  { value: "openrouter", label: "OpenRouter" },
  { value: "custom", label: "Custom (OpenAI-compatible)" },
];

/** Figma only lets the plugin reach the manifest's domains: say so for any other endpoint. */
export function NetworkAccessNote({ url }: { url: string }) {
  const access = networkAccessFor(url);
  if (access === "allowed" || access === "invalid") return null;
  const host = (() => {
    try {
      return new URL(url).host;
    } catch {
      return url;
    }
  })();
  return (
    <span class="field__help field__help--warning" role="note">
      {access === "dev-only"
        ? `${host} is reachable only while the plugin runs in development (manifest devAllowedDomains).`
        : `Figma lets Figment reach only api.openai.com and openrouter.ai. To use ${host}, add its ` +
          `origin to networkAccess.allowedDomains in manifest.json and import the plugin again.`}
    </span>
  );
}

export function ProviderFields({
  form,
  errors,
  onChange,
}: {
  form: Form;
  errors: Record<string, string>;
  onChange(changes: Partial<Form>): void;
}) {
  const defaults = PROVIDER_DEFAULTS[form.provider];
  return (
    <>
      <div class="field">
        <span class="field__label">Provider</span>
        <SelectMenu
          label="Provider"
          value={form.provider}
          options={PROVIDERS}
          onChange={(provider) => onChange(providerChange(form, provider))}
        />
      </div>
      <label class="field">
        <span class="field__label">Base URL</span>
        <input
          class={`input${errors["baseUrl"] ? " is-invalid" : ""}`}
          type="url"
          spellcheck={false}
          autocomplete="off"
          placeholder={defaults.baseUrl}
          value={form.baseUrl}
          aria-invalid={errors["baseUrl"] ? "true" : undefined}
          onInput={(e) => onChange({ baseUrl: e.currentTarget.value })}
        />
        {errors["baseUrl"] ? (
          <span class="field__error">{errors["baseUrl"]}</span>
        ) : (
          <span class="field__help">Leave empty for the provider's default.</span>
        )}
        <NetworkAccessNote url={form.baseUrl.trim() || defaults.baseUrl} />
      </label>
      <label class="field">
        <span class="field__label">Model</span>
        <input
          class={`input${errors["model"] ? " is-invalid" : ""}`}
          type="text"
          spellcheck={false}
          autocomplete="off"
          placeholder={defaults.model}
          value={form.model}
          aria-invalid={errors["model"] ? "true" : undefined}
          onInput={(e) => onChange({ model: e.currentTarget.value })}
        />
        {errors["model"] ? <span class="field__error">{errors["model"]}</span> : null}
      </label>
      <label class="field">
        <span class="field__label">Batch API from (images)</span>
        <input
          class={`input input--narrow${errors["batchApiThreshold"] ? " is-invalid" : ""}`}
          type="number"
          min={1}
          max={50000}
          step={1}
          value={form.batchApiThreshold}
          aria-invalid={errors["batchApiThreshold"] ? "true" : undefined}
          onInput={(e) => onChange({ batchApiThreshold: e.currentTarget.value })}
        />
        {errors["batchApiThreshold"] ? (
          <span class="field__error">{errors["batchApiThreshold"]}</span>
        ) : (
          <span class="field__help">
            Rows runs of more images than this are offered OpenAI's Batch API first: half the price, results within 24
            h.
          </span>
        )}
      </label>
    </>
  );
}
