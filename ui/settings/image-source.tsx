/**
 * Settings → Images: where the Image panel's pictures come from, the hosted model above, a local Stable
 * Diffusion server (SD.Next / AUTOMATIC1111) or ComfyUI: its URL, an SD server's credentials (kept like a key, in
 * the slot of that URL, sent to that server only), "Test connection" that lists its models and samplers (ComfyUI:
 * its version and device too), and the two picked from them.
 */
import { useState } from "preact/hooks";
import { DEFAULT_COMFY_URL, DEFAULT_SD_URL } from "../../contract/settings.js";
import type { Engine } from "../engine/engine.js";
import type { ApiKeyVault } from "../model/api-key.js";
import { ErrorIcon, InfoIcon } from "../controls/icons.js";
import type { SelectOption } from "../controls/select-menu.js";
import { NetworkAccessNote } from "./provider-fields.js";
import { cleanBaseUrl, slotName, type Form } from "./settings-form.js";
import { sourceChange } from "./source-change.js";
import { testSdServer, type SdLists, type SdTestOutcome } from "./sd-server-test.js";
import type { SettingsDraft } from "./use-settings-draft.js";
import { ChoiceField } from "../controls/fields.js";
import { choicesOf } from "../controls/choices.js";

export interface ImageSourceProps {
  form: Form;
  errors: Record<string, string>;
  sd: SettingsDraft["sd"];
  vault: ApiKeyVault;
  worker: Pick<Engine, "call">;
  busy: boolean;
  onChange(changes: Partial<Form>): void;
}

function Credentials({ sd, saved, busy }: { sd: SettingsDraft["sd"]; saved: boolean; busy: boolean }) {
  const name = slotName(sd.slot);
  return (
    <div class="field" data-slot={sd.slot}>
      <div class="field__label-row">
        <span class="field__label" id="sd-auth-label">
          Server credentials
        </span>
        {saved && !sd.replacing ? null : (
          <span class={`key-state${sd.typed.trim() ? " key-state--typed" : ""}`} role="status">
            {sd.replacing ? "Replacing the saved ones" : sd.typed.trim() ? "Not saved yet" : "Optional"}
          </span>
        )}
      </div>
      {saved && !sd.replacing ? (
        <div class="key-row key-row--saved">
          <span class="key-saved" role="note" aria-labelledby="sd-auth-label">
            <span aria-hidden="true">••••••••</span>{" "}
            <span class="key-saved__name">Saved for {name.replace(/^the /, "")}</span>
          </span>
          <span class="key-row__actions">
            <button type="button" class="button button--secondary" onClick={() => sd.setReplacing(true)}>
              Replace
            </button>
            <button type="button" class="button button--danger" disabled={busy} onClick={sd.remove}>
              Remove
            </button>
          </span>
        </div>
      ) : (
        <div class="key-row">
          <input
            class="input"
            type="password"
            aria-labelledby="sd-auth-label"
            autocomplete="off"
            spellcheck={false}
            placeholder="user:password"
            value={sd.typed}
            onInput={(e) => sd.type(e.currentTarget.value)}
          />
          {sd.replacing ? (
            <button type="button" class="button button--secondary" onClick={() => sd.setReplacing(false)}>
              Keep saved
            </button>
          ) : null}
        </div>
      )}
      <span class="field__help">
        Only if the server was started with --auth (SD.Next) or --api-auth (AUTOMATIC1111). Kept in Figma's local plugin
        storage, sent to this server only.
      </span>
    </div>
  );
}

const SOURCES = [
  { value: "hosted" as const, label: "Hosted model", title: "The provider and model above draw the images" },
  { value: "sd" as const, label: "Local SD server", title: "SD.Next or AUTOMATIC1111 running on this computer" },
  { value: "comfyui" as const, label: "ComfyUI", title: "ComfyUI running on this computer" },
];
/** Under the URL: what the server must be started with for the plugin's iframe (origin "null") to reach it. */
const SERVER_HELP = {
  sd:
    "SD.Next or AUTOMATIC1111 with its API on (AUTOMATIC1111: --api), allowing the plugin's origin " +
    "(--cors-origins null or --cors-allow-origins null).",
  comfyui:
    "ComfyUI started with --enable-cors-header (or --enable-cors-header null): without it, ComfyUI refuses " +
    "the plugin's requests, which come from another origin (null).",
};
/**
 * The model and sampler menus: "the server's own" first, then what the test listed (and the saved choice, listed or
 * not).
 */
