/**
 * A text drawn on one line inside a box that scales as a unit (DesignNode.scaled; responsive.ts inContainerUnits)
 * keeps that line at every width. Its box and its font both scale with the unit box, so its line keeps its drawn width
 * relative to the box; but the stand-in font a page shows before (or instead of) the design's is a few px wider, and
 * with `white-space: normal` the last word wraps onto a second line that paints over the text below it (psykolog's
 * "Heading L", Poppins Bold 40 in a 212-px box, read as Arial Bold: "L" on a line of its own over "Heading M").
 * Below the box width where its font reaches the 12-px floor (UNIT_TEXT_FLOOR) the line is relatively wider than
 * drawn; it still keeps one line there: it runs past the box's side rather than down over the layers under it (no
 * fixture's unit box with such a text shrinks that far at 390 or 768).
 */
import { drawnOnOneLine } from "../design/one-line.js";
import type { DesignNode } from "../design/types.js";
import { normalLineHeight } from "../layout/simulate.js";

/**
 * Whether `node`, a layer inside a box that scales as a unit, is a text drawn on one line that no other rule sets on
 * its lines: not one clamped to its box (truncate, max lines: their own `white-space`), not one sized to its line
 * (auto width: `nowrap` already), not a rotated one (its box is not its line).
 */
export function keepsUnitLine(node: DesignNode): boolean {
  const text = node.text;
  if (!text || node.kind !== "text" || node.rotation !== undefined) return false;
  if (text.resize === "width" || text.resize === "truncate" || text.maxLines !== undefined) return false;
  const lineHeight = text.style.lineHeight ?? normalLineHeight(text.style.family, text.style.size);
  return drawnOnOneLine(text, node.h, lineHeight);
}
