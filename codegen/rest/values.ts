/** Defensive readers for REST fields, which real files leave out, null, mistyped or out of range. */

/** Largest magnitude of a coordinate or size we accept (Figma's canvas is far smaller). */
export const MAX_COORDINATE = 1_000_000;

/** A finite number within ±MAX_COORDINATE, or undefined. */
export function finite(raw: unknown): number | undefined {
  return typeof raw === "number" && Number.isFinite(raw) && Math.abs(raw) <= MAX_COORDINATE ? raw : undefined;
}

/** A finite number that is zero or more, or undefined (negative weights and radii mean nothing). */
export function nonNegative(raw: unknown): number | undefined {
  const value = finite(raw);
  return value !== undefined && value >= 0 ? value : undefined;
}

export function str(raw: unknown): string | undefined {
  return typeof raw === "string" ? raw : undefined;
}
