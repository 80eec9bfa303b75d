/**
 * The design's fonts in the React Native preview. A React Native app loads them with expo-font; the preview has no
 * font files, and a bare `font-family: "Gothic A1"` that the browser does not have falls back to its default serif,
 * wider or narrower than the design's font (words break, texts are cut where React's do not, and the reverse).
 * React's preview writes each family as its font stack (codegen/fonts/stack.ts: the family, its metric-matched
 * fallback face, then system fonts of its category) beside the fallback faces (src/fonts.css); the React Native
 * preview gives react-native-web the same stack for each `fontFamily` and the same faces. React's stand-in for a
 * family no catalog knows (Pretendard) is measured from the design's texts, which the files do not carry: the
 * preview is given those faces (`measured`, codegen/fonts/plan.ts's fontPlan); without one such a family is left as
 * written, its stack without the face being a system sans of other widths.
 */
import { googleFamily, systemFamily } from "../fonts/catalog.js";
import { fontFacesCss } from "../fonts/output.js";
import { fallbackFace, type FallbackFace } from "../fonts/plan.js";
import { fontStack } from "../fonts/stack.js";
import { cleanFamily } from "../fonts/usage.js";
import type { SourceFile } from "../types.js";

/** A style's family as the React Native emitter writes it (emit/react-native/style.ts): `fontFamily: "Gothic A1"`. */
const FAMILY = /\bfontFamily: ("(?:[^"\\\n]|\\.)*")/g;

const isScript = (f: SourceFile): boolean => !f.bytes && /\.[jt]sx?$/.test(f.path);

/** The families the files' styles name, in order of first use. */
export function styleFamilies(files: readonly SourceFile[]): string[] {
  const out = new Set<string>();
  for (const f of files)
    if (isScript(f))
      for (const m of f.content.matchAll(FAMILY)) {
        const family = cleanFamily(JSON.parse(m[1]!) as string);
        if (family) out.add(family);
      }
  return [...out];
}

/** The files with each style's family written as React's font stack for it (`measured`: the design's faces). */
export function withFontStacks(files: readonly SourceFile[], measured: readonly FallbackFace[] = []): SourceFile[] {
  const known = (family: string): boolean =>
    Boolean(googleFamily(family) || systemFamily(family)) || measured.some((f) => f.family === family);
  return files.map((f) => {
    if (!isScript(f)) return f;
    const content = f.content.replace(FAMILY, (whole, literal: string) => {
      const family = cleanFamily(JSON.parse(literal) as string);
      return known(family) ? `fontFamily: ${JSON.stringify(fontStack(family))}` : whole;
    });
    return content === f.content ? f : { ...f, content };
  });
}

/**
 * The fallback faces React's src/fonts.css defines for these families (codegen/fonts/output.ts), each with its bold
 * face: React gives one only to a family used heavier than 500, where no lighter text tells the two apart. A family
 * no catalog knows has the face `measured` from the design's texts, as React's.
 */
export function previewFontFaces(families: readonly string[], measured: readonly FallbackFace[] = []): string {
  const fallbacks: FallbackFace[] = [];
  for (const family of families) {
    const google = googleFamily(family);
    const face = google ? fallbackFace(family, google, 1000) : measured.find((f) => f.family === family);
    if (face) fallbacks.push(face);
  }
  return fontFacesCss({ served: [], unserved: [], fallbacks }, "");
}
