/**
 * Tailwind classes for declarations whose value is a design token (`var(--color-surface)`): the theme's own
 * utility when the token sits in the property's namespace (`bg-surface`, `text-text-primary`, `gap-md`,
 * `rounded-lg`, `shadow-card`), else the variable shorthand (`opacity-(--fade)`). The tokens are defined
 * in `@theme` (codegen/tokens/stylesheet.ts), so these classes exist.
 */

/** property → [theme namespace, utility prefix] */
const NAMESPACED: Record<string, [string, string]> = {
  "background-color": ["color", "bg"],
  color: ["color", "text"],
  "border-color": ["color", "border"],
  gap: ["spacing", "gap"],
  "row-gap": ["spacing", "gap-y"],
  "column-gap": ["spacing", "gap-x"],
  padding: ["spacing", "p"],
  width: ["spacing", "w"],
  height: ["spacing", "h"],
  "min-width": ["spacing", "min-w"],
  "max-width": ["spacing", "max-w"],
  "min-height": ["spacing", "min-h"],
  "max-height": ["spacing", "max-h"],
  "border-radius": ["radius", "rounded"],
  "font-size": ["text", "text"],
  "line-height": ["leading", "leading"],
  "letter-spacing": ["tracking", "tracking"],
  "font-weight": ["font-weight", "font"],
  "font-family": ["font", "font"],
  "box-shadow": ["shadow", "shadow"],
};

/** Utilities that take `prefix-(--var)` for any variable (v4's shorthand for `prefix-[var(--var)]`). */
const SHORTHAND: Record<string, string> = {
  opacity: "opacity",
  "background-color": "bg",
  color: "text-(color:",
  "border-color": "border",
  "border-radius": "rounded",
  "box-shadow": "shadow",
  "font-size": "text-(length:",
  "line-height": "leading",
  "letter-spacing": "tracking",
  "font-weight": "font",
  "font-family": "font-(family-name:",
  gap: "gap",
  padding: "p",
  width: "w",
  height: "h",
};

/** The class for a declaration whose whole value is one token, or undefined. */
export function tokenClass(property: string, value: string): string | undefined {
  const m = /^var\(--([A-Za-z0-9_-]+)\)$/.exec(value);
  if (!m) return undefined;
  const name = m[1]!;
  const spaced = NAMESPACED[property];
  // `--text-x--line-height` is a sub-property of `text-x`: its own utility would be `text-x`, not this.
  if (spaced && name.startsWith(`${spaced[0]}-`) && !name.includes("--")) {
    const rest = name.slice(spaced[0].length + 1);
    // `font-weight-*` starts with `font-`: a family class must not be read as a weight or back.
    if (!(spaced[0] === "font" && rest.startsWith("weight-"))) return `${spaced[1]}-${rest}`;
  }
  const short = SHORTHAND[property];
  if (!short) return undefined;
  return short.endsWith(":") ? `${short}--${name})` : `${short}-(--${name})`;
}

/** Drops `leading-(--text-x--line-height)` and the like when `text-x` is in the same list: it sets them. */
export function dropCoveredSubProperties(classes: string[]): string[] {
  const sizes = new Set(classes.filter((c) => /^text-[a-z0-9-]+$/.test(c)).map((c) => c.slice(5)));
  return classes.filter((c) => {
    const sub = /--text-([a-z0-9-]+?)--(?:line-height|letter-spacing|font-weight)\)$/.exec(c);
    return !(sub && sizes.has(sub[1]!));
  });
}
