/**
 * Whitespace in a text as Figma draws it, in characters HTML keeps without `white-space: pre-wrap` (which
 * formatting the markup would break: prettier may re-indent the text inside its element). Figma draws every
 * space, so spaces that CSS would collapse become no-break spaces: those that start a line, and all but the
 * first of a run inside a line. A tab becomes an em space (about four spaces' width). Spaces ending a line take
 * no room in either. Figma breaks lines at U+2028 and U+2029 too: they become line breaks. Only a last line break
 * adds a character (a second break, for the empty last line Figma draws), so style runs keep their offsets.
 */
const NEEDS_DRAWING = /[\t\u2028\u2029]|^ |\n | {2}/;

export function drawnSpaces(chars: string): string {
  // Most texts have nothing to change: no tab, separator, leading space or run of spaces.
  if (!NEEDS_DRAWING.test(chars)) return chars.endsWith("\n") ? `${chars}\n` : chars;
  const drawn = chars
    .replace(/[\u2028\u2029]/g, "\n")
    .split("\n")
    .map((line) =>
      line
        .replace(/\t/g, "\u2003")
        .replace(/^ +/, (lead) => "\u00a0".repeat(lead.length))
        // A run before more text; one ending the line stays collapsible (it hangs, as in Figma's auto width).
        .replace(/ {2,}(?=\S)/g, (run) => ` ${"\u00a0".repeat(run.length - 1)}`),
    )
    .join("\n");
  // Figma draws a last line break as an empty last line; HTML draws a <br> that ends a block as nothing.
  return drawn.endsWith("\n") ? `${drawn}\n` : drawn;
}
