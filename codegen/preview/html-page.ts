/**
 * Builds the `srcdoc` of the live preview from the HTML target: one self-contained document with a strict
 * CSP, the stylesheets inlined and local assets as data: URLs. The iframe is also `sandbox=""` (no scripts,
 * no same-origin), so this is defence in depth: scripts, frames, event handlers and javascript: URLs are
 * removed, and any `<script` left over is neutralised. Pure: no DOM.
 */
import type { SourceFile } from "../types.js";
import { assetDataUrl, dirname, extension, isLocalReference, resolvePath } from "../file-paths.js";
import { isGoogleFontsHref } from "../fonts/fontsource.js";
import { GOOGLE_FONTS_CSS, GOOGLE_FONTS_FILES } from "../fonts/output.js";

/** No network but Google Fonts (the design's fonts: stylesheets from one origin, font files from another). */
export const PREVIEW_CSP =
  `default-src 'none'; style-src 'unsafe-inline' ${GOOGLE_FONTS_CSS}; ` +
  `img-src data:; font-src data: ${GOOGLE_FONTS_FILES}`;

/** The HTML pages worth previewing: one per frame (a multi-frame set's index.html only lists them). */
export function previewPages(files: SourceFile[]): SourceFile[] {
  const pages = files.filter((f) => extension(f.path) === "html" && !f.path.includes("/"));
  if (pages.length <= 1) return pages;
  const framePages = pages.filter((f) => f.path !== "index.html");
  return framePages.length > 0 ? framePages : pages;
}

class AssetResolver {
  private readonly byPath = new Map<string, SourceFile>();
  constructor(files: SourceFile[]) {
    for (const file of files) this.byPath.set(resolvePath("", file.path), file);
  }

  file(fromDir: string, ref: string): SourceFile | undefined {
    if (!isLocalReference(ref)) return undefined;
    let clean = ref.trim().replace(/[?#].*$/, "");
    try {
      clean = decodeURIComponent(clean);
    } catch {
      // keep it as written
    }
    return this.byPath.get(resolvePath(fromDir, clean));
  }

  dataUrl(fromDir: string, ref: string): string | undefined {
    const file = this.file(fromDir, ref);
    return file ? assetDataUrl(file) : undefined;
  }
}

/** `url(...)` references in CSS rewritten to data: URLs; other local ones dropped (CSP would block them). */
function rewriteCssUrls(css: string, fromDir: string, assets: AssetResolver): string {
  return css.replace(
    /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)"'\s]*))\s*\)/gi,
    (match, dq?: string, sq?: string, bare?: string) => {
      const ref = dq ?? sq ?? bare ?? "";
      if (ref.startsWith("data:")) return match;
      const data = assets.dataUrl(fromDir, ref);
      return data ? `url("${data.replace(/"/g, "%22")}")` : `url("")`;
    },
  );
}

/** CSS made safe to sit inside `<style>`: no `@import` (blocked anyway), no way to close the element. */
function styleSafe(css: string): string {
  return css.replace(/@import\s+[^;]*;?/gi, "").replace(/<(\/?\s*(?:style|script))/gi, "\\3c $1");
}

const BLOCKED_WITH_CONTENT = ["script", "noscript", "iframe", "object", "template", "frameset", "title", "head"];
const BLOCKED_TAGS = new Set([
  ...BLOCKED_WITH_CONTENT,
  "embed",
  "frame",
  "base",
  "meta",
  "link",
  "applet",
  "portal",
  "html",
  "body",
  "!doctype",
]);
const URL_ATTRIBUTES = new Set(["src", "href", "xlink:href", "poster", "action", "formaction", "background", "data"]);

type Attr = { name: string; value: string | undefined };

function parseAttributes(text: string): Attr[] {
  const attrs: Attr[] = [];
  const pattern = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    attrs.push({ name: m[1]!, value: m[2] ?? m[3] ?? m[4] });
  }
  return attrs;
}

