/**
 * `export-frame-image`: a frame's PNG at most `maxSide` px on its long side (thumbnails of search results,
 * the picture a caption is made from), for a frame on any page. Its page is loaded first: under
 * documentAccess "dynamic-page" a search result is usually on a page the designer has not opened.
 */
import { readImageHeader } from "../canvas/image-bytes.js";
import { PluginError, errorText } from "../errors.js";
import { fitScale } from "../export/scale.js";
import { MAX_PNG_SCALE } from "../limits.js";

export interface FrameImage {
  png: Uint8Array;
  width: number;
  height: number;
}

function pageOf(node: BaseNode): PageNode | undefined {
  let current: BaseNode | null = node;
  while (current && current.type !== "PAGE") current = current.parent;
  return current?.type === "PAGE" ? current : undefined;
}

export async function exportFrameImage(nodeId: string, maxSide: number): Promise<FrameImage> {
  const node = await figma.getNodeByIdAsync(nodeId);
  const page = node && !node.removed ? pageOf(node) : undefined;
  if (!node || !page || node.type === "PAGE" || node.type === "DOCUMENT")
    throw new PluginError(
      "not-found",
      "That frame is no longer in the file (it was deleted or " +
        "moved to another file); scan again to update the results.",
    );
  const scene = node as SceneNode;
  if (!(Math.max(scene.width, scene.height) > 0))
    throw new PluginError("unsupported-node", `“${scene.name}” has no size to picture.`);
  await page.loadAsync();
  const scale = fitScale(scene.width, scene.height, maxSide, MAX_PNG_SCALE);
  let png: Uint8Array;
  try {
    png = await scene.exportAsync({ format: "PNG", constraint: { type: "SCALE", value: scale } });
  } catch (error) {
    throw new PluginError("export-failed", `Could not picture “${scene.name}”: ${errorText(error)}`);
  }
  // The size Figma made (its rounding), not the one we asked for.
  const header = readImageHeader(png);
  return {
    png,
    width: header?.width ?? Math.max(1, Math.round(scene.width * scale)),
    height: header?.height ?? Math.max(1, Math.round(scene.height * scale)),
  };
}
