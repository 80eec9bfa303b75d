/**
 * The design's fonts in the Expo starter: each Google family from its `@expo-google-fonts/<id>` package (the Expo
 * team's packages of Google's font files, on the npm registry, so a build needs no access to Google), one face per
 * weight and style the styles use, imported from the face's own entry (`@expo-google-fonts/inter/600SemiBold`) so
 * only those files ship. `useFonts` registers each face under its export's name (`Inter_600SemiBold`): on Android and
 * iOS a custom font is one family per file, and `fontWeight` does not pick among them, so a style's
 * `fontFamily: "Inter"` + `fontWeight: "600"` becomes `fontFamily: "Inter_600SemiBold"` without the weight (which the
 * browser would otherwise synthesize on top of the face). A family no package brings (SF Pro, a brand's own) is left
 * to the platform's system font: its name dropped from the style; so is a Google family without a package on the
 * starter's line (half of them: none, or only an old one without per-face entries; expo-font-packages.ts, read from
 * the registry), so `npm install` never fails. Pure.
 */
import { googleFamily, type CatalogFamily } from "../fonts/catalog.js";
import { WEIGHT_NAMES } from "../fonts/output.js";
import type { SourceFile } from "../types.js";
import { EXPO_FONT_PACKAGES } from "./expo-font-packages.js";

/** The line of the @expo-google-fonts packages the starter takes (some families' latest is 0.4.0). */
export const EXPO_GOOGLE_FONTS_VERSION = "^0.4.0";

let packaged: Set<string> | undefined;

/** A Google family the starter can install from @expo-google-fonts (at EXPO_GOOGLE_FONTS_VERSION). */
export function hasExpoPackage(family: CatalogFamily | undefined): family is CatalogFamily {
  packaged ??= new Set(EXPO_FONT_PACKAGES.split(" "));
  return family?.google === true && packaged.has(family.fontsourceId);
}

export interface ExpoFontFace {
  /** `@expo-google-fonts/inter`. */
  pkg: string;
  /** The export, and the family name useFonts registers: `Inter_600SemiBold`, `Inter_400Regular_Italic`. */
  name: string;
  /** The face's own entry: `@expo-google-fonts/inter/600SemiBold`. */
  from: string;
}

/** The faces the styles use, by name; `systemFor`: the families left to the system font. */
type Faces = Map<string, ExpoFontFace> & { systemFor: Set<string> };

const ENTRY = /^(\s+)(fontFamily|fontWeight|fontStyle): (.*),$/;

/** The weights Google serves the family at: its static weights, else every hundred of its variable axis. */
function weightsOf(family: CatalogFamily): number[] {
  if (family.weights.length > 0) return family.weights;
  const { min, max } = family.variable ?? { min: 400, max: 400 };
  return [100, 200, 300, 400, 500, 600, 700, 800, 900].filter((w) => w >= min && w <= max);
}

/** The face of `family` nearest to the weight and style asked for, as @expo-google-fonts names it. */
export function expoFontFace(family: CatalogFamily, weight: number, italic: boolean): ExpoFontFace {
  const served = weightsOf(family);
  const nearest = served.reduce((best, w) => (Math.abs(w - weight) < Math.abs(best - weight) ? w : best), served[0]!);
  const face = `${nearest}${WEIGHT_NAMES[nearest] ?? "Regular"}${italic && family.italic ? "_Italic" : ""}`;
  const pkg = `@expo-google-fonts/${family.fontsourceId}`;
  return { pkg, name: `${family.family.replace(/[^A-Za-z0-9]/g, "")}_${face}`, from: `${pkg}/${face}` };
}

