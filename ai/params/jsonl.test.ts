import { describe, expect, it } from "vitest";
import { ParamsError } from "./errors.js";
import { parseJsonlRows } from "./jsonl.js";

function errorOf(text: string): string {
  try {
    parseJsonlRows(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ParamsError);
    return (error as Error).message;
  }
  throw new Error("expected a ParamsError");
}

describe("parseJsonlRows", () => {
  it("reads one object per line; numbers and booleans become text; columns in order of first appearance", () => {
    const table = parseJsonlRows('{"audience":"kids","count":3}\r\n\n{"audience":"adults","dark":true,"count":2.5}\n');
    expect(table.columns).toEqual(["audience", "count", "dark"]);
    expect(table.rows).toEqual([
      { row: 1, line: 1, values: { audience: "kids", count: "3", dark: "" } },
      { row: 2, line: 3, values: { audience: "adults", count: "2.5", dark: "true" } },
    ]);
    expect(table.skippedBlankLines).toEqual([2]);
  });

  it.each([
    ["bad JSON", '{"a":"x"}\n{"a": nope}', /^line 2: not valid JSON \(.+\); each line must be one object/],
    ["an array", '["kids"]', /^line 1: expected an object such as \{"audience":"kids"\}, found an array/],
    [
      "a nested object",
      '{"a":"x"}\n{"a":{"b":1}}',
      /^line 2: "a" is an object; values must be strings, numbers or booleans/,
    ],
    ["null", '{"a":null}', /^line 1: "a" is null; values must be/],
    ["an empty object", '{"a":"x"}\n{}', /^line 2: row 2 is empty \(\{\}\)/],
    ["all values empty", '{"a":"","b":" "}', /^line 1: row 1 is empty \(every value is ""\)/],
    ["an empty key", '{"":"x"}', /^line 1: a key is empty/],
    ["no rows", "\n\n", /^no rows: the file holds no JSON objects/],
  ])("%s is an error with its line", (_, text, message) => {
    expect(errorOf(text)).toMatch(message);
  });
});
