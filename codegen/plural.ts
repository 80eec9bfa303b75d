/** A count with its noun: "1 frame", "3 frames"; `many` for the irregular ones ("1 entry", "2 entries"). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The same with the number grouped the en-US way ("1,312 frames"), as the panel writes counts. */
export function pluralGrouped(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;
}
