/** HTML escaping, one definition for every emitter, page builder and the code view. */

/** Text content: `&`, `<` and `>` (quotes are fine between tags and stay readable in generated code). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A double-quoted attribute value: text escaping plus `"`. */
export function escapeAttr(value: string): string {
  return escapeHtml(value).replace(/"/g, "&quot;");
}
