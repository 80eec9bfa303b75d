import { describe, expect, it } from "vitest";
import { Project } from "ts-morph";
import type { FileSet, Problem, SourceFile } from "../types";
import { checkProject } from "./index";

/** Problems with a given code, reduced to the fields the tests pin down. */
function withCode(result: FileSet, code: string): Array<Pick<Problem, "severity" | "file" | "line">> {
  return result.problems.filter((p) => p.code === code).map(({ severity, file, line }) => ({ severity, file, line }));
}

function content(result: FileSet, path: string): string {
  const file = result.files.find((f) => f.path === path);
  if (file === undefined) throw new Error(`no ${path} in ${result.files.map((f) => f.path).join(", ")}`);
  return file.content;
}

/** Syntax errors of a file, parsed independently of the code under test. */
function syntaxErrors(path: string, text: string): string[] {
  const project = new Project({
    useInMemoryFileSystem: true,
    compilerOptions: { jsx: 4, noLib: true },
  });
  const file = project.createSourceFile(path, text);
  return project
    .getProgram()
    .getSyntacticDiagnostics(file)
    .map((d) => String(d.getMessageText()));
}

const BUTTON: SourceFile = {
  path: "src/components/Button.tsx",
  content: `export function Button(props: { label: string }) {\n  return <button>{props.label}</button>;\n}\n`,
};
const STYLES: SourceFile = { path: "src/App.module.css", content: `.app { color: red; }\n` };

describe("checkProject: syntax", () => {
  it("reports a syntax error with file, line and column, and keeps the file unchanged", () => {
    const broken =
      `import { Button } from "./components/Button";\n\n` +
      `export function App() {\n` +
      `  const x = 1 +;\n` +
      `  return <Button label="a" />;\n` +
      `}\n`;
    const input = [BUTTON, { path: "src/App.tsx", content: broken }];
    const result = checkProject(input);
    const syntax = result.problems.filter((p) => p.code === "syntax");
    expect(syntax).toEqual([
      {
        severity: "error",
        code: "syntax",
        message: "Expression expected.",
        file: "src/App.tsx",
        line: 4,
        column: 16,
      },
    ]);
    expect(result.files).toEqual(input);
  });

  it("keeps a broken file byte for byte even when another file's component is renamed", () => {
    const broken = `import { card } from "./card";\nexport const x = card(;\n`;
    const result = checkProject([
      { path: "src/card.tsx", content: `export function card() {\n  return <div />;\n}\n` },
      { path: "src/use.tsx", content: broken },
    ]);
    expect(content(result, "src/use.tsx")).toBe(broken);
    expect(content(result, "src/card.tsx")).toContain("export function Card()");
  });
});

