import { describe, expect, it } from "vitest";
import { sameJson } from "./same-json.js";

/** Values whose JSON is compared pairwise: sameJson must say what comparing JSON.stringify's texts says. */
const VALUES: unknown[] = [
  0,
  -0,
  1,
  1.5,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  null,
  "",
  "a",
  "0",
  true,
  false,
  [],
  [1, 2],
  [2, 1],
  [1, undefined],
  [1, null],
  {},
  { a: 1 },
  { a: 1, b: undefined },
  { b: undefined, a: 1 },
  { a: 1, b: 2 },
  { b: 2, a: 1 },
  { a: { c: [1, { d: "x" }] } },
  { a: { c: [1, { d: "y" }] } },
  { a: Number.NaN },
  { a: null },
  { a: () => 1 },
];

describe("sameJson", () => {
  it("agrees with comparing JSON.stringify's texts, for every pair", () => {
    for (const a of VALUES)
      for (const b of VALUES) {
        // Copies, so that the answer never comes from the two being one object.
        const copy = (v: unknown): unknown => (typeof v === "object" && v !== null ? structuredCloneData(v) : v);
        expect(sameJson(copy(a), copy(b)), `${JSON.stringify(a)} vs ${JSON.stringify(b)}`).toBe(
          JSON.stringify(a) === JSON.stringify(b),
        );
      }
  });

  it("leaves the outer object's skipped key out, as if undefined", () => {
    expect(sameJson({ chars: "a", size: 12 }, { chars: "b", size: 12 }, "chars")).toBe(true);
    expect(sameJson({ chars: "a", size: 12 }, { size: 12 }, "chars")).toBe(true);
    expect(sameJson({ chars: "a", size: 12 }, { chars: "a", size: 13 }, "chars")).toBe(false);
    // Only the outer object's: a nested `chars` still counts.
    expect(sameJson({ run: { chars: "a" } }, { run: { chars: "b" } }, "chars")).toBe(false);
  });
});

/** A copy of plain data that keeps undefined values and functions (JSON would drop them). */
function structuredCloneData(value: object): unknown {
  if (Array.isArray(value)) return value.map((v) => (typeof v === "object" && v !== null ? structuredCloneData(v) : v));
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, typeof v === "object" && v !== null ? structuredCloneData(v) : v]),
  );
}
