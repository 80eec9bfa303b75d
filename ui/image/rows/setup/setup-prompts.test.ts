import { describe, expect, it } from "vitest";
import { EMPTY_STYLE, type StyleSpec } from "../plan.js";
import { rowPrompts, readPasted, withLineColumn } from "../../../../ai/params/row-prompts.js";
import { buildPlan, defaultGridName } from "./plan-build.js";
import { styleText } from "../plan.js";
import type { EditTable } from "./table.js";

const table: EditTable = {
  columns: ["audience", "mood", "extra"],
  rows: [
    ["kids", "calm", "x"],
    ["", "", ""],
    ["teens", "bold", ""],
  ],
};
const spec: StyleSpec = {
  ...EMPTY_STYLE,
  text: "flat vector",
  colours: [{ hex: "#1A2B3C", name: "Primary", source: "style", uses: 3 }],
};

describe("the setup's computed prompts", () => {
  it("computes every non-empty row with the style sentence, numbered by the table's rows, with notes", () => {
    const out = rowPrompts({ table, template: "A {mood} hero for {audience}", rules: "", style: styleText(spec) });
    expect(out.errors).toEqual({});
    expect(out.items.map((i) => [i.row, i.stem, i.prompt])).toEqual([
      [1, "1-calm-kids", "A calm hero for kids\n\nStyle: flat vector.\nBrand colours: #1A2B3C (Primary)."],
      [3, "3-bold-teens", "A bold hero for teens\n\nStyle: flat vector.\nBrand colours: #1A2B3C (Primary)."],
    ]);
    expect(out.notes).toEqual([
      'column "extra" not used by the template or any rule (allowed; ignored)',
      "empty row 2 left out",
    ]);
  });

  it("applies rules and leaves the colours out when they are not used", () => {
    const rules = '{"rules":[{"if":{"audience":"kids"},"then":{"add":"rounded shapes"}}]}';
    const out = rowPrompts({
      table,
      template: "A {mood} hero for {audience}",
      rules,
      style: styleText({ ...spec, useColours: false }),
    });
    expect(out.items[0]!.prompt).toBe("A calm hero for kids\n\nStyle notes: rounded shapes.\n\nStyle: flat vector.");
  });

  it("names the placeholder and the columns for an unknown placeholder, the row and column for an empty value", () => {
    const unknown = rowPrompts({ table, template: "A {season} hero", rules: "", style: styleText(spec) });
    expect(unknown.items).toEqual([]);
    expect(unknown.errors.template).toBe(
      "column 3: unknown placeholder {season}; the rows have {audience}, {mood}, {extra}",
    );
    const empty = rowPrompts({ table, template: "A {extra} hero", rules: "", style: styleText(spec) });
    expect(empty.errors.rows).toBe('row 3: {extra} is empty in this row; fill it in, or let a rule "set" it');
  });

  it("says where the rules' JSON breaks, and which rule is wrong", () => {
    const broken = rowPrompts({
      table,
      template: "{mood}",
      rules: '{"rules": [\n  {"if": }\n]}',
      style: styleText(spec),
    });
    expect(broken.errors.rules).toBe('not valid JSON: unexpected "}" at line 2, column 10');
    expect(rowPrompts({ table, template: "{season}", rules: "{", style: styleText(spec) }).errors).toEqual({
      rules: "not valid JSON: the text ends too soon at line 1, column 2",
      template: "column 1: unknown placeholder {season}; the rows have {audience}, {mood}, {extra}",
    });
    expect(rowPrompts({ table, template: "{mood}", rules: '{"rules": [', style: styleText(spec) }).errors.rules).toBe(
      "not valid JSON: the text ends too soon at line 1, column 12",
    );
    const wrong = rowPrompts({
      table,
      template: "{mood}",
      rules: '{"rules":[{"if":{"mood":"calm"}}]}',
      style: styleText(spec),
    });
    expect(wrong.errors.rules).toBe('rules[0]: missing "then" (what to add or set)');
    expect(withLineColumn("rules[0]: x", "{")).toBe("rules[0]: x");
  });

  it("says there are no rows yet for an empty table", () => {
    expect(
      rowPrompts({ table: { columns: ["a"], rows: [[""]] }, template: "{a}", rules: "", style: styleText(spec) }).errors
        .rows,
    ).toMatch(/^no rows yet/);
  });

  it("names the grid from the template's words, and builds the plan", () => {
    expect(defaultGridName("A {style} hero image for {audience}")).toBe("Hero image grid");
    expect(defaultGridName("{a} {b}")).toBe("Image grid");
    const { items } = rowPrompts({
      table,
      template: "A {mood} hero for {audience}",
      rules: "",
      style: styleText(spec),
    });
    const plan = buildPlan(
      items,
      spec,
      { name: " ", size: { width: 1024, height: 1024 }, quality: "low", acceptFirst: true, reasonFirst: false },
      "A {mood} hero for {audience}",
    );
    expect(plan).toEqual({
      name: "Hero grid",
      items,
      style: spec,
      size: { width: 1024, height: 1024 },
      quality: "low",
      acceptFirst: true,
      reasonFirst: false,
    });
  });

  it("reads pasted rows as JSONL when they start with {, CSV otherwise", () => {
    expect(readPasted('{"a":"x"}\n{"a":"y","b":2}')).toEqual({
      columns: ["a", "b"],
      rows: [
        ["x", ""],
        ["y", "2"],
      ],
    });
    expect(readPasted("a,b\n1,2\n")).toEqual({ columns: ["a", "b"], rows: [["1", "2"]] });
    expect(() => readPasted("a,b\n1\n")).toThrow("line 2: row 1 has 1 cell, the header has 2");
  });
});
