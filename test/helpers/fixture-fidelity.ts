/**
 * IoU × matched of every top-level frame of the real Figma fixtures at its design width, with the design's
 * fonts (the Google Fonts its HTML links, answered from the @fontsource devDependencies) and without them (the
 * requests refused: the metric-matched fallback faces and system fonts). Shared by test/fonts-fidelity.test.ts
 * and bench/fonts.ts.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { RestNode } from "../../cli/measure/fidelity.js";
import { fontPlan } from "../../codegen/fonts/plan.js";
import { loadDesign } from "../../codegen/index.js";
import { fixturesRoot } from "./responsive-frames.js";
import { cachedGenerateCode, frameFidelity } from "./run-cache.js";
import type { PageHost } from "../../cli/measure/browser.js";

/** Found from this file or the working directory: the bench runs it bundled in dist/. */
const fixturesDir = (): string => join(fixturesRoot(), "figma");

export interface FontFidelityRow {
  file: string;
  id: string;
  name: string;
  /** Google-served families the frame's texts use (empty: both figures are the same render). */
  googleFamilies: string[];
  withFonts: number;
  withoutFonts: number;
}

export function fixtureFiles(): string[] {
  return readdirSync(fixturesDir())
    .filter((f) => f.endsWith(".json"))
    .sort();
}

/** The top-level frames of one fixture file. */
export function fixtureRoots(file: string): ReturnType<typeof loadDesign>["roots"] {
  return loadDesign(JSON.parse(readFileSync(join(fixturesDir(), file), "utf8")) as unknown).roots;
}

/** The rows of one fixture file, one per top-level frame (or per frame of `ids`, in the file's order). */
export async function fontFidelityRows(
  browser: PageHost,
  file: string,
  ids?: readonly string[],
): Promise<FontFidelityRow[]> {
  const rows: FontFidelityRow[] = [];
  for (const root of fixtureRoots(file)) {
    if (ids && !ids.includes(root.id)) continue;
    const single = loadDesign({ document: root }, []);
    const code = await cachedGenerateCode(single.document, { target: "html", styling: "css-modules", nodeIds: true });
    const frame = root as unknown as RestNode;
    const score = async (fonts: boolean) => {
      const f = await frameFidelity(browser, { frame, files: code.files, fonts });
      return Math.round(f.meanIoU * f.matched * 10000) / 10000;
    };
    const googleFamilies = fontPlan(single.document.frames).served.map((f) => f.family);
    const withFonts = await score(true);
    const withoutFonts = googleFamilies.length > 0 ? await score(false) : withFonts;
    rows.push({ file, id: root.id, name: String(root.name ?? ""), googleFamilies, withFonts, withoutFonts });
  }
  return rows;
}
