/**
 * Settings: model provider, base URL, model, API key, code defaults and export size. Save sends
 * `save-settings`; the key is only ever sent to the main thread (clientStorage) and kept in the vault,
 * never shown again: a saved key appears as "saved", with Replace and Remove.
 */
import { useEffect, useState } from "preact/hooks";
import { checkSettingsPatch, PROVIDER_DEFAULTS, type Provider, type Settings } from "../../contract/settings.js";
import type { ApiKeyVault } from "./api-key.js";
import { keySlot } from "../../contract/keys.js";
import type { MainRequests } from "../channel/requests.js";
import { networkAccessFor } from "./network-access.js";
import { Segmented } from "../components/segmented.js";
import { SelectMenu } from "../components/select-menu.js";
import { ErrorIcon, InfoIcon } from "../components/icons.js";
import { testConnection, type ConnectionResult } from "./connection-test.js";

const PROVIDERS: { value: Provider; label: string }[] = [
  { value: "openai", label: "OpenAI" },
  { value: "openrouter", label: "OpenRouter" },
  { value: "custom", label: "Custom (OpenAI-compatible)" },
];

interface Form {
  provider: Provider;
  baseUrl: string;
  model: string;
  target: Settings["target"];
  styling: Settings["styling"];
  maxImageSize: string;
  timeoutSec: string;
}

const formFrom = (s: Settings): Form => ({ provider: s.provider, baseUrl: s.baseUrl, model: s.model, target: s.target, styling: s.styling, maxImageSize: String(s.maxImageSize), timeoutSec: String(s.timeoutSec) });

const FIELD_ERRORS: Record<string, string> = {
  baseUrl: "Enter an http:// or https:// URL, or leave it empty for the provider's default.",
  model: "Enter a model name.",
  maxImageSize: "Enter a whole number from 256 to 4096.",
  timeoutSec: "Enter a whole number of seconds from 10 to 900.",
};

type SaveState = { kind: "idle" } | { kind: "saving"; removingKey: boolean } | { kind: "saved"; text: string } | { kind: "failed"; text: string };
type TestState = { kind: "idle" } | { kind: "testing" } | { kind: "done"; result: ConnectionResult };

/** Figma only lets the plugin reach the manifest's domains: say so for any other endpoint. */
function NetworkAccessNote({ url }: { url: string }) {
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
        : `Figma lets Figment reach only api.openai.com and openrouter.ai. To use ${host}, add its origin to networkAccess.allowedDomains in manifest.json and import the plugin again.`}
    </span>
  );
}