describe("checkProject: imports", () => {
  it("adds a missing import for a JSX component defined in another file", () => {
    const app = `export function App() {\n  return <Button label="go" />;\n}\n`;
    const result = checkProject([BUTTON, { path: "src/App.tsx", content: app }]);
    const out = content(result, "src/App.tsx");
    expect(out).toBe(`import { Button } from "./components/Button";\n\n${app}`);
    expect(syntaxErrors("/src/App.tsx", out)).toEqual([]);
    expect(withCode(result, "added-import")).toEqual([{ severity: "info", file: "src/App.tsx", line: 2 }]);
    expect(content(result, "src/components/Button.tsx")).toBe(BUTTON.content);
    expect(result.problems.filter((p) => p.severity === "error")).toEqual([]);
  });

  it("adds a default import for a PascalCase default export named like its file, after other imports", () => {
    const card = `export default function Card() {\n  return <div />;\n}\n`;
    const app =
      `"use client";\n` +
      `import styles from "./App.module.css";\n\n` +
      `export function App() {\n` +
      `  return <main className={styles.app}><Card /></main>;\n` +
      `}\n`;
    const result = checkProject([
      { path: "src/ui/Card.tsx", content: card },
      STYLES,
      { path: "src/App.tsx", content: app },
    ]);
    expect(content(result, "src/App.tsx")).toBe(
      `"use client";\n` +
        `import styles from "./App.module.css";\n` +
        `import Card from "./ui/Card";\n\n` +
        `export function App() {\n` +
        `  return <main className={styles.app}><Card /></main>;\n` +
        `}\n`,
    );
  });

  it("merges an added name into an existing import of the same file and imports types with `type`", () => {
    const lib =
      `export interface Item { id: string }\n` +
      `export function List() { return <ul />; }\n` +
      `export function Row() { return <li />; }\n`;
    const app =
      `import { List } from "./lib";\n` +
      `export function App(props: { item: Item }) {\n` +
      `  return <List><Row key={props.item.id} /></List>;\n` +
      `}\n`;
    const result = checkProject([
      { path: "src/lib.tsx", content: lib },
      { path: "src/App.tsx", content: app },
    ]);
    const out = content(result, "src/App.tsx");
    expect(out.split("\n")[0]).toBe(`import { List, type Item, Row } from "./lib";`);
    expect(syntaxErrors("/src/App.tsx", out)).toEqual([]);
  });

  it("reports an unresolvable PascalCase JSX tag with its line, and leaves the file otherwise intact", () => {
    const app = `export function App() {\n  return (\n    <div>\n      <Missing />\n    </div>\n  );\n}\n`;
    const result = checkProject([{ path: "src/App.tsx", content: app }, STYLES]);
    expect(withCode(result, "unresolved-import")).toEqual([{ severity: "error", file: "src/App.tsx", line: 4 }]);
    expect(result.files).toEqual([{ path: "src/App.tsx", content: app }, STYLES]);
  });

  it("reports a name exported by two files instead of guessing", () => {
    const result = checkProject([
      { path: "a/Icon.tsx", content: `export function Icon() { return <i />; }\n` },
      { path: "b/Icon.tsx", content: `export function Icon() { return <b />; }\n` },
      { path: "App.tsx", content: `export const App = () => <Icon />;\n` },
    ]);
    expect(withCode(result, "unresolved-import")).toEqual([{ severity: "error", file: "App.tsx", line: 1 }]);
    expect(content(result, "App.tsx")).toBe(`export const App = () => <Icon />;\n`);
  });

  it("removes unused imports, keeps used ones and side-effect imports", () => {
    const app = [
      `import "./reset.css";`,
      `import styles from "./App.module.css";`,
      `import unusedStyles from "./Other.module.css";`,
      `import { Button, helper } from "./components/Button";`,
      `import { useState } from "react";`,
      ``,
      `export function App() {`,
      `  return <Button label="x" />;`,
      `}`,
      ``,
    ].join("\n");
    const result = checkProject([
      BUTTON,
      { path: "src/reset.css", content: "* { margin: 0; }\n" },
      { path: "src/Other.module.css", content: ".x { color: blue; }\n" },
      STYLES,
      { path: "src/App.tsx", content: app },
    ]);
    expect(content(result, "src/App.tsx")).toBe(
      [
        `import "./reset.css";`,
        `import { Button } from "./components/Button";`,
        ``,
        `export function App() {`,
        `  return <Button label="x" />;`,
        `}`,
        ``,
      ].join("\n"),
    );
    expect(withCode(result, "removed-import")).toEqual([
      { severity: "info", file: "src/App.tsx", line: 2 },
      { severity: "info", file: "src/App.tsx", line: 3 },
      { severity: "info", file: "src/App.tsx", line: 4 },
      { severity: "info", file: "src/App.tsx", line: 5 },
    ]);
    expect(result.problems.find((p) => p.line === 4 && p.code === "removed-import")?.message).toBe(
      `removed unused import helper from "./components/Button"`,
    );
    expect(result.files.map((f) => f.path)).toEqual([
      "src/components/Button.tsx",
      "src/reset.css",
      "src/Other.module.css",
      "src/App.module.css",
      "src/App.tsx",
    ]);
  });

  it("keeps imports used only in types, in shorthand properties, or re-exported", () => {
    const app = [
      `import type { Props } from "./types";`,
      `import { value } from "./value";`,
      `import { again } from "./value";`,
      `export { again };`,
      `export const config = { value };`,
      `export function f(p: Props) { return p; }`,
      ``,
    ].join("\n");
    const result = checkProject([
      { path: "types.ts", content: `export interface Props { a: number }\n` },
      { path: "value.ts", content: `export const value = 1;\nexport const again = 2;\n` },
      { path: "app.ts", content: app },
    ]);
    expect(content(result, "app.ts")).toBe(app);
    expect(withCode(result, "removed-import")).toEqual([]);
  });

  it("removes an import shadowed by a local of the same name", () => {
    const app = `import { x } from "./x";\nexport function f(x: number) {\n  return x;\n}\n`;
    const result = checkProject([
      { path: "x.ts", content: `export const x = 1;\n` },
      { path: "f.ts", content: app },
    ]);
    expect(content(result, "f.ts")).toBe(`export function f(x: number) {\n  return x;\n}\n`);
  });

  it("flags a relative import of a missing file with its line; package imports are fine", () => {
    const app =
      `import { useState } from "react";\n` +
      `import { Card } from "./Card";\n\n` +
      `export function App() {\n` +
      `  const [n] = useState(0);\n` +
      `  return <Card n={n} />;\n` +
      `}\n`;
    const result = checkProject([{ path: "src/App.tsx", content: app }, STYLES]);
    expect(withCode(result, "unresolved-import")).toEqual([{ severity: "error", file: "src/App.tsx", line: 2 }]);
    expect(result.problems.find((p) => p.code === "unresolved-import")?.column).toBe(22);
    expect(result.files).toEqual([{ path: "src/App.tsx", content: app }, STYLES]);
  });

  it("resolves extensions, .js → .ts, CSS modules and index files", () => {
    const app = [
      `import a from "./a.js";`,
      `import s from "./s.module.css";`,
      `import { b } from "./dir";`,
      `import c from "./c.json";`,
      `console.log(a, s, b, c);`,
      ``,
    ].join("\n");
    const result = checkProject([
      { path: "a.ts", content: `export default 1;\n` },
      { path: "s.module.css", content: `.x {}\n` },
      { path: "dir/index.ts", content: `export const b = 2;\n` },
      { path: "c.json", content: `{ "c": 3 }\n` },
      { path: "app.ts", content: app },
    ]);
    expect(withCode(result, "unresolved-import")).toEqual([]);
    expect(content(result, "app.ts")).toBe(app);
  });

  it("suggests the file when only the case differs", () => {
    const result = checkProject([
      { path: "src/Button.tsx", content: BUTTON.content },
      {
        path: "src/App.tsx",
        content: `import { Button } from "./button";\nexport const App = () => <Button label="" />;\n`,
      },
    ]);
    const [unresolved] = result.problems.filter((p) => p.code === "unresolved-import");
    expect(unresolved?.message).toBe(`"./button" names no file in the set (did you mean src/Button.tsx?)`);
    expect(unresolved?.line).toBe(1);
  });
});

