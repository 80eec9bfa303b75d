/**
 * Tailwind v4 for the React preview: the project's Tailwind stylesheet compiled by Tailwind's own compiler
 * (`compile` of the `tailwindcss` package, pure JS: what @tailwindcss/browser runs), with the class candidates
 * found in the project's scripts and HTML the way Tailwind's scanner finds them (every token of a file; tokens that
 * are no class are ignored by the compiler). Tailwind's own stylesheets (index.css with its theme and preflight)
 * are bundled as text, so nothing is read at run time. Pure: no DOM, no Node; runs in the engine worker's project
 * pass part and in Node (the CLI's result page, the tests).
 *
 * The stylesheet compiled is the one the project's build compiles: each CSS file that imports "tailwindcss" (the
 * zip's src/tailwind.css, the model's src/index.css), or — for the emitters' code-only files, which leave that
 * file to the project they go into — the zip's src/tailwind.css itself (`@import "tailwindcss"` and the theme
 * files, codegen/scaffold/project-files.ts). A stylesheet written for Tailwind v3 (`@tailwind base;`…) is read as
 * v4's `@import "tailwindcss"`. JavaScript (a tailwind.config.js, `@plugin`) is never run here: what it would add is
 * named in a problem.
 */
/// <reference path="./raw-css.d.ts" />
import { compile } from "tailwindcss";
import indexCss from "tailwindcss/index.css?raw";
import preflightCss from "tailwindcss/preflight.css?raw";
import themeCss from "tailwindcss/theme.css?raw";
import utilitiesCss from "tailwindcss/utilities.css?raw";
import { dirname, isLocalReference, relativePath, resolvePath } from "../file-paths.js";
import { fontsourceGoogleHref, isGoogleFontsHref } from "../fonts/fontsource.js";
import {
  IMPORTS_TAILWIND,
  importsTailwind,
  TAILWIND_STYLESHEET,
  tailwindStylesheet,
  withoutComments,
} from "../scaffold/project-files.js";
import type { Problem, SourceFile } from "../types.js";

/** Tailwind's stylesheets by the name `@import "tailwindcss/…"` gives. */
const TAILWIND_FILES: Record<string, string> = {
  index: indexCss,
  theme: themeCss,
  preflight: preflightCss,
  utilities: utilitiesCss,
};

const STYLE = /\.css$/i;
/** Files Tailwind's scanner would read for class names in a preview's project (scripts and pages). */
const SCANNED = /\.(?:[cm]?[jt]sx?|html?|vue|svelte|astro|mdx?)$/i;
const TAILWIND_CONFIG = /(?:^|\/)tailwind\.config\.[cm]?[jt]s$/;
const V3_DIRECTIVE = /@tailwind\s+(?:base|components|utilities|variants|screens)\s*;?/g;

/** The utility classes the check below counts (display, flex, spacing, sizes, colours… as Tailwind names them). */
const TAILWIND_UTILITY = new RegExp(
  "^(?:[a-z]+:)*-?(?:flex|grid|hidden|block|inline-flex|items-[a-z]+|justify-[a-z]+|" +
    String.raw`gap-[\w.[\]#-]+|[mp][xytrbl]?-[\w.[\]-]+|[wh]-[\w./[\]-]+|(?:min|max)-[wh]-[\w./[\]-]+|` +
    String.raw`text-[\w./[\]#-]+|bg-[\w./[\]#-]+|font-[\w[\]-]+|rounded(?:-[\w[\]-]+)?|border(?:-[\w[\]#-]+)?|` +
    String.raw`shadow(?:-[\w[\]-]+)?|leading-[\w[\].-]+|tracking-[\w[\].-]+|space-[xy]-[\w[\]-]+|absolute|` +
    String.raw`relative|fixed|inset-[\w[\]-]+|top-[\w[\]-]+|left-[\w[\]-]+|z-[\w[\]-]+|overflow-[a-z]+|` +
    String.raw`opacity-\d+|object-[a-z]+|self-[a-z]+|shrink-0|grow|uppercase|truncate)$`,
);

/** An arbitrary value or property (`w-[123px]`, `[background:url(…)]`), with variants: Tailwind's alone. */
const ARBITRARY = /^(?:[\w-]+:)*-?(?:[a-z][\w-]*-)?\[\S+\]$/;

