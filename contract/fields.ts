/**
 * Runtime checks written once per field. A field is a check that returns the value it accepts (typed) or
 * throws a FieldError naming the path that failed; `Infer` derives the TypeScript type from the same
 * definition, so a message's type and its arrival check can never drift apart. Pure: no DOM, no figma.
 */
import { FigmentError } from "../kernel/errors.js";
import { MAX_TEXT_CHARS } from "./limits.js";

export class FieldError extends FigmentError {
  override name = "FieldError";
  constructor(
    readonly path: string,
    readonly expected: string,
  ) {
    // A path names keys the message chose (a record's): a 100,000-character key is named by its start.
    super("input", `${path.length > 120 ? `${path.slice(0, 119)}…` : path || "value"} must be ${expected}`);
  }
}

export interface Field<T> {
  /** What the field holds, for error messages ("a string", "one of react, html"). */
  readonly expected: string;
  /** Returns the accepted value (objects are rebuilt with their known keys only) or throws FieldError. */
  check(value: unknown, path: string): T;
  /** Present on `optional(...)` fields: the key may be absent. */
  readonly optional?: true;
}

export type Infer<F> = F extends Field<infer T> ? T : never;

export type Shape = Record<string, Field<unknown>>;

type OptionalKeys<S extends Shape> = { [K in keyof S]: S[K] extends { optional: true } ? K : never }[keyof S];
type RequiredKeys<S extends Shape> = Exclude<keyof S, OptionalKeys<S>>;

/** The object type a shape describes: optional fields become optional keys. */
export type ObjectOf<S extends Shape> = { [K in RequiredKeys<S>]: Infer<S[K]> } & {
  [K in OptionalKeys<S>]?: Infer<S[K]>;
} extends infer O
  ? { [K in keyof O]: O[K] }
  : never;

function field<T>(expected: string, accept: (value: unknown, path: string) => T | typeof REJECT): Field<T> {
  return {
    expected,
    check(value, path) {
      const result = accept(value, path);
      if (result === REJECT) throw new FieldError(path, expected);
      return result;
    },
  };
}

const REJECT = Symbol("reject");

/** "100,000" without Intl (Figma's main thread may not have it). */
const grouped = (n: number): string => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");

/**
 * A plain object's shape: not a list, and not bytes (a 5-MB byte array read as a record has 5 million keys to list).
 */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value) && !ArrayBuffer.isView(value);
}

/**
 * A string of at most `max` characters. Every string is bounded (MAX_TEXT_CHARS when the field names no bound, said
 * only in the refusal of a string over it), so a huge one is refused in a sentence before work starts; the bound is
 * checked before `nonEmpty`'s trim reads the string.
 */
export function string(options: { max?: number; nonEmpty?: boolean } = {}): Field<string> {
  const max = options.max ?? MAX_TEXT_CHARS;
  const what = options.nonEmpty ? "a non-empty string" : "a string";
  const bounded = `${what} of at most ${grouped(max)} characters`;
  const expected = options.max !== undefined ? bounded : what;
  return {
    expected,
    check(value, path) {
      if (typeof value !== "string") throw new FieldError(path, expected);
      if (value.length > max) throw new FieldError(path, bounded);
      if (options.nonEmpty && value.trim() === "") throw new FieldError(path, expected);
      return value;
    },
  };
}

export const number = (options: { min?: number; max?: number; integer?: boolean } = {}): Field<number> =>
  field(
    `a${options.integer ? " whole" : " finite"} ` +
      `number${options.min !== undefined ? ` ≥ ${options.min}` : ""}` +
      `${options.max !== undefined ? ` ≤ ${options.max}` : ""}`,
    (v) =>
      typeof v === "number" &&
      Number.isFinite(v) &&
      (!options.integer || Number.isInteger(v)) &&
      (options.min === undefined || v >= options.min) &&
      (options.max === undefined || v <= options.max)
        ? v
        : REJECT,
  );

export const boolean = (): Field<boolean> => field("true or false", (v) => (typeof v === "boolean" ? v : REJECT));