function Choices({
  form,
  lists,
  onChange,
}: {
  form: Form;
  lists: SdLists | undefined;
  onChange(changes: Partial<Form>): void;
}) {
  const models: SelectOption<string>[] = [
    {
      value: "",
      label: form.imageSource === "comfyui" ? "The first checkpoint it lists" : "The server's loaded model",
      ...(lists?.loaded ? { hint: lists.loaded } : {}),
    },
    ...(lists?.models ?? []).map((m) => ({ value: m.title, label: m.name })),
  ];
  if (form.sdModel && !models.some((m) => m.value === form.sdModel))
    models.push({ value: form.sdModel, label: form.sdModel, hint: "not listed yet" });
  const samplers: SelectOption<string>[] = [
    { value: "", label: "The server's default" },
    ...(lists?.samplers ?? []).map((name) => ({ value: name, label: name })),
  ];
  if (form.sdSampler && !samplers.some((s) => s.value === form.sdSampler))
    samplers.push({ value: form.sdSampler, label: form.sdSampler, hint: "not listed yet" });
  const choice = choicesOf(form, onChange);
  return (
    <div class="options sd-choices">
      <ChoiceField label="Model" name="SD model" menu {...choice("sdModel", models)} />
      <ChoiceField label="Sampler" name="SD sampler" menu {...choice("sdSampler", samplers)} />
    </div>
  );
}

export function ImageSource({ form, errors, sd, vault, worker, busy, onChange }: ImageSourceProps) {
  const [test, setTest] = useState<{ slot: string; outcome: SdTestOutcome | undefined } | undefined>(undefined);
  const baseUrl = cleanBaseUrl(form.sdBaseUrl);
  const saved = vault.has(sd.slot);
  // Only this server's credentials: the ones typed for it, else the ones saved for it.
  const auth = sd.typed.trim() || (baseUrl ? vault.revealForServer(baseUrl) : null);
  const comfy = form.imageSource === "comfyui";
  const shown = test?.slot === `${form.imageSource} ${sd.slot}` ? test : undefined;
  const onTest = async () => {
    const slot = `${form.imageSource} ${sd.slot}`;
    setTest({ slot, outcome: undefined });
    const outcome = await testSdServer(worker, baseUrl, comfy ? null : auth, comfy);
    setTest({ slot, outcome });
  };
  const outcome = shown?.outcome;
  return (
    <section class="settings-section" aria-labelledby="images-heading">
      <h2 id="images-heading" class="section-title">
        Images
      </h2>
      <ChoiceField
        label="Source"
        name="Image source"
        {...choicesOf(form, onChange)("imageSource", SOURCES)}
        onChange={(source) => onChange(sourceChange(form, source))}
      />
      {form.imageSource === "hosted" ? (
        <span class="field__help">
          The Image panel draws with the provider above. A local server (SD.Next, AUTOMATIC1111, ComfyUI) is free and
          private.
        </span>
      ) : null}
      {form.imageSource !== "hosted" ? (
        <>
          <label class="field">
            <span class="field__label">Server URL</span>
            <input
              class={`input${errors["sdBaseUrl"] ? " is-invalid" : ""}`}
              type="url"
              spellcheck={false}
              autocomplete="off"
              placeholder={comfy ? DEFAULT_COMFY_URL : DEFAULT_SD_URL}
              value={form.sdBaseUrl}
              aria-invalid={errors["sdBaseUrl"] ? "true" : undefined}
              onInput={(e) => onChange({ sdBaseUrl: e.currentTarget.value })}
            />
            {errors["sdBaseUrl"] ? (
              <span class="field__error">{errors["sdBaseUrl"]}</span>
            ) : (
              <span class="field__help">{SERVER_HELP[comfy ? "comfyui" : "sd"]}</span>
            )}
            {baseUrl ? <NetworkAccessNote url={baseUrl} /> : null}
          </label>
          {comfy ? null : <Credentials sd={sd} saved={saved} busy={busy} />}
          <div class="inline-actions">
            <button
              type="button"
              class="button button--secondary"
              onClick={() => void onTest()}
              disabled={shown !== undefined && outcome === undefined}
            >
              {shown !== undefined && outcome === undefined ? "Testing…" : "Test connection"}
            </button>
            {outcome ? (
              <span
                class={`test-result ${outcome.ok ? "is-ok" : "is-error"}`}
                role="status"
                data-kind={outcome.ok ? "ok" : outcome.kind}
              >
                {outcome.ok ? <InfoIcon /> : <ErrorIcon />}
                <span class="test-result__text">
                  {outcome.text}
                  {!outcome.ok && outcome.hint ? <span class="test-result__detail">{outcome.hint}</span> : null}
                </span>
              </span>
            ) : null}
          </div>
          <Choices form={form} lists={outcome?.ok ? outcome.lists : undefined} onChange={onChange} />
        </>
      ) : null}
    </section>
  );
}
