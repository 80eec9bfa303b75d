/**
 * The name of a page drawn at several widths (codegen/design/drawings.ts), from its drawings' names. Imports nothing:
 * the panel's main part takes it (ui/code/drawn-page.ts).
 */

/** Words that name a drawing's device or width rather than the page: left out of the page's name. */
const DEVICE_WORD = /^(desktop|tablet|mobile|phone|laptop|web|ipad|iphone|android|\d+(px)?|\d+x\d+|lg|md|sm|xl|xs)$/i;

/**
 * The page's name from its drawings' names: the words they share, before the device words ("Home • Desktop",
 * "Home • Mobile" → "Home"); the widest drawing's name when they share none.
 */
export function pageName(drawings: readonly { name: string }[]): string {
  return sharedName(drawings) ?? (drawings[0]?.name.replace(/\s+/g, " ").trim() || "Page");
}

/** The words all the drawings' names start with, device words left out; undefined when they share none. */
export function sharedName(drawings: readonly { name: string }[]): string | undefined {
  const words = drawings.map((d) => d.name.split(/[\s•·|/–—_-]+/).filter((w) => w && !DEVICE_WORD.test(w)));
  const first = words[0] ?? [];
  let shared = 0;
  while (shared < first.length && words.every((w) => w[shared]?.toLowerCase() === first[shared]!.toLowerCase()))
    shared++;
  return shared > 0 ? first.slice(0, shared).join(" ") : undefined;
}
