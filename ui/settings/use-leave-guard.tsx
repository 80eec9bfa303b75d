/**
 * Leaving Settings with unsaved changes asks first: the nav calls `go`, which opens the LeaveDialog instead
 * of switching when the draft is dirty. Save switches once everything is stored (a field to fix or a refused
 * save keeps Settings open, showing why); Discard drops the draft and switches; Keep editing stays.
 */
import type { VNode } from "preact";
import { useState } from "preact/hooks";
import { LeaveDialog } from "./leave-dialog.js";
import type { SettingsDraft } from "./use-settings-draft.js";

export interface LeaveGuard<P extends string> {
  go(next: P): void;
  /** The dialog while it is open; the rest of the panel should be inert then. */
  dialog: VNode | null;
}

export function useLeaveGuard<P extends string>(
  panel: P,
  setPanel: (next: P) => void,
  draft: SettingsDraft,
  onSaved: () => void,
): LeaveGuard<P> {
  const [leavingTo, setLeavingTo] = useState<P | undefined>(undefined);
  const go = (next: P) => {
    if (panel === "settings" && next !== "settings" && draft.dirty) setLeavingTo(next);
    else setPanel(next);
  };
  const discard = (to: P) => {
    draft.discard();
    setLeavingTo(undefined);
    setPanel(to);
  };
  const save = (to: P) =>
    void draft.save().then((saved) => {
      setLeavingTo(undefined);
      if (!saved) return;
      setPanel(to);
      onSaved();
    });
  const dialog =
    leavingTo === undefined ? null : (
      <LeaveDialog
        items={draft.unsaved}
        saving={draft.saveState.kind === "saving"}
        onSave={() => save(leavingTo)}
        onDiscard={() => discard(leavingTo)}
        onKeep={() => setLeavingTo(undefined)}
      />
    );
  return { go, dialog };
}
