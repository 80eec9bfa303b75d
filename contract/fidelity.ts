/**
 * The fidelity score as it travels and is kept, each field defined once (the shapes are codegen/fidelity's):
 * - what the probes report from a preview page (codegen/fidelity/probe.ts) — the page runs code the panel does not
 *   trust (the model's React), so its reply is checked field by field before anything is computed from it;
 * - a result's score, stored with the code result in History (contract/history.ts) and shown when it is reopened.
 * Pure: no `figma`, no DOM.
 */
import type { BoxProbe, MeasuredElement, TextProbe } from "../codegen/fidelity/probe.js";
import type { TextSample } from "../codegen/fidelity/responsive.js";
import { MAX_LAYERS, type Box, type FidelityScore, type LayerDiff, type WidthScore } from "../codegen/fidelity/types.js";
import { array, boolean, type Field, literal, nullable, number, object, oneOf, optional, string } from "./fields.js";

/** Most layers or texts a frame's probe may report (a frame of this many layers is far past what Figma exports). */
export const MAX_PROBED = 50_000;
/** Most line boxes one text may report. */
const MAX_RECTS = 5_000;

const coordinate = number();
const size = number({ min: 0 });
const nodeId = string({ nonEmpty: true, max: 1000 });
const name = string({ max: 1000 });

export const boxField: Field<Box> = object({ x: coordinate, y: coordinate, width: size, height: size });

const count = number({ integer: true, min: 0 });

const textSampleField: Field<TextSample> = object({
  id: nodeId,
  chars: count,
  rendered: boolean(),
  rects: array(boxField, { max: MAX_RECTS }),
  seen: count,
  offscreen: count,
  clipped: count,
  covered: count,
});

/** probeTexts's reply. */
export const textProbeField: Field<TextProbe> = object({ scrollWidth: size, clientWidth: size, samples: array(textSampleField, { max: MAX_PROBED }) });

const measuredField: Field<MeasuredElement> = object({ x: coordinate, y: coordinate, width: size, height: size, rendered: boolean(), position: string({ max: 100 }), text: string({ max: 1_000_000 }) });

/** probeBoxes's reply. */
export const boxProbeField: Field<BoxProbe> = object({ root: nullable(object({ x: coordinate, y: coordinate })), elements: array(nullable(measuredField), { max: MAX_PROBED }) });

const share = number({ min: 0, max: 1 });

const widthScoreField: Field<WidthScore> = object({
  width: number({ integer: true, min: 1 }),
  textVisible: share,
  overflow: boolean(),
  overflowPx: number({ min: 0 }),
  hiddenTexts: array(object({ nodeId, name, visible: share }), { max: MAX_LAYERS }),
});

const layerDiffField: Field<LayerDiff> = object({
  nodeId,
  name,
  problem: oneOf(["off", "missing", "hidden"]),
  iou: share,
  design: boxField,
  rendered: optional(boxField),
});

/** A result's score as History keeps it (codegen/fidelity/types.ts). */
export const fidelityScoreField: Field<FidelityScore> = object({
  frameId: nodeId,
  frameName: name,
  iouMatched: share,
  meanIoU: share,
  matched: share,
  designWidth: number({ integer: true, min: 1 }),
  widths: array(widthScoreField, { max: 10 }),
  worst: array(layerDiffField, { max: MAX_LAYERS }),
});

/** What the measuring page answers one request with (ui/code/score/probe-runner.ts). */
export const probeReplyField = object({
  type: literal("figment-measure-reply"),
  token: string({ nonEmpty: true, max: 100 }),
  texts: optional(textProbeField),
  boxes: optional(nullable(boxProbeField)),
  error: optional(string({ max: 2000 })),
});
