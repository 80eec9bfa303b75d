/**
 * Select a layer and bring it into view: what a click on a problem that names a layer does. With
 * `documentAccess: "dynamic-page"` the node is found with getNodeByIdAsync and its page is made current
 * with setCurrentPageAsync before it can be selected.
 */
import { PluginError } from "../errors.js";

function pageOf(node: BaseNode): PageNode | undefined {
  let current: BaseNode | null = node;
  while (current && current.type !== "PAGE") current = current.parent;
  return current?.type === "PAGE" ? current : undefined;
}

export async function focusNode(nodeId: string): Promise<void> {
  const node = await figma.getNodeByIdAsync(nodeId);
  if (!node || node.removed)
    throw new PluginError(
      "not-found",
      "That layer is no longer in the file (it was deleted, or the code came from another file).",
    );
  const page = pageOf(node);
  if (!page || node.type === "PAGE" || node.type === "DOCUMENT")
    throw new PluginError("not-found", `“${node.name}” is not a layer on a page.`);
  if (page !== figma.currentPage) await figma.setCurrentPageAsync(page);
  const scene = node as SceneNode;
  figma.currentPage.selection = [scene];
  figma.viewport.scrollAndZoomIntoView([scene]);
}
