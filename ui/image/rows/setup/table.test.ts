import { describe, expect, it } from "vitest";
import { ParamsError } from "../../../../ai/params/errors.js";
import {
  addColumn,
  addRow,
  choiceNotes,
  columnSpec,
  fromParamTable,
  removeColumn,
  removeRow,
  renameColumn,
  setCell,
  toParamTable,
  type EditTable,
} from "./table.js";

const table: EditTable = {
  columns: ["audience", "mood: calm|bold"],
  rows: [
    ["kids", "calm"],
    ["teens", "loud"],
  ],
};

describe("the setup's parameters table", () => {
  it("reads a header's name and allowed values", () => {
    expect(columnSpec("mood: calm| bold |calm")).toEqual({ name: "mood", choices: ["calm", "bold"] });
    expect(columnSpec(" audience ")).toEqual({ name: "audience", choices: [] });
  });

  it("adds, renames and removes columns, keeping every row as wide as the header", () => {
    const wider = addColumn(table);
    expect(wider.columns).toEqual(["audience", "mood: calm|bold", "param"]);
    expect(wider.rows).toEqual([
      ["kids", "calm", ""],
      ["teens", "loud", ""],
    ]);
    expect(addColumn(addColumn(table)).columns[3]).toBe("param2");
    expect(renameColumn(table, 0, "who").columns).toEqual(["who", "mood: calm|bold"]);
    expect(removeColumn(table, 0)).toEqual({ columns: ["mood: calm|bold"], rows: [["calm"], ["loud"]] });
  });

  it("adds rows after a given row, removes rows and edits one cell without touching the original", () => {
    expect(addRow(table, 0).rows).toEqual([
      ["kids", "calm"],
      ["", ""],
      ["teens", "loud"],
    ]);
    expect(addRow(table).rows.at(-1)).toEqual(["", ""]);
    expect(removeRow(table, 0).rows).toEqual([["teens", "loud"]]);
    expect(setCell(table, 1, 1, "bold").rows[1]).toEqual(["teens", "bold"]);
    expect(table.rows[1]).toEqual(["teens", "loud"]);
  });

  it("turns into a ParamTable by parameter name, leaving wholly empty rows out by number", () => {
    const params = toParamTable(addRow(table, 0));
    expect(params.columns).toEqual(["audience", "mood"]);
    expect(params.rows.map((r) => [r.row, r.values])).toEqual([
      [1, { audience: "kids", mood: "calm" }],
      [3, { audience: "teens", mood: "loud" }],
    ]);
    expect(params.skippedBlankLines).toEqual([2]);
    expect(fromParamTable(params)).toEqual({
      columns: ["audience", "mood"],
      rows: [
        ["kids", "calm"],
        ["teens", "loud"],
      ],
    });
  });

  it("refuses a column without a name or a name used twice, naming the columns", () => {
    expect(() => toParamTable(renameColumn(table, 1, " : a|b"))).toThrow(
      new ParamsError("rows", 'column 2 has no name; name it (e.g. "audience") or remove it'),
    );
    expect(() => toParamTable(renameColumn(table, 1, "audience: x"))).toThrow(
      /column name "audience" appears twice \(columns 1 and 2\)/,
    );
  });

  it("notes values outside their column's choices", () => {
    expect(choiceNotes(table)).toEqual(['row 2: mood is "loud", not one of calm, bold']);
  });
});
