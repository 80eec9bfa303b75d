/**
 * Which file stored history belongs to. `figma.fileKey` is only set for private plugins, so for Figment it
 * is usually undefined; then an id kept in the document root's pluginData names the file (created on the
 * first save, so reading never writes). Every file's root has the id "0:0", so the root id alone cannot
 * tell files apart; it is only the last resort where the file cannot be written (Dev Mode, view-only).
 * A duplicated file keeps the id, so its copy shows the original's versions too.
 */
const FILE_ID_KEY = "figment.fileId";

function newId(): string {
  let id = "";
  while (id.length < 16) id += Math.random().toString(36).slice(2);
  return id.slice(0, 16);
}

/** This file's scope; with `create`, one is made (and stored in the file) when it has none yet. */
export function fileScope(create: boolean): string | undefined {
  if (figma.fileKey) return `file:${figma.fileKey}`;
  const existing = figma.root.getPluginData(FILE_ID_KEY);
  if (existing) return `doc:${existing}`;
  if (!create) return undefined;
  const id = newId();
  try {
    // Its own undo step: undoing the user's next action must not take the file's id away with it.
    figma.commitUndo();
    figma.root.setPluginData(FILE_ID_KEY, id);
    figma.commitUndo();
    return `doc:${id}`;
  } catch {
    return `root:${figma.root.id}`;
  }
}
