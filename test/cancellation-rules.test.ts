/**
 * Cancellation has one form and one exit code (issue 50): a stop is kernel/cancelled.ts's Cancelled everywhere (no
 * model failure of reason "aborted"), a DOM AbortError is read by its name in one place only (kernel/errors.ts's
 * kindOf, which ai/errors/classify.ts's classifier asks), and the CLI decides exit 130 in cli/run.ts alone. Reads the
 * sources
 * with their comments and texts left out, so a sentence that mentions 130 is no decision.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "./helpers/fixtures.js";
import { sourceFiles } from "./helpers/source-files.js";

const DIRS = ["contract", "codegen", "kernel", "ai", "plugin", "ui", "cli"];
const text = (file: string): string => readFileSync(join(REPO_ROOT, file), "utf8");

/** The code without its comments and the insides of its template literals (help texts and messages). */
function code(source: string): string {
  return source
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/(^|[^:"'`\\])\/\/.*$/gm, "$1")
    .replace(/`(?:\\[\s\S]|\$\{[^}]*\}|[^`\\])*`/g, "``");
}

const files = sourceFiles(DIRS, { tests: false });
const matching = (pattern: RegExp, within: readonly string[] = files): string[] =>
  within.filter((file) => pattern.test(code(text(file))));

describe("cancellation in one form", () => {
  it("no model failure of reason aborted: a stop is Cancelled", () => {
    expect(matching(/new ModelError\(\s*"aborted"|reason === "aborted"|kind === "aborted"/)).toEqual([]);
    expect(
      matching(
        /"aborted"/,
        files.filter((file) => /^(ai|cli)\//.test(file)),
      ),
    ).toEqual([]);
  });

  it("a DOM AbortError is read by its name in one place", () => {
    expect(matching(/"AbortError"/)).toHaveLength(1);
  });

  it("the CLI decides exit 130 in cli/run.ts only: no command returns it; only run.ts maps a kind to a code", () => {
    const cli = files.filter((file) => file.startsWith("cli/"));
    expect(matching(/\b130\b/, cli)).toEqual([]);
    expect(matching(/exitCodeFor\(\s*"cancelled"|exitCodeFor\(\s*kind\b/, cli)).toEqual(["cli/run.ts"]);
  });
});
