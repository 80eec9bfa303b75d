/**
 * SVG markup supplied beside the JSON (the plugin's `exportAsync({ format: "SVG_STRING" })`, the REST
 * images endpoint) made fit to inline: one `<svg>` root with a viewBox, no prolog, comments, scripts,
 * `<style>`, `<foreignObject>`, event handlers or script URLs. Pure; no DOM.
 */

const DROPPED_WITH_CONTENT = /<(script|style|foreignObject|title|desc|metadata)\b[\s\S]*?<\/\1\s*>/gi;
const DROPPED_EMPTY = /<(script|style|foreignObject)\b[^>]*\/>/gi;

/** The markup cleaned, or undefined when it is not one `<svg>` element. */
export function cleanSuppliedSvg(markup: string): string | undefined {
  const svg = markup
    .replace(/^\uFEFF/, "")
    .replace(/<\?xml[\s\S]*?\?>/g, "")
    .replace(/<!DOCTYPE[^>]*>/gi, "")
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, "")
    .replace(DROPPED_WITH_CONTENT, "")
    .replace(DROPPED_EMPTY, "")
    // Event handlers and script URLs: never executed in the preview's sandbox, never written to the user's code.
    .replace(/\s+on[a-z]+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, "")
    .replace(/\s+(href|xlink:href)\s*=\s*("\s*javascript:[^"]*"|'\s*javascript:[^']*')/gi, "")
    .trim();
  const root = /^<svg\b([^>]*)>([\s\S]*)<\/svg>$/i.exec(svg);
  if (!root) return undefined;
  let attrs = root[1]!.replace(/\/\s*$/, "");
  if (!/\sviewBox\s*=/.test(attrs)) {
    const width = /\swidth\s*=\s*"([\d.]+)(px)?"/.exec(attrs)?.[1];
    const height = /\sheight\s*=\s*"([\d.]+)(px)?"/.exec(attrs)?.[1];
    if (width === undefined || height === undefined) return undefined;
    attrs += ` viewBox="0 0 ${width} ${height}"`;
  }
  return `<svg${attrs}>${root[2]!.trim()}</svg>`;
}
