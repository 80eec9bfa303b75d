/**
 * Replace: swaps the image of a layer Figment made (it has a record) for another version, keeping the
 * layer's size, position and the rest of its fills. Layers Figment did not make are refused: their image
 * is the designer's own (Fill selection is the way to put an image there on purpose).
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
  if (!found || found.removed) throw new PluginError("not-found", "That image is no longer in the file (it was deleted, or the version came from another file).");
  if (found.type === "PAGE" || found.type === "DOCUMENT" || !("fills" in found) || readRecord(found) === undefined) {
    throw new PluginError("not-generated", `“${found.name}” was not made by Figment, so Replace would overwrite an image of its own. Use Fill selection to put the image there on purpose. Nothing was changed.`);
  }
  const node = found as SceneNode & MinimalFillsMixin;
  const encoded = encodeRecord(request.record, secrets);
  const image = createImage(request.bytes);
  const before = { fills: node.fills, record: node.getPluginData(RECORD_KEY), relaunch: node.getRelaunchData() };
  const current = typeof before.fills === "symbol" ? [] : before.fills;
  const hasImage = current.some((paint) => paint.type === "IMAGE");
  // Each image paint keeps its scale mode, opacity and transform; only the image changes.
  const fills: Paint[] = hasImage ? current.map((paint) => (paint.type === "IMAGE" ? { ...paint, imageHash: image.hash } : paint)) : [...current, { type: "IMAGE", imageHash: image.hash, scaleMode: "FILL" }];
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
  return { nodeIds: [node.id], ...(hasImage ? {} : { note: `“${node.name}” had no image fill any more; the image was added on top of its fills.` }) };
}
