/**
 * One reading of an HTTP `Retry-After` value, for the model client's 429s and the CLI's Figma REST client:
 * delta-seconds ("7", "1.5") or an HTTP date (which names its day and month), as seconds from `now`.
 */

/** Seconds to wait; undefined when the value is absent, negative or neither form. A date in the past is 0. */
export function parseRetryAfterSec(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value == null || value.trim() === "") return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Number(trimmed);
  const at = /[a-z]/i.test(trimmed) ? Date.parse(trimmed) : NaN;
  return Number.isNaN(at) ? undefined : Math.max(0, (at - now) / 1000);
}
