/**
 * The design's fonts through `next/font` in the Next.js starter. `next/font/google` downloads the fonts from
 * fonts.googleapis.com during `next build` and fails the build without that access (offline, CI behind a proxy), so
 * the starter uses `next/font/local` on the woff2 files of the Fontsource packages the React output already depends
 * on (node_modules/@fontsource/<id>/files/): the same self-hosting, preloading, `display: "swap"` and metric-matched
 * fallback as next/font/google, and a build that needs only the npm registry. Each family is a CSS variable
 * (`--next-font-<id>`) set on <html>, which the styles' font stacks use in place of the family's name. Families no
 * Fontsource package serves keep their stack. Only the Latin subset ships (next/font/local has no unicode-range).
 * Pure: no DOM.
 */
import type { SourceFile } from "../types.js";

/** The module that calls localFont (next/font must be called at a module's top level). */
export const NEXT_FONTS_MODULE = "src/app/fonts.ts";

interface Face {
  /** "400", or "100 900" for a variable font. */
  weight: string;
  style: "normal" | "italic";
  /** The woff2 file, from src/app/. */
  path: string;
}

export interface NextFont {
  /** Fontsource's id: `poppins`, `inter-tight`. */
  id: string;
  /** The module-level name localFont's result is bound to (next/font names the family after it). */
  binding: string;
  /** `--next-font-<id>`, set on <html>. */
  variable: string;
  faces: Face[];
}

const FONTSOURCE_IMPORT = /^import\s+"(@fontsource(-variable)?\/([a-z0-9-]+))\/([^"]+)\.css";\n/gm;

/** The families src/fonts.ts imports from Fontsource, with the faces it imports. */
export function nextFonts(files: readonly SourceFile[]): NextFont[] {
  const fontsTs = files.find((f) => f.path === "src/fonts.ts");
  if (!fontsTs) return [];
  const byId = new Map<string, NextFont>();
  for (const m of fontsTs.content.matchAll(FONTSOURCE_IMPORT)) {
    const [, pkg, variableFont, id, spec] = m as unknown as [string, string, string | undefined, string, string];
    const face = /^(\d+|wght)(-italic)?$/.exec(spec);
    if (!face) continue;
    const style = face[2] ? "italic" : "normal";
    const variable = Boolean(variableFont);
    const file = `${id}-latin-${variable ? "wght" : face[1]}-${style}.woff2`;
    const font = byId.get(id) ?? {
      id,
      binding: /^[a-z]/.test(id) ? id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase()) : `font_${id}`,
      variable: `--next-font-${id}`,
      faces: [],
    };
    font.faces.push({
      weight: variable ? "100 900" : face[1]!,
      style,
      path: `../../node_modules/${pkg}/files/${file}`,
    });
    byId.set(id, font);
  }
  return [...byId.values()];
}

/** src/app/fonts.ts: a localFont per family, exported for the layout. */
export function nextFontsModule(fonts: readonly NextFont[]): string {
  const declarations = fonts.map((font) =>
    [
      `export const ${font.binding} = localFont({`,
      "  src: [",
      ...font.faces.map((face) => `    { path: "${face.path}", weight: "${face.weight}", style: "${face.style}" },`),
      "  ],",
      '  display: "swap",',
      `  variable: "${font.variable}",`,
      "});",
    ].join("\n"),
  );
  return [
    "// The design's fonts through next/font/local, from the Fontsource packages' files: see README.md.",
    'import localFont from "next/font/local";',
    "",
    declarations.join("\n\n"),
    "",
  ].join("\n");
}

/** src/fonts.ts without the Fontsource imports next/font now loads (an empty module still a module). */
export function withoutFontsourceImports(content: string): string {
  const kept = content
    .replace(FONTSOURCE_IMPORT, "")
    .split("\n")
    .filter((line) => !line.startsWith("// The design's fonts, only the weights"));
  const body = kept.filter((line) => line.trim() !== "");
  const head = "// The design's fonts come from next/font (src/app/fonts.ts); this file keeps their fallback faces.";
  return [head, ...(body.length > 0 ? body : ["export {};"]), ""].join("\n");
}

const slug = (family: string): string =>
  family
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");

/**
 * A stylesheet whose font stacks start with a next/font family, that family as its variable:
 * `font-family: Poppins, "Poppins Fallback", …` → `font-family: var(--next-font-poppins), "Poppins Fallback", …`,
 * and so Tailwind's theme fonts (`--font-poppins: Poppins, …`).
 */
export function withFontVariables(css: string, fonts: readonly NextFont[]): string {
  if (fonts.length === 0) return css;
  const byId = new Map(fonts.map((f) => [f.id, f]));
  return css.replace(
    /((?:font-family|--font-[\w-]+)\s*:\s*)("([^"]+)"|'([^']+)'|([A-Za-z][\w -]*?))(?=\s*[,;}])/g,
    (whole, prefix: string, _token: string, dq?: string, sq?: string, bare?: string) => {
      const font = byId.get(slug(dq ?? sq ?? bare ?? ""));
      return font ? `${prefix}var(${font.variable})` : whole;
    },
  );
}
