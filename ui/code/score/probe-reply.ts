/**
 * What a measuring page answers (probe-runner.ts), each field checked before anything is computed from it: the page
 * runs code the panel does not trust (a model's React), and could post anything. The shapes are those of
 * codegen/fidelity/probe.ts and text-probe.ts.
 */
import type { BoxProbe, MeasuredElement } from "../../../codegen/fidelity/probe.js";
import type { TextCut, TextProbe, TextSample } from "../../../codegen/fidelity/text-probe.js";
import { boxField } from "../../../contract/fidelity.js";
import {
  array,
  boolean,
  custom,
  type Field,
  literal,
  nullable,
  number,
  object,
  oneOf,
  optional,
  string,
} from "../../../contract/fields.js";

/** Most layers or texts a frame's probe may report (far past what Figma exports in one frame). */
export const MAX_PROBED = 50_000;
/** Most line boxes one text may report. */
const MAX_RECTS = 5_000;

const coordinate = number();
const size = number({ min: 0 });
const count = number({ integer: true, min: 0 });

const textSampleField: Field<TextSample> = object({
  id: string({ nonEmpty: true, max: 1000 }),
  chars: count,
  rendered: boolean(),
  rects: array(boxField, { max: MAX_RECTS }),
  seen: count,
  offscreen: count,
  clipped: count,
  covered: count,
  missing: optional(oneOf(["no element", "no box", "not visible", "zero opacity", "no text"])),
  coveredBy: optional(string({ max: 1000 })),
  veiledBy: optional(string({ max: 1000 })),
  cut: optional(object({ kind: oneOf(["clip", "ellipsis", "word"]), shown: string({ max: 1000 }) }) as Field<TextCut>),
  fontPx: size,
  measured: count,
  lowContrast: count,
  contrast: optional(number({ min: 1, max: 21 })),
  // In a closed menu whose button is on screen (a navigation bar's links on a phone).
  menu: optional(literal(true)),
});

/** probeTexts's answer. */
export const textProbeField: Field<TextProbe> = object({
  scrollWidth: size,
  clientWidth: size,
  scrollHeight: size,
  viewportHeight: size,
  contentBottom: number(),
  fontsMissing: array(string({ max: 500 }), { max: 1000 }),
  pixelsError: optional(string({ max: 2000 })),
  samples: array(textSampleField, { max: MAX_PROBED }),
});

const measuredField: Field<MeasuredElement> = object({
  x: coordinate,
  y: coordinate,
  width: size,
  height: size,
  rendered: boolean(),
  position: string({ max: 100 }),
  text: string({ max: 1_000_000 }),
  picture: optional(boolean()),
});

/** probeBoxes's answer. */
export const boxProbeField: Field<BoxProbe> = object({
  root: nullable(object({ x: coordinate, y: coordinate })),
  elements: array(nullable(measuredField), { max: MAX_PROBED }),
  groups: optional(array(nullable(boolean()), { max: MAX_PROBED })),
});

/** Most characters of a page's picture (a PNG data URL): a design-sized page is far below. */
export const MAX_PICTURE_CHARS = 24_000_000;

/** A PNG as a data URL, and nothing else (the page could post any string). */
export const pngDataUrlField: Field<string> = custom("a PNG data URL", (v) =>
  typeof v === "string" && v.length <= MAX_PICTURE_CHARS && /^data:image\/png;base64,[A-Za-z0-9+/]+={0,2}$/.test(v)
    ? v
    : undefined,
);

/**
 * One measuring page's answer to one request: the figures (and the page's picture when asked), or why it could not
 * measure.
 */
export const probeReplyField = object({
  type: literal("figment-measure-reply"),
  token: string({ nonEmpty: true, max: 100 }),
  texts: optional(textProbeField),
  boxes: optional(nullable(boxProbeField)),
  error: optional(string({ max: 2000 })),
  png: optional(pngDataUrlField),
  pictureError: optional(string({ max: 500 })),
});