const unquoted = (value: string): string => value.replace(/^["']|["']$/g, "");

/** `"600"`, `"bold"`, `600` → 600. */
function weightOf(value: string | undefined): number {
  const v = unquoted(value ?? "400");
  return v === "bold" ? 700 : /^\d+$/.test(v) ? Number(v) : 400;
}

/**
 * One style object's lines with its Google family named by the face (its weight and style lines dropped), the faces
 * it uses added to `faces`. `inherited`: the family of a file that sets one family only, for a style that sets a
 * weight alone (a span of a text, which takes its text's family).
 */
function rewriteBlock(block: string[], faces: Faces, inherited: CatalogFamily | undefined) {
  const entries = new Map<string, string>();
  for (const line of block) {
    const m = ENTRY.exec(line);
    if (m) entries.set(m[2]!, m[3]!);
  }
  const named = entries.get("fontFamily");
  const family =
    named !== undefined ? googleFamily(unquoted(named)) : entries.has("fontWeight") ? inherited : undefined;
  if (!hasExpoPackage(family)) {
    // A font no package brings is on no phone (SF Pro is iOS's own, named "System"), and a browser without it shows
    // its default serif: the platform's system font, at the style's weight, is nearer the design.
    if (named === undefined) return block;
    faces.systemFor.add(unquoted(named));
    return block.filter((line) => ENTRY.exec(line)?.[2] !== "fontFamily");
  }
  const face = expoFontFace(
    family,
    weightOf(entries.get("fontWeight")),
    unquoted(entries.get("fontStyle") ?? "") === "italic",
  );
  faces.set(face.name, face);
  const out: string[] = [];
  let indent = "";
  for (const line of block) {
    const m = ENTRY.exec(line);
    if (!m) {
      out.push(line);
      continue;
    }
    indent = m[1]!;
    if (m[2] === "fontFamily") out.push(`${indent}fontFamily: ${JSON.stringify(face.name)},`);
  }
  if (named === undefined) out.unshift(`${indent}fontFamily: ${JSON.stringify(face.name)},`);
  return out;
}

/** The one Google family a file's styles name, if they name exactly one. */
function onlyFamily(content: string): CatalogFamily | undefined {
  const names = new Set([...content.matchAll(/^\s+fontFamily: "([^"]+)",$/gm)].map((m) => m[1]!));
  if (names.size !== 1) return undefined;
  const family = googleFamily([...names][0]!);
  return hasExpoPackage(family) ? family : undefined;
}

/** A source file's styles on the registered faces; the faces they use added to `faces`. */
export function withExpoFonts(content: string, faces: Faces): string {
  if (!/\bfont(?:Family|Weight)\b/.test(content)) return content;
  const inherited = onlyFamily(content);
  const lines = content.split("\n");
  const out: string[] = [];
  let block: string[] | undefined;
  for (const line of lines) {
    if (ENTRY.test(line)) {
      (block ??= []).push(line);
      continue;
    }
    if (block && /^\s*(?:\w+: .*,)$/.test(line)) {
      block.push(line);
      continue;
    }
    if (block) out.push(...rewriteBlock(block, faces, inherited));
    block = undefined;
    out.push(line);
  }
  if (block) out.push(...rewriteBlock(block, faces, inherited));
  return out.join("\n");
}

export const newFaces = (): Faces => Object.assign(new Map<string, ExpoFontFace>(), { systemFor: new Set<string>() });

/** The package.json dependencies of the faces: each family's package once. */
export function expoFontPackages(faces: Iterable<ExpoFontFace>): Record<string, string> {
  return Object.fromEntries([...faces].map((f) => [f.pkg, EXPO_GOOGLE_FONTS_VERSION]));
}

/** The generated files' sources with their styles on the faces useFonts registers, and those faces (sorted). */
export function expoFonts(files: readonly SourceFile[]): {
  files: SourceFile[];
  faces: ExpoFontFace[];
  systemFor: string[];
} {
  const faces = newFaces();
  const out = files.map((f) =>
    f.bytes === undefined && f.path.endsWith(".tsx") ? { ...f, content: withExpoFonts(f.content, faces) } : f,
  );
  const sortedFaces = [...faces.values()].sort((a, b) => a.name.localeCompare(b.name));
  return { files: out, faces: sortedFaces, systemFor: [...faces.systemFor].sort() };
}
