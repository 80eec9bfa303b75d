/** Export scales: the largest scale (up to a cap) whose image fits a longest side. */

/**
 * Scale at which the longest side of a `width` × `height` node is at most `maxSide` px, capped at `cap`.
 * Rounded down to 4 decimals so rounding the pixel size can never exceed `maxSide`.
 */
export function fitScale(width: number, height: number, maxSide: number, cap: number): number {
  const long = Math.max(width, height);
  if (!(long > 0)) return cap;
  return Math.min(cap, Math.max(1e-4, Math.floor((maxSide / long) * 10_000) / 10_000));
}
