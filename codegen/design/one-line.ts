/** Whether a text was drawn on one line: what layout inference and the emitters both ask of a text box. */
import type { TextContent } from "./types.js";

/**
 * One line drawn: no line break in the text and a box less than one and a half lines tall (a second line would
 * need two). Written as the negation of the refusals so that a missing or odd number never counts as one line.
 */
export function drawnOnOneLine(text: Pick<TextContent, "chars">, boxHeight: number, lineHeight: number): boolean {
  return !(lineHeight <= 0 || boxHeight >= lineHeight * 1.5 || text.chars.includes("\n"));
}
