import { describe, expect, it } from "vitest";
import type { SourceFile } from "../types";
import { formatFiles, isFormatted, type Author } from "./index";

const TSX: SourceFile = {
  path: "src/App.tsx",
  content:
    `import {Button} from './Button'\n` +
    `export function App(){return <div className='app'><Button label={"x"}/></div>}\n`,
};
const CSS: SourceFile = { path: "src/App.module.css", content: `.app{display:flex;gap:8px}\n` };
const HTML: SourceFile = {
  path: "index.html",
  content:
    `<!doctype html><html><head><style>body{margin:0}</style></head><body><div ` +
    `id=root><p>Hi</p></div></body></html>`,
};

// The emitters' files go to the wasm formatters, a model's to prettier: both hold to the same contract.
const AUTHORS: Author[] = ["model", "emitters"];

describe.each(AUTHORS)("formatFiles, %s' files", (author) => {
  it("formats TSX, CSS and HTML with printWidth 100 and keeps input order", async () => {
    const result = await formatFiles([TSX, CSS, HTML], author);
    expect(result.problems).toEqual([]);
    expect(result.files.map((f) => f.path)).toEqual(["src/App.tsx", "src/App.module.css", "index.html"]);
    expect(result.files[0]?.content).toBe(
      `import { Button } from "./Button";\n` +
        `export function App() {\n` +
        `  return (\n` +
        `    <div className="app">\n` +
        `      <Button label={"x"} />\n` +
        `    </div>\n` +
        `  );\n` +
        `}\n`,
    );
    expect(result.files[1]?.content).toBe(`.app {\n  display: flex;\n  gap: 8px;\n}\n`);
    expect(result.files[2]?.content).toBe(
      [
        `<!doctype html>`,
        `<html>`,
        `  <head>`,
        `    <style>`,
        `      body {`,
        `        margin: 0;`,
        `      }`,
        `    </style>`,
        `  </head>`,
        // Prettier always breaks <body>'s children; markup_fmt when they do not fit (docs/output.md, formatting
        // choices).
        ...(author === "model"
          ? [`  <body>`, `    <div id="root"><p>Hi</p></div>`, `  </body>`]
          : [`  <body><div id="root"><p>Hi</p></div></body>`]),
        `</html>`,
        ``,
      ].join("\n"),
    );
  });

  it("uses printWidth 100: a 90-column line stays on one line", async () => {
    const line = `export const values = ["aaaaaaaaaa", "bbbbbbbbbb", "cccccccccc", "dddddddddd", "eeeeeee"];\n`;
    expect(line.length).toBeGreaterThan(81);
    expect(line.length).toBeLessThan(101);
    const result = await formatFiles([{ path: "v.ts", content: line }], author);
    expect(result.files[0]?.content).toBe(line);
  });

  it("formats JS, JSX and JSON with babel's parsers", async () => {
    const result = await formatFiles(
      [
        { path: "a.js", content: `const a={b:1}` },
        { path: "B.jsx", content: `export const B=()=><b>hi</b>` },
        { path: "data.json", content: `{"a":1,"b":[1,2]}` },
      ],
      author,
    );
    expect(result.problems).toEqual([]);
    expect(result.files.map((f) => f.content)).toEqual([
      `const a = { b: 1 };\n`,
      `export const B = () => <b>hi</b>;\n`,
      `{ "a": 1, "b": [1, 2] }\n`,
    ]);
  });

  it("is idempotent: formatting the output again changes nothing", async () => {
    const once = await formatFiles([TSX, CSS, HTML], author);
    const twice = await formatFiles(once.files, author);
    expect(twice).toEqual(once);
    for (const file of once.files) expect(await isFormatted(file, author)).toBe(true);
    expect(await isFormatted(TSX, author)).toBe(false);
    expect(await isFormatted(CSS, author)).toBe(false);
  });

  it(
    "keeps a TSX file it cannot parse unchanged and reports " + "it with its line (Biome keeps it, without a word)",
    async () => {
      const broken: SourceFile = {
        path: "src/Broken.tsx",
        content: `export function Broken() {\n  const x = 1 +;\n  return <div>{x}</div>;\n}\n`,
      };
      const result = await formatFiles([CSS, broken], author);
      expect(result.files).toEqual([{ path: CSS.path, content: `.app {\n  display: flex;\n  gap: 8px;\n}\n` }, broken]);
      // Biome prints a syntax error as written and says nothing: the emitters' tests hold them to valid code
      // (codegen/project/emitted.test.ts, test/eval-files.test.ts).
      if (author === "emitters") {
        expect(result.problems).toEqual([]);
        return;
      }
      expect(result.problems).toEqual([
        {
          severity: "error",
          code: "format",
          message: "Expression expected.",
          file: "src/Broken.tsx",
          line: 2,
          column: 16,
        },
      ]);
      expect(await isFormatted(broken, author)).toBe(false);
    },
  );

  it("reports broken CSS and HTML with their lines too", async () => {
    const result = await formatFiles(
      [
        { path: "a.css", content: `.a {\n  color: red;\n\n.b { color: blue }\n` },
        { path: "b.html", content: `<div>\n<p>x</p>\n</span>\n` },
      ],
      author,
    );
    expect(result.problems.map(({ code, file, line }) => ({ code, file, line }))).toEqual([
      { code: "format", file: "a.css", line: 1 },
      { code: "format", file: "b.html", line: 3 },
    ]);
  });

  it("passes Markdown, SVG and unknown files through unchanged", async () => {
    const files: SourceFile[] = [
      { path: "README.md", content: "#  Title\n*  item\n" },
      { path: "logo.svg", content: "<svg   xmlns='http://www.w3.org/2000/svg'/>" },
      { path: "notes.txt", content: "a   b" },
    ];
    const result = await formatFiles(files, author);
    expect(result).toEqual({ files, problems: [] });
    for (const file of files) expect(await isFormatted(file, author)).toBe(true);
  });

  it("never throws on junk input", async () => {
    await expect(formatFiles(undefined as unknown as SourceFile[], author)).resolves.toEqual({
      files: [],
      problems: [],
    });
    const junk = { path: "x.ts", content: 42 } as unknown as SourceFile;
    const result = await formatFiles([junk], author);
    expect(result.files).toEqual([junk]);
    expect(result.problems.map((p) => p.code)).toEqual(["format"]);
  });
});