describe("checkProject: cycles", () => {
  it("reports a → b → a once, with the file and line of the first import", () => {
    const result = checkProject([
      {
        path: "a.tsx",
        content: `import { B } from "./b";\nexport function A() {\n  return <B />;\n}\n`,
      },
      {
        path: "b.tsx",
        content: `// b\nimport { A } from "./a";\nexport function B() {\n  return <A />;\n}\n`,
      },
    ]);
    const cycles = result.problems.filter((p) => p.code === "import-cycle");
    expect(cycles).toEqual([
      {
        severity: "warning",
        code: "import-cycle",
        message: "import cycle: a.tsx → b.tsx → a.tsx",
        file: "a.tsx",
        line: 1,
      },
    ]);
    expect(result.files.map((f) => f.path)).toEqual(["a.tsx", "b.tsx"]);
  });

  it("finds a cycle closed by an import the pass adds, and ignores type-only cycles", () => {
    const result = checkProject([
      {
        path: "x.tsx",
        content: `import { Y } from "./y";\nexport function X() {\n  return <Y />;\n}\n`,
      },
      { path: "y.tsx", content: `export function Y() {\n  return <X />;\n}\n` },
      { path: "t1.ts", content: `import type { T2 } from "./t2";\nexport type T1 = T2 | 1;\n` },
      { path: "t2.ts", content: `import type { T1 } from "./t1";\nexport type T2 = T1[];\n` },
    ]);
    expect(result.problems.filter((p) => p.code === "import-cycle").map((p) => p.message)).toEqual([
      "import cycle: x.tsx → y.tsx → x.tsx",
    ]);
    expect(content(result, "y.tsx").startsWith(`import { X } from "./x";`)).toBe(true);
  });
});

