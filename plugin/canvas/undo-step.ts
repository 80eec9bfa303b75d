/**
 * Canvas writes as one undo step each. Figma puts everything a plugin does between two
 * `figma.commitUndo()` calls into one step: committing before keeps earlier changes (e.g. relaunch buttons
 * set after an export) out of it, committing after keeps the next action out. A write that fails undoes
 * its own changes before it throws, so nothing half-made is left to commit.
 */
import { PluginError } from "../errors.js";

/** Canvas writes need an editable file: Dev Mode (and view-only files) are read-only. */
export function requireEditable(action: string): void {
  if (figma.editorType === "dev")
    throw new PluginError(
      "read-only",
      `Dev Mode is read-only, so Figment cannot ${action} here. Switch to Design mode and try again.`,
    );
}

export function oneUndoStep<T>(write: () => T): T {
  figma.commitUndo();
  const result = write();
  figma.commitUndo();
  return result;
}
