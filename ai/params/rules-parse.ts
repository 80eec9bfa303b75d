/**
 * Reads rules from their JSON shape (documented in docs/templates.md):
 *
 *   { "rules": [ { "name"?: "…", "if": CONDITION, "then": { "add"?: "…" | ["…"], "set"?: { "param": "value" } } } ] }
 *   CONDITION: { "audience": "kids" }                      every listed parameter matches (a list: any of its values)
 *            | { "param": "mood", "equals": "calm" }       | { "param": "mood", "in": ["calm", "quiet"] }
 *            | { "all": [CONDITION, …] } | { "any": [CONDITION, …] } | { "not": CONDITION }
 *
 * An object with "param" is a parameter test; one with a single key all/any/not combines; any other object
 * is the shorthand (name a parameter literally called "all" with the "param" form). Unknown keys and wrong
 * types are errors with the JSON path; nothing is guessed.
 */
import { ParamsError } from "./errors.js";
import type { Condition, Rule, RuleSet } from "./rule-types.js";

/** Deeper nesting than this is a mistake, not a design: refused rather than risking the stack. */
const MAX_DEPTH = 16;
const COMBINATORS = ["all", "any", "not"] as const;

function fail(path: string, message: string): never {
  throw new ParamsError("rules", `${path}: ${message}`);
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);
const kindOf = (v: unknown): string =>
  v === null
    ? "null"
    : Array.isArray(v)
      ? "a list"
      : typeof v === "object"
        ? "an object"
        : typeof v === "string"
          ? "a string"
          : `a ${typeof v}`;

function onlyKeys(value: Record<string, unknown>, path: string, allowed: readonly string[]): void {
  for (const key of Object.keys(value))
    if (!allowed.includes(key))
      fail(path, `unknown key "${key}" (expected ${allowed.map((k) => `"${k}"`).join(", ")})`);
}

/** A plain value as text: strings, numbers and booleans (as JSON writes them). */
function scalar(value: unknown, path: string): string {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return fail(path, `expected a string, number or boolean, found ${kindOf(value)}`);
}

function valueList(value: unknown, path: string): string[] {
  if (!Array.isArray(value)) return [scalar(value, path)];
  if (value.length === 0) fail(path, "an empty list never matches; give at least one value");
  return value.map((v, i) => scalar(v, `${path}[${i}]`));
}

function paramName(value: unknown, path: string): string {
  if (typeof value !== "string" || !value.trim())
    fail(path, `expected a parameter name, found ${typeof value === "string" ? "an empty string" : kindOf(value)}`);
  return value.trim();
}

export function parseCondition(value: unknown, path: string, depth = 0): Condition {
  if (depth > MAX_DEPTH) fail(path, `conditions nest deeper than ${MAX_DEPTH} levels`);
  if (!isObject(value)) fail(path, `expected a condition object such as {"audience": "kids"}, found ${kindOf(value)}`);
  const keys = Object.keys(value);
  if (keys.length === 0) fail(path, 'an empty condition; name a parameter and its value, e.g. {"audience": "kids"}');
  if ("param" in value) {
    onlyKeys(value, path, ["param", "equals", "in"]);
    const param = paramName(value.param, `${path}.param`);
    if ("equals" in value === "in" in value) fail(path, `give exactly one of "equals" or "in" with "param"`);
    if ("equals" in value) return { kind: "in", param, values: [scalar(value.equals, `${path}.equals`)] };
    if (!Array.isArray(value.in)) fail(`${path}.in`, `expected a list of values, found ${kindOf(value.in)}`);
    return { kind: "in", param, values: valueList(value.in, `${path}.in`) };
  }
  const combinator = COMBINATORS.find((c) => c in value);
  if (combinator) {
    if (keys.length > 1)
      fail(path, `"${combinator}" must be the only key of its object; wrap the other tests in "all"`);
    const inner = value[combinator];
    const at = `${path}.${combinator}`;
    if (combinator === "not") return { kind: "not", of: parseCondition(inner, at, depth + 1) };
    if (!Array.isArray(inner)) fail(at, `expected a list of conditions, found ${kindOf(inner)}`);
    if (inner.length === 0) fail(at, `an empty list; give at least one condition`);
    return { kind: combinator, of: inner.map((c, i) => parseCondition(c, `${at}[${i}]`, depth + 1)) };
  }
  const tests: Condition[] = keys.map((key) => ({
    kind: "in",
    param: paramName(key, path),
    values: valueList(value[key], `${path}.${key}`),
  }));
  return tests.length === 1 ? tests[0]! : { kind: "all", of: tests };
}

function parseThen(value: unknown, path: string): { add: string[]; set: Record<string, string> } {
  if (!isObject(value)) fail(path, `expected {"add": …, "set": …}, found ${kindOf(value)}`);
  onlyKeys(value, path, ["add", "set"]);
  if (!("add" in value) && !("set" in value)) fail(path, 'a rule must "add" style notes or "set" parameters (or both)');
  const add =
    value.add === undefined
      ? []
      : Array.isArray(value.add)
        ? value.add.map((v, i) => scalar(v, `${path}.add[${i}]`))
        : [scalar(value.add, `${path}.add`)];
  add.forEach((note, i) => {
    if (!note.trim()) fail(`${path}.add${Array.isArray(value.add) ? `[${i}]` : ""}`, "an empty style note");
  });
  const set: Record<string, string> = {};
  if (value.set !== undefined) {
    if (!isObject(value.set))
      fail(`${path}.set`, `expected an object of parameter names and values, found ${kindOf(value.set)}`);
    for (const [key, v] of Object.entries(value.set))
      set[paramName(key, `${path}.set`)] = scalar(v, `${path}.set.${key}`);
  }
  return { add: add.map((n) => n.trim()), set };
}

/** Validates parsed JSON as rules; throws ParamsError("rules", "<path>: …") on the first problem. */
export function parseRules(json: unknown): RuleSet {
  if (!isObject(json)) fail("rules file", `expected an object {"rules": […]}, found ${kindOf(json)}`);
  onlyKeys(json, "rules file", ["rules"]);
  if (!Array.isArray(json.rules))
    fail("rules", `expected a list of rules, found ${json.rules === undefined ? "nothing" : kindOf(json.rules)}`);
  const rules = json.rules.map((raw, index): Rule => {
    const path = `rules[${index}]`;
    if (!isObject(raw)) fail(path, `expected a rule {"if": …, "then": …}, found ${kindOf(raw)}`);
    onlyKeys(raw, path, ["name", "if", "then"]);
    if (!("if" in raw)) fail(path, 'missing "if" (the condition)');
    if (!("then" in raw)) fail(path, 'missing "then" (what to add or set)');
    if (raw.name !== undefined && typeof raw.name !== "string")
      fail(`${path}.name`, `expected a string, found ${kindOf(raw.name)}`);
    const then = parseThen(raw.then, `${path}.then`);
    return {
      index,
      path,
      ...(typeof raw.name === "string" && raw.name.trim() ? { name: raw.name.trim() } : {}),
      when: parseCondition(raw.if, `${path}.if`),
      ...then,
    };
  });
  return { rules };
}

/** Parses the rules file's text (JSON) and validates it. */
export function readRules(text: string): RuleSet {
  let json: unknown;
  try {
    json = JSON.parse(text.startsWith("\uFEFF") ? text.slice(1) : text);
  } catch (error) {
    throw new ParamsError("rules", `not valid JSON (${(error as Error).message})`);
  }
  return parseRules(json);
}