/** The class names written literally in `className` attributes (`"…"`, `{"…"}`, `` {`…`} ``, `{["…", className]…}`). */
function literalClasses(file: SourceFile): string[] {
  const out: string[] = [];
  for (const m of file.content.matchAll(/className\s*=\s*(?:\{\s*\[?\s*)?(["'`])((?:(?!\1)[^\\]|\\.)*)\1/g))
    out.push(...m[2]!.split(/\s+/).filter((t) => t !== "" && !t.includes("${")));
  return out;
}

/**
 * Does the project style itself with Tailwind? A config, a stylesheet importing Tailwind, or class names written in
 * the scripts that are mostly Tailwind's utilities and that no stylesheet of the project defines (the emitters'
 * code-only Tailwind files have no stylesheet of their own; a CSS-modules project writes no class names).
 */
export function usesTailwind(files: readonly SourceFile[]): boolean {
  if (files.some((f) => TAILWIND_CONFIG.test(f.path))) return true;
  const styles = files.filter((f) => /\.(?:css|scss|sass|less)$/i.test(f.path));
  if (styles.some((f) => importsTailwind(f.content))) return true;
  const defined = new Set(
    styles.flatMap((f) => [...withoutComments(f.content).matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map((m) => m[1]!)),
  );
  const classes = new Set([
    ...files.filter((f) => /\.[jt]sx?$/.test(f.path)).flatMap(literalClasses),
    ...files.filter((f) => /\.(?:vue|svelte)$/.test(f.path)).flatMap(vueClasses),
  ]);
  const utilities = [...classes].filter((c) => !defined.has(c) && (TAILWIND_UTILITY.test(c) || ARBITRARY.test(c)));
  return utilities.length > 0 && utilities.length * 2 >= classes.size;
}

/** The class names of a Vue template's (or Svelte markup's) static `class="…"` attributes. */
function vueClasses(file: SourceFile): string[] {
  return [...file.content.matchAll(/\sclass="([^"]*)"/g)].flatMap((m) => m[1]!.split(/\s+/).filter((t) => t !== ""));
}

const unescapeLiteral = (text: string): string => text.replace(/\\(["'`\\])/g, "$1");

/**
 * Every token of the files that may be a class, as Tailwind's scanner reads a file: split at whitespace, quotes and
 * JSX's `=<>{}`, and each string literal's content (its escapes undone) split at whitespace, so `content-['x']` and
 * `[background:url(…)_no-repeat]` come whole. Tokens that are no class cost the compiler a failed parse, no more.
 */
export function tailwindCandidates(files: readonly SourceFile[]): string[] {
  const found = new Set<string>();
  const add = (text: string): void => {
    for (const token of text.split(/\s+/)) if (token !== "" && token.length <= 600) found.add(token);
  };
  for (const file of files) {
    if (!SCANNED.test(file.path)) continue;
    const text = file.content;
    for (const token of text.split(/[\s"'`=<>{}]+/)) if (token !== "" && token.length <= 600) found.add(token);
    // Each quote kind on its own: an apostrophe in JSX text must not hide a double-quoted class string.
    for (const literal of [/"((?:[^"\\\n]|\\.)*)"/g, /'((?:[^'\\\n]|\\.)*)'/g, /`((?:[^`\\]|\\[\s\S])*)`/g]) {
      for (const m of text.matchAll(literal)) {
        add(m[1]!);
        if (m[1]!.includes("\\")) add(unescapeLiteral(m[1]!));
      }
    }
  }
  return [...found];
}

/** A stylesheet's relative `url()`s made relative to `toDir` (Tailwind's build rebases an imported file's URLs so). */
function rebaseUrls(css: string, fromDir: string, toDir: string): string {
  if (fromDir === toDir) return css;
  return css.replace(
    /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)"'\s]*))\s*\)/gi,
    (match, dq?: string, sq?: string, bare?: string) => {
      const ref = dq ?? sq ?? bare ?? "";
      if (!isLocalReference(ref) || ref.startsWith("/") || ref.startsWith("data:")) return match;
      return `url("${relativePath(toDir, resolvePath(fromDir, ref)).replace(/"/g, "%22")}")`;
    },
  );
}

/** Google Fonts' `@import url(…)`s moved to the top of the compiled CSS, where CSS takes @import (one each). */
function hoistFontImports(css: string): string {
  const imports: string[] = [];
  const body = css.replace(/@import\s+url\(\s*["']?([^"')]+)["']?\s*\)\s*;\n?/g, (match, href: string) => {
    if (!isGoogleFontsHref(href)) return match;
    if (!imports.includes(href)) imports.push(href);
    return "";
  });
  return imports.map((href) => `@import url("${href.replace(/"/g, "%22")}");\n`).join("") + body;
}

/** One compiled stylesheet: the project's file it stands for (or the zip's src/tailwind.css, added) and its CSS. */
export interface TailwindStylesheet {
  /** The stylesheet's path; its relative `url()`s are relative to its directory. */
  path: string;
  css: string;
  /** True when the project has no such file and imports none (the emitters' code-only files): the page loads it. */
  added: boolean;
}

export interface TailwindBuild {
  stylesheets: TailwindStylesheet[];
  problems: Problem[];
}

const errorText = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).replace(/\s+/g, " ").trim();

/**
 * The project's Tailwind stylesheets compiled with the classes its files use, or undefined when the project does not
 * use Tailwind. Never throws: a stylesheet that does not compile is a problem naming why (its classes stay unstyled).
 */
export async function compileTailwind(input: readonly SourceFile[]): Promise<TailwindBuild | undefined> {
  const files = input.filter((f) => f.content !== "" || !f.bytes);
  const byPath = new Map(files.map((f) => [f.path, f]));
  const entries = files.filter(
    (f) => STYLE.test(f.path) && !/\.module\.css$/i.test(f.path) && importsTailwind(f.content),
  );
  if (entries.length === 0 && !usesTailwind(files)) return undefined;
  const problems: Problem[] = [];
  const config = files.find((f) => TAILWIND_CONFIG.test(f.path));
  let configNamed = false;
  const sources: { path: string; content: string; added: boolean }[] =
    entries.length > 0
      ? entries.map((f) => ({ path: f.path, content: f.content, added: false }))
      : [{ path: TAILWIND_STYLESHEET, content: tailwindStylesheet(files), added: true }];
  const candidates = tailwindCandidates(files);
  const stylesheets: TailwindStylesheet[] = [];
  for (const source of sources) {
    let css = source.content;
    if (!IMPORTS_TAILWIND.test(withoutComments(css)) && /@tailwind\s+(?:base|utilities)\b/.test(withoutComments(css))) {
      // Tailwind v3's directives: v4 (which the preview and the zip's build run) reads `@import "tailwindcss"`.
      let first = true;
      css = css.replace(V3_DIRECTIVE, () => (first ? ((first = false), '@import "tailwindcss";') : ""));
      problems.push({
        severity: "info",
        code: "preview-tailwind",
        message:
          "This stylesheet uses Tailwind v3's @tailwind directives: the " +
          'preview compiles it with Tailwind v4, as @import "tailwindcss"',
        file: source.path,
      });
    }
    const entryDir = dirname(source.path);
    try {
      const compiler = await compile(css, {
        base: entryDir,
        loadStylesheet: async (id, base) => {
          const tailwind = /^tailwindcss(?:\/(index|theme|preflight|utilities)(?:\.css)?)?$/.exec(id);
          if (tailwind)
            return {
              path: `tailwindcss/${tailwind[1] ?? "index"}.css`,
              base,
              content: TAILWIND_FILES[tailwind[1] ?? "index"]!,
            };
          if (/^\.{1,2}\/|^\//.test(id)) {
            const path = resolvePath(id.startsWith("/") ? "" : base, id);
            const file = byPath.get(path) ?? byPath.get(`${path}.css`);
            if (file)
              return {
                path: file.path,
                base: dirname(file.path),
                content: rebaseUrls(file.content, dirname(file.path), entryDir),
              };
            problems.push({
              severity: "warning",
              code: "preview-missing-file",
              message:
                `"${id}" is not a file of the project; Tailwind's ` +
                `build fails on this import (the preview leaves it out)`,
              file: source.path,
            });
            return { path, base, content: "" };
          }
          const font = fontsourceGoogleHref(id);
          if (font) return { path: id, base, content: `@import url("${font}");\n` };
          problems.push({
            severity: "info",
            code: "preview-css-import",
            message: `The preview has no network: "${id}" is not loaded`,
            file: source.path,
          });
          return { path: id, base, content: "" };
        },
        loadModule: async (id, base, hint) => {
          if (hint === "config") configNamed = true;
          const name = /^\.{1,2}\//.test(id) ? resolvePath(base, id) : id;
          problems.push({
            severity: "warning",
            code: "preview-tailwind",
            message:
              hint === "config"
                ? `The preview does not run ${name} (JavaScript): its theme and plugins are not applied, ` +
                  `so classes that need them are not styled in the preview (the project's build applies it)`
                : `The preview does not run the Tailwind plugin "${name}" (JavaScript): the ` +
                  `classes it adds are not styled in the preview (the project's build runs it)`,
            file: source.path,
          });
          return { path: id, base, module: hint === "config" ? {} : () => {} };
        },
      });
      stylesheets.push({ path: source.path, css: hoistFontImports(compiler.build(candidates)), added: source.added });
    } catch (error) {
      problems.push({
        severity: "warning",
        code: "preview-tailwind",
        message:
          `The preview could not compile Tailwind (${errorText(error)}): ` +
          `its classes are not styled in the preview`,
        file: source.path,
      });
    }
  }
  if (config && !configNamed) {
    problems.push({
      severity: "warning",
      code: "preview-tailwind",
      message:
        `The preview does not run ${config.path} (JavaScript; Tailwind v4 reads it only through @config): ` +
        `its theme and plugins are not applied, so classes that need them are not styled in the preview`,
      file: config.path,
    });
  }
  return { stylesheets, problems };
}
