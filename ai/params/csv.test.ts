import { describe, expect, it } from "vitest";
import { parseCsvRows } from "./csv.js";
import { ParamsError } from "./errors.js";

const values = (text: string): Record<string, string>[] => parseCsvRows(text).rows.map((r) => ({ ...r.values }));

function errorOf(text: string): string {
  try {
    parseCsvRows(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ParamsError);
    expect((error as ParamsError).source).toBe("rows");
    return (error as Error).message;
  }
  throw new Error("expected a ParamsError");
}

describe("parseCsvRows", () => {
  it("reads a header and rows, with row numbers and lines", () => {
    const table = parseCsvRows("audience,season\nkids,winter\nadults,summer\n");
    expect(table.columns).toEqual(["audience", "season"]);
    expect(table.rows).toEqual([
      { row: 1, line: 2, values: { audience: "kids", season: "winter" } },
      { row: 2, line: 3, values: { audience: "adults", season: "summer" } },
    ]);
    expect(table.skippedBlankLines).toEqual([]);
  });

  it("quoted fields hold commas, doubled quotes and line breaks; line numbers count the breaks", () => {
    const table = parseCsvRows('name,notes\n"Smith, J.","said ""hi"""\n"multi\nline",x\nlast,y');
    expect(table.rows.map((r) => ({ ...r.values }))).toEqual([
      { name: "Smith, J.", notes: 'said "hi"' },
      { name: "multi\nline", notes: "x" },
      { name: "last", notes: "y" },
    ]);
    expect(table.rows.map((r) => r.line)).toEqual([2, 3, 5]);
  });

  it("drops a BOM, takes CRLF (also inside quotes), an empty quoted field and no trailing newline", () => {
    expect(parseCsvRows('\uFEFFa,b\r\n1,""\r\n"x\r\ny",2').rows.map((r) => ({ ...r.values }))).toEqual([
      { a: "1", b: "" },
      { a: "x\r\ny", b: "2" },
    ]);
    expect(parseCsvRows("\uFEFFa\r\n1\r\n").columns).toEqual(["a"]);
  });

  it("keeps a quote inside an unquoted field as a character; trims header names", () => {
    expect(values(' size , label\n5" tall,ok')).toEqual([{ size: '5" tall', label: "ok" }]);
  });

  it("skips blank lines and lists them", () => {
    const table = parseCsvRows("a,b\n\n1,2\n\n\n3,4\n\n");
    expect(table.rows.map((r) => [r.row, r.line])).toEqual([
      [1, 3],
      [2, 6],
    ]);
    expect(table.skippedBlankLines).toEqual([2, 4, 5, 7]);
  });

  it.each([
    [
      "an unterminated quote, at the opening quote",
      'a,b\n1,"open\n2,3\n',
      'line 2, column 3: a quoted field is not closed; add the closing "',
    ],
    [
      "text after a closing quote",
      'a,b\n"x"y,2',
      'line 2, column 4: unexpected "y" after a closing quote; a quote inside a quoted field is written ""',
    ],
    [
      "a row with more cells",
      "a,b\n1,2\nwarm, soft,3",
      'line 3: row 2 has 3 cells, the header has 2 (a value with a comma needs quotes: "warm, soft")',
    ],
    ["a row with fewer cells", "a,b,c\n1,2", "line 2: row 1 has 2 cells, the header has 3"],
    ["an empty header cell", "a,,c\n1,2,3", "line 1: header cell 2 is empty; every column needs a name"],
    [
      "a duplicate header",
      "mood,season, mood\n1,2,3",
      'line 1: column name "mood" appears twice (header cells 1 and 3); rename one',
    ],
    [
      "an all-empty row",
      "a,b\n1,2\n , \n3,4",
      "line 3: row 2 is empty (every cell is empty); fill it in or delete the line",
    ],
    ["an empty file", "\uFEFF\n\n", "the file is empty: the first line must name the parameters"],
    ["a header with no rows", "a,b\n\n", "no rows: the header (line 1) is followed by no data rows"],
  ])("%s is a clear error", (_, text, message) => {
    expect(errorOf(text)).toContain(message);
  });

  it("the unterminated quote's line counts earlier multi-line fields", () => {
    expect(errorOf('a\n"one\ntwo"\n"three')).toMatch(/^line 4, column 1: a quoted field is not closed/);
  });
});
