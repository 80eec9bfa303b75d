import { describe, expect, it } from "vitest";
import { firstGiven, oneOf, oneOfWords, present, readFlags, wholeNumber } from "./flags.js";

describe("readFlags", () => {
  it("reads booleans, values, repeated flags, -h and positionals", () => {
    const { values, positionals } = readFlags(
      ["a.json", "--json", "--top", "3", "--node", "1:2", "--node", "3:4", "-h"],
      { boolean: ["json"], string: ["top"], list: ["node"], positionals: true },
    );
    expect(values).toEqual({ json: true, top: "3", node: ["1:2", "3:4"], help: true });
    expect(positionals).toEqual(["a.json"]);
  });

  it("turns parse errors into usage errors that end with the command's hint", () => {
    expect(() =>
      readFlags(["--seed", "3"], { string: ["prompt"], hint: "figment image --help lists the flags" }),
    ).toThrow(/^Unknown option '--seed' \(figment image --help lists the flags\)$/);
    expect(() => readFlags(["--seed"], {})).toThrow(expect.objectContaining({ kind: "input" }));
  });
});

describe("value checks", () => {
  it("reads whole numbers within bounds and names the bounds when refusing", () => {
    expect(wholeNumber("--n", undefined, { min: 1 })).toBeUndefined();
    expect(wholeNumber("--n", "3", { min: 1, max: 4 })).toBe(3);
    expect(() => wholeNumber("--n", "5", { min: 1, max: 4 })).toThrow("--n must be a whole number from 1 to 4, not 5");
    expect(() => wholeNumber("--top", "0", { min: 1 })).toThrow("--top must be a whole number of at least 1, not 0");
    expect(() => wholeNumber("--partials", " ", { min: 0, max: 3 })).toThrow(/not {2}$/);
  });

  it("reads a choice, listed with commas or as a sentence", () => {
    expect(oneOf("quality", ["low", "high"], undefined, "low")).toBe("low");
    expect(() => oneOf("quality", ["low", "high"], "ultra", "low")).toThrow("--quality must be low, high, not ultra");
    expect(() => oneOfWords("provider", ["openai", "openrouter", "custom"], "x", "openai")).toThrow(
      "--provider must be openai, openrouter or custom, not x",
    );
  });

  it("finds the first given flag and leaves out absent fields", () => {
    expect(firstGiven({ a: undefined, b: "x", c: true }, ["a", "b", "c"])).toBe("b");
    expect(present({ a: undefined, b: 0, c: "" })).toStrictEqual({ b: 0, c: "" });
  });
});
