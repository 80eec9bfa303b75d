/**
 * A result's fidelity score as it is kept, stored with the code result in History (contract/history.ts) and shown
 * when it is reopened; each field defined once (the shapes are codegen/fidelity/types.ts's). Pure: no `figma`, no DOM.
 */
import {
  MAX_LAYERS,
  type Box,
  type FidelityScore,
  type LayerDiff,
  type TextShares,
  type TextVerdictRow,
  type WidthScore,
} from "../codegen/fidelity/types.js";
import { array, boolean, type Field, number, object, oneOf, optional, string } from "./fields.js";

const coordinate = number();
const size = number({ min: 0 });
const nodeId = string({ nonEmpty: true, max: 1000 });
const name = string({ max: 1000 });

export const boxField: Field<Box> = object({
  x: coordinate,
  y: coordinate,
  width: size,
  height: size,
});

const share = number({ min: 0, max: 1 });

const textSharesField: Field<TextShares> = object({
  visible: share,
  missing: share,
  clipped: share,
  covered: share,
  illegible: share,
  "too-small": share,
});

const textVerdictField: Field<TextVerdictRow> = object({
  nodeId,
  name,
  visible: share,
  // Optional: scores kept before the classes existed have neither.
  problem: optional(oneOf(["missing", "clipped", "covered", "illegible", "too-small"])),
  detail: optional(string({ max: 1000 })),
});

const widthScoreField: Field<WidthScore> = object({
  width: number({ integer: true, min: 1 }),
  textVisible: share,
  text: optional(textSharesField),
  overflow: boolean(),
  overflowPx: number({ min: 0 }),
  blankBelowPx: optional(number({ min: 0 })),
  viewportHeight: optional(number({ min: 0 })),
  placement: optional(oneOf(["centred", "spans", "pinned-left", "pinned-right"])),
  hiddenTexts: array(textVerdictField, { max: MAX_LAYERS }),
  hiddenByDesign: optional(number({ integer: true, min: 0 })),
});

const layerDiffField: Field<LayerDiff> = object({
  nodeId,
  name,
  problem: oneOf(["off", "missing", "hidden"]),
  iou: share,
  design: boxField,
  rendered: optional(boxField),
});

/** One drawing's score (its fields are a page's, without drawings of its own). */
const scoreShape = {
  frameId: nodeId,
  frameName: name,
  iouMatched: share,
  meanIoU: share,
  matched: share,
  designWidth: number({ integer: true, min: 1 }),
  widths: array(widthScoreField, { max: 10 }),
  worst: array(layerDiffField, { max: MAX_LAYERS }),
  fontsMissing: optional(array(string({ max: 500 }), { max: 100 })),
};
const drawingScoreField: Field<FidelityScore> = object(scoreShape);

/** A result's score as History keeps it (codegen/fidelity/types.ts): a page drawn at several widths, each drawing's. */
export const fidelityScoreField: Field<FidelityScore> = object({
  ...scoreShape,
  drawings: optional(array(drawingScoreField, { max: 8 })),
});
