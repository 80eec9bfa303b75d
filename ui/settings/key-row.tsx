/**
 * Settings → API key, for the form's key slot only (provider + base URL): "OpenRouter key saved" with
 * Replace and Remove, or the key field with "No key for OpenAI". A saved key is never shown again.
 */
import type { KeySlot } from "../../contract/keys.js";
import type { Provider } from "../../contract/settings.js";
import { slotName } from "./settings-form.js";

export interface KeyRowProps {
  slot: KeySlot;
  provider: Provider;
  /** Whether the slot holds a saved key. */
  saved: boolean;
  typed: string;
  replacing: boolean;
  busy: boolean;
  /** Other slots with a typed key that Save stores too. */
  otherTyped: KeySlot[];
  onType(value: string): void;
  onReplace(on: boolean): void;
  onRemove(): void;
}

function KeyState({
  name,
  saved,
  replacing,
  typed,
}: {
  name: string;
  saved: boolean;
  replacing: boolean;
  typed: boolean;
}) {
  if (saved && !replacing) return null;
  const text = replacing
    ? `Replacing the ${name} key`
    : typed
      ? `Not saved yet: key for ${name}`
      : `No key for ${name}`;
  return (
    <span class={`key-state${typed ? " key-state--typed" : ""}`} role="status">
      {text}
    </span>
  );
}

export function KeyRow({
  slot,
  provider,
  saved,
  typed,
  replacing,
  busy,
  otherTyped,
  onType,
  onReplace,
  onRemove,
}: KeyRowProps) {
  const name = slotName(slot);
  const others = otherTyped.map(slotName);
  return (
    <div class="field" data-slot={slot}>
      <div class="field__label-row">
        <span class="field__label" id="key-label">
          API key
        </span>
        <KeyState name={name} saved={saved} replacing={replacing} typed={typed.trim() !== ""} />
      </div>
      {saved && !replacing ? (
        <div class="key-row key-row--saved">
          <span class="key-saved" role="note" aria-labelledby="key-label">
            <span aria-hidden="true">••••••••</span> <span class="key-saved__name">{name} key saved</span>
          </span>
          <span class="key-row__actions">
            <button type="button" class="button button--secondary" onClick={() => onReplace(true)}>
              Replace
            </button>
            <button type="button" class="button button--danger" disabled={busy} onClick={onRemove}>
              Remove key
            </button>
          </span>
        </div>
      ) : (
        <div class="key-row">
          <input
            class="input"
            type="password"
            aria-labelledby="key-label"
            autocomplete="off"
            spellcheck={false}
            placeholder={provider === "openrouter" ? "sk-or-…" : "sk-…"}
            value={typed}
            onInput={(e) => onType(e.currentTarget.value)}
          />
          {replacing ? (
            <button type="button" class="button button--secondary" onClick={() => onReplace(false)}>
              Keep saved key
            </button>
          ) : null}
        </div>
      )}
      <span class="field__help">
        Stored in Figma's local plugin storage on this computer, never in the file. Each provider and base URL keeps its
        own key.
      </span>
      {others.length > 0 ? (
        <span class="field__help key-others">Save also stores the key typed for {others.join(", ")}.</span>
      ) : null}
    </div>
  );
}
