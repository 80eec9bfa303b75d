/**
 * Settings: model provider, base URL, model, the API key of that endpoint, the connection test, code
 * defaults and export size. The edits live in the app's draft (use-settings-draft.ts), so they survive
 * switching panels; Save sends `save-settings`. A key is only sent to the main thread (clientStorage) and
 * kept in the vault, never shown again.
 */
import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import type { FetchedPrice } from "../../contract/messages.js";
import type { Settings } from "../../contract/settings.js";
import type { Engine } from "../engine/engine.js";
import type { ApiKeyVault } from "../model/api-key.js";
import { CodeDefaults } from "./code-defaults.js";
import { ImageSource } from "./image-source.js";
import { KeyRow } from "./key-row.js";
import { ProviderFields } from "./provider-fields.js";
import { SearchSettings } from "./search-settings.js";
import { TestConnection } from "./test-connection.js";
import type { SettingsDraft } from "./use-settings-draft.js";

export interface SettingsPanelProps {
  settings: Settings;
  draft: SettingsDraft;
  vault: ApiKeyVault;
  worker: Pick<Engine, "call">;
  onPrices(prices: Record<string, FetchedPrice>): void;
  /** Settings → Components (ui/settings/components/): it saves to the document itself, not with this form's Save. */
  components?: ComponentChildren;
}

function footerText(draft: SettingsDraft): string {
  const state = draft.saveState;
  if (state.kind === "saving") return "Saving…";
  if (state.kind === "saved" || state.kind === "failed") return state.text;
  return draft.dirty ? "Unsaved changes" : "";
}

export function SettingsPanel({ settings, draft, vault, worker, onPrices, components }: SettingsPanelProps) {
  const { form, slot } = draft;
  const saved = vault.has(slot);
  const busy = draft.saveState.kind === "saving";
  const formRef = useRef<HTMLFormElement>(null);

  // A save blocked by a field to fix shows that field, wherever it is in the scrolled panel.
  useEffect(() => {
    if (draft.saveState.kind !== "failed" || Object.keys(draft.errors).length === 0) return;
    const invalid = formRef.current?.querySelector<HTMLInputElement>('[aria-invalid="true"]');
    invalid?.focus({ preventScroll: true });
    invalid?.closest(".field")?.scrollIntoView({ block: "center" });
  }, [draft.saveState]);

  const onSubmit = (event: Event) => {
    event.preventDefault();
    void draft.save();
  };

  return (
    <form ref={formRef} class="panel panel--settings" onSubmit={onSubmit} noValidate>
      <section class="settings-section" aria-labelledby="model-heading">
        <h2 id="model-heading" class="section-title">
          Model
        </h2>
        <ProviderFields form={form} errors={draft.errors} onChange={draft.update} />
        <KeyRow
          slot={slot}
          provider={form.provider}
          saved={saved}
          typed={draft.typedKey}
          replacing={draft.replacing}
          busy={busy}
          otherTyped={draft.otherTyped}
          onType={draft.typeKey}
          onReplace={draft.setReplacing}
          onRemove={draft.removeKey}
        />
        <TestConnection worker={worker} settings={settings} draft={draft} vault={vault} onPrices={onPrices} />
      </section>

      <ImageSource
        form={form}
        errors={draft.errors}
        sd={draft.sd}
        vault={vault}
        worker={worker}
        busy={busy}
        onChange={draft.update}
      />

      <CodeDefaults form={form} errors={draft.errors} onChange={draft.update} />

      {components}

      <SearchSettings form={form} errors={draft.errors} onChange={draft.update} />

      <div class="panel__footer">
        <span class={`save-state save-state--${draft.saveState.kind}`} role="status">
          {footerText(draft)}
        </span>
        <span class="spacer" />
        <button type="submit" class="button button--primary" disabled={busy}>
          Save
        </button>
      </div>
    </form>
  );
}
