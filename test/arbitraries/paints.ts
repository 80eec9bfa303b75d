/** Paints, strokes and effects as the Figma REST API writes them (plus a few odd but tolerated shapes). */
import fc from "fast-check";

type Raw = Record<string, unknown>;

/** A channel in 0..1, often a round value, sometimes with Figma's float noise. */
const unit: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, 1, 0.5, 0.25, 0.2, 0.8),
  fc.double({ min: 0, max: 1, noNaN: true, noDefaultInfinity: true }),
);

export const color: fc.Arbitrary<Raw> = fc.record({ r: unit, g: unit, b: unit, a: unit });

export const blendMode: fc.Arbitrary<string> = fc.constantFrom(
  "NORMAL",
  "PASS_THROUGH",
  "MULTIPLY",
  "SCREEN",
  "OVERLAY",
  "DARKEN",
  "LINEAR_BURN",
  "COLOR_DODGE",
  "HUE",
  "LUMINOSITY",
  "UNKNOWN_MODE",
);

const handle: fc.Arbitrary<Raw> = fc.record({
  x: fc.double({ min: -1, max: 2, noNaN: true, noDefaultInfinity: true }),
  y: fc.double({ min: -1, max: 2, noNaN: true, noDefaultInfinity: true }),
});

const stop: fc.Arbitrary<Raw> = fc.record({ color, position: unit });

const common = {
  visible: fc.boolean(),
  opacity: unit,
  blendMode,
};

const solid: fc.Arbitrary<Raw> = fc.record(
  { type: fc.constant("SOLID"), color, ...common },
  { requiredKeys: ["type", "color"] },
);

const gradient: fc.Arbitrary<Raw> = fc.record(
  {
    type: fc.constantFrom(
      "GRADIENT_LINEAR",
      "GRADIENT_LINEAR",
      "GRADIENT_RADIAL",
      "GRADIENT_ANGULAR",
      "GRADIENT_DIAMOND",
    ),
    gradientHandlePositions: fc.array(handle, { minLength: 0, maxLength: 3 }),
    gradientStops: fc.array(stop, { minLength: 0, maxLength: 4 }),
    ...common,
  },
  { requiredKeys: ["type", "gradientHandlePositions", "gradientStops"] },
);

const image: fc.Arbitrary<Raw> = fc.record(
  {
    type: fc.constant("IMAGE"),
    imageRef: fc.oneof(
      fc.stringMatching(/^[0-9a-f]{40}$/),
      fc.constantFrom("", "../x", "<script>", "a b", "😀", "ref/with/slashes"),
    ),
    scaleMode: fc.constantFrom("FILL", "FIT", "STRETCH", "CROP", "TILE", "ODD"),
    ...common,
  },
  { requiredKeys: ["type", "imageRef"] },
);

export const paint: fc.Arbitrary<Raw> = fc.oneof(
  { weight: 5, arbitrary: solid },
  { weight: 2, arbitrary: gradient },
  { weight: 2, arbitrary: image },
);

/** Fills of a shape (empty arrays are common in real files). */
export const paints: fc.Arbitrary<Raw[]> = fc.array(paint, { minLength: 0, maxLength: 3 });

/** Text fills: solid or gradient, no images. */
export const textPaints: fc.Arbitrary<Raw[]> = fc.array(
  fc.oneof({ weight: 4, arbitrary: solid }, { weight: 1, arbitrary: gradient }),
  { minLength: 0, maxLength: 2 },
);

const weight = fc.oneof(
  fc.constantFrom(0, 1, 2, 0.5),
  fc.double({ min: 0, max: 12, noNaN: true, noDefaultInfinity: true }),
);

/** Stroke fields of a node. */
export const strokeFields: fc.Arbitrary<Raw> = fc.record(
  {
    strokes: fc.array(fc.oneof({ weight: 4, arbitrary: solid }, { weight: 1, arbitrary: gradient }), {
      minLength: 0,
      maxLength: 2,
    }),
    strokeWeight: weight,
    strokeAlign: fc.constantFrom("INSIDE", "OUTSIDE", "CENTER"),
    individualStrokeWeights: fc.record({ top: weight, right: weight, bottom: weight, left: weight }),
    strokeDashes: fc.array(fc.integer({ min: 0, max: 10 }), { maxLength: 3 }),
  },
  { requiredKeys: ["strokes"] },
);

const effect: fc.Arbitrary<Raw> = fc.oneof(
  fc.record(
    {
      type: fc.constantFrom("DROP_SHADOW", "INNER_SHADOW"),
      visible: fc.boolean(),
      color,
      offset: handle,
      radius: fc.double({ min: 0, max: 40, noNaN: true, noDefaultInfinity: true }),
      spread: fc.integer({ min: -4, max: 8 }),
      blendMode,
    },
    { requiredKeys: ["type", "radius"] },
  ),
  fc.record(
    {
      type: fc.constantFrom("LAYER_BLUR", "BACKGROUND_BLUR"),
      visible: fc.boolean(),
      radius: fc.double({ min: 0, max: 40, noNaN: true, noDefaultInfinity: true }),
    },
    { requiredKeys: ["type", "radius"] },
  ),
);

export const effects: fc.Arbitrary<Raw[]> = fc.array(effect, { minLength: 0, maxLength: 3 });

/** SVG paths as found in `fillGeometry` / `strokeGeometry` (with `geometry=paths`), and hostile ones. */
export const geometry: fc.Arbitrary<Raw[]> = fc.array(
  fc.record({
    path: fc.constantFrom(
      "M0 0L10 0L10 10L0 10Z",
      "M 0 0 C 1.5 2 3 4 5 6 Z",
      "M12 2a10 10 0 1 0 0 20a10 10 0 1 0 0-20z",
      "",
      '"><script>alert(1)</script>',
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a hostile input: `${…}` must come out as text
      "M0 0 {x} `${y}`",
      "M0 0\nL1 1",
    ),
    windingRule: fc.constantFrom("NONZERO", "EVENODD"),
  }),
  { minLength: 0, maxLength: 2 },
);
