/**
 * The "Generate code" relaunch button (manifest relaunchButtons "code") on frames Figment exported. Other
 * buttons on the node (an image's "Refine image") stay: setRelaunchData replaces them all, so they are merged.
 */

export const RELAUNCH_CODE = { code: "Generate code for this frame" } as const;

/**
 * Best effort: relaunch data edits the document, which Dev Mode (read-only) and view-only files refuse.
 * A refusal only costs the shortcut button, so it is logged, not reported.
 */
export function markForRelaunch(nodes: readonly SceneNode[]): void {
  if (figma.editorType === "dev") return;
  for (const node of nodes) {
    try {
      node.setRelaunchData({ ...node.getRelaunchData(), ...RELAUNCH_CODE });
    } catch (error) {
      console.warn(`Figment: could not add the relaunch button to “${node.name}”:`, error);
    }
  }
}
