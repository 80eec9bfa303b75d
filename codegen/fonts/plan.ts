/**
 * How the output loads the design's fonts: which families Google Fonts serves (and which faces of them to ask
 * for), which it does not (the user's own files), and the metric-matched fallback face of each family whose
 * metrics are known, so that text keeps its size and line breaks while the font loads or when it never does.
 */
import {
  categoryOf,
  fallbackBase,
  googleFamily,
  systemFamily,
  type CatalogFamily,
  type FontCategory,
} from "./catalog.js";
import { measuredWidthRatio } from "./measured-fallback.js";
import { faceKey, fontUsage, type FamilyUse, type FontFace } from "./usage.js";
import type { DesignNode } from "../design/types.js";

export interface ServedFamily {
  /** As Google spells it (the CSS family name the stylesheet declares). */
  family: string;
  /** The faces to load: each used face, moved to the nearest weight Google serves when it has no such weight. */
  faces: FontFace[];
  /** True when a used weight exists only on the variable axis (e.g. 450): load the variable font. */
  variable: boolean;
  fontsourceId: string;
  /** The spellings the design used, when not Google's own ("inter tight"). */
  designNames: string[];
}

export interface UnservedFamily {
  family: string;
  faces: FontFace[];
  layers: { id: string; name: string }[];
  category: FontCategory;
}

/** Percentages. */
export interface FaceMetrics {
  sizeAdjust: number;
  ascentOverride: number;
  descentOverride: number;
  lineGapOverride: number;
}

export interface FallbackFace extends FaceMetrics {
  /** The family it stands in for, as the design spells it. */
  family: string;
  /** Its CSS family name: `"<family> Fallback"`. */
  name: string;
  /** local() names of the system font (and its metric-compatible open twins on Linux). */
  local: string[];
  /**
   * Its bold face's names, when the family is used heavier than 500: the fallback then has a real bold for
   * weights 501–1000 (a single regular face is not emboldened below 600, so a 550 heading would show regular).
   */
  localBold?: string[];
  /**
   * A measured face's metrics per range of weights (codegen/fonts/measured-fallback.ts), in place of the one or two
   * faces: `local` up to 500, `localBold` above.
   */
  weights?: WeightFace[];
}

export interface FontPlan {
  served: ServedFamily[];
  unserved: UnservedFamily[];
  fallbacks: FallbackFace[];
}

/** Local names per base font: the system font, then its metric-compatible twins (Liberation, Chrome OS). */
const LOCAL_NAMES: Record<string, string[]> = {
  Arial: ["Arial", "ArialMT", "Liberation Sans", "Arimo"],
  "Times New Roman": ["Times New Roman", "TimesNewRomanPSMT", "Liberation Serif", "Tinos"],
  "Courier New": ["Courier New", "CourierNewPSMT", "Liberation Mono", "Cousine"],
};
/** The same fonts' bold faces (local() matches a face's full or PostScript name, not its family). */
const LOCAL_BOLD_NAMES: Record<string, string[]> = {
  Arial: ["Arial Bold", "Arial-BoldMT", "Liberation Sans Bold", "LiberationSans-Bold", "Arimo Bold", "Arimo-Bold"],
  "Times New Roman": [
    "Times New Roman Bold",
    "TimesNewRomanPS-BoldMT",
    "Liberation Serif Bold",
    "LiberationSerif-Bold",
    "Tinos Bold",
    "Tinos-Bold",
  ],
  "Courier New": [
    "Courier New Bold",
    "CourierNewPS-BoldMT",
    "Liberation Mono Bold",
    "LiberationMono-Bold",
    "Cousine Bold",
    "Cousine-Bold",
  ],
};

/** The weight nearest to `weight` among `weights` (CSS's matching: a tie goes to the heavier above 500). */
function nearest(weight: number, weights: readonly number[]): number {
  let best = weights[0] ?? weight;
  for (const w of weights) {
    const d = Math.abs(w - weight);
    const bestD = Math.abs(best - weight);
    if (d < bestD || (d === bestD && (weight >= 500 ? w > best : w < best))) best = w;
  }
  return best;
}

function servedFaces(use: FamilyUse, entry: CatalogFamily): { faces: FontFace[]; variable: boolean } {
  const range = entry.variable;
  const variable =
    !!range &&
    use.faces.some((f) => !entry.weights.includes(f.weight) && f.weight >= range.min && f.weight <= range.max);
  const out = new Map<string, FontFace>();
  for (const f of use.faces) {
    const weight = variable ? Math.min(range!.max, Math.max(range!.min, f.weight)) : nearest(f.weight, entry.weights);
    // No italic served: the browser slants the upright face, as Figma would not let the designer pick it anyway.
    const italic = f.italic && entry.italic;
    out.set(faceKey({ weight, italic }), { weight, italic });
  }
  const faces = [...out.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, f]) => f);
  return { faces, variable };
}

const pct = (n: number) => Math.round(n * 10000) / 100;

/**
 * The fallback face for `family` from its metrics, over the category's system font (Capsize's and Next.js's formula).
 */
export function fallbackFace(family: string, entry: CatalogFamily, heaviest = 400): FallbackFace | undefined {
  const m = entry.metrics;
  const base = fallbackBase(entry.category);
  // Arial needs no stand-in made of Arial.
  if (!m || entry.family === base.family) return undefined;
  const bm = base.metrics!;
  const sizeAdjust = m.xWidthAvg / m.unitsPerEm / (bm.xWidthAvg / bm.unitsPerEm);
  const em = m.unitsPerEm * sizeAdjust;
  return {
    family,
    name: `${family} Fallback`,
    local: LOCAL_NAMES[base.family] ?? [base.family],
    ...(heaviest > 500 ? { localBold: LOCAL_BOLD_NAMES[base.family] ?? [`${base.family} Bold`] } : {}),
    sizeAdjust: pct(sizeAdjust),
    ascentOverride: pct(m.ascent / em),
    descentOverride: pct(Math.abs(m.descent) / em),
    lineGapOverride: pct(m.lineGap / em),
  };
}

