/**
 * The Settings draft's shape. The app holds the draft (so unsaved edits survive switching panels) and hands it to
 * the Settings part (part-props.ts), so the shape is part of what the shell and the parts exchange and lives here,
 * below the panels; ui/settings/use-settings-draft.ts makes one and ui/settings/settings-form.ts works on its form.
 */
import type { KeySlot } from "../../contract/keys.js";
import type { Provider, Settings } from "../../contract/settings.js";

/** The Settings form's fields as typed (numbers still text until saved). */
export interface Form {
  provider: Provider;
  baseUrl: string;
  model: string;
  target: Settings["target"];
  styling: Settings["styling"];
  maxImageSize: string;
  timeoutSec: string;
  embeddingModel: string;
  embeddingDimensions: string;
  captionModel: string;
  batchApiThreshold: string;
  imageSource: Settings["imageSource"];
  sdBaseUrl: string;
  sdModel: string;
  sdSampler: string;
}

export type SaveState =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; text: string }
  | { kind: "failed"; text: string };

export interface SettingsDraft {
  form: Form;
  /** The key slot of the form's provider and base URL. */
  slot: KeySlot;
  errors: Record<string, string>;
  dirty: boolean;
  /** What is unsaved, in words (for the leave dialog). */
  unsaved: string[];
  /** The key typed for the form's slot. */
  typedKey: string;
  replacing: boolean;
  /** Other slots with a typed key that Save stores too. */
  otherTyped: KeySlot[];
  saveState: SaveState;
  /**
   * The SD server's credentials: the form's server slot, what was typed for it, whether its saved ones are being
   * replaced.
   */
  sd: {
    slot: KeySlot;
    typed: string;
    replacing: boolean;
    type(value: string): void;
    setReplacing(on: boolean): void;
    remove(): void;
  };
  update(changes: Partial<Form>): void;
  typeKey(value: string): void;
  setReplacing(on: boolean): void;
  /** Resolves true once everything is stored; false when a field is invalid or the main thread refused. */
  save(): Promise<boolean>;
  removeKey(): void;
  discard(): void;
}
