/**
 * Comments keep their lists as lists. The pass that wrapped every line to 120 columns (bc6484e) reflowed comment blocks
 * as prose, and ran bench/run.ts's list of sections into one wall of text, entry after entry on the same line.
 *
 * A comment block whose lines start entries of one kind (`NAME=value …`, `- …`, `1. …`) holds no second entry of that
 * kind in the middle of a line; and bench/run.ts's header names every section the bench runs, each on a line of its
 * own, and no section it does not run.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { REPO_ROOT } from "./helpers/fixtures.js";

const SOURCE = /\.(ts|tsx|mjs|js)$/;

interface CommentLine {
  line: number;
  text: string;
}

/** The comment blocks of a source text: runs of `//` lines, and the inner lines of `/* … *\/` blocks. */
export function commentBlocks(source: string): CommentLine[][] {
  const blocks: CommentLine[][] = [];
  let block: CommentLine[] = [];
  let inside = false;
  source.split("\n").forEach((raw, i) => {
    const line = raw.trim();
    let text: string | undefined;
    if (inside) {
      if (line.includes("*/")) inside = false;
      if (line.startsWith("*") && !line.startsWith("*/")) text = line.slice(1).replace(/\*\/.*$/, "");
    } else if (line.startsWith("/*")) inside = !line.includes("*/");
    else if (line.startsWith("//")) text = line.slice(2);
    if (text === undefined) {
      if (block.length > 0) blocks.push(block);
      block = [];
    } else block.push({ line: i + 1, text: text.replace(/^ /, "") });
  });
  if (block.length > 0) blocks.push(block);
  return blocks;
}

/** The kind of entry a comment line starts, as a pattern that finds the same kind later in a line; or undefined. */
function entryKind(text: string): { kind: string; later: RegExp } | undefined {
  const body = text.trim();
  const setting = /^([A-Z][A-Z0-9_]*)=\S/.exec(body);
  if (setting) return { kind: `${setting[1]}=`, later: new RegExp(`\\s${setting[1]}=\\S`) };
  if (/^[-•]\s/.test(body)) return { kind: "-", later: /[.;:)]\s+[-•]\s+\S/ };
  const numbered = /^\d+([.)])\s/.exec(body);
  if (numbered) return { kind: `N${numbered[1]}`, later: new RegExp(`[.;:]\\s+\\d+\\${numbered[1]}\\s+\\S`) };
  return undefined;
}

/** "path:line" for every comment line that holds an entry of a kind its block's lines start, run into it. */
export function joinedEntries(path: string, source: string): string[] {
  return commentBlocks(source).flatMap((block) => {
    const kinds = new Map<string, { count: number; later: RegExp }>();
    for (const { text } of block) {
      const entry = entryKind(text);
      if (entry) kinds.set(entry.kind, { count: (kinds.get(entry.kind)?.count ?? 0) + 1, later: entry.later });
    }
    const listed = [...kinds.values()].filter((kind) => kind.count >= 2);
    return block
      .filter(({ text }) => listed.some((kind) => kind.later.test(text.trim())))
      .map(({ line, text }) => `${path}:${line}: ${text.trim().slice(0, 80)}`);
  });
}

/** The sections bench/run.ts runs (its SECTIONS list) and the ones its header comment names at a line's start. */
export function benchSections(source: string): { runs: string[]; named: string[] } {
  const list = /const SECTIONS = \[([^\]]*)\] as const/.exec(source)?.[1];
  if (list === undefined) throw new Error("bench/run.ts has no `const SECTIONS = [ … ] as const`");
  const runs = [...list.matchAll(/"([^"]+)"/g)].map((m) => m[1]!);
  const header = commentBlocks(source)[0] ?? [];
  const named = header.flatMap(({ text }) => /^\s*BENCH_ONLY=([\w-]+) npm run bench\b/.exec(text)?.[1] ?? []);
  return { runs, named };
}

describe("comment lists", () => {
  it("finds entries run together and spares a list kept as a list", () => {
    const joined = [
      "/**",
      " * Sections:",
      " *   BENCH_ONLY=ai npm run bench  the model path (bench/ai.ts) BENCH_ONLY=image npm run bench  images",
      " *   BENCH_ONLY=fuzz npm run bench  mutated inputs",
      " */",
      "// - a first point; - a second point.",
      "// - a third point",
      "// 1. one thing. 2. another thing",
      "// 2. the second",
    ].join("\n");
    expect(joinedEntries("a.ts", joined).map((hit) => hit.split(":")[1])).toEqual(["3", "6", "8"]);
    const kept = [
      "/**",
      " * BENCH_ONLY=ai,image runs only those, e.g.",
      " *   BENCH_ONLY=ai npm run bench  the model path (bench/ai.ts)",
      " *   BENCH_ONLY=image npm run bench  images",
      " */",
      "// - a first point - with a dash in it;",
      "// - a second point (1. in prose)",
      "const a = 1; // BENCH_ONLY=x and BENCH_ONLY=y in a lone comment",
    ].join("\n");
    expect(joinedEntries("a.ts", kept)).toEqual([]);
  });

  it("no comment block runs two of its entries into one line", () => {
    const files = execFileSync("git", ["ls-files"], { cwd: REPO_ROOT, encoding: "utf8" })
      .split("\n")
      .filter((path) => SOURCE.test(path) && !path.startsWith("test/fixtures/"));
    expect(files.length).toBeGreaterThan(500);
    const joined = files.flatMap((path) => joinedEntries(path, readFileSync(join(REPO_ROOT, path), "utf8")));
    expect(joined, `${joined.length} comment lines hold an entry run into them (one entry a line)`).toEqual([]);
  });

  it("bench/run.ts's header names each section it runs on a line of its own", () => {
    const { runs, named } = benchSections(readFileSync(join(REPO_ROOT, "bench/run.ts"), "utf8"));
    expect(runs.length).toBeGreaterThan(20);
    const unnamed = runs.filter((section) => !named.includes(section));
    expect(unnamed, "add `BENCH_ONLY=<section> npm run bench  what it measures` to bench/run.ts's header").toEqual([]);
    expect(named.filter((section) => !runs.includes(section))).toEqual([]);
  });
});
