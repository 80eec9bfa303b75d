/**
 * What is known about a font family: whether Google Fonts serves it (with which weights and styles, and under
 * which Fontsource package), its category, and its metrics for a metric-matched fallback face. Read from the
 * generated catalog (catalog-data.ts, built from google-font-metadata and @capsizecss/metrics), parsed once.
 */
import { GOOGLE_FAMILIES, SYSTEM_FAMILIES } from "./catalog-data.js";
import { kebabFamily } from "./catalog-build.js";

export type FontCategory = "sans-serif" | "serif" | "monospace" | "display" | "handwriting";

export interface FontMetrics {
  unitsPerEm: number;
  ascent: number;
  /** Negative, below the baseline (as the font's tables give it). */
  descent: number;
  lineGap: number;
  xWidthAvg: number;
}

export interface CatalogFamily {
  /** The family's name as its source spells it ("Inter Tight"). */
  family: string;
  category: FontCategory;
  /** Static weights Google serves (empty for a system font). */
  weights: number[];
  normal: boolean;
  italic: boolean;
  /** The variable weight axis, when Google serves the family as a variable font. */
  variable?: { min: number; max: number };
  metrics?: FontMetrics;
  /** npm package id under @fontsource/ (and @fontsource-variable/). */
  fontsourceId: string;
  /** Served by Google Fonts (false: a system font known only for its metrics). */
  google: boolean;
}

const CATEGORY: Record<string, FontCategory> = {
  s: "sans-serif",
  r: "serif",
  m: "monospace",
  d: "display",
  h: "handwriting",
};

function weightsOf(field: string): number[] {
  if (!field) return [];
  return field.split(",").flatMap((part) => {
    const [from, to] = part.split("-").map(Number);
    if (to === undefined) return [from! * 100];
    return Array.from({ length: to - from! + 1 }, (_, i) => (from! + i) * 100);
  });
}

function parseLine(line: string, google: boolean): CatalogFamily {
  const [family = "", category = "s", weights = "", styles = "", variable = "", metrics = "", id = ""] =
    line.split(";");
  const range = /^(\d+)-(\d+)$/.exec(variable);
  const m = metrics ? metrics.split(",").map(Number) : undefined;
  return {
    family,
    category: CATEGORY[category] ?? "sans-serif",
    weights: weightsOf(weights),
    normal: styles.includes("n"),
    italic: styles.includes("i"),
    ...(range ? { variable: { min: Number(range[1]), max: Number(range[2]) } } : {}),
    ...(m && m.length === 5
      ? { metrics: { unitsPerEm: m[0]!, ascent: m[1]!, descent: m[2]!, lineGap: m[3]!, xWidthAvg: m[4]! } }
      : {}),
    fontsourceId: id || kebabFamily(family),
    google,
  };
}

let google: Map<string, CatalogFamily> | undefined;
let system: Map<string, CatalogFamily> | undefined;

/** Family names compare without case and with runs of spaces as one ("inter  tight" is Inter Tight). */
const key = (family: string): string => family.trim().replace(/\s+/g, " ").toLowerCase();

function tables(): { google: Map<string, CatalogFamily>; system: Map<string, CatalogFamily> } {
  google ??= new Map(
    GOOGLE_FAMILIES.split("\n")
      .map((l) => parseLine(l, true))
      .map((f) => [key(f.family), f]),
  );
  system ??= new Map(
    SYSTEM_FAMILIES.split("\n")
      .map((l) => parseLine(l, false))
      .map((f) => [key(f.family), f]),
  );
  return { google, system };
}

/**
 * Families Google Fonts serves under a new name (the old name is what older files and designers' machines
 * still have): Adobe's Source Sans Pro and Source Serif Pro became Source Sans 3 and Source Serif 4.
 */
const RENAMED: Readonly<Record<string, string>> = {
  "source sans pro": "source sans 3",
  "source serif pro": "source serif 4",
};

/** The family as Google Fonts serves it (under its current name), or undefined. */
export function googleFamily(family: string): CatalogFamily | undefined {
  const k = key(family);
  return tables().google.get(RENAMED[k] ?? k);
}

let byFontsourceId: Map<string, CatalogFamily> | undefined;

/** The Google family a Fontsource package id names (`inter-tight` → Inter Tight), or undefined. */
export function googleFamilyByFontsourceId(id: string): CatalogFamily | undefined {
  byFontsourceId ??= new Map([...tables().google.values()].map((f) => [f.fontsourceId, f]));
  return byFontsourceId.get(id);
}

/**
 * The system font a family is (for its metrics): "SF Pro Display", "SF Pro Text" and "SF Compact" are Apple's
 * system face; "Helvetica Neue", "Segoe UI", "Arial"… as named.
 */
export function systemFamily(family: string): CatalogFamily | undefined {
  const k = key(family);
  const { system: table } = tables();
  if (/^(sf pro|sf compact|-apple-system|system-ui|san francisco)/.test(k)) return table.get("sf pro");
  return table.get(k);
}

/** The system font a fallback face is made from, for a category: Arial, Times New Roman or Courier New. */
export function fallbackBase(category: FontCategory): CatalogFamily {
  const name = category === "serif" ? "times new roman" : category === "monospace" ? "courier new" : "arial";
  const base = tables().system.get(name);
  if (!base) throw new Error(`font catalog: no metrics for ${name}`);
  return base;
}

/** A category from the name alone, for a family no catalog knows ("Acme Mono", "Brand Serif Display"). */
export function guessCategory(family: string): FontCategory {
  if (/mono|code|courier|consol/i.test(family)) return "monospace";
  if (/serif/i.test(family) && !/sans/i.test(family)) return "serif";
  return "sans-serif";
}

/** The family's category from the catalogs, else guessed from its name. */
export function categoryOf(family: string): FontCategory {
  return (googleFamily(family) ?? systemFamily(family))?.category ?? guessCategory(family);
}
