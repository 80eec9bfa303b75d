import { describe, expect, it } from "vitest";
import { ParamsError } from "./errors.js";
import { applyRules, holds, ruleWarnings } from "./rules-eval.js";
import { parseCondition, parseRules, readRules } from "./rules-parse.js";

function errorOf(json: unknown): string {
  try {
    parseRules(json);
  } catch (error) {
    expect(error).toBeInstanceOf(ParamsError);
    expect((error as ParamsError).source).toBe("rules");
    return (error as Error).message;
  }
  throw new Error("expected a ParamsError");
}

const cond = (json: unknown) => parseCondition(json, "if");

describe("conditions", () => {
  const row = { audience: "Kids ", mood: "calm", season: "winter" };
  it.each([
    [{ audience: "kids" }, true],
    [{ audience: "adults" }, false],
    [{ audience: "kids", mood: "loud" }, false],
    [{ mood: ["quiet", "CALM"] }, true],
    [{ param: "mood", equals: "calm" }, true],
    [{ param: "mood", in: ["calm", "quiet"] }, true],
    [{ param: "mood", in: ["loud"] }, false],
    [{ all: [{ audience: "kids" }, { season: "winter" }] }, true],
    [{ all: [{ audience: "kids" }, { season: "summer" }] }, false],
    [{ any: [{ audience: "adults" }, { season: "winter" }] }, true],
    [{ any: [{ audience: "adults" }, { season: "summer" }] }, false],
    [{ not: { audience: "adults" } }, true],
    [{ not: { any: [{ mood: "calm" }] } }, false],
    [{ missing: "" }, true],
    [{ count: 3 }, false],
  ])("%j → %s (trimmed, ignoring case)", (json, expected) => {
    expect(holds(cond(json), row)).toBe(expected);
  });
});

describe("applyRules", () => {
  const rules = parseRules({
    rules: [
      {
        name: "kids",
        if: { audience: "kids" },
        then: { add: "rounded shapes, warm colours", set: { palette: "warm" } },
      },
      { if: { palette: "warm" }, then: { add: ["soft light"] } },
      { if: { mood: ["calm", "quiet"] }, then: { add: ["low contrast", "soft light"], set: { palette: "muted" } } },
      { if: { palette: "warm" }, then: { add: "never reached for calm kids" } },
    ],
  });

  it("applies in order; set feeds later rules; notes keep their first position and appear once", () => {
    const out = applyRules(rules, { audience: "kids", mood: "calm" });
    expect(out.applied).toEqual([0, 1, 2]);
    expect(out.additions).toEqual(["rounded shapes, warm colours", "soft light", "low contrast"]);
    expect(out.values).toEqual({ audience: "kids", mood: "calm", palette: "muted" });
  });

  it("a later set does not change what an earlier rule saw", () => {
    const out = applyRules(rules, { audience: "kids", mood: "loud" });
    expect(out.applied).toEqual([0, 1, 3]);
    expect(out.values.palette).toBe("warm");
  });

  it("no rule holding leaves the row as it was", () => {
    const values = { audience: "adults", mood: "loud" };
    expect(applyRules(rules, values)).toEqual({ values, additions: [], applied: [] });
  });

  it("warns about parameters no column provides, or that only a later rule sets", () => {
    const set = parseRules({
      rules: [
        { if: { tone: "x" }, then: { add: "a" } },
        { name: "late", if: { audience: "kids" }, then: { set: { tone: "y" } } },
        { if: { tone: "y", mod: "z" }, then: { add: "b" } },
      ],
    });
    expect(ruleWarnings(set, ["audience"])).toEqual([
      'rules[0]: parameter "tone" is not known here (it is set only ' +
        "by rules[1], which runs later); the test sees an empty value",
      'rules[2]: parameter "mod" is not known here (the rows have audience); the test sees an empty value',
    ]);
    expect(ruleWarnings(rules, ["audience", "mood"])).toEqual([]);
  });
});

