/**
 * A Fontsource import (`@fontsource/poppins/600-italic.css`, `@fontsource-variable/inter/wght.css`) as the
 * Google Fonts stylesheet serving the same faces: the preview has no node_modules, so it loads the design's
 * fonts from Google instead (the only network its CSP allows).
 */
import { googleFamilyByFontsourceId, type CatalogFamily } from "./catalog.js";
import { GOOGLE_FONTS_CSS } from "./output.js";

const SPECIFIER = /^@fontsource(-variable)?\/([a-z0-9-]+)(?:\/([^?#]*))?$/;

/** The Google family a Fontsource import loads, or undefined when it names none. */
export function fontsourceFamily(specifier: string): CatalogFamily | undefined {
  const m = SPECIFIER.exec(specifier);
  return m ? googleFamilyByFontsourceId(m[2]!) : undefined;
}

/** The css2 URL for one Fontsource import, or undefined when it names no family Google serves. */
export function fontsourceGoogleHref(specifier: string): string | undefined {
  const m = SPECIFIER.exec(specifier);
  if (!m) return undefined;
  const family = googleFamilyByFontsourceId(m[2]!);
  if (!family) return undefined;
  const file = (m[3] ?? "index.css").replace(/\.css$/, "");
  const italic = /italic/.test(file);
  const name = family.family.replace(/ /g, "+");
  let weight: string;
  if (m[1] || /^wght/.test(file)) {
    const range = family.variable ?? { min: 400, max: 400 };
    weight = range.min === range.max ? String(range.min) : `${range.min}..${range.max}`;
  } else {
    weight = /(\d{3})/.exec(file)?.[1] ?? "400";
  }
  const axes = italic ? `ital,wght@1,${weight}` : `wght@${weight}`;
  return `${GOOGLE_FONTS_CSS}/css2?family=${name}:${axes}&display=swap`;
}

/** Whether `href` is a Google Fonts stylesheet (the one remote stylesheet the previews load). */
export function isGoogleFontsHref(href: string): boolean {
  return href.startsWith(`${GOOGLE_FONTS_CSS}/css2?`) || href.startsWith(`${GOOGLE_FONTS_CSS}/css?`);
}
