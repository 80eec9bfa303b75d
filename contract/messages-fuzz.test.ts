/**
 * Messages as they may arrive, mutated (issue 38: both checks threw a raw TypeError on a BigInt or a cycle, and the
 * main thread echoed a 100,001-character request id the panel then refused): a fixed-seed fuzz over both directions'
 * checks. Every refusal is a MessageError of one line, never another error, and quotes at most a short start of what
 * it refuses; what passes is the typed message.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { array, describeValue, isDenseList, number, string } from "./fields.js";
import { MAX_TEXT_CHARS } from "./limits.js";
import { affineField } from "./mask.js";
import { isRequestId, MessageError, parseMainMessage, parseUiMessage } from "./messages.js";

const cycle = (): Record<string, unknown> => {
  const o: Record<string, unknown> = { type: "cancel" };
  o["self"] = o;
  return o;
};
const deep = (depth: number): unknown =>
  Array.from({ length: depth }).reduce<unknown>((inner) => ({ inner }), { leaf: 1 });

/** Awkward values: the ones structured clone passes that JSON cannot write, huge, deep and prototype-shaped ones. */
const awkward = fc.oneof(
  fc.anything(),
  fc.bigInt().map((n) => n),
  fc.constant(cycle()),
  fc.constant(deep(2000)),
  fc.constant("x".repeat(100_001)),
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}, "type": "cancel"}') as unknown),
  fc.constant(new Uint8Array(5_000_000)),
  fc.constant(new Map([["a", 1]])),
  fc.constant(Number.NaN),
  fc.constant(
    Object.defineProperty({ type: "cancel" }, "requestId", {
      enumerable: true,
      get: () => {
        throw new TypeError("getter");
      },
    }),
  ),
);

/** Real messages of both directions, each a seed a mutation starts from. */
const SEEDS: Record<string, unknown>[] = [
  { type: "cancel", requestId: "r1" },
  { type: "delete-image-versions", requestId: "r4", ids: ["ok"] },
  { type: "image-placed", requestId: "r1", nodeIds: ["1:2"], note: "Scaled to fit" },
  { type: "versions-usage", requestId: "r1", usage: { bytes: 1, budget: 2, fileBytes: 0 } },
];

function refusalOf(parse: (data: unknown) => unknown, data: unknown): MessageError | undefined {
  try {
    parse(data);
    return undefined;
  } catch (error) {
    // The property: whatever arrives, the check refuses it as a MessageError (a raw TypeError fails here).
    expect(error).toBeInstanceOf(MessageError);
    return error as MessageError;
  }
}

describe("message checks under mutated input", () => {
  it("refuse every mutation with a MessageError of at most a few hundred characters (4,000 cases, fixed seed)", () => {
    const mutation = fc.tuple(
      fc.constantFrom(...SEEDS),
      fc.constantFrom("type", "requestId", "ids", "usage", "nodeIds", "note", "extra"),
      awkward,
      fc.boolean(),
    );
    fc.assert(
      fc.property(mutation, ([seed, key, value, whole]) => {
        const data = whole ? value : { ...seed, [key]: value };
        for (const parse of [parseMainMessage, parseUiMessage]) {
          const refusal = refusalOf(parse, data);
          if (refusal) expect(refusal.message.length).toBeLessThan(600);
        }
      }),
      { seed: 38, numRuns: 4000 },
    );
  });

  it("names a BigInt, a cycle and a huge value by a short start, as one line", () => {
    expect(refusalOf(parseMainMessage, { type: 10n })!.message).toBe("to main: unknown message 10n");
    expect(refusalOf(parseUiMessage, { type: cycle() })!.message).toBe(
      'to UI: unknown message {"type":"cancel","self":[cycle]}',
    );
    expect(describeValue(new Uint8Array(5_000_000))).toBe("Uint8Array of 5000000 bytes");
    const huge = refusalOf(parseMainMessage, { type: "x".repeat(100_001) })!.message;
    expect(huge).toBe(`to main: unknown message "${"x".repeat(58)}…`);
    expect(refusalOf(parseMainMessage, { type: "cancel", requestId: 1n })!.message).toMatch(
      /^to main: message "cancel" is malformed: requestId must be/,
    );
    expect(describeValue(Symbol("s"))).toBe("a symbol");
    const getter = Object.defineProperty({ type: "cancel" }, "requestId", {
      enumerable: true,
      get: () => {
        throw new TypeError("getter");
      },
    });
    expect(refusalOf(parseMainMessage, getter)!.message).toBe(
      "to main: a message that could not be read (reading it threw TypeError)",
    );
  });

  it("only an id the panel could have sent is echoed back with a refusal", () => {
    expect(isRequestId("r-12")).toBe(true);
    for (const id of ["", "   ", "x".repeat(100_001), 7, 7n, undefined, null, { id: "r" }])
      expect(isRequestId(id)).toBe(false);
  });
});

