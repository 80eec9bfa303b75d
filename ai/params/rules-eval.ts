/**
 * Evaluating rules on one row, deterministically: in file order, each rule's condition sees the row's
 * values as earlier rules' `set` left them; a rule that holds adds its style notes (each note once, first
 * occurrence kept) and sets its parameters. Also the warnings worth telling before anything runs: a rule
 * reading a parameter that no column provides and no earlier rule sets (such a test sees "").
 */
import { paramsRead, type Condition, type RuleSet } from "./rule-types.js";

export interface RuleOutcome {
  /** The row's values after every `set`. */
  values: Record<string, string>;
  /** Style notes, in rule order, without repeats. */
  additions: string[];
  /** Indexes of the rules that held. */
  applied: number[];
}

const norm = (value: string): string => value.trim().toLowerCase();

export function holds(condition: Condition, values: Readonly<Record<string, string>>): boolean {
  switch (condition.kind) {
    case "in": {
      const value = norm(values[condition.param] ?? "");
      return condition.values.some((v) => norm(v) === value);
    }
    case "all":
      return condition.of.every((c) => holds(c, values));
    case "any":
      return condition.of.some((c) => holds(c, values));
    case "not":
      return !holds(condition.of, values);
  }
}

export function applyRules(ruleSet: RuleSet, rowValues: Readonly<Record<string, string>>): RuleOutcome {
  const values: Record<string, string> = { ...rowValues };
  const additions: string[] = [];
  const applied: number[] = [];
  for (const rule of ruleSet.rules) {
    if (!holds(rule.when, values)) continue;
    applied.push(rule.index);
    for (const note of rule.add) if (!additions.includes(note)) additions.push(note);
    Object.assign(values, rule.set);
  }
  return { values, additions, applied };
}

/** Warnings for parameters a rule reads that nothing provides by the time it runs. */
export function ruleWarnings(ruleSet: RuleSet, columns: readonly string[]): string[] {
  const warnings: string[] = [];
  const available = new Set(columns);
  for (const rule of ruleSet.rules) {
    for (const param of new Set(paramsRead(rule.when))) {
      if (available.has(param)) continue;
      const later = ruleSet.rules.find((r) => r.index > rule.index && param in r.set);
      const why = later
        ? `it is set only by ${later.path}, which runs later`
        : `the rows have ${columns.length ? columns.join(", ") : "no columns"}`;
      warnings.push(
        `${rule.path}${rule.name ? ` (${rule.name})` : ""}: parameter ` +
          `"${param}" is not known here (${why}); the test sees an empty value`,
      );
    }
    for (const key of Object.keys(rule.set)) available.add(key);
  }
  return warnings;
}
