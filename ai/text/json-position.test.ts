import { describe, expect, it } from "vitest";
import { jsonErrorOffset, lineColumn } from "./json-position.js";

describe("where JSON breaks", () => {
  it("finds nothing wrong in valid JSON, whatever it holds", () => {
    for (const text of [
      '{"rules": [{"if": {"a": ["x", 1.5e3, true, false, null]}, "then": {"add": "\\u00e9\\n"}}]}',
      " [] ",
      '"x"',
      "-0",
      "{}",
    ]) {
      expect(jsonErrorOffset(text), text).toBeUndefined();
      expect(() => JSON.parse(text)).not.toThrow();
    }
  });

  it("points at the first character that breaks it", () => {
    const cases: [string, number][] = [
      ['{"if": }', 7],
      ['{"a": 1,}', 8],
      ["{a: 1}", 1],
      ['{"a" 1}', 5],
      ['["x" "y"]', 5],
      ["[tru]", 1 + 3],
      ['{"a": "b', 8],
      ["{} x", 3],
      ["", 0],
      ["-", 0],
    ];
    for (const [text, offset] of cases) {
      expect(jsonErrorOffset(text), text).toBe(offset);
      expect(() => JSON.parse(text)).toThrow();
    }
  });

  it("says the offset as line and column", () => {
    expect(lineColumn('{"rules": [\n  {"if": }', 21)).toBe("line 2, column 10");
    expect(lineColumn("abc", 0)).toBe("line 1, column 1");
  });
});
