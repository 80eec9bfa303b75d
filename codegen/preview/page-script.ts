/**
 * One script of the panel's own added to a preview document (the HTML preview's srcdoc, html-page.ts, or the React
 * preview, react-preview.ts): the outline drawn around a layer, and the probes that measure the page. The page's
 * Content-Security-Policy then allows that script by its SHA-256 hash — and nothing else — when it allowed no
 * script before (the HTML preview: its own markup stays inert); a page that already runs inline scripts (React)
 * keeps its policy. The iframe is never given same-origin. Pure: no DOM.
 */

/** JavaScript made safe to sit inside an inline `<script>` (esbuild output: `</script` only inside strings). */
export function scriptSafe(code: string): string {
  return code.replace(/<\/(script)/gi, "<\\/$1");
}

const CSP_META = /(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(">)/i;

/**
 * A script's text as it sits in the page, with its CSP source (`'sha256-…'`, kernel/sha256.ts `cspHash` of that text).
 */
export interface PageScript {
  text: string;
  hash: string;
}

/**
 * `html` with `script` run at the end of its body, its CSP allowing exactly that script when it allowed none. The
 * text must be safe inside `<script>` (scriptSafe): it is placed as it is, so that its hash holds.
 */
export function withPageScript(html: string, script: PageScript): string {
  if (scriptSafe(script.text) !== script.text) throw new Error("a page script must not contain </script");
  const allowed = html.replace(CSP_META, (whole, open: string, policy: string, close: string) =>
    /(?:^|;)\s*script-src\b/.test(policy) ? whole : `${open}${policy}; script-src ${script.hash}${close}`,
  );
  const end = allowed.lastIndexOf("</body>");
  const tag = `<script>${script.text}</script>`;
  return end < 0 ? `${allowed}\n${tag}` : `${allowed.slice(0, end)}${tag}${allowed.slice(end)}`;
}
