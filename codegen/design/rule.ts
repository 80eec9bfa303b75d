/**
 * A line as Figma paints it. A LINE layer is a box with no height (or no width, turned a quarter); its stroke is the
 * band a reader sees. Figma does not centre that band on a line's box: a horizontal line's stroke lies above it (a
 * 5-px Baseline at y 540 is painted from 535 to 540), a line turned +90° has it on its right and one turned -90° on
 * its left — as every LINE of the real files' `absoluteRenderBounds` says (Zacht, TnT, Flora, the microsite, the
 * Figmagic sample: 88 lines, none centred). Where the reply has those bounds, the band across the line is theirs;
 * along the line, the line's own box (the bounds of a round-capped line stop short of its box by the caps).
 */
import { finite } from "../rest/values.js";
import { readBox, type Box } from "./geometry.js";

type Raw = Record<string, unknown>;

/** A line no thicker than this in its box lies along an axis (a 857-px line turned 0.07° is 1 px tall). */
const FLAT = 1;

/** Whether a layer paints a visible stroke, and its weight. */
function strokeWeight(node: Raw): number | undefined {
  const strokes = node["strokes"];
  if (!Array.isArray(strokes)) return undefined;
  const visible = strokes.some((s) => typeof s === "object" && s !== null && (s as Raw)["visible"] !== false);
  const weight = finite(node["strokeWeight"]) ?? 1;
  return visible && weight > 0 ? weight : undefined;
}

/**
 * The band a LINE layer's stroke paints, in absolute coordinates (the reply's), when the line lies along an axis;
 * undefined for any other layer, a line without a visible stroke, and a slanted line.
 */
export function paintedRule(node: Raw): Box | undefined {
  if (node["type"] !== "LINE") return undefined;
  const weight = strokeWeight(node);
  const box = readBox(node["absoluteBoundingBox"]);
  if (weight === undefined || !box) return undefined;
  const across =
    box.height <= FLAT && box.width > box.height ? "y" : box.width <= FLAT && box.height > box.width ? "x" : undefined;
  if (!across) return undefined;
  const start = across === "y" ? box.y : box.x;
  const thin = across === "y" ? box.height : box.width;
  const painted = readBox(node["absoluteRenderBounds"]);
  const paintedStart = painted && (across === "y" ? painted.y : painted.x);
  const paintedThin = painted && (across === "y" ? painted.height : painted.width);
  // Figma's own bounds of the paint, unless they are not the stroke's (a shadow widens them).
  const measured =
    paintedStart !== undefined &&
    paintedThin !== undefined &&
    paintedThin >= weight / 2 &&
    paintedThin <= weight * 2 + FLAT;
  // Without them: above a horizontal line, right of one turned +90° (Figma's rotation is counter-clockwise), else left.
  const turned = finite(node["rotation"]) ?? 0;
  const from = measured ? paintedStart! : across === "x" && turned > 0 ? start : start - weight;
  const size = measured ? paintedThin! : weight + thin;
  return across === "y"
    ? { x: box.x, y: from, width: box.width, height: size }
    : { x: from, y: box.y, width: size, height: box.height };
}
