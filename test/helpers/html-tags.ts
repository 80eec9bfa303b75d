/**
 * An emitted page with each tag on one line: the emitters print pages as the format pass does (codegen/emit/
 * html/print.ts), which puts a long tag's attributes one a line; tests that look for a tag read it whole here.
 */
export function tagsOnOneLine(html: string): string {
  return html.replace(/<[^<>]*>/g, (tag) => tag.replace(/\s*\n\s*/g, " ").replace(/ >$/, ">"));
}

/** The page with its tags on one line and every run of whitespace one space: its inline content as a browser reads. */
export function whitespaceCollapsed(html: string): string {
  return tagsOnOneLine(html).replace(/\s+/g, " ");
}
