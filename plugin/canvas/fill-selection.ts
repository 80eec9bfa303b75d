/**
 * Fill selection: the image becomes the fill of every selected layer, which keeps its size (FILL crops to
 * cover, FIT shows it whole). If any selected layer cannot take an image fill, nothing changes and the
 * error names each one. One undo step; a failure midway puts the fills and records back.
 */
import type { FillMode, ImageRecord } from "../../contract/image.js";
import { PluginError } from "../errors.js";
import { createImage } from "./image-bytes.js";
import { encodeRecord, RECORD_KEY, writeRecord } from "./image-record.js";
import type { Placed } from "./insert-image.js";
import { oneUndoStep, requireEditable } from "./undo-step.js";

/** Layers whose fill an image can be: shapes, frames, components and instances, text. */
const FILLABLE = new Set([
  "RECTANGLE",
  "ELLIPSE",
  "POLYGON",
  "STAR",
  "VECTOR",
  "BOOLEAN_OPERATION",
  "FRAME",
  "COMPONENT",
  "INSTANCE",
  "TEXT",
]);

const REASONS: Record<string, string> = {
  GROUP: "a group has no fill of its own; select the layers in it",
  SECTION: "a section takes only colour fills",
  LINE: "a line has no area to fill",
  SLICE: "a slice is an export area",
  COMPONENT_SET: "a component set holds variants; select one of them",
};

/** Why this layer cannot take an image fill, or undefined when it can. */
export function fillRefusal(node: SceneNode): string | undefined {
  if (FILLABLE.has(node.type) && "fills" in node) return undefined;
  return REASONS[node.type] ?? `a ${node.type.toLowerCase().replace(/_/g, " ")} layer cannot take an image fill`;
}

type Fillable = SceneNode & MinimalFillsMixin;

export interface FillSelection {
  bytes: Uint8Array;
  scaleMode: FillMode;
  record: ImageRecord;
}

export function fillSelection(request: FillSelection, secrets: readonly string[]): Placed {
  requireEditable("fill layers");
  const selection = [...figma.currentPage.selection];
  if (selection.length === 0)
    throw new PluginError("empty-selection", "Select the layers to fill with the image first.");
  const refused = selection.map((node) => ({ node, reason: fillRefusal(node) })).filter((r) => r.reason !== undefined);
  if (refused.length > 0) {
    const list = refused.map((r) => `“${r.node.name}” (${r.reason})`).join(", ");
    throw new PluginError(
      "unsupported-node",
      `${refused.length === 1 ? "This layer cannot" : `${refused.length} of the selected layers cannot`}` +
        ` take the image: ${list}. Nothing was changed.`,
    );
  }
  const encoded = encodeRecord(request.record, secrets);
  const image = createImage(request.bytes);
  const nodes = selection as Fillable[];
  oneUndoStep(() => {
    const before = nodes.map((node) => ({
      node,
      fills: node.fills,
      record: node.getPluginData(RECORD_KEY),
      relaunch: node.getRelaunchData(),
    }));
    try {
      for (const node of nodes) {
        node.fills = [{ type: "IMAGE", imageHash: image.hash, scaleMode: request.scaleMode }];
        writeRecord(node, request.record, encoded);
      }
    } catch (error) {
      for (const { node, fills, record, relaunch } of before) {
        if (node.removed) continue;
        // Mixed fills (text with several) cannot be assigned back as they were read; the undo step can.
        if (typeof fills !== "symbol") node.fills = fills;
        node.setPluginData(RECORD_KEY, record);
        node.setRelaunchData(relaunch);
      }
      throw error;
    }
  });
  return { nodeIds: nodes.map((node) => node.id) };
}
