/**
 * Unsaved Settings work: the fields changed over the saved settings, and keys typed but not saved, each
 * held for the key slot (provider + base URL) it was typed for, so switching provider shows that slot's
 * state and a key is only ever saved for the endpoint it was typed for. Pure: the hook
 * (use-settings-draft.ts) keeps it at app level, so it survives switching panels.
 */
import { isKeySlot, parseSdSlot, type KeySlot } from "../../contract/keys.js";
import type { Settings } from "../../contract/settings.js";
import { FIELD_NAMES, formFrom, formSdSlot, formSlot, patchFrom, slotName, type Form } from "./settings-form.js";

export interface Draft {
  /** Fields whose value differs from the saved settings (an edit back to the saved value drops out). */
  readonly edits: Partial<Form>;
  /** Keys typed and not saved yet, by the slot they were typed for. */
  readonly keys: Readonly<Record<KeySlot, string>>;
  /** Slots whose saved key the user chose to replace (the key field shows instead of "saved"). */
  readonly replacing: readonly KeySlot[];
}

export const EMPTY_DRAFT: Draft = { edits: {}, keys: {}, replacing: [] };

export const formOf = (draft: Draft, settings: Settings): Form => ({ ...formFrom(settings), ...draft.edits });

/** The fields whose draft value differs from the saved settings. */
export function changedFields(draft: Draft, settings: Settings): (keyof Form)[] {
  const saved = formFrom(settings);
  return (Object.keys(draft.edits) as (keyof Form)[]).filter((key) => draft.edits[key] !== saved[key]);
}

/**
 * The draft with `changes` applied. Editing the base URL takes the key typed for the old endpoint along (the
 * user sees it in the form while typing the URL); switching provider does not: the key field then shows
 * the other slot's own state.
 */
export function withEdits(draft: Draft, settings: Settings, changes: Partial<Form>): Draft {
  const saved = formFrom(settings);
  const before = formOf(draft, settings);
  const edits: Partial<Form> = { ...draft.edits, ...changes };
  for (const key of Object.keys(edits) as (keyof Form)[]) if (edits[key] === saved[key]) delete edits[key];
  const next = { ...draft, edits };
  const after = formOf(next, settings);
  const moved = before.provider !== after.provider ? next : moveKey(next, formSlot(before), formSlot(after));
  // The SD server's credentials follow its URL the same way.
  return moveKey(moved, formSdSlot(before), formSdSlot(after));
}

/** The key typed for `from` moved to `to` (unless `to` has one typed already). */
function moveKey(draft: Draft, from: KeySlot, to: KeySlot): Draft {
  const typed = draft.keys[from];
  if (from === to || typed === undefined || draft.keys[to] !== undefined) return draft;
  const { [from]: _moved, ...keys } = draft.keys;
  return { ...draft, keys: { ...keys, [to]: typed } };
}

/** A key typed for `slot` ("" forgets it). */
export function withKey(draft: Draft, slot: KeySlot, value: string): Draft {
  const { [slot]: _old, ...keys } = draft.keys;
  return { ...draft, keys: value === "" ? keys : { ...keys, [slot]: value } };
}

/** Starts or stops replacing the saved key of `slot`; stopping forgets what was typed for it. */
export function withReplacing(draft: Draft, slot: KeySlot, on: boolean): Draft {
  const replacing = draft.replacing.filter((s) => s !== slot);
  const next = { ...draft, replacing: on ? [...replacing, slot] : replacing };
  return on ? next : withKey(next, slot, "");
}

/** Typed keys that Save would store: not blank, for a slot that names a real endpoint. */
export function typedKeys(draft: Draft): [KeySlot, string][] {
  return Object.entries(draft.keys)
    .map(([slot, key]): [KeySlot, string] => [slot, key.trim()])
    .filter(([slot, key]) => key !== "" && isKeySlot(slot));
}

export function isDirty(draft: Draft, settings: Settings): boolean {
  return changedFields(draft, settings).length > 0 || typedKeys(draft).length > 0;
}

/** What is unsaved, in words: "API key for OpenRouter", "model", … */
export function unsavedItems(draft: Draft, settings: Settings): string[] {
  return [
    ...typedKeys(draft).map(([slot]) => `${parseSdSlot(slot) ? "credentials" : "API key"} for ${slotName(slot)}`),
    ...changedFields(draft, settings).map((key) => FIELD_NAMES[key]),
  ];
}

export interface SaveStep {
  settings: Partial<Settings>;
  key?: { slot: KeySlot; value: string };
}

/**
 * What Save sends, one `save-settings` per step: first the keys typed for other slots (each to its own
 * slot, no settings), then the form's settings with the key typed for the form's own slot. Or, when a
 * field is not valid, the message for each such field and nothing to send.
 */
export function savePlan(draft: Draft, settings: Settings): { steps: SaveStep[] } | { errors: Record<string, string> } {
  const form = formOf(draft, settings);
  const checked = patchFrom(form);
  if ("errors" in checked) return checked;
  const own = formSlot(form);
  const keys = typedKeys(draft);
  const others = keys
    .filter(([slot]) => slot !== own)
    .map(([slot, value]): SaveStep => ({ settings: {}, key: { slot, value } }));
  const mine = keys.find(([slot]) => slot === own);
  return { steps: [...others, { settings: checked.patch, ...(mine ? { key: { slot: own, value: mine[1] } } : {}) }] };
}
