/**
 * Google Fonts, answered from local files: the `@fontsource/*` devDependencies (the same font files Google
 * serves). Pages in tests and measurements may ask `fonts.googleapis.com` for a stylesheet (`/css2?family=…`
 * or the older `/css?family=…`); `serveGoogleFonts` answers it with `@font-face` rules for the families,
 * weights and styles asked for, whose files it then serves from `fonts.gstatic.com`. No network.
 *
 * `installedFontsHref(families)` is the stylesheet for every weight and style of the given families: a page
 * that links it renders as on a machine with those fonts installed.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

export const GOOGLE_FONTS_CSS_ORIGIN = "https://fonts.googleapis.com";
export const GOOGLE_FONTS_FILES_ORIGIN = "https://fonts.gstatic.com";

interface Face {
  weight: number;
  italic: boolean;
  /** The latin subset's file name (woff2) in the package's files/. */
  file: string;
}

interface LocalFamily {
  family: string;
  dir: string;
  faces: Face[];
}

let families: Map<string, LocalFamily> | undefined;

/** The installed @fontsource packages, by lower-case family name. */
export function localFamilies(): Map<string, LocalFamily> {
  if (families) return families;
  families = new Map();
  let root: string;
  try {
    root = dirname(dirname(createRequire(import.meta.url).resolve("@fontsource/poppins/package.json")));
  } catch {
    return families;
  }
  for (const pkg of readdirSync(root)) {
    const dir = join(root, pkg);
    const css = join(dir, "400.css");
    if (!existsSync(css)) continue;
    const family = /font-family: '([^']+)'/.exec(readFileSync(css, "utf8"))?.[1];
    if (!family) continue;
    const faces: Face[] = [];
    for (const file of readdirSync(join(dir, "files"))) {
      const m = new RegExp(`^${pkg}-latin-(\\d+)-(normal|italic)\\.woff2$`).exec(file);
      if (m) faces.push({ weight: Number(m[1]), italic: m[2] === "italic", file });
    }
    families.set(family.toLowerCase(), { family, dir, faces });
  }
  return families;
}

/** What a Google Fonts stylesheet URL asks for: each family with its (weight, italic) pairs, or all of them. */
export function requestedFaces(url: URL): { family: string; faces: { weight: number; italic: boolean }[] | "all" }[] {
  const out: { family: string; faces: { weight: number; italic: boolean }[] | "all" }[] = [];
  const specs =
    url.pathname === "/css2" ? url.searchParams.getAll("family") : (url.searchParams.get("family") ?? "").split("|");
  for (const spec of specs) {
    if (!spec) continue;
    const [name = "", axes = ""] = spec.split(":");
    const family = name.replace(/\+/g, " ").trim();
    if (!axes) {
      out.push({ family, faces: [{ weight: 400, italic: false }] });
      continue;
    }
    if (url.pathname === "/css2") {
      // ital,wght@0,400;1,700  |  wght@400;700  |  ital@1  |  wght@100..900 (a range: every face in it)
      const [keys = "", values = ""] = axes.split("@");
      const names = keys.split(",");
      const faces: { weight: number; italic: boolean }[] = [];
      for (const tuple of values.split(";")) {
        const parts = tuple.split(",");
        const italic = names.includes("ital") ? parts[names.indexOf("ital")] === "1" : false;
        const weight = names.includes("wght") ? parts[names.indexOf("wght")]! : "400";
        const range = /^(\d+)\.\.(\d+)$/.exec(weight);
        if (range) for (let w = Number(range[1]); w <= Number(range[2]); w += 100) faces.push({ weight: w, italic });
        else faces.push({ weight: Number(weight), italic });
      }
      out.push({ family, faces });
    } else {
      // css?family=Montserrat:400,700,400i,700italic
      out.push({
        family,
        faces: axes.split(",").map((w) => ({ weight: parseInt(w, 10) || 400, italic: /i/.test(w) })),
      });
    }
  }
  return out;
}

function faceRule(local: LocalFamily, face: Face): string {
  const src = `${GOOGLE_FONTS_FILES_ORIGIN}/s/${encodeURIComponent(local.dir.split(/[\\/]/).pop()!)}/${face.file}`;
  return (
    `@font-face {\n` +
    `  font-family: '${local.family}';\n` +
    `  font-style: ${face.italic ? "italic" : "normal"};\n` +
    `  font-weight: ${face.weight};\n` +
    `  font-display: swap;\n` +
    `  src: url(${src}) format('woff2');\n` +
    `}\n`
  );
}

/** The stylesheet Google would answer for `url`, from the local files (families it does not have are left out). */
export function googleFontsCss(url: URL): string {
  const rules: string[] = [];
  for (const request of requestedFaces(url)) {
    const local = localFamilies().get(request.family.toLowerCase());
    if (!local) continue;
    const wanted = request.faces;
    for (const face of local.faces) {
      if (wanted === "all" || wanted.some((w) => w.weight === face.weight && w.italic === face.italic))
        rules.push(faceRule(local, face));
    }
  }
  return rules.join("\n");
}

/** A route answer for a Google Fonts request (stylesheet or font file), or undefined for any other URL. */
export function serveGoogleFonts(url: URL): { contentType: string; body: string | Buffer } | undefined {
  if (url.origin === GOOGLE_FONTS_CSS_ORIGIN && (url.pathname === "/css2" || url.pathname === "/css")) {
    return { contentType: "text/css; charset=utf-8", body: googleFontsCss(url) };
  }
  if (url.origin === GOOGLE_FONTS_FILES_ORIGIN) {
    const m = /^\/s\/([^/]+)\/([^/]+\.woff2)$/.exec(url.pathname);
    const pkg = m ? decodeURIComponent(m[1]!) : undefined;
    const local = pkg ? [...localFamilies().values()].find((f) => f.dir.endsWith(pkg)) : undefined;
    const path = local && m ? join(local.dir, "files", m[2]!) : undefined;
    if (path && existsSync(path)) return { contentType: "font/woff2", body: readFileSync(path) };
  }
  return undefined;
}

/** A css2 stylesheet URL for every weight and style of `families` that are installed locally (undefined if none). */
export function installedFontsHref(familyNames: Iterable<string>): string | undefined {
  const params: string[] = [];
  for (const name of new Set(familyNames)) {
    const local = localFamilies().get(name.toLowerCase());
    if (!local || local.faces.length === 0) continue;
    const tuples = [...new Set(local.faces.map((f) => `${f.italic ? 1 : 0},${f.weight}`))].sort((a, b) =>
      a < b ? -1 : 1,
    );
    params.push(`family=${encodeURIComponent(local.family).replace(/%20/g, "+")}:ital,wght@${tuples.join(";")}`);
  }
  return params.length > 0 ? `${GOOGLE_FONTS_CSS_ORIGIN}/css2?${params.join("&")}&display=swap` : undefined;
}

/** Every font family a REST JSON document's texts use (base styles and style overrides). */
export function familiesIn(json: unknown): Set<string> {
  const out = new Set<string>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) {
        if (k === "fontFamily" && typeof v === "string") out.add(v);
        else walk(v);
      }
    }
  };
  walk(json);
  return out;
}

/**
 * Page options that render as on a machine with the design's fonts installed: its Google-served families
 * linked from local files, and any other Google Fonts request answered the same way.
 */
export function designFontsPage(json: unknown): { serve: typeof serveGoogleFonts; stylesheets: string[] } {
  const href = installedFontsHref(familiesIn(json));
  return { serve: serveGoogleFonts, stylesheets: href ? [href] : [] };
}
