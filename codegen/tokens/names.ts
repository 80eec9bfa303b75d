/** Token names from Figma paths: `color/text/primary` → `color-text-primary`, unique within a stylesheet. */
import type { TokenGroup } from "../design/token-table.js";

/** Slugs by path: a file's named styles are read once per layer that uses them. Bounded, for a long-lived worker. */
const slugOf = new Map<string, string>();
const SLUGS_KEPT = 10_000;

/** A CSS-identifier-safe slug of a path: lower case, ASCII letters and digits, words joined by `-`. */
export function tokenSlug(path: string): string {
  const known = slugOf.get(path);
  if (known !== undefined) return known;
  if (slugOf.size >= SLUGS_KEPT) slugOf.clear();
  const slug = slugOfPath(path);
  slugOf.set(path, slug);
  return slug;
}

function slugOfPath(path: string): string {
  const slug = path
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/([a-z0-9])([A-Z])/g, "$1-$2")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60)
    .replace(/-+$/, "");
  return slug || "token";
}

/** Tailwind v4 theme namespace per group; `number` has none (classes use `…-(--name)`). */
export const THEME_NAMESPACE: Record<TokenGroup, string | undefined> = {
  color: "color",
  spacing: "spacing",
  radius: "radius",
  text: "text",
  leading: "leading",
  tracking: "tracking",
  "font-weight": "font-weight",
  font: "font",
  shadow: "shadow",
  number: undefined,
};

/**
 * Leading path words that already say the namespace (`colors/primary` is `--color-primary`, not
 * `--color-colors-primary`).
 */
const SYNONYMS: Record<string, string[]> = {
  color: ["color", "colors", "colour", "colours"],
  spacing: ["spacing", "space", "spaces", "gap", "padding", "size", "sizes", "sizing"],
  radius: ["radius", "radii", "corner", "corners", "rounded", "border-radius", "corner-radius"],
  text: ["text", "font-size", "font-sizes", "size"],
  leading: ["leading", "line-height", "line-heights"],
  tracking: ["tracking", "letter-spacing"],
  "font-weight": ["font-weight", "font-weights", "weight", "weights"],
  font: ["font", "fonts", "font-family", "font-families", "family"],
  shadow: ["shadow", "shadows", "elevation", "effect", "effects"],
};

const themeOf = new Map<string, string>();

/** The Tailwind theme variable (no `--`) for a token of `group` at `path`. */
export function themeSlug(group: TokenGroup, path: string): string {
  const key = `${group}\n${path}`;
  const known = themeOf.get(key);
  if (known !== undefined) return known;
  if (themeOf.size >= SLUGS_KEPT) themeOf.clear();
  const slug = themeOfPath(group, path);
  themeOf.set(key, slug);
  return slug;
}

function themeOfPath(group: TokenGroup, path: string): string {
  const namespace = THEME_NAMESPACE[group];
  const slug = tokenSlug(path);
  if (!namespace) return slug;
  const parts = path.split("/").map(tokenSlug);
  const synonyms = SYNONYMS[group] ?? [];
  // `font/size/lg` and `font-size/lg` are both `--text-lg`; `colors/primary` is `--color-primary`.
  const drop =
    parts.length > 2 && synonyms.includes(`${parts[0]}-${parts[1]}`)
      ? 2
      : parts.length > 1 && synonyms.includes(parts[0]!)
        ? 1
        : 0;
  const rest = drop > 0 ? parts.slice(drop).join("-") : slug;
  return `${namespace}-${rest || "default"}`;
}

/** Hands out unique custom-property names (`name`, `name-2`, …). */
export class TokenNames {
  private readonly used = new Set<string>();

  take(base: string): string {
    let name = base;
    for (let i = 2; this.used.has(name); i++) name = `${base}-${i}`;
    this.used.add(name);
    return name;
  }
}
