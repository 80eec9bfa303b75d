/**
 * An endpoint's own words as one short line, for messages: whitespace runs become one space and a long text is cut
 * with "…". Shared by the model client's errors, its readers' quotes and the SD client's errors.
 */

/** `text` on one line of at most `limit` characters. */
export function oneLine(text: string, limit: number): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > limit ? `${line.slice(0, limit - 1)}…` : line;
}

/** Whether a body is an HTML page (a proxy's or server's error page), which is named, never quoted. */
export function isHtmlPage(text: string): boolean {
  const trimmed = text.trim();
  return /^<(!doctype|html|head|body)\b/i.test(trimmed) || /<\/(html|body|h1|title)>/i.test(trimmed);
}
