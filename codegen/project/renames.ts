/**
 * Files renamed with their component: a component renamed in Figma ("Card" → "Product card") names its file anew in
 * every target (`Card.tsx` → `ProductCard.tsx`, `card.component.ts` → `product-card.component.ts`). A path of the
 * old generation missing from the new one is paired with a new path in the same folder, with the same ending, whose
 * name reads as the new component's words where the old one read as the old component's. Pure.
 */
import type { DesignChange } from "../design/design-diff.js";

/** A name's words, lower-cased: "ProductCard", "product-card", "Product card", "product_card" read alike. */
export function nameWords(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .join(" ");
}

interface PathParts {
  folder: string;
  /** The file name up to its first dot: `card` of `card.component.ts`. */
  stem: string;
  /** From the first dot on: `.component.ts`, `.module.css`. */
  ending: string;
}

function parts(path: string): PathParts {
  const slash = path.lastIndexOf("/");
  const folder = path.slice(0, slash + 1);
  const name = path.slice(slash + 1);
  const dot = name.indexOf(".");
  return dot < 0 ? { folder, stem: name, ending: "" } : { folder, stem: name.slice(0, dot), ending: name.slice(dot) };
}

/** The names a component may go by in a file name: its whole name, and each part of a `Set/Variant` name. */
function namesOf(quotedName: string): string[] {
  let name = quotedName;
  try {
    name = JSON.parse(quotedName) as string;
  } catch {
    // a name given plain
  }
  const words = [name, ...name.split("/")].map(nameWords).filter(Boolean);
  return [...new Set(words)];
}

/**
 * Old path → new path for the files the component renames among `changes` moved. A path is paired once; a rename
 * whose new path is ambiguous (two candidates) is not made.
 */
export function renamedFiles(
  changes: readonly DesignChange[],
  oldPaths: readonly string[],
  newPaths: readonly string[],
): Map<string, string> {
  const kept = new Set(newPaths);
  const gone = oldPaths.filter((p) => !kept.has(p));
  const added = newPaths.filter((p) => !new Set(oldPaths).has(p));
  const renames = new Map<string, string>();
  const taken = new Set<string>();
  for (const change of changes) {
    if (change.kind !== "component-renamed" || change.from === undefined || change.to === undefined) continue;
    const before = namesOf(change.from);
    const after = namesOf(change.to);
    for (const path of gone) {
      if (renames.has(path)) continue;
      const old = parts(path);
      const at = before.indexOf(nameWords(old.stem));
      if (at < 0) continue;
      const candidates = added.filter((p) => {
        if (taken.has(p)) return false;
        const now = parts(p);
        return now.folder === old.folder && now.ending === old.ending && after.includes(nameWords(now.stem));
      });
      if (candidates.length !== 1) continue;
      renames.set(path, candidates[0]!);
      taken.add(candidates[0]!);
    }
  }
  return renames;
}
