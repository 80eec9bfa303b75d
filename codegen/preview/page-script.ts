/**
 * One script of the panel's own added to a preview document (the HTML preview's srcdoc, html-page.ts, or the React
 * preview, react-preview.ts): the outline drawn around a layer, and the probes that measure the page. The page's
 * Content-Security-Policy then allows that script by its SHA-256 hash — and nothing else — when it allowed no
 * script before (the HTML preview: its own markup stays inert); a page that already runs inline scripts (React)
 * keeps its policy. The iframe is never given same-origin. Pure: no DOM.
 */
import { cspHash } from "../sha256.js";

/** JavaScript made safe to sit inside an inline `<script>` (esbuild output: `</script` only inside strings). */
export function scriptSafe(code: string): string {
  return code.replace(/<\/(script)/gi, "<\\/$1");
}

const CSP_META = /(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(">)/i;

/** `html` with `script` run at the end of its body, its CSP allowing exactly that script when it allowed none. */
export function withPageScript(html: string, script: string): string {
  const text = scriptSafe(script);
  const allowed = html.replace(CSP_META, (whole, open: string, policy: string, close: string) =>
    /(?:^|;)\s*script-src\b/.test(policy) ? whole : `${open}${policy}; script-src ${cspHash(text)}${close}`,
  );
  const end = allowed.lastIndexOf("</body>");
  const tag = `<script>${text}</script>`;
  return end < 0 ? `${allowed}\n${tag}` : `${allowed.slice(0, end)}${tag}${allowed.slice(end)}`;
}