describe("rules validation", () => {
  it.each([
    ["not an object", [], 'rules file: expected an object {"rules": […]}, found a list'],
    ["no rules key", {}, "rules: expected a list of rules, found nothing"],
    ["an unknown top-level key", { rules: [], rule: [] }, 'rules file: unknown key "rule" (expected "rules")'],
    [
      "an unknown rule key",
      { rules: [{ if: { a: "b" }, then: { add: "x" }, when: 1 }] },
      'rules[0]: unknown key "when" (expected "name", "if", "then")',
    ],
    [
      "an unknown then key",
      { rules: [{ if: { a: "b" }, then: { ad: "x" } }] },
      'rules[0].then: unknown key "ad" (expected "add", "set")',
    ],
    ["missing if", { rules: [{ then: { add: "x" } }] }, 'rules[0]: missing "if" (the condition)'],
    ["missing then", { rules: [{ if: { a: "b" } }] }, 'rules[0]: missing "then"'],
    [
      "an empty then",
      { rules: [{ if: { a: "b" }, then: {} }] },
      'rules[0].then: a rule must "add" style notes or "set" parameters',
    ],
    [
      "a list as a then",
      { rules: [{ if: { a: "b" }, then: ["x"] }] },
      'rules[0].then: expected {"add": …, "set": …}, found a list',
    ],
    [
      "a non-string note",
      { rules: [{ if: { a: "b" }, then: { add: ["x", { y: 1 }] } }] },
      "rules[0].then.add[1]: expected a string, number or boolean, found an object",
    ],
    ["an empty note", { rules: [{ if: { a: "b" }, then: { add: " " } }] }, "rules[0].then.add: an empty style note"],
    [
      "set as a list",
      { rules: [{ if: { a: "b" }, then: { set: ["x"] } }] },
      "rules[0].then.set: expected an object of parameter names and values, found a list",
    ],
    [
      "a set value that is an object",
      { rules: [{ if: { a: "b" }, then: { set: { p: {} } } }] },
      "rules[0].then.set.p: expected a string, number or boolean, found an object",
    ],
    [
      "param with both equals and in",
      { rules: [{ if: { param: "a", equals: "x", in: ["y"] }, then: { add: "x" } }] },
      'rules[0].if: give exactly one of "equals" or "in" with "param"',
    ],
    [
      "param with an unknown key",
      { rules: [{ if: { param: "a", is: "x" }, then: { add: "x" } }] },
      'rules[0].if: unknown key "is" (expected "param", "equals", "in")',
    ],
    [
      "in that is not a list",
      { rules: [{ if: { param: "a", in: "x" }, then: { add: "x" } }] },
      "rules[0].if.in: expected a list of values, found a string",
    ],
    [
      "an empty in",
      { rules: [{ if: { param: "a", in: [] }, then: { add: "x" } }] },
      "rules[0].if.in: an empty list never matches",
    ],
    [
      "a combinator with siblings",
      { rules: [{ if: { all: [{ a: "b" }], c: "d" }, then: { add: "x" } }] },
      'rules[0].if: "all" must be the only key of its object',
    ],
    [
      "all that is not a list",
      { rules: [{ if: { all: { a: "b" } }, then: { add: "x" } }] },
      "rules[0].if.all: expected a list of conditions, found an object",
    ],
    ["an empty any", { rules: [{ if: { any: [] }, then: { add: "x" } }] }, "rules[0].if.any: an empty list"],
    [
      "a nested bad value",
      { rules: [{ if: { any: [{ a: "b" }, { not: { c: null } }] }, then: { add: "x" } }] },
      "rules[0].if.any[1].not.c: expected a string, number or boolean, found null",
    ],
    ["an empty condition", { rules: [{ if: {}, then: { add: "x" } }] }, "rules[0].if: an empty condition"],
    [
      "a string as a condition",
      { rules: [{ if: "kids", then: { add: "x" } }] },
      "rules[0].if: expected a condition object",
    ],
    [
      "a numeric name",
      { rules: [{ name: 3, if: { a: "b" }, then: { add: "x" } }] },
      "rules[0].name: expected a string, found a number",
    ],
  ])("%s", (_, json, message) => {
    expect(errorOf(json)).toContain(message);
  });

  it("refuses conditions nested too deep", () => {
    let deep: unknown = { a: "b" };
    for (let i = 0; i < 40; i++) deep = { not: deep };
    expect(errorOf({ rules: [{ if: deep, then: { add: "x" } }] })).toMatch(/conditions nest deeper than 16 levels/);
  });

  it("reads the file's text: BOM allowed, invalid JSON said so", () => {
    expect(readRules('\uFEFF{"rules":[{"if":{"a":"b"},"then":{"add":"x"}}]}').rules).toHaveLength(1);
    expect(() => readRules("{rules: []}")).toThrow(/^not valid JSON \(/);
  });
});
