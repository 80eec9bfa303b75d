/**
 * The Settings draft, held by the app so that unsaved edits, a typed key included, survive switching panels
 * (the panel itself unmounts). Save stores each typed key in its own slot, then the settings; the vault
 * learns a key only once the main thread has stored it.
 */
import { useCallback, useRef, useState } from "preact/hooks";
import type { KeySlot } from "../../contract/keys.js";
import type { Settings } from "../../contract/settings.js";
import type { MainRequests } from "../channel/requests.js";
import type { ApiKeyVault } from "../model/api-key.js";
import {
  EMPTY_DRAFT,
  formOf,
  isDirty,
  savePlan,
  typedKeys,
  unsavedItems,
  withEdits,
  withKey,
  withReplacing,
  type Draft,
  type SaveStep,
} from "./settings-draft.js";
import { formSdSlot, formSlot, type Form } from "./settings-form.js";
import type { SaveState, SettingsDraft } from "../parts/settings-draft-types.js";

export type { SaveState, SettingsDraft };

const message = (error: unknown): string => (error instanceof Error ? error.message : String(error));

type StoreStep = SaveStep | { settings: Partial<Settings>; key: { slot: KeySlot; value: null } };

/** One save-settings; the vault learns a key once the main thread says its slot holds one. */
async function storeStep(requests: MainRequests, vault: ApiKeyVault, step: StoreStep): Promise<void> {
  const saved = await requests.call(
    "save-settings",
    step.key ? { settings: step.settings, key: step.key } : { settings: step.settings },
  );
  if (step.key) vault.set(step.key.slot, saved.keySlots.includes(step.key.slot) ? step.key.value : null);
  vault.syncSlots(saved.keySlots);
}

export function useSettingsDraft(settings: Settings, vault: ApiKeyVault, requests: MainRequests): SettingsDraft {
  const [draft, setDraftState] = useState<Draft>(EMPTY_DRAFT);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saveState, setSaveState] = useState<SaveState>({ kind: "idle" });
  const draftRef = useRef(draft);
  const settingsRef = useRef(settings);
  settingsRef.current = settings;
  /** The ref is read by saves in flight; the state renders. */
  const replaceDraft = useCallback((next: Draft) => {
    draftRef.current = next;
    setDraftState(next);
  }, []);
  const setDraft = useCallback(
    (next: (d: Draft) => Draft) => {
      replaceDraft(next(draftRef.current));
      setSaveState((s) => (s.kind === "saving" ? s : { kind: "idle" }));
    },
    [replaceDraft],
  );

  const form = formOf(draft, settings);
  const slot = formSlot(form);
  const sdSlot = formSdSlot(form);

  const store = useCallback((step: StoreStep) => storeStep(requests, vault, step), [requests, vault]);

  const save = useCallback(async (): Promise<boolean> => {
    const plan = savePlan(draftRef.current, settingsRef.current);
    if ("errors" in plan) {
      setErrors(plan.errors);
      setSaveState({ kind: "failed", text: "Fix the highlighted fields." });
      return false;
    }
    setSaveState({ kind: "saving" });
    try {
      for (const step of plan.steps) {
        await store(step);
        // What is stored leaves the draft at once, so a later failure keeps only what is still unsaved.
        const stored = step.key;
        if (stored) draftRef.current = withReplacing(withKey(draftRef.current, stored.slot, ""), stored.slot, false);
      }
      replaceDraft(EMPTY_DRAFT);
      setErrors({});
      setSaveState({ kind: "saved", text: "Saved" });
      return true;
    } catch (error) {
      replaceDraft(draftRef.current);
      setSaveState({ kind: "failed", text: message(error) });
      return false;
    }
  }, [store, replaceDraft]);

  /** Removes the saved key of the slot `slotOf` names in the current form. */
  const removeFrom = useCallback(
    (slotOf: (form: Form) => KeySlot, done: string) => {
      const target = slotOf(formOf(draftRef.current, settingsRef.current));
      setSaveState({ kind: "saving" });
      store({ settings: {}, key: { slot: target, value: null } })
        .then(() => {
          replaceDraft(withReplacing(draftRef.current, target, false));
          setSaveState({ kind: "saved", text: done });
        })
        .catch((error: unknown) => setSaveState({ kind: "failed", text: message(error) }));
    },
    [store, replaceDraft],
  );
  const removeKey = useCallback(() => removeFrom(formSlot, "Key removed"), [removeFrom]);
  const removeSdAuth = useCallback(() => removeFrom(formSdSlot, "Server credentials removed"), [removeFrom]);

  const update = useCallback(
    (changes: Partial<Form>) => {
      setDraft((d) => withEdits(d, settingsRef.current, changes));
      setErrors((all) => Object.fromEntries(Object.entries(all).filter(([key]) => !(key in changes))));
    },
    [setDraft],
  );

  const discard = useCallback(() => {
    replaceDraft(EMPTY_DRAFT);
    setErrors({});
    setSaveState({ kind: "idle" });
  }, [replaceDraft]);

  return {
    form,
    slot,
    errors,
    dirty: isDirty(draft, settings),
    unsaved: unsavedItems(draft, settings),
    typedKey: draft.keys[slot] ?? "",
    replacing: draft.replacing.includes(slot),
    otherTyped: typedKeys(draft)
      .map(([s]) => s)
      .filter((s) => s !== slot && s !== sdSlot),
    saveState,
    sd: {
      slot: sdSlot,
      typed: draft.keys[sdSlot] ?? "",
      replacing: draft.replacing.includes(sdSlot),
      type: (value) => setDraft((d) => withKey(d, sdSlot, value)),
      setReplacing: (on) => setDraft((d) => withReplacing(d, sdSlot, on)),
      remove: removeSdAuth,
    },
    update,
    typeKey: (value) => setDraft((d) => withKey(d, slot, value)),
    setReplacing: (on) => setDraft((d) => withReplacing(d, slot, on)),
    save,
    removeKey,
    discard,
  };
}