describe("checkProject: paths", () => {
  const good: SourceFile = { path: "src/ok.ts", content: "export const ok = 1;\n" };

  it.each([
    ["../evil.ts"],
    ["src/../../evil.ts"],
    ["/etc/passwd"],
    ["C:\\x.ts"],
    ["c:/x.ts"],
    ["\\\\server\\share\\x.ts"],
    ["node_modules/react/index.js"],
    [".git/config"],
    ["src/a\u0000.ts"],
    ["src/a\nb.ts"],
    [""],
    ["   "],
  ])("drops the unsafe path %j and keeps the rest", (path) => {
    const result = checkProject([{ path, content: "export const x = 1;\n" }, good]);
    expect(withCode(result, "unsafe-path")).toEqual([{ severity: "error", file: path, line: undefined }]);
    expect(result.files).toEqual([good]);
  });

  it("quotes a huge unsafe path by its first 80 characters: the problem stays one readable line", () => {
    for (const path of [`src/${"a".repeat(200_000)}.ts`, `src/${"b".repeat(300)}.`]) {
      const [problem] = checkProject([{ path, content: "export const x = 1;\n" }, good]).problems;
      expect(problem).toMatchObject({ code: "unsafe-path", file: path });
      expect(problem!.message.length).toBeLessThan(300);
      expect(problem!.message).toMatch(
        /^"src\/(a|b)+…": (a name in the path is longer than 255 bytes|the name "(b)+…" ends in a dot or a space)/,
      );
    }
  });

  it("normalises backslashes and ./", () => {
    const result = checkProject([{ path: ".\\src\\\\x.ts", content: "export const x = 1;\n" }]);
    expect(result.files).toEqual([{ path: "src/x.ts", content: "export const x = 1;\n" }]);
    expect(result.problems).toEqual([]);
  });

  it("keeps the first of two identical paths", () => {
    const first = { path: "src/A.tsx", content: `export const A = () => <div />;\n` };
    const second = { path: "src/A.tsx", content: `export const A = () => <span />;\n` };
    const result = checkProject([first, good, second]);
    expect(withCode(result, "duplicate-path")).toEqual([{ severity: "error", file: "src/A.tsx", line: undefined }]);
    expect(result.files).toEqual([first, good]);
  });

  it("treats paths differing only in case (or by ./) as duplicates", () => {
    const upper = { path: "src/A.tsx", content: `export const A = () => <div />;\n` };
    const lower = { path: "./src/a.tsx", content: `export const a = 1;\n` };
    const result = checkProject([upper, lower, good]);
    expect(withCode(result, "duplicate-path")).toEqual([{ severity: "error", file: "src/a.tsx", line: undefined }]);
    expect(result.files).toEqual([upper, good]);
  });

  it("drops whitespace-only files with a warning", () => {
    const result = checkProject([{ path: "src/empty.tsx", content: " \n\t\n" }, good]);
    expect(withCode(result, "empty-file")).toEqual([{ severity: "warning", file: "src/empty.tsx", line: undefined }]);
    expect(result.files).toEqual([good]);
  });

  it("survives entries that are not files at all", () => {
    const junk = [null, 42, { path: 7, content: "x" }, { path: "x.ts" }, good] as unknown as SourceFile[];
    const result = checkProject(junk);
    expect(result.files).toEqual([good]);
    expect(result.problems.map((p) => p.code)).toEqual(["unsafe-path", "unsafe-path", "unsafe-path", "invalid-file"]);
    expect(checkProject(undefined as unknown as SourceFile[])).toEqual({ files: [], problems: [] });
  });
});

