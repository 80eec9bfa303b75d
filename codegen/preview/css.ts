/**
 * CSS for the React preview: CSS modules scoped the way bundlers do it (every local class renamed, the
 * module's default export mapping local → scoped), `url()`s turned into data: URLs, and `@import`s of
 * other project files inlined (anything else is dropped: the preview's CSP would block it). Pure.
 */
import { fnv1a } from "../../kernel/hash.js";
import type { PreviewCssModule } from "./data.js";

/** FNV-1a, base 36: a short, stable hash of a path. */
export function shortHash(text: string): string {
  return fnv1a(text).toString(36).slice(0, 5);
}

const safeIdent = (text: string): string => text.replace(/[^\w-]/g, "_");

/** `src/components/Header.module.css` → `Header`. */
function moduleStem(path: string): string {
  const base = path.slice(path.lastIndexOf("/") + 1);
  return safeIdent(base.replace(/\.module\.[a-z]+$/i, "").replace(/\.[a-z]+$/i, "")) || "m";
}

/** `\:` → `:` (hex escapes are rare in class names and kept as written). */
const unescapeIdent = (text: string): string => text.replace(/\\([^0-9a-fA-F\n])/g, "$1");

const CLASS = String.raw`\.(-?(?:[_a-zA-Z\u00a0-\uffff]|\\[^\n])(?:[\w\u00a0-\uffff-]|\\[^\n])*)`;
const PRELUDE_TOKENS = new RegExp(
  String.raw`(/\*[\s\S]*?\*/|"(?:[^"\\]|\\[\s\S])*"|'(?:[^'\\]|` +
    String.raw`\\[\s\S])*')|:global\(([^)]*)\)|:local\(([^)]*)\)|${CLASS}`,
  "g",
);

/**
 * Renames every local class of a CSS module. Selectors are the text before a `{` (outside strings,
 * comments and parentheses); at-rule preludes and keyframe selectors are left alone; `:global(.x)` stays
 * `.x`. Keyframe names and `composes` are not rewritten.
 */
export function scopeCssModule(css: string, path: string): PreviewCssModule {
  const stem = moduleStem(path);
  const hash = shortHash(path);
  const classes: Record<string, string> = {};
  const scoped = (raw: string): string => {
    const local = unescapeIdent(raw);
    classes[local] ??= `${stem}_${safeIdent(local)}_${hash}`;
    return classes[local]!;
  };
  const renameClasses = (selector: string): string =>
    selector.replace(new RegExp(CLASS, "g"), (_, name: string) => `.${scoped(name)}`);
  const renamePrelude = (prelude: string): string =>
    prelude.replace(PRELUDE_TOKENS, (match, skipped?: string, global?: string, local?: string, name?: string) => {
      if (skipped !== undefined) return match;
      if (global !== undefined) return global;
      if (local !== undefined) return renameClasses(local);
      return `.${scoped(name!)}`;
    });

  let out = "";
  let start = 0;
  let parens = 0;
  // For each open block: are selectors inside it keyframe selectors (never renamed)?
  const keyframes: boolean[] = [];
  for (let i = 0; i < css.length; i++) {
    const c = css[i]!;
    if (c === "/" && css[i + 1] === "*") {
      const end = css.indexOf("*/", i + 2);
      i = end < 0 ? css.length : end + 1;
    } else if (c === '"' || c === "'") {
      for (i++; i < css.length && css[i] !== c && css[i] !== "\n"; i++) if (css[i] === "\\") i++;
    } else if (c === "(") {
      parens++;
    } else if (c === ")") {
      parens = Math.max(0, parens - 1);
    } else if (parens === 0 && (c === "{" || c === ";" || c === "}")) {
      const segment = css.slice(start, i);
      const inKeyframes = keyframes[keyframes.length - 1] ?? false;
      if (c === "{") {
        const head = segment.replace(/\/\*[\s\S]*?\*\//g, "").trim();
        const atRule = head.startsWith("@");
        out += atRule || inKeyframes ? segment : renamePrelude(segment);
        keyframes.push(inKeyframes || /^@(?:-[a-z]+-)?keyframes\b/i.test(head));
      } else {
        out += segment;
        if (c === "}") keyframes.pop();
      }
      out += c;
      start = i + 1;
    }
  }
  out += css.slice(start);
  return { css: out, classes };
}

/** Resolves a reference from a CSS file to another file of the project (`undefined`: not ours). */
export type CssResolver = (
  fromDir: string,
  ref: string,
) => { path: string; dataUrl?: string; css?: string } | undefined;

/** `url(...)` → data: URL when the file is in the project; other local references → `url("")`. */
export function rewriteCssUrls(css: string, fromDir: string, resolve: CssResolver): string {
  return css.replace(
    /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)"'\s]*))\s*\)/gi,
    (match, dq?: string, sq?: string, bare?: string) => {
      const ref = dq ?? sq ?? bare ?? "";
      if (ref.startsWith("data:") || ref.startsWith("#")) return match;
      const data = resolve(fromDir, ref)?.dataUrl;
      if (data) return `url("${data.replace(/"/g, "%22")}")`;
      return /^[a-z][a-z0-9+.-]*:|^\/\//i.test(ref) ? match : `url("")`;
    },
  );
}

/**
 * `@import "./other.css";` → the other file's CSS (once, no cycles); every other `@import` (packages,
 * `tailwindcss`, remote fonts) is removed. Returns the CSS and the imports it dropped.
 */
export function inlineCssImports(
  css: string,
  fromDir: string,
  resolve: CssResolver,
  seen: Set<string>,
): { css: string; dropped: string[] } {
  const dropped: string[] = [];
  const out = css.replace(
    /@import\s+(?:url\(\s*)?(?:"([^"]*)"|'([^']*)'|([^)"'\s;]+))\s*\)?[^;]*;?/gi,
    (_match, dq?: string, sq?: string, bare?: string) => {
      const ref = dq ?? sq ?? bare ?? "";
      const target = resolve(fromDir, ref);
      if (!target || target.css === undefined) {
        dropped.push(ref);
        return "";
      }
      if (seen.has(target.path)) return "";
      seen.add(target.path);
      const dir = target.path.includes("/") ? target.path.slice(0, target.path.lastIndexOf("/")) : "";
      const inner = inlineCssImports(target.css, dir, resolve, seen);
      dropped.push(...inner.dropped);
      return rewriteCssUrls(inner.css, dir, resolve);
    },
  );
  return { css: out, dropped };
}
