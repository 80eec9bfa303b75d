import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findCycles } from "./cycles";
import { toPascalCase } from "./names";
import { checkPaths, normalisePath } from "./paths";
import { relativeSpecifier, resolveRelative } from "./resolve";

describe("checkPaths: one name is a file or a folder, never both", () => {
  it(
    "drops a file under a kept file's name, and a file at a " +
      "kept folder's name; names that only look alike are kept",
    () => {
      const { files, problems } = checkPaths([
        { path: "src/App.tsx", content: "a" },
        { path: "src/App.tsx/inner.ts", content: "b" },
        { path: "src/components/Button.tsx", content: "c" },
        { path: "SRC/Components", content: "d" },
        { path: "src/App.tsx.bak/x.ts", content: "e" },
        { path: "src/\ud83e\udded.ts", content: "f" },
      ]);
      expect(files.map((f) => f.path)).toEqual([
        "src/App.tsx",
        "src/components/Button.tsx",
        "src/App.tsx.bak/x.ts",
        "src/\ud83e\udded.ts",
      ]);
      expect(problems.map((p) => p.message)).toEqual([
        "src/App.tsx/inner.ts: src/App.tsx is a file, so it cannot be a folder; dropped",
        "SRC/Components: a folder of that name holds src/components/Button.tsx; dropped",
      ]);
    },
  );
});

describe("normalisePath", () => {
  it.each([
    ["./src/App.tsx", "src/App.tsx"],
    ["src\\components\\Button.tsx", "src/components/Button.tsx"],
    ["src//a/./b.css", "src/a/b.css"],
    // Only a whole `..` name leaves the folder (insidePath, the writer's rule too).
    ["src/..foo/Bar.tsx", "src/..foo/Bar.tsx"],
    ["..foo/x.css", "..foo/x.css"],
  ])("%j → %j", (raw, expected) => {
    expect(normalisePath(raw)).toEqual({ ok: true, path: expected });
  });

  it.each([
    ["..", "the path contains a '..' segment"],
    ["a/../../b", "the path contains a '..' segment"],
    ["/x", "the path is absolute"],
    ["\\\\server\\x", "the path is absolute"],
    ["C:\\x.ts", "the path starts with a drive letter"],
    ["a.ts:stream", "the path contains ':'"],
    ["src/", "the path names a folder, not a file"],
    ["./", "the path names a folder, not a file"],
    [".", "the path is empty"],
    ["./\\ ", "a folder or file name in the path is blank"],
    ["src/ /App.tsx", "a folder or file name in the path is blank"],
    ["a/NODE_MODULES/x.js", "the path goes into NODE_MODULES"],
    ["a\u007fb", "the path contains control characters"],
    // Names that show as another or hide a character (issue 50: written as given; "src/\u202Egnp.tsx" shows as
    // "src/xst.png").
    ["src/\u202Egnp.tsx", "the path contains U+202E, a bidirectional control (the name would show in another order)"],
    ["src/a\u2066b.tsx", "the path contains U+2066, a bidirectional control (the name would show in another order)"],
    ["src/\u200Fa.tsx", "the path contains U+200F, a bidirectional control (the name would show in another order)"],
    ["src/Ap\u200Bp.tsx", "the path contains U+200B, a zero-width character (invisible in the name)"],
    ["\uFEFFsrc/App.tsx", "the path contains U+FEFF, a zero-width character (invisible in the name)"],
    ["src/a\u2060.tsx", "the path contains U+2060, a zero-width character (invisible in the name)"],
    ["src/a\u2028b.tsx", "the path contains U+2028, a line or paragraph separator"],
    ["src/a\u0085b.tsx", "the path contains U+0085, a line or paragraph separator"],
    ["src/a\u009bb.tsx", "the path contains U+009B, a C1 control character"],
    // Names no file system of the user's holds as written (issue 38: writing threw ENAMETOOLONG, EISDIR, EEXIST).
    ["src/App.", 'the name "App." ends in a dot or a space (Windows drops them)'],
    ["src /App.tsx", 'the name "src " ends in a dot or a space (Windows drops them)'],
    ["src/CON", 'the name "CON" is a Windows device name'],
    ["lpt1.txt", 'the name "lpt1.txt" is a Windows device name'],
    ["GIT~1/config", 'the name "GIT~1" looks like a Windows short name (GIT~1 is .git)'],
    ["src/a\ud800b.ts", "the path is not valid Unicode (a lone surrogate)"],
    ["src/\udc00.ts", "the path is not valid Unicode (a lone surrogate)"],
    ["src/what?.ts", 'the path contains a character Windows refuses (< > " | ? *)'],
    [`src/${"a".repeat(256)}.ts`, "a name in the path is longer than 255 bytes"],
    [`src/${"é".repeat(127)}.ts`, "a name in the path is longer than 255 bytes"],
    [`src/${"😀".repeat(64)}.ts`, "a name in the path is longer than 255 bytes"],
    [`${"abcdefgh/".repeat(120)}x.ts`, "the path is longer than 1024 bytes"],
  ])("refuses %j", (raw, reason) => {
    expect(normalisePath(raw)).toEqual({ ok: false, reason });
  });

  it("only ever returns relative paths without empty, '.' or '..' segments", () => {
    const piece = fc.constantFrom("a", "B.tsx", ".", "..", "", "/", "\\", "C:", "node_modules", " ", "\u0000", "é");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 8 }), (pieces) => {
        const result = normalisePath(pieces.join(""));
        if (!result.ok) return;
        expect(result.path.startsWith("/")).toBe(false);
        expect(result.path).not.toMatch(/\\|:|[\u0000-\u001f]/);
        for (const segment of result.path.split("/")) {
          expect(["", ".", ".."]).not.toContain(segment);
          expect(segment.toLowerCase()).not.toBe("node_modules");
        }
        expect(normalisePath(result.path)).toEqual(result);
      }),
    );
  });
});

