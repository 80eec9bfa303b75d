/**
 * What stands where a model control would be when there is no API key for the chosen endpoint: it says so
 * and links to Settings, instead of a box that fails after the click.
 */
import { keySlot, slotLabel } from "../../contract/keys.js";
import type { Settings } from "../../contract/settings.js";
import { KeyIcon } from "../controls/icons.js";

export function KeyNeeded({
  what,
  settings,
  onOpenSettings,
  class: extraClass,
}: {
  what: string;
  settings: Settings;
  onOpenSettings(): void;
  class?: string;
}) {
  return (
    <p class={`key-needed${extraClass ? ` ${extraClass}` : ""}`} role="note">
      <KeyIcon />
      <span class="key-needed__text">
        {what} needs an API key for {slotLabel(keySlot(settings))}.{" "}
        <button type="button" class="link-button" onClick={onOpenSettings}>
          Add a key in Settings
        </button>
      </span>
    </p>
  );
}
