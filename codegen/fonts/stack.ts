/**
 * The CSS `font-family` stack for a design's family: what the emitters write and what a font token's value is
 * (codegen/tokens), so both say the same.
 */
import { categoryOf, googleFamily, systemFamily, type FontCategory } from "./catalog.js";
import { fallbackFace, measurable } from "./plan.js";
import { cleanFamily } from "./usage.js";

/** System fonts after the design's family and its fallback face, by the family's category. */
const CATEGORY_STACK: Record<FontCategory, string> = {
  "sans-serif": "Helvetica, Arial, sans-serif",
  display: "Helvetica, Arial, sans-serif",
  handwriting: "Helvetica, Arial, sans-serif",
  serif: 'Georgia, "Times New Roman", serif',
  monospace: "ui-monospace, Menlo, Consolas, monospace",
};

/**
 * The family, its metric-matched fallback face when its metrics are known (codegen/fonts: defined beside the
 * output's font links), then system fonts of its category. Apple's system face is asked for by its system
 * names before the fallback, so that a Mac shows the real one.
 */
export function fontStack(raw: string): string {
  const known = stackOf.get(raw);
  if (known !== undefined) return known;
  if (stackOf.size >= 1_000) stackOf.clear();
  const stack = stackFor(raw);
  stackOf.set(raw, stack);
  return stack;
}

/** Stacks by family as written: every text style writes one, and a file has a few families. */
const stackOf = new Map<string, string>();

function stackFor(raw: string): string {
  const family = cleanFamily(raw) || "sans-serif";
  const quote = (name: string): string => (/^[A-Za-z-]+$/.test(name) ? name : `"${name}"`);
  // Each catalog entry looked up once (this runs for every text style written).
  const google = googleFamily(family);
  const system = systemFamily(family);
  // A family nobody serves has a face measured from the design's texts (the plan defines it where it can).
  const fallback =
    (google && fallbackFace(family, google)) || (!google && !system && measurable(family))
      ? `${family.trim()} Fallback`
      : undefined;
  const apple = system?.family === "SF Pro" ? ["-apple-system", "BlinkMacSystemFont"] : [];
  // A family Google serves under a new name (Source Sans Pro → Source Sans 3): the loaded face has that name.
  const served = google?.family;
  const renamed = served && served.toLowerCase() !== family.toLowerCase() ? [quote(served)] : [];
  return [
    quote(family),
    ...renamed,
    ...apple,
    ...(fallback ? [`"${fallback}"`] : []),
    CATEGORY_STACK[(google ?? system)?.category ?? categoryOf(family)],
  ].join(", ");
}
