/**
 * The word that agrees with a count, without the count: "frame" for 1, "frames" otherwise; `many` for the irregular
 * ones ("is"/"are").
 */
export function agree(n: number, one: string, many = `${one}s`): string {
  return n === 1 ? one : many;
}

/** A count with its noun: "1 frame", "3 frames"; `many` for the irregular ones ("1 entry", "2 entries"). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${agree(n, one, many)}`;
}

/** The same with the number grouped the en-US way ("1,312 frames"), as the panel writes counts. */
export function pluralGrouped(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-US")} ${agree(n, one, many)}`;
}
