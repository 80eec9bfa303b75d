/**
 * Every error class the project declares is a FigmentError (kernel/errors.ts), so every surface derives what it does
 * from one of its few kinds: the source (tests aside) is read for `class X extends Y`, and each class whose chain of
 * bases reaches one of JavaScript's errors must pass through FigmentError on the way.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..");
/** JavaScript's and the DOM's own errors: a class reaching one of these is an error class. */
const BUILT_IN = new Set([
  "Error",
  "TypeError",
  "RangeError",
  "ReferenceError",
  "SyntaxError",
  "EvalError",
  "URIError",
  "AggregateError",
  "DOMException",
]);

function sourceFiles(): string[] {
  const listed = execFileSync("git", ["ls-files", "*.ts", "*.tsx", "*.mjs", "*.js"], { cwd: ROOT, encoding: "utf8" });
  return listed.split("\n").filter((path) => path !== "" && !/\.test\.tsx?$/.test(path) && !path.startsWith("test/"));
}

/** Each declared class → its base, with where it is declared. */
function declaredClasses(): Map<string, { base: string; at: string }> {
  const classes = new Map<string, { base: string; at: string }>();
  for (const path of sourceFiles()) {
    for (const match of readFileSync(join(ROOT, path), "utf8").matchAll(/\bclass\s+(\w+)\s+extends\s+([\w.]+)/g))
      classes.set(match[1]!, { base: match[2]!, at: path });
  }
  return classes;
}

/** The error classes whose bases never pass through FigmentError, as `Name (path)`. */
function outsideFigmentError(): string[] {
  const classes = declaredClasses();
  const outside: string[] = [];
  for (const [name, { at }] of classes) {
    if (name === "FigmentError") continue;
    let current = name;
    const seen = new Set<string>();
    while (classes.has(current) && current !== "FigmentError" && !seen.has(current)) {
      seen.add(current);
      current = classes.get(current)!.base;
    }
    if (current !== "FigmentError" && BUILT_IN.has(current)) outside.push(`${name} (${at})`);
  }
  return outside.sort();
}

/** FigmentError and every class whose chain of bases reaches it, as `Name (path)`. */
function figmentErrorClasses(): string[] {
  const classes = declaredClasses();
  const reaches = (name: string, seen = new Set<string>()): boolean =>
    name === "FigmentError" ||
    (!seen.has(name) && classes.has(name) && reaches(classes.get(name)!.base, seen.add(name)));
  return [...classes]
    .filter(([name]) => reaches(name))
    .map(([name, { at }]) => `${name} (${at})`)
    .sort();
}

/**
 * A subclass exists only when it carries data a caller reads (kernel/errors.ts); a class that carries nothing a kind,
 * a `reason` or a message can't is a FigmentError made by a function (issue 72: 17 classes merged to 12).
 */
const MAX_ERROR_CLASSES = 12;

describe("error classes", () => {
  it(`are at most ${MAX_ERROR_CLASSES}, FigmentError included`, () => {
    const found = figmentErrorClasses();
    expect(found.length, `the error classes:\n${found.join("\n")}`).toBeLessThanOrEqual(MAX_ERROR_CLASSES);
    expect(found).toContain("FigmentError (kernel/errors.ts)");
  });

  it("are all FigmentErrors (0 outside it), FigmentError the one extending Error", () => {
    expect(outsideFigmentError()).toEqual([]);
    expect(declaredClasses().get("FigmentError")).toEqual({ base: "Error", at: "kernel/errors.ts" });
  });
});
