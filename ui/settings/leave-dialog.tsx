/**
 * Asked when the user leaves Settings with unsaved changes: Save, Discard, or Keep editing (Escape, or a
 * click outside). A small modal inside the panel, as Figma's own confirmations: focus starts on Save and
 * stays in the dialog until it closes.
 */
import { useLayoutEffect, useRef } from "preact/hooks";

export interface LeaveDialogProps {
  /** What is unsaved, in words ("API key for OpenRouter", "model"). */
  items: string[];
  saving: boolean;
  onSave(): void;
  onDiscard(): void;
  onKeep(): void;
}

export function LeaveDialog({ items, saving, onSave, onDiscard, onKeep }: LeaveDialogProps) {
  const dialog = useRef<HTMLDivElement>(null);
  // Before the dialog paints (a layout effect, not an effect that runs after it): a key pressed as soon as the
  // dialog shows must reach it, not the control behind it that had focus (Escape pressed at once was lost).
  useLayoutEffect(() => {
    dialog.current?.querySelector<HTMLButtonElement>(".button--primary")?.focus();
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape") {
      event.preventDefault();
      onKeep();
      return;
    }
    if (event.key !== "Tab" || !dialog.current) return;
    // Focus goes round the dialog's buttons, never to the panel behind it.
    const buttons = [...dialog.current.querySelectorAll<HTMLButtonElement>("button:not(:disabled)")];
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const next = buttons[(at + (event.shiftKey ? -1 : 1) + buttons.length) % buttons.length];
    event.preventDefault();
    next?.focus();
  };

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a press outside the dialog keeps editing, as Escape does
    <div class="dialog-scrim" onMouseDown={(event) => event.target === event.currentTarget && onKeep()}>
      <div
        ref={dialog}
        class="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="leave-title"
        aria-describedby="leave-body"
        onKeyDown={onKeyDown}
      >
        <h2 id="leave-title" class="dialog__title">
          Save your changes to Settings?
        </h2>
        <p id="leave-body" class="dialog__body">
          Not saved yet: {items.join(", ")}.
        </p>
        <div class="dialog__actions">
          <button type="button" class="button button--ghost" onClick={onDiscard} disabled={saving}>
            Discard
          </button>
          <span class="spacer" />
          <button type="button" class="button button--secondary" onClick={onKeep}>
            Keep editing
          </button>
          <button type="button" class="button button--primary" onClick={onSave} disabled={saving}>
            {saving ? "Saving…" : "Save"}
          </button>
        </div>
      </div>
    </div>
  );
}
