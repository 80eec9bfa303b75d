import { describe, expect, it } from "vitest";
import {
  array,
  boolean,
  bytes,
  custom,
  FieldError,
  json,
  nullable,
  number,
  object,
  oneOf,
  opaque,
  optional,
  parseTagged,
  record,
  string,
  type Infer,
} from "./fields.js";

const person = object({
  name: string({ nonEmpty: true }),
  age: optional(number({ integer: true, min: 0 })),
  tags: array(oneOf(["a", "b"]), { max: 2 }),
});

describe("fields", () => {
  it("accepts what matches and rebuilds objects with their known keys", () => {
    const value: Infer<typeof person> = person.check({ name: "Ada", tags: ["a"] }, "p");
    expect(value).toEqual({ name: "Ada", tags: ["a"] });
    expect(person.check({ name: "Ada", age: 36, tags: [] }, "p")).toEqual({ name: "Ada", age: 36, tags: [] });
  });

  it.each([
    [{ tags: [] }, "p.name must be a non-empty string"],
    [{ name: " ", tags: [] }, "p.name must be a non-empty string"],
    [{ name: "x", age: 1.5, tags: [] }, "p.age must be a whole number ≥ 0"],
    [{ name: "x", tags: ["c"] }, "p.tags[0] must be one of a, b"],
    [{ name: "x", tags: ["a", "b", "a"] }, "p.tags must be a list of one of a, b (at most 2)"],
    [{ name: "x", tags: [], extra: 1 }, "p.extra must be absent (not a field of this message)"],
    ["x", "p must be an object with name, age, tags"],
  ])("refuses %j: %s", (value, message) => {
    expect(() => person.check(value, "p")).toThrow(new FieldError("", "").constructor);
    expect(() => person.check(value, "p")).toThrow(message);
  });

  it("checks numbers, booleans, bytes, nullables, records, opaque and custom values", () => {
    expect(() => number().check(Number.NaN, "n")).toThrow("n must be a finite number");
    expect(() => number({ max: 3 }).check(4, "n")).toThrow("≤ 3");
    expect(() => boolean().check("true", "b")).toThrow("true or false");
    expect(bytes().check(new Uint8Array([1]), "b")).toEqual(new Uint8Array([1]));
    expect(() => bytes().check([1], "b")).toThrow("Uint8Array");
    expect(nullable(string()).check(null, "s")).toBeNull();
    expect(record(number()).check({ a: 1 }, "r")).toEqual({ a: 1 });
    expect(() => record(number(), { max: 1 }).check({ a: 1, b: 2 }, "r")).toThrow("at most 1");
    expect(() => record(number()).check({ a: "1" }, "r")).toThrow("r.a must be a finite number");
    // A "__proto__" key from JSON stays a key of the checked map; the map's prototype stays Object's.
    const map = record(object({ n: number() })).check(
      JSON.parse('{"__proto__": {"n": 1}, "b": {"n": 2}}') as unknown,
      "r",
    );
    expect(Object.keys(map)).toEqual(["__proto__", "b"]);
    expect(Object.getPrototypeOf(map)).toBe(Object.prototype);
    expect(opaque<{ x: number }>("a thing").check({ x: 1 }, "o")).toEqual({ x: 1 });
    expect(() => opaque("a thing").check(null, "o")).toThrow("a thing");
    expect(() => json().check(undefined, "j")).toThrow("present");
    const even = custom<number>("an even number", (v) => (typeof v === "number" && v % 2 === 0 ? v : undefined));
    expect(even.check(2, "e")).toBe(2);
    expect(() => even.check(3, "e")).toThrow("e must be an even number");
  });

  it("reads tagged messages: the tag names the shape, the rest must be its fields", () => {
    const shapes = { ping: { id: string() }, add: { a: number(), b: number() } };
    expect(parseTagged(shapes, { kind: "add", a: 1, b: 2 }, "kind")).toEqual({ kind: "add", a: 1, b: 2 });
    expect(() => parseTagged(shapes, { kind: "mul", a: 1 }, "kind")).toThrow(
      'kind must be one of ping, add (got "mul")',
    );
    expect(() => parseTagged(shapes, { kind: "add", a: 1 }, "kind")).toThrow("b must be a finite number");
    expect(() => parseTagged(shapes, "add", "kind")).toThrow("message must be an object");
  });
});