function decodeAttribute(value: string): string {
  return value
    .replace(/&#x([\da-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

function encodeAttribute(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function rewriteAttribute(tag: string, attr: Attr, fromDir: string, assets: AssetResolver): Attr | undefined {
  const name = attr.name.toLowerCase();
  if (name.startsWith("on") || name === "srcdoc" || name === "srcset" || name === "ping" || name === "formaction")
    return undefined;
  if (attr.value === undefined) return attr;
  const value = decodeAttribute(attr.value);
  if (name === "style") return { name: attr.name, value: styleSafe(rewriteCssUrls(value, fromDir, assets)) };
  if (!URL_ATTRIBUTES.has(name)) return { name: attr.name, value };
  const compact = value.replace(/[\s\u0000-\u001f]/g, "").toLowerCase();
  if (compact.startsWith("javascript:") || compact.startsWith("vbscript:")) return undefined;
  if (value.trim().startsWith("#")) return { name: attr.name, value };
  if (value.startsWith("data:")) return tag === "a" ? undefined : { name: attr.name, value };
  const data = assets.dataUrl(fromDir, value);
  // Links to other pages would navigate the frame away from the preview: keep the text, drop the link.
  if (!data || tag === "a" || tag === "area" || tag === "form") return undefined;
  return { name: attr.name, value: data };
}

function rewriteTag(
  _match: string,
  closing: string,
  rawName: string,
  rawAttrs: string,
  fromDir: string,
  assets: AssetResolver,
): string {
  const tag = rawName.toLowerCase();
  if (BLOCKED_TAGS.has(tag)) return "";
  if (closing) return `</${rawName}>`;
  const selfClosing = /\/\s*$/.test(rawAttrs);
  const attrs = parseAttributes(rawAttrs.replace(/\/\s*$/, ""))
    .map((a) => rewriteAttribute(tag, a, fromDir, assets))
    .filter((a): a is Attr => a !== undefined)
    .map((a) => (a.value === undefined ? ` ${a.name}` : ` ${a.name}="${encodeAttribute(a.value)}"`))
    .join("");
  return `<${rawName}${attrs}${selfClosing ? " /" : ""}>`;
}

/** The markup of the page's body, made inert. */
function sanitizeBody(html: string, fromDir: string, assets: AssetResolver): string {
  let body = html;
  for (const tag of BLOCKED_WITH_CONTENT) {
    body = body.replace(new RegExp(`<${tag}\\b[\\s\\S]*?<\\/${tag}\\s*>`, "gi"), "");
  }
  body = body.replace(/<!--[\s\S]*?(?:-->|$)/g, "");
  body = body.replace(
    /<(\/?)([a-zA-Z!][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g,
    (match, closing: string, name: string, attrs: string) => rewriteTag(match, closing, name, attrs, fromDir, assets),
  );
  // Whatever survived (an unclosed `<script`, say) is shown as text, never parsed as a tag.
  return body.replace(/<(?=\s*\/?\s*(?:script|iframe|object|embed|base|meta|link|frame)\b)/gi, "&lt;");
}

export interface SrcdocInput {
  /** The page to preview (from `previewPages`). */
  page: SourceFile;
  /** Every file of the HTML target: stylesheets and assets are looked up here. */
  files: SourceFile[];
}

export function buildSrcdoc({ page, files }: SrcdocInput): string {
  const assets = new AssetResolver(files);
  const pageDir = dirname(page.path);
  const html = page.content;
  const styles: string[] = [];
  const fontLinks: string[] = [];

  // Linked stylesheets, in document order, then the page's own <style> elements.
  const headEnd = html.search(/<body\b/i);
  const linkArea = headEnd < 0 ? html : html.slice(0, headEnd);
  for (const link of linkArea.matchAll(/<link\b((?:[^>"']|"[^"]*"|'[^']*')*)>/gi)) {
    const attrs = parseAttributes(link[1] ?? "");
    const rel = attrs.find((a) => a.name.toLowerCase() === "rel")?.value?.toLowerCase() ?? "";
    const href = attrs.find((a) => a.name.toLowerCase() === "href")?.value;
    if (!rel.split(/\s+/).includes("stylesheet") || href === undefined) continue;
    if (isGoogleFontsHref(decodeAttribute(href))) {
      fontLinks.push(`<link rel="stylesheet" href="${encodeAttribute(decodeAttribute(href))}">`);
      continue;
    }
    const sheet = assets.file(pageDir, decodeAttribute(href));
    if (sheet) styles.push(rewriteCssUrls(sheet.content, dirname(sheet.path), assets));
  }
  for (const style of html.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style\s*>/gi)) {
    styles.push(rewriteCssUrls(style[1] ?? "", pageDir, assets));
  }

  // The body tag ends at the first ">" outside its quoted attributes (an onload may hold markup).
  const bodyMatch = /<body\b(?:[^>"']|"[^"]*"|'[^']*')*>([\s\S]*?)(?:<\/body\s*>|$)/i.exec(html);
  const rawBody = (bodyMatch ? bodyMatch[1]! : html).replace(/<style\b[^>]*>[\s\S]*?<\/style\s*>/gi, "");
  const body = sanitizeBody(rawBody, pageDir, assets);

  return [
    "<!doctype html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${PREVIEW_CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    ...fontLinks,
    `<style>${styleSafe(styles.join("\n"))}</style>`,
    "</head>",
    `<body>${body}</body>`,
    "</html>",
  ].join("\n");
}
