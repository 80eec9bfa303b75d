import ts from "typescript";
import { describe, expect, it } from "vitest";
import { keepParsed } from "./keep-parsed.js";

describe("keepParsed", () => {
  const text = "export declare const a: number;";

  it("parses a library file once for every compile that asks for it in the same language", () => {
    const kept = keepParsed();
    let parses = 0;
    const parse = () => {
      parses++;
      return ts.createSourceFile("/lib/a.d.ts", text, ts.ScriptTarget.ES2022);
    };
    const first = kept("/lib/a.d.ts", ts.ScriptTarget.ES2022, parse);
    const second = kept("/lib/a.d.ts", ts.ScriptTarget.ES2022, parse);
    expect(parses).toBe(1);
    expect(second).toBe(first);
  });

  it("parses again for another language or module format, and keeps no file that was not found", () => {
    const kept = keepParsed();
    let parses = 0;
    const parse = () => {
      parses++;
      return ts.createSourceFile("/lib/a.d.ts", text, ts.ScriptTarget.ES2022);
    };
    kept("/lib/a.d.ts", ts.ScriptTarget.ES2022, parse);
    kept("/lib/a.d.ts", ts.ScriptTarget.ES2020, parse);
    const esm: ts.CreateSourceFileOptions = {
      languageVersion: ts.ScriptTarget.ES2022,
      impliedNodeFormat: ts.ModuleKind.ESNext,
    };
    kept("/lib/a.d.ts", esm, parse);
    kept("/lib/a.d.ts", { ...esm, impliedNodeFormat: ts.ModuleKind.CommonJS }, parse);
    kept("/lib/a.d.ts", esm, parse);
    expect(parses).toBe(4);
    let missing = 0;
    const notFound = () => {
      missing++;
      return undefined;
    };
    kept("/lib/none.d.ts", ts.ScriptTarget.ES2022, notFound);
    expect(kept("/lib/none.d.ts", ts.ScriptTarget.ES2022, notFound)).toBeUndefined();
    expect(missing).toBe(2);
  });

  it("keeps each store's files apart", () => {
    const parse = () => ts.createSourceFile("/lib/a.d.ts", text, ts.ScriptTarget.ES2022);
    const one = keepParsed()("/lib/a.d.ts", ts.ScriptTarget.ES2022, parse);
    expect(keepParsed()("/lib/a.d.ts", ts.ScriptTarget.ES2022, parse)).not.toBe(one);
  });
});