describe("checkProject: component names", () => {
  it("renames a lower-case component to PascalCase and updates its importer", () => {
    const button =
      `export function button(props: { label: string }) {\n` +
      `  return <button>{props.label}</button>;\n` +
      `}\n\n` +
      `export const twice = () => [button({ label: "a" }), button({ label: "b" })];\n`;
    const app =
      `import { button, twice } from "./components/button";\n\n` +
      `export function App() {\n` +
      `  return <div>{button({ label: "x" })}{twice()}</div>;\n` +
      `}\n`;
    const result = checkProject([
      { path: "src/components/button.tsx", content: button },
      { path: "src/App.tsx", content: app },
    ]);
    expect(content(result, "src/components/button.tsx")).toBe(button.replaceAll("button(", "Button("));
    expect(content(result, "src/App.tsx")).toBe(
      `import { Button, twice } from "./components/button";\n\n` +
        `export function App() {\n` +
        `  return <div>{Button({ label: "x" })}{twice()}</div>;\n` +
        `}\n`,
    );
    expect(withCode(result, "renamed-component")).toEqual([
      { severity: "info", file: "src/components/button.tsx", line: 1 },
    ]);
    expect(result.files.map((f) => f.path)).toEqual(["src/components/button.tsx", "src/App.tsx"]);
  });

  it("renames arrow components, then resolves JSX uses of the new name", () => {
    const result = checkProject([
      { path: "src/card.tsx", content: `export const my_card = () => (\n  <div />\n);\n` },
      { path: "src/App.tsx", content: `export const App = () => <MyCard />;\n` },
    ]);
    expect(content(result, "src/card.tsx")).toBe(`export const MyCard = () => (\n  <div />\n);\n`);
    expect(content(result, "src/App.tsx")).toBe(
      `import { MyCard } from "./card";\n\nexport const App = () => <MyCard />;\n`,
    );
  });

  it("leaves hooks, helpers with several parameters, non-JSX functions and .ts files alone", () => {
    const files = [
      { path: "a.tsx", content: `export function useThing() { return <div />; }\n` },
      {
        path: "b.tsx",
        content: `export function renderRow(item: string, i: number) { return <li key={i}>{item}</li>; }\n`,
      },
      { path: "c.tsx", content: `export function helper() { return 1; }\n` },
      { path: "d.ts", content: `export function make() { return null; }\n` },
    ];
    const result = checkProject(files);
    expect(result.files).toEqual(files);
    expect(result.problems).toEqual([]);
  });

  it("does not rename onto a name that is already taken", () => {
    const file = {
      path: "a.tsx",
      content: `export function button() { return <b />; }\nexport const Button = 1;\n`,
    };
    const result = checkProject([file]);
    expect(result.files).toEqual([file]);
    expect(withCode(result, "component-name")).toEqual([{ severity: "warning", file: "a.tsx", line: 1 }]);
  });
});

describe("checkProject: other files", () => {
  it("passes non-code files through unchanged, in input order", () => {
    const files: SourceFile[] = [
      { path: "index.html", content: "<!doctype html><div   id=root></div>" },
      { path: "src/App.css", content: "a{color:red}" },
      { path: "logo.svg", content: "<svg xmlns='http://www.w3.org/2000/svg'/>" },
      { path: "data.json", content: '{ "a": 1 }' },
      { path: "README.md", content: "# hi\n" },
      { path: "src/main.ts", content: "export const main = 1;\n" },
    ];
    const result = checkProject(files);
    expect(result).toEqual({ files, problems: [] });
  });

  it("parses .js and .jsx files too", () => {
    const result = checkProject([
      { path: "Button.jsx", content: `export function Button() { return <button />; }\n` },
      { path: "App.jsx", content: `export const App = () => <Button />;\n` },
      { path: "bad.js", content: `let x: number = 1;\n` },
    ]);
    expect(content(result, "App.jsx")).toBe(
      `import { Button } from "./Button";\n\nexport const App = () => <Button />;\n`,
    );
    expect(withCode(result, "syntax")).toEqual([{ severity: "error", file: "bad.js", line: 1 }]);
  });
});

describe("checkProject: arbitrary input", () => {
  it("never throws, never reports internal failures, and keeps input order", async () => {
    const fc = (await import("fast-check")).default;
    const snippet = fc.constantFrom(
      `import { A } from "./a";`,
      `import B from "./B";`,
      `import "./x.css";`,
      `export function a() { return <A />; }`,
      `export default function B() { return <div><C /></div>; }`,
      `export const C = () => <B />;`,
      `export interface P { a: number }`,
      `let x: P = {`,
      `}`,
      `<div>`,
      `import { a } from "../..";`,
      `export { a as default };`,
      ``,
    );
    const path = fc.constantFrom("a.tsx", "B.tsx", "c/C.tsx", "x.css", "../y.ts", "A.TSX", "d.js", "e.ts");
    const file = fc.record({
      path,
      content: fc.array(snippet, { maxLength: 6 }).map((lines) => lines.join("\n")),
    });
    fc.assert(
      fc.property(fc.array(file, { maxLength: 6 }), (files) => {
        const result = checkProject(files);
        expect(result.problems.filter((p) => p.code === "internal")).toEqual([]);
        const inputOrder: string[] = files.map((f) => f.path);
        let last = -1;
        for (const out of result.files) {
          const at = inputOrder.indexOf(out.path, last + 1);
          expect(at).toBeGreaterThan(last);
          last = at;
        }
      }),
      { numRuns: 150 },
    );
  });
});
