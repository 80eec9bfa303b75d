import { describe, expect, it } from "vitest";
import { expandColor, num, quote, shortColor, splitTokens, unquote } from "./tokens";

describe("quote / unquote", () => {
  it.each([
    ["Login", "Login"],
    ["two words", '"two words"'],
    ['say"hi"', '"say\\"hi\\""'],
    ["\\start", '"\\\\start"'],
    ["", '""'],
    ["line\nbreak", '"line\\nbreak"'],
  ])("%j ⇄ %s", (value, token) => {
    expect(quote(value)).toBe(token);
    expect(unquote(token)).toBe(value);
  });
});

describe("splitTokens", () => {
  it("keeps JSON strings whole, also after a key: prefix", () => {
    expect(splitTokens('F 1:1  "Home page" ff:"Open Sans" "a \\" b"')).toEqual([
      "F",
      "1:1",
      '"Home page"',
      'ff:"Open Sans"',
      '"a \\" b"',
    ]);
  });

  it("ignores leading indentation and trailing spaces", () => {
    expect(splitTokens("   R :2 10x10   ")).toEqual(["R", ":2", "10x10"]);
    expect(splitTokens("")).toEqual([]);
  });
});

describe("shortColor / expandColor", () => {
  it("shortens doubled hex digits and spaces in rgba, reversibly", () => {
    expect(shortColor("#aabbcc")).toBe("#abc");
    expect(shortColor("#aabbcd")).toBe("#aabbcd");
    expect(shortColor("rgba(0, 0, 0, 0.5)")).toBe("rgba(0,0,0,0.5)");
    expect(expandColor("#abc")).toBe("#aabbcc");
    expect(expandColor("rgba(0,0,0,0.5)")).toBe("rgba(0, 0, 0, 0.5)");
    expect(expandColor("#aabbcd")).toBe("#aabbcd");
  });
});

describe("num", () => {
  it("parses numbers and throws HintSyntaxError otherwise", () => {
    expect(num("-1.5")).toBe(-1.5);
    expect(() => num("x")).toThrow(expect.objectContaining({ kind: "input" }));
    expect(() => num("Infinity")).toThrow('expected a number, got "Infinity"');
  });
});