/** Raw bytes (structured clone keeps Uint8Array across postMessage); `max` bounds their length. */
export const bytes = (options: { max?: number } = {}): Field<Uint8Array> =>
  field(`bytes (Uint8Array${options.max !== undefined ? `, at most ${grouped(options.max)}` : ""})`, (v) =>
    v instanceof Uint8Array && (options.max === undefined || v.length <= options.max) ? v : REJECT,
  );

export const oneOf = <const T extends string>(values: readonly T[]): Field<T> =>
  field(`one of ${values.join(", ")}`, (v) =>
    typeof v === "string" && (values as readonly string[]).includes(v) ? (v as T) : REJECT,
  );

export const literal = <const T extends string | number | boolean>(value: T): Field<T> =>
  field(JSON.stringify(value), (v) => (v === value ? value : REJECT));

/** Any value that is present (e.g. Figma's REST JSON, which codegen checks where it reads it). */
export const json = (): Field<unknown> => field("present", (v) => (v === undefined ? REJECT : v));

export function optional<T>(inner: Field<T>): Field<T | undefined> & { optional: true } {
  return {
    expected: `${inner.expected} (optional)`,
    optional: true,
    check: (value, path) => (value === undefined ? undefined : inner.check(value, path)),
  };
}

export function nullable<T>(inner: Field<T>): Field<T | null> {
  return {
    expected: `${inner.expected} or null`,
    check: (value, path) => (value === null ? null : inner.check(value, path)),
  };
}

export function array<T>(inner: Field<T>, options: { max?: number } = {}): Field<T[]> {
  return {
    expected: `a list of ${inner.expected}${options.max !== undefined ? ` (at most ${options.max})` : ""}`,
    check(value, path) {
      if (!Array.isArray(value) || (options.max !== undefined && value.length > options.max))
        throw new FieldError(path, this.expected);
      // An index loop, not `map`: map keeps a hole (structured clone carries `[, 1]`), which then reached a job as
      // `undefined` ("Cannot read properties of undefined").
      const out: T[] = [];
      for (let i = 0; i < value.length; i++) {
        if (!hasIndex(value, i)) throw new FieldError(`${path}[${i}]`, `${inner.expected}, not a hole in the list`);
        out.push(inner.check(value[i], `${path}[${i}]`));
      }
      return out;
    },
  };
}

// biome-ignore lint/suspicious/noPrototypeBuiltins: the main thread's lib is ES2020, without Object.hasOwn
const hasIndex = (list: readonly unknown[], i: number): boolean => Object.prototype.hasOwnProperty.call(list, i);

/**
 * Whether `value` is a list with an item at every index: structured clone (postMessage) keeps holes (`[, 1]`,
 * `new Array(3)`), which `every`, `map` and `forEach` skip. For the checks written by hand (a matrix, a tuple).
 */
export function isDenseList(value: unknown): value is unknown[] {
  if (!Array.isArray(value)) return false;
  for (let i = 0; i < value.length; i++) if (!hasIndex(value, i)) return false;
  return true;
}

