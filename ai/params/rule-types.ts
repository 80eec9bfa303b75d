/**
 * Rules as data, after validation (rules-parse.ts reads them from JSON). A rule is a condition on the row's
 * parameters and what follows when it holds: style notes to add and parameters to set. Rules apply in file
 * order; a `set` changes the row's values from that rule on, so it feeds later rules and the template.
 */

/** A test on the row's values. Values compare trimmed and ignoring case ("Kids " matches "kids"). */
export type Condition =
  /** The parameter's value is one of `values` (`equals` is a list of one). */
  | { kind: "in"; param: string; values: readonly string[] }
  | { kind: "all"; of: readonly Condition[] }
  | { kind: "any"; of: readonly Condition[] }
  | { kind: "not"; of: Condition };

export interface Rule {
  /** 0-based position in the file: rules apply in this order. */
  index: number;
  /** The rule's JSON path, e.g. `rules[2]`, for messages. */
  path: string;
  name?: string;
  when: Condition;
  /** Style notes appended to the prompt, in order. */
  add: readonly string[];
  /** Parameters set (or overridden) for later rules and the template. */
  set: Readonly<Record<string, string>>;
}

export interface RuleSet {
  rules: readonly Rule[];
}

export const NO_RULES: RuleSet = { rules: [] };

/** Every parameter a condition reads. */
export function paramsRead(condition: Condition): string[] {
  if (condition.kind === "in") return [condition.param];
  if (condition.kind === "not") return paramsRead(condition.of);
  return condition.of.flatMap(paramsRead);
}

/** Every parameter any rule sets, in order, each once. */
export function paramsSet(ruleSet: RuleSet): string[] {
  return [...new Set(ruleSet.rules.flatMap((r) => Object.keys(r.set)))];
}