export function SettingsPanel({ settings, vault, requests }: { settings: Settings; vault: ApiKeyVault; requests: MainRequests }) {
  const [form, setForm] = useState<Form>(() => formFrom(settings));
  const [dirty, setDirty] = useState(false);
  const [keyInput, setKeyInput] = useState("");
  const [replacingKey, setReplacingKey] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [save, setSave] = useState<SaveState>({ kind: "idle" });
  const [test, setTest] = useState<TestState>({ kind: "idle" });

  useEffect(() => {
    if (!dirty) setForm(formFrom(settings));
  }, [settings, dirty]);

  /** Saves settings and, when given, the key of one slot; the vault learns the key only once it is stored. */
  const persist = (patch: Partial<Settings>, key: { slot: string; value: string | null } | undefined, removingKey: boolean) => {
    setSave({ kind: "saving", removingKey });
    requests
      .request("save-settings", { settings: patch, ...(key ? { key } : {}) })
      .then((saved) => {
        if (key) vault.set(key.slot, saved.keySlots.includes(key.slot) ? key.value : null);
        vault.syncSlots(saved.keySlots);
        setSave({ kind: "saved", text: removingKey ? "Key removed" : "Saved" });
        setDirty(false);
        setKeyInput("");
        setReplacingKey(false);
      })
      .catch((error: unknown) => setSave({ kind: "failed", text: error instanceof Error ? error.message : String(error) }));
  };

  const update = <K extends keyof Form>(key: K, value: Form[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setDirty(true);
    setSave({ kind: "idle" });
    setErrors((e) => {
      const { [key]: _removed, ...rest } = e;
      return rest;
    });
  };

  const defaults = PROVIDER_DEFAULTS[form.provider];

  /** A model left at the old provider's default follows to the new provider's default. */
  const changeProvider = (provider: Provider) => {
    const model = form.model.trim() === "" || form.model === PROVIDER_DEFAULTS[form.provider].model ? PROVIDER_DEFAULTS[provider].model : form.model;
    update("provider", provider);
    update("model", model);
  };
  /** Keys are kept per provider and base URL: this form's endpoint has its own. */
  const slot = keySlot({ provider: form.provider, baseUrl: form.baseUrl.trim() });
  const hasKey = vault.has(slot);
  const showKeyInput = !hasKey || replacingKey;

  const onSave = (event: Event) => {
    event.preventDefault();
    const patch = {
      provider: form.provider,
      baseUrl: form.baseUrl.trim().replace(/\/+$/, ""),
      model: form.model.trim() || defaults.model,
      target: form.target,
      styling: form.styling,
      maxImageSize: Number(form.maxImageSize),
      timeoutSec: Number(form.timeoutSec),
    };
    const { accepted, rejected } = checkSettingsPatch(patch);
    if (rejected.length > 0) {
      setErrors(Object.fromEntries(rejected.map((key) => [key, FIELD_ERRORS[key] ?? "This value is not allowed."])));
      setSave({ kind: "failed", text: "Fix the highlighted fields." });
      return;
    }
    const key = keyInput.trim();
    persist(accepted, key !== "" ? { slot, value: key } : undefined, false);
  };

  const onRemoveKey = () => persist({}, { slot, value: null }, true);

  const onTest = async () => {
    setTest({ kind: "testing" });
    const typed = keyInput.trim();
    const result = await testConnection({
      baseUrl: form.baseUrl.trim() || defaults.baseUrl,
      apiKey: typed !== "" ? typed : vault.revealFor({ provider: form.provider, baseUrl: form.baseUrl.trim() }),
      fetch: (input, init) => fetch(input, init),
    });
    setTest({ kind: "done", result });
  };

  return (
    <form class="panel panel--settings" onSubmit={onSave} noValidate>
      <section class="settings-section" aria-labelledby="model-heading">
        <h2 id="model-heading" class="section-title">
          Model
        </h2>
        <div class="field">
          <span class="field__label">Provider</span>
          <SelectMenu label="Provider" value={form.provider} options={PROVIDERS} onChange={changeProvider} />
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
            onInput={(e) => update("baseUrl", e.currentTarget.value)}
          />
          {errors["baseUrl"] ? <span class="field__error">{errors["baseUrl"]}</span> : <span class="field__help">Leave empty for the provider's default.</span>}
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
            onInput={(e) => update("model", e.currentTarget.value)}
          />
          {errors["model"] ? <span class="field__error">{errors["model"]}</span> : null}
        </label>
        <div class="field">
          <span class="field__label" id="key-label">
            API key
          </span>
          {showKeyInput ? (
            <div class="key-row">
              <input
                class="input"
                type="password"
                aria-labelledby="key-label"
                autocomplete="off"
                spellcheck={false}
                placeholder={form.provider === "openrouter" ? "sk-or-…" : "sk-…"}
                value={keyInput}
                onInput={(e) => {
                  setKeyInput(e.currentTarget.value);
                  setSave({ kind: "idle" });
                }}
              />
              {replacingKey ? (
                <button
                  type="button"
                  class="button button--secondary"
                  onClick={() => {
                    setReplacingKey(false);
                    setKeyInput("");
                  }}
                >
                  Keep saved key
                </button>
              ) : null}
            </div>
          ) : (
            <div class="key-row key-row--saved">
              <span class="key-saved" aria-labelledby="key-label">
                <span aria-hidden="true">••••••••</span> Key saved
              </span>
              <button type="button" class="button button--secondary" onClick={() => setReplacingKey(true)}>
                Replace
              </button>
              <button type="button" class="button button--danger" onClick={onRemoveKey}>
                Remove key
              </button>
            </div>
          )}
          <span class="field__help">Stored in Figma's local plugin storage on this computer, never in the file.</span>
        </div>
        <div class="inline-actions">
          <button type="button" class="button button--secondary" onClick={() => void onTest()} disabled={test.kind === "testing"}>
            {test.kind === "testing" ? "Testing…" : "Test connection"}
          </button>
          {test.kind === "done" ? (
            <span class={`test-result ${test.result.ok ? "is-ok" : "is-error"}`} role="status">
              {test.result.ok ? <InfoIcon /> : <ErrorIcon />}
              {test.result.message}
            </span>
          ) : null}
        </div>
      </section>

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
            onChange={(v) => update("target", v)}
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
            onChange={(v) => update("styling", v)}
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
            onInput={(e) => update("maxImageSize", e.currentTarget.value)}
          />
          {errors["maxImageSize"] ? <span class="field__error">{errors["maxImageSize"]}</span> : <span class="field__help">Longest side of the frame image sent to the model (256–4096).</span>}
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
            onInput={(e) => update("timeoutSec", e.currentTarget.value)}
          />
          {errors["timeoutSec"] ? <span class="field__error">{errors["timeoutSec"]}</span> : <span class="field__help">How long one model request may take before it is stopped (10–900).</span>}
        </label>
      </section>

      <div class="panel__footer">
        <span class={`save-state save-state--${save.kind}`} role="status">
          {save.kind === "saving" ? "Saving…" : save.kind === "saved" ? save.text : save.kind === "failed" ? save.text : dirty || keyInput ? "Unsaved changes" : ""}
        </span>
        <span class="spacer" />
        <button type="submit" class="button button--primary" disabled={save.kind === "saving"}>
          Save
        </button>
      </div>
    </form>
  );
}
