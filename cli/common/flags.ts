/**
 * The toolkit every `figment` command's args module is written with: its flags declared by kind and read with
 * node:util's parseArgs (errors as input errors, exit 2), and the checks of numbers, lists and choices, each with
 * one wording, so the commands refuse the same kind of input the same way.
 */
import { parseArgs } from "node:util";
import { FigmentError } from "../../kernel/errors.js";

export interface FlagSpec<B extends string, S extends string, L extends string> {
  /** On/off flags; `--help`/`-h` is always one. */
  boolean?: readonly B[];
  /** Flags that take one value. */
  string?: readonly S[];
  /** Flags that may be given several times (`--node A --node B`). */
  list?: readonly L[];
  /** One-letter aliases besides `-h`. */
  short?: Partial<Record<B, string>>;
  positionals?: boolean;
  /**
   * Ends a parse error's message, e.g. "figment search --help lists the flags"; without it the message is node's own.
   */
  hint?: string;
}

export type FlagValues<B extends string, S extends string, L extends string> = { help?: boolean } & {
  [K in B]?: boolean;
} & { [K in S]?: string } & { [K in L]?: string[] };

type OptionConfig = { type: "boolean" | "string"; multiple?: boolean; short?: string };

/** node's advice on quoting a value that starts with "-": noise next to our hint. */
const QUOTING_ADVICE = /\. To specify a positional argument.*$/s;

export function readFlags<
  const B extends string = never,
  const S extends string = never,
  const L extends string = never,
>(argv: string[], spec: FlagSpec<B, S, L>): { values: FlagValues<B, S, L>; positionals: string[] } {
  const options: Record<string, OptionConfig> = { help: { type: "boolean", short: "h" } };
  for (const name of spec.boolean ?? [])
    options[name] = { type: "boolean", ...(spec.short?.[name] ? { short: spec.short[name] } : {}) };
  for (const name of spec.string ?? []) options[name] = { type: "string" };
  for (const name of spec.list ?? []) options[name] = { type: "string", multiple: true };
  try {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: spec.positionals ?? false, options });
    return { values: values as FlagValues<B, S, L>, positionals };
  } catch (error) {
    const message = (error as Error).message;
    throw new FigmentError("input", spec.hint ? `${message.replace(QUOTING_ADVICE, "")} (${spec.hint})` : message);
  }
}

/** Every flag a spec declares, `help` included: what a command's help must list (help.test.ts). */
export function flagNames(spec: Pick<FlagSpec<string, string, string>, "boolean" | "string" | "list">): string[] {
  return ["help", ...(spec.boolean ?? []), ...(spec.string ?? []), ...(spec.list ?? [])];
}

/**
 * A whole number within bounds; `fallback` when the flag is absent. `flag` as written ("--top"). The message
 * names the range ("from 1 to 4") or its floor ("of at least 1").
 */
export function wholeNumber(
  flag: string,
  value: string | undefined,
  bounds: { min: number; max?: number },
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  const { min, max } = bounds;
  if (value.trim() === "" || !Number.isInteger(n) || n < min || (max !== undefined && n > max)) {
    const range = max !== undefined ? `from ${min} to ${max}` : `of at least ${min}`;
    throw new FigmentError("input", `${flag} must be a whole number ${range}, not ${value || '""'}`);
  }
  return n;
}

/** One of a list of words, listed with commas ("--quality must be low, medium, high, auto, not ultra"). */
export function oneOf<T extends string>(flag: string, values: readonly T[], value: string | undefined, fallback: T): T {
  if (value === undefined) return fallback;
  if ((values as readonly string[]).includes(value)) return value as T;
  throw new FigmentError("input", `--${flag} must be ${values.join(", ")}, not ${value || '""'}`);
}

/** One of a few words, listed as a sentence ("--target must be react or html, not vue"). */
export function oneOfWords<T extends string>(
  flag: string,
  values: readonly T[],
  value: string | undefined,
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if ((values as readonly string[]).includes(value)) return value as T;
  throw new FigmentError(
    "input",
    `--${flag} must be ${values.slice(0, -1).join(", ")} or ${values.at(-1)}, not ${value}`,
  );
}

/**
 * The first of `names` that was given, to refuse a flag that needs another one (each command says why in its words).
 */
export function firstGiven<K extends string>(values: Partial<Record<K, unknown>>, names: readonly K[]): K | undefined {
  return names.find((name) => values[name] !== undefined);
}

/**
 * The fields whose value is not undefined: an args object's optional fields without `...(x !== undefined ? { x } : {})`
 * each.
 */
export function present<T extends Record<string, unknown>>(fields: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  const out: Partial<Record<keyof T, unknown>> = {};
  for (const key of Object.keys(fields) as (keyof T)[]) if (fields[key] !== undefined) out[key] = fields[key];
  return out as { [K in keyof T]?: Exclude<T[K], undefined> };
}
