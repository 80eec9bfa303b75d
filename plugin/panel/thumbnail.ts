/** Small previews of selected layers for the panel. */
import { PluginError, errorText } from "../errors.js";
import { MAX_PNG_SCALE, THUMBNAIL_SIDE } from "../limits.js";
import { fitScale } from "../export/scale.js";

/**
 * The PNG, or undefined when the layer was deleted since the panel asked: the selection changed with it and a
 * `selection` message follows, so there is nothing to tell the user.
 */
export async function thumbnail(nodeId: string): Promise<Uint8Array | undefined> {
  const node = await figma.getNodeByIdAsync(nodeId);
  if (!node) return undefined;
  if (node.type === "DOCUMENT" || node.type === "PAGE")
    throw new PluginError("unsupported-node", "A page cannot be previewed.");
  if (!(Math.max(node.width, node.height) > 0))
    throw new PluginError("unsupported-node", `“${node.name}” has no size to preview.`);
  const scale = fitScale(node.width, node.height, THUMBNAIL_SIDE, MAX_PNG_SCALE);
  try {
    return await node.exportAsync({ format: "PNG", constraint: { type: "SCALE", value: scale } });
  } catch (error) {
    throw new PluginError("export-failed", `Could not preview “${node.name}”: ${errorText(error)}`);
  }
}
