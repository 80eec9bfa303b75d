/**
 * The image panel's requests to the main thread: place an image (insert, fill the selection, replace a
 * Figment image) and keep its versions; read the selection for inpainting (the image and the shapes over it);
 * and the image a relaunch button opened the panel for. Each answer
 * goes to its request; refusals are PluginErrors, which the session sends as `error` on the request.
 */
import type { ImageNode } from "../../contract/image.js";
import type { MainMessage } from "../../contract/messages.js";
import type { ImageAction } from "../../contract/words.js";
import { fillSelection } from "../canvas/fill-selection.js";
import { readRecord } from "../canvas/image-record.js";
import { anchorLayer, insertImage } from "../canvas/insert-image.js";
import { repaintImage, replaceImage } from "../canvas/replace-image.js";
import { readMaskSource } from "../export/mask-source.js";
import { deleteImageVersions, loadImageVersions, saveImageVersion } from "../storage/image-versions.js";
import { post } from "./post.js";

export type ImageRequest = Extract<MainMessage, { type: "insert-image" | "fill-selection" | "replace-image" | "repaint-image" | "load-image-versions" | "save-image-version" | "delete-image-versions" | "read-mask-source" }>;

/** `secrets`: the stored API keys, which must never reach a layer's record. */
export async function answerImage(message: ImageRequest, secrets: readonly string[]): Promise<void> {
  const { requestId } = message;
  switch (message.type) {
    case "insert-image":
      return post("image-placed", { requestId, ...insertImage(message, secrets, message.besideId ? await anchorLayer(message.besideId) : undefined) });
    case "fill-selection":
      return post("image-placed", { requestId, ...fillSelection(message, secrets) });
    case "replace-image":
      return post("image-placed", { requestId, ...(await replaceImage(message, secrets)) });
    case "repaint-image":
      return post("image-placed", { requestId, ...(await repaintImage(message, secrets)) });
    case "load-image-versions": {
      const { versions, usage, lost } = await loadImageVersions(message.allFiles === true);
      return post("image-versions", { requestId, versions, usage, ...(lost > 0 ? { lost } : {}) });
    }
    case "save-image-version":
      return post("versions-usage", { requestId, usage: await saveImageVersion(message.version) });
    case "delete-image-versions":
      return post("versions-usage", { requestId, usage: await deleteImageVersions(message.ids) });
    case "read-mask-source":
      // A snapshot: the selection may change while the image's bytes are read.
      return post("mask-source", { requestId, source: await readMaskSource([...figma.currentPage.selection]) });
    default:
      message satisfies never;
  }
}

/** The image a relaunch button was clicked on (Figma selects it): the first selected layer with a record. */
export function relaunchedImage(selection: readonly SceneNode[], action: ImageAction): ImageNode | undefined {
  for (const node of selection) {
    const record = "fills" in node ? readRecord(node) : undefined;
    if (record) return { nodeId: node.id, record, action };
  }
  return undefined;
}