describe("resolveRelative / relativeSpecifier", () => {
  const paths = new Set(["src/App.tsx", "src/components/Button.tsx", "src/ui/index.ts", "src/a.module.css"]);
  const exists = (p: string): boolean => paths.has(p);

  it.each([
    ["./components/Button", "src/components/Button.tsx"],
    ["./components/Button.js", "src/components/Button.tsx"],
    ["./ui", "src/ui/index.ts"],
    ["./a.module.css", "src/a.module.css"],
    ["./a", "src/a.module.css"],
    ["../src/App", "src/App.tsx"],
  ])("%j from src/App.tsx → %j", (specifier, expected) => {
    expect(resolveRelative("src/App.tsx", specifier, exists)).toBe(expected);
  });

  it.each([["./components/button"], ["../../App"], ["./nothing"]])("%j resolves to nothing", (specifier) => {
    expect(resolveRelative("src/App.tsx", specifier, exists)).toBeUndefined();
  });

  it.each([
    ["src/App.tsx", "src/components/Button.tsx", "./components/Button"],
    ["src/components/Button.tsx", "src/App.tsx", "../App"],
    ["src/a/b/C.tsx", "src/x/D.ts", "../../x/D"],
    ["App.tsx", "types.d.ts", "./types"],
    ["src/App.tsx", "src/App.module.css", "./App.module.css"],
  ])("from %j to %j is %j", (from, to, expected) => {
    expect(relativeSpecifier(from, to)).toBe(expected);
  });
});

describe("findCycles", () => {
  const graph = (edges: Record<string, string[]>): Map<string, string[]> => new Map(Object.entries(edges));

  it("finds each elementary cycle once, starting at its earliest node", () => {
    const nodes = ["a", "b", "c", "d"];
    const edges = graph({ a: ["b"], b: ["c", "a"], c: ["a"], d: ["d"] });
    expect(findCycles(nodes, edges)).toEqual([["a", "b", "c"], ["a", "b"], ["d"]]);
  });

  it("finds nothing in a DAG", () => {
    expect(findCycles(["a", "b", "c"], graph({ a: ["b", "c"], b: ["c"] }))).toEqual([]);
  });

  it("stays bounded on a complete graph", () => {
    const nodes = Array.from({ length: 12 }, (_, i) => `n${i}`);
    const edges = new Map(nodes.map((n) => [n, nodes.filter((m) => m !== n)]));
    const cycles = findCycles(nodes, edges);
    expect(cycles.length).toBe(50);
  });
});

describe("toPascalCase", () => {
  it.each([
    ["button", "Button"],
    ["my_button", "MyButton"],
    ["myButton", "MyButton"],
    ["_card2", "Card2"],
    ["_", undefined],
    ["$", undefined],
  ])("%j → %j", (name, expected) => {
    expect(toPascalCase(name)).toBe(expected);
  });
});