/** Weights `from`–`to` (CSS font-weight range) of a measured face, and their metrics. */
export interface WeightFace {
  from: number;
  to: number;
  metrics: FaceMetrics;
}

/**
 * A class's weights (`used`, sorted) cut into ranges at the midpoints between them, from `from` to `to`, each with its
 * measured ratio; neighbours that measure the same are one range.
 */
function weightRanges(
  used: readonly number[],
  from: number,
  to: number,
  ratioOf: (weight?: number) => number | undefined,
): { from: number; to: number; ratio: number }[] {
  const out: { from: number; to: number; ratio: number }[] = [];
  const measured = used.map((w) => ({ w, ratio: ratioOf(w) })).filter((m) => m.ratio !== undefined);
  if (measured.length === 0) {
    const ratio = ratioOf();
    return ratio === undefined ? [] : [{ from, to, ratio }];
  }
  measured.forEach((m, i) => {
    const next = measured[i + 1];
    const end = next ? Math.floor((m.w + next.w) / 2) : to;
    const last = out[out.length - 1];
    if (last && pct(last.ratio) === pct(m.ratio!)) last.to = end;
    else out.push({ from: last ? last.to + 1 : from, to: end, ratio: m.ratio! });
  });
  return out;
}

/**
 * The fallback face of a sans family no catalog knows, the system sans scaled as the design's own texts measure the
 * family (codegen/fonts/measured-fallback.ts), per weight the design uses; its lines keep the system sans's
 * proportions to the font size.
 */
export function measuredFallbackFace(
  family: string,
  frames: readonly DesignNode[],
  weights: readonly number[] = [400],
): FallbackFace | undefined {
  const base = fallbackBase("sans-serif");
  const m = base.metrics!;
  const metrics = (ratio: number): FaceMetrics => {
    const em = m.unitsPerEm * ratio;
    return {
      sizeAdjust: pct(ratio),
      ascentOverride: pct(m.ascent / em),
      descentOverride: pct(Math.abs(m.descent) / em),
      lineGapOverride: pct(m.lineGap / em),
    };
  };
  const used = [...new Set(weights)].sort((a, b) => a - b);
  const heavy = used.some((w) => w > 500);
  const ranges = [
    ...weightRanges(
      used.filter((w) => w <= 500),
      1,
      heavy ? 500 : 1000,
      (w) => measuredWidthRatio(family, frames, false, w),
    ),
    ...(heavy
      ? weightRanges(
          used.filter((w) => w > 500),
          501,
          1000,
          (w) => measuredWidthRatio(family, frames, true, w),
        )
      : []),
  ];
  const first = ranges[0];
  if (!first) return undefined;
  const one = ranges.every((r) => pct(r.ratio) === pct(first.ratio)) && !heavy;
  return {
    family,
    name: `${family} Fallback`,
    local: LOCAL_NAMES[base.family] ?? [base.family],
    ...(heavy ? { localBold: LOCAL_BOLD_NAMES[base.family] ?? [`${base.family} Bold`] } : {}),
    ...metrics(first.ratio),
    ...(one ? {} : { weights: ranges.map((r) => ({ from: r.from, to: r.to, metrics: metrics(r.ratio) })) }),
  };
}

/** A family with a measured fallback face: unknown to the catalog (not served, no system font), a sans. */
export const measurable = (family: string): boolean =>
  !googleFamily(family) && !systemFamily(family) && categoryOf(family) === "sans-serif";

/** The plan for the fonts of `frames`. */
export function fontPlan(frames: readonly DesignNode[]): FontPlan {
  const served = new Map<string, ServedFamily>();
  const unserved: UnservedFamily[] = [];
  const fallbacks: FallbackFace[] = [];
  for (const use of fontUsage(frames)) {
    const google = googleFamily(use.family);
    // Web fonts only: a system face (Helvetica Neue, SF Pro) is there or not, it does not load late.
    const weights = use.faces.map((f) => f.weight);
    const fallback = google
      ? fallbackFace(use.family, google, Math.max(...weights))
      : measurable(use.family)
        ? measuredFallbackFace(use.family, frames, weights)
        : undefined;
    if (fallback) fallbacks.push(fallback);
    if (!google) {
      unserved.push({ family: use.family, faces: use.faces, layers: use.layers, category: categoryOf(use.family) });
      continue;
    }
    // Two spellings of one family ("Inter", "inter") load once.
    const prior = served.get(google.family);
    const faces = servedFaces(prior ? { ...use, faces: [...prior.faces, ...use.faces] } : use, google);
    served.set(google.family, {
      family: google.family,
      ...faces,
      fontsourceId: google.fontsourceId,
      designNames: [...new Set([...(prior?.designNames ?? []), ...(use.family === google.family ? [] : [use.family])])],
    });
  }
  const byName = (a: { family: string }, b: { family: string }) =>
    a.family < b.family ? -1 : a.family > b.family ? 1 : 0;
  return { served: [...served.values()].sort(byName), unserved, fallbacks };
}

/** The fallback face's name for a family, when the catalog knows its metrics (what the font stacks list). */
export function fallbackName(family: string): string | undefined {
  const google = googleFamily(family);
  return google && fallbackFace(family, google) ? `${family.trim()} Fallback` : undefined;
}
