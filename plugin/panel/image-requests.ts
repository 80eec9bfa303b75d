/**
 * The image panel's requests to the main thread: place an image (insert, fill the selection, replace a
 * Figment image) and keep its versions; read the selection for inpainting (the image and the shapes over it);
 * and the image a relaunch button opened the panel for. Each answer
 * goes to its request; refusals are PluginErrors, which the session sends as `error` on the request.
 */
import type { ImageNode } from "../../contract/image.js";
import type { ImageAction } from "../../contract/words.js";
import { fillSelection } from "../canvas/fill-selection.js";
import { readRecord } from "../canvas/image-record.js";
import { anchorLayer, insertImage } from "../canvas/insert-image.js";
import { repaintImage, replaceImage } from "../canvas/replace-image.js";
import { readMaskSource } from "../export/mask-source.js";
import { deleteImageVersions, loadImageVersions, saveImageVersion } from "../storage/image-versions.js";
import type { SomeHandlers } from "./handler.js";

/** `session.secrets()`: the stored API keys, which must never reach a layer's record. */
export const imageHandlers = {
  "insert-image": async (message, session) =>
    insertImage(message, session.secrets(), message.besideId ? await anchorLayer(message.besideId) : undefined),
  "fill-selection": async (message, session) => fillSelection(message, session.secrets()),
  "replace-image": (message, session) => replaceImage(message, session.secrets()),
  "repaint-image": (message, session) => repaintImage(message, session.secrets()),
  "load-image-versions": async ({ allFiles }) => {
    const { versions, usage, lost } = await loadImageVersions(allFiles === true);
    return { versions, usage, ...(lost > 0 ? { lost } : {}) };
  },
  "save-image-version": async ({ version }) => ({ usage: await saveImageVersion(version) }),
  "delete-image-versions": async ({ ids }) => ({ usage: await deleteImageVersions(ids) }),
  // A snapshot: the selection may change while the image's bytes are read.
  "read-mask-source": async () => ({ source: await readMaskSource([...figma.currentPage.selection]) }),
} satisfies SomeHandlers;

/** The image a relaunch button was clicked on (Figma selects it): the first selected layer with a record. */
export function relaunchedImage(selection: readonly SceneNode[], action: ImageAction): ImageNode | undefined {
  for (const node of selection) {
    const record = "fills" in node ? readRecord(node) : undefined;
    if (record) return { nodeId: node.id, record, action };
  }
  return undefined;
}
