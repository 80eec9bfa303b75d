/**
 * File names for rows' images: the row number (zero-padded to the table's size, so files sort in row order)
 * then the row's key values — the template's placeholders, in order — as a slug: lower-case ASCII letters,
 * digits and single hyphens. No dots, slashes or other path characters survive, so a value such as
 * "../../etc" names a file, never a place.
 */

/** Lower-case ASCII words joined by hyphens ("Warm & Cosy!" → "warm-cosy"); "" when nothing is left. */
export function slugWords(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim()
    .split(" ")
    .filter(Boolean)
    .join("-");
}

/** At most this many characters after the row number (file systems take 255; names stay readable). */
export const MAX_NAME_CHARS = 60;

/** `003-kids-winter`: the stem of row `row` of `total`, from its key values. */
export function rowStem(row: number, total: number, keyValues: readonly string[]): string {
  const number = String(row).padStart(String(total).length, "0");
  let slug = "";
  for (const word of keyValues.map(slugWords).filter(Boolean).join("-").split("-")) {
    if (!word) continue;
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > MAX_NAME_CHARS) {
      if (!slug) slug = word.slice(0, MAX_NAME_CHARS);
      break;
    }
    slug = next;
  }
  return slug ? `${number}-${slug}` : number;
}
