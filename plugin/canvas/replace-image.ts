/**
 * Replace: swaps the image of a layer Figment made (it has a record) for another version, keeping the
 * layer's size, position and the rest of its fills. Layers Figment did not make are refused: their image
 * is the designer's own (Fill selection is the way to put an image there on purpose).
 * Repaint (inpainting, "Repaint the masked area"): the designer asked for their own layer's image to be
 * repainted, so any image layer is taken; only its top visible image paint changes (the one the mask was
 * made on), keeping its scale mode and crop. The panel keeps the original as a version first.
 */
import type { ImageRecord } from "../../contract/image.js";
import { PluginError } from "../errors.js";
import { createImage } from "./image-bytes.js";
import { encodeRecord, readRecord, RECORD_KEY, writeRecord } from "./image-record.js";
import type { Placed } from "./insert-image.js";
import { oneUndoStep, requireEditable } from "./undo-step.js";

export interface ReplaceImage {
  nodeId: string;
  bytes: Uint8Array;
  record: ImageRecord;
}

export async function replaceImage(request: ReplaceImage, secrets: readonly string[]): Promise<Placed> {
  requireEditable("replace images");
  const found = await figma.getNodeByIdAsync(request.nodeId);
  if (!found || found.removed)
    throw new PluginError(
      "not-found",
      "That image is no longer in the file (it was deleted, or the version came from another file).",
    );
  if (found.type === "PAGE" || found.type === "DOCUMENT" || !("fills" in found) || readRecord(found) === undefined) {
    throw new PluginError(
      "not-generated",
      `“${found.name}” was not made by Figment, so Replace would overwrite an image of ` +
        `its own. Use Fill selection to put the image there on purpose. Nothing was changed.`,
    );
  }
  const node = found as SceneNode & MinimalFillsMixin;
  const current = typeof node.fills === "symbol" ? [] : node.fills;
  const hasImage = current.some((paint) => paint.type === "IMAGE");
  // Each image paint keeps its scale mode, opacity and transform; only the image changes.
  const fills = (hash: string): Paint[] =>
    hasImage
      ? current.map((paint) => (paint.type === "IMAGE" ? { ...paint, imageHash: hash } : paint))
      : [...current, { type: "IMAGE", imageHash: hash, scaleMode: "FILL" }];
  swapFills(node, fills, request, secrets);
  return {
    nodeIds: [node.id],
    ...(hasImage
      ? {}
      : { note: `“${node.name}” had no image fill any more; the image was added on top of its fills.` }),
  };
}

/** Repaint: the inpainted image in place of `nodeId`'s top visible image paint, whoever made the layer. */
export async function repaintImage(request: ReplaceImage, secrets: readonly string[]): Promise<Placed> {
  requireEditable("repaint images");
  const found = await figma.getNodeByIdAsync(request.nodeId);
  if (!found || found.removed)
    throw new PluginError(
      "not-found",
      "The image layer is no longer in the file (it was deleted while it was repainted). Nothing was changed.",
    );
  const current =
    found.type !== "PAGE" && found.type !== "DOCUMENT" && "fills" in found && typeof found.fills !== "symbol"
      ? found.fills
      : [];
  let top = -1;
  current.forEach((paint, i) => void (paint.type === "IMAGE" && paint.visible !== false ? (top = i) : undefined));
  if (top < 0)
    throw new PluginError(
      "unsupported-node",
      `“${found.name}” has no visible image fill any more, so there is nothing to repaint. Nothing was changed.`,
    );
  const node = found as SceneNode & MinimalFillsMixin;
  // The scale mode, crop (imageTransform), rotation, filters and opacity stay; only the image changes.
  swapFills(
    node,
    (hash) => current.map((paint, i) => (i === top ? { ...(paint as ImagePaint), imageHash: hash } : paint)),
    request,
    secrets,
  );
  return { nodeIds: [node.id] };
}

/** The new fills and the record on `node` as one undo step; any failure puts back what was there. */
function swapFills(
  node: SceneNode & MinimalFillsMixin,
  fillsFor: (hash: string) => Paint[],
  request: ReplaceImage,
  secrets: readonly string[],
): void {
  const encoded = encodeRecord(request.record, secrets);
  const image = createImage(request.bytes);
  const before = { fills: node.fills, record: node.getPluginData(RECORD_KEY), relaunch: node.getRelaunchData() };
  const fills = fillsFor(image.hash);
  oneUndoStep(() => {
    try {
      node.fills = fills;
      writeRecord(node, request.record, encoded);
    } catch (error) {
      if (typeof before.fills !== "symbol") node.fills = before.fills;
      node.setPluginData(RECORD_KEY, before.record);
      node.setRelaunchData(before.relaunch);
      throw error;
    }
  });
}