/** A string-keyed map whose values all pass `inner`. */
export function record<T>(inner: Field<T>, options: { max?: number } = {}): Field<Record<string, T>> {
  return {
    expected: `a map of ${inner.expected}`,
    check(value, path) {
      if (!isRecord(value)) throw new FieldError(path, this.expected);
      const entries = Object.entries(value);
      if (options.max !== undefined && entries.length > options.max)
        throw new FieldError(path, `${this.expected} (at most ${options.max} entries)`);
      const out: Record<string, T> = {};
      // defineProperty: a "__proto__" key (JSON.parse makes it an own key) stays a key, never the map's prototype.
      for (const [key, item] of entries)
        Object.defineProperty(out, key, {
          value: inner.check(item, `${path}.${key}`),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      return out;
    },
  };
}

/**
 * An object with exactly these fields. Unknown keys are refused, so a field one side sends but the other
 * does not know about fails loudly instead of passing unchecked.
 */
export function object<S extends Shape>(shape: S, options: { extra?: "refuse" | "drop" } = {}): Field<ObjectOf<S>> {
  const names = Object.keys(shape);
  return {
    expected: `an object with ${names.length > 0 ? names.join(", ") : "no fields"}`,
    check(value, path) {
      if (!isRecord(value)) throw new FieldError(path, this.expected);
      if (options.extra !== "drop") {
        const unknown = Object.keys(value).find(
          // biome-ignore lint/suspicious/noPrototypeBuiltins: the main thread's lib is ES2020, without Object.hasOwn
          (key) => !Object.prototype.hasOwnProperty.call(shape, key) && value[key] !== undefined,
        );
        if (unknown !== undefined)
          throw new FieldError(`${path ? `${path}.` : ""}${unknown}`, "absent (not a field of this message)");
      }
      const out: Record<string, unknown> = {};
      for (const name of names) {
        const checked = shape[name]!.check(value[name], path ? `${path}.${name}` : name);
        if (checked !== undefined) out[name] = checked;
      }
      return out as ObjectOf<S>;
    },
  };
}

/**
 * A value whose structure another module owns and checks (e.g. a model result the worker built with ai/):
 * only that it is an object is checked here; `T` names its type.
 */
export function opaque<T extends object>(what: string): Field<T> {
  return field(`${what} (an object)`, (v) => (typeof v === "object" && v !== null ? (v as T) : REJECT));
}

/** A field checked by a function of its own (e.g. settings, which fall back to defaults per key). */
export function custom<T>(expected: string, accept: (value: unknown) => T | undefined): Field<T> {
  return field(expected, (v) => {
    const result = accept(v);
    return result === undefined ? REJECT : result;
  });
}

/**
 * Reads a message of a tagged union (`{ type: "init", …fields }`): the tag must name a shape of `shapes`,
 * and the other keys must be exactly that shape's fields. Throws FieldError (path "type" for the tag).
 */
export function parseTagged<M>(shapes: Record<string, Shape>, data: unknown, tag: string): M {
  if (!isRecord(data)) throw new FieldError("message", "an object");
  const { [tag]: name, ...fields } = data;
  // biome-ignore lint/suspicious/noPrototypeBuiltins: the main thread's lib is ES2020, without Object.hasOwn
  if (typeof name !== "string" || !Object.prototype.hasOwnProperty.call(shapes, name)) {
    throw new FieldError(tag, `one of ${Object.keys(shapes).join(", ")} (got ${describeValue(name)})`);
  }
  return { [tag]: name, ...object(shapes[name]!).check(fields, "") } as M;
}

/** The longest a value is quoted in a refusal: a message may carry megabytes, the refusal stays one line. */
const QUOTED_MAX = 60;

/**
 * A value as a refusal quotes it: written as JSON would, up to QUOTED_MAX characters (only that much of it is
 * read: a 5-MB byte array or a 100,000-character string costs no more than a short one); never throws — a BigInt
 * (`10n`), a cycle (`[cycle]`), a getter that throws: structured clone passes the first two.
 */
export function describeValue(value: unknown): string {
  const text = brief(value, QUOTED_MAX + 1, new Set());
  return text.length > QUOTED_MAX ? `${text.slice(0, QUOTED_MAX - 1)}…` : text;
}

function brief(value: unknown, budget: number, open: Set<object>): string {
  if (typeof value === "string") return JSON.stringify(value.slice(0, budget));
  if (typeof value === "bigint") return `${String(value)}n`;
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "null";
  if (value === null || value === undefined || typeof value === "boolean") return String(value);
  if (typeof value !== "object") return `a ${typeof value}`;
  if (open.has(value)) return "[cycle]";
  if (ArrayBuffer.isView(value)) return `${value.constructor.name} of ${value.byteLength} bytes`;
  open.add(value);
  try {
    const list = Array.isArray(value);
    let out = list ? "[" : "{";
    const keys = list ? undefined : Object.keys(value);
    const count = list ? value.length : keys!.length;
    for (let i = 0; i < count && out.length < budget; i++) {
      const key = list ? undefined : keys![i]!;
      const item = list ? (value as unknown[])[i] : (value as Record<string, unknown>)[key!];
      out +=
        `${i > 0 ? "," : ""}${key === undefined ? "" : `${JSON.stringify(key.slice(0, budget))}:`}` +
        `${brief(item, budget - out.length, open)}`;
    }
    return `${out}${list ? "]" : "}"}`;
  } catch {
    return "an object that cannot be read";
  } finally {
    open.delete(value);
  }
}
