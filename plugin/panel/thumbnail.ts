/** Small previews of selected layers for the panel. */
import { PluginError, errorText } from "../errors.js";
import { MAX_PNG_SCALE, THUMBNAIL_SIDE } from "../limits.js";
import { fitScale } from "../export/scale.js";

export async function thumbnail(nodeId: string): Promise<Uint8Array> {
  const node = await figma.getNodeByIdAsync(nodeId);
  if (!node || node.type === "DOCUMENT" || node.type === "PAGE") {
    throw new PluginError("unsupported-node", "That layer no longer exists or cannot be previewed.");
  }
  if (!(Math.max(node.width, node.height) > 0)) throw new PluginError("unsupported-node", `“${node.name}” has no size to preview.`);
  const scale = fitScale(node.width, node.height, THUMBNAIL_SIDE, MAX_PNG_SCALE);
  try {
    return await node.exportAsync({ format: "PNG", constraint: { type: "SCALE", value: scale } });
  } catch (error) {
    throw new PluginError("export-failed", `Could not preview “${node.name}”: ${errorText(error)}`);
  }
}