/** A list with a hole at `at` (what structured clone carries and JSON cannot write): `[a, <hole>, c]`. */
function holed<T>(items: T[], at: number): T[] {
  const list = [...items];
  delete list[at];
  return list;
}

describe("lists with holes (issue 50: `map` kept them, a job then read `undefined`)", () => {
  it("a hole is refused by every list field, naming the field and the index", () => {
    expect(() => array(string()).check(structuredClone(holed(["a", "b"], 0)), "files")).toThrow(
      "files[0] must be a string, not a hole in the list",
    );
    expect(() => array(number()).check(new Array(3), "xs")).toThrow(/^xs\[0\] must be a finite number, not a hole/);
    expect(() => array(string()).check(holed(["a", "b", "c"], 2), "ids")).toThrow(/^ids\[2\] must be/);
    expect(array(string()).check(["a", undefined].slice(0, 1), "ids")).toEqual(["a"]);
    // An item that is there but undefined is the item's own check's to refuse, as before.
    expect(() => array(string()).check([undefined], "ids")).toThrow("ids[0] must be a string");
    expect(isDenseList([1, undefined])).toBe(true);
    expect(isDenseList(holed([1, 2, 3], 1))).toBe(false);
    expect(isDenseList(new Array(2))).toBe(false);
  });

  it("a message whose list has a hole is refused, never passed on (panel⇄main, both directions)", () => {
    const ids = refusalOf(parseMainMessage, {
      type: "delete-image-versions",
      requestId: "r1",
      ids: holed(["a", "b"], 0),
    });
    expect(ids?.message).toMatch(/^to main: message "delete-image-versions" is malformed: ids\[0\] must be .*hole/);
    const nodes = refusalOf(parseUiMessage, { type: "image-placed", requestId: "r1", nodeIds: new Array(2) });
    expect(nodes?.message).toMatch(/nodeIds\[0\] must be .*not a hole in the list$/);
    const entries = refusalOf(parseMainMessage, {
      type: "delete-history-entries",
      requestId: "r1",
      entries: new Array(1),
    });
    expect(entries?.message).toMatch(/entries\[0\] must be .*not a hole in the list$/);
  });

  it("the mask's 2×3 matrix with a hole is refused at once, as it is when checked again", () => {
    const matrix = [holed([1, 0, 0], 1), [0, 1, 0]];
    expect(() => affineField.check(matrix, "toImage")).toThrow(/^toImage must be a 2×3 matrix/);
    expect(() =>
      affineField.check(
        holed(
          [
            [1, 0, 0],
            [0, 1, 0],
          ],
          1,
        ),
        "toImage",
      ),
    ).toThrow(/^toImage must be a 2×3 matrix/);
    const source = {
      nodeId: "1:2",
      name: "Photo",
      image: new Uint8Array(4),
      width: 10,
      height: 10,
      scaleMode: "FILL",
      layer: {
        width: 10,
        height: 10,
        toImage: [
          [1, 0, 0],
          [0, 1, 0],
        ],
      },
      shapes: [{ id: "1:3", name: "Mask", toImage: matrix, paths: [{ data: "M0 0L1 1Z", windingRule: "NONZERO" }] }],
    };
    expect(refusalOf(parseUiMessage, { type: "mask-source", requestId: "r1", source })?.message).toMatch(
      /source\.shapes\[0\]\.toImage must be a 2×3 matrix/,
    );
    const whole = {
      ...source,
      shapes: [
        {
          ...source.shapes[0],
          toImage: [
            [1, 0, 0],
            [0, 1, 0],
          ],
        },
      ],
    };
    expect(parseUiMessage({ type: "mask-source", requestId: "r1", source: whole })).toMatchObject({
      type: "mask-source",
    });
  });
});

describe("every string is bounded (issue 50)", () => {
  it("a string over the bound of a field that names none is refused, the bound said; under it, as before", () => {
    const huge = "x".repeat(MAX_TEXT_CHARS + 1);
    expect(() => string().check(huge, "note")).toThrow("note must be a string of at most 100,000,000 characters");
    expect(() => string({ nonEmpty: true }).check(huge, "note")).toThrow(/^note must be a non-empty string of at most/);
    expect(() => string().check(5, "note")).toThrow(/^note must be a string$/);
    expect(string({ max: 3 }).check("abc", "note")).toBe("abc");
    expect(() => string({ max: 3 }).check("abcd", "note")).toThrow("note must be a string of at most 3 characters");
    expect(
      refusalOf(parseUiMessage, { type: "image-placed", requestId: "r1", nodeIds: [], note: huge })?.message,
    ).toMatch(/note must be a string of at most 100,000,000 characters$/);
  });
});
