/**
 * Whether two plain data values have the same JSON (JSON.stringify(a) === JSON.stringify(b)) without writing either
 * out: keys in the same order, a key whose value is undefined left out, undefined in an array as null, a number that
 * is not finite as null. `skipKey` leaves one key of the outer objects out (as if it were undefined). For the data of
 * design nodes (objects, arrays, strings, numbers, booleans, null): no toJSON, Map or Set.
 */
export function sameJson(a: unknown, b: unknown, skipKey?: string): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return samePrimitive(a, b);
  const arrayA = Array.isArray(a);
  if (arrayA !== Array.isArray(b)) return false;
  if (arrayA) return sameArray(a as unknown[], b as unknown[]);
  return sameObject(a as Record<string, unknown>, b as Record<string, unknown>, skipKey);
}

function samePrimitive(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  // Two different strings, or two different finite numbers, never write the same JSON.
  if (typeof a === "string" && typeof b === "string") return false;
  if (typeof a === "number" && typeof b === "number" && Number.isFinite(a) && Number.isFinite(b)) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

function sameArray(a: unknown[], b: unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!sameJson(a[i] ?? null, b[i] ?? null)) return false;
  return true;
}

/** The keys JSON.stringify writes, in its order, compared pairwise. */
function sameObject(a: Record<string, unknown>, b: Record<string, unknown>, skipKey: string | undefined): boolean {
  const keysA = Object.keys(a);
  const keysB = Object.keys(b);
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < keysA.length && (keysA[i] === skipKey || !written(a[keysA[i]!]))) i++;
    while (j < keysB.length && (keysB[j] === skipKey || !written(b[keysB[j]!]))) j++;
    if (i === keysA.length || j === keysB.length) return i === keysA.length && j === keysB.length;
    const key = keysA[i]!;
    if (key !== keysB[j] || !sameJson(a[key], b[key])) return false;
    i++;
    j++;
  }
}

/** Whether JSON.stringify writes an object's key of this value (it leaves out undefined, functions and symbols). */
const written = (value: unknown): boolean =>
  value !== undefined && typeof value !== "function" && typeof value !== "symbol";
