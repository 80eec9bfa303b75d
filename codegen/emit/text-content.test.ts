/**
 * The text a reader gets from the written code, after prettier, equals the design's characters (issue 38): style runs
 * (build.ts textChildren, printed by markup.ts) gain no whitespace and lose none in HTML, React + CSS modules and
 * React + Tailwind. The written markup is read as the browser reads it: JSX through TypeScript's own JSX transform,
 * then CSS's whitespace rules (`white-space: normal`) on both; the browser check is text-content.browser.test.ts.
 */
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { readFixture } from "../../test/helpers/fixtures.js";
import { SAMPLE_TEXTS, textSampleDesign } from "../../test/helpers/text-sample.js";
import { generateCode, loadDesign, type CodeOptions } from "../index.js";
import type { SourceFile } from "../types.js";

/** A piece of markup: text, a line break, or an element with its `data-node-id`. */
type Piece = string | { br: true } | { id: string | undefined; children: Piece[] };

const BR = "\u0000";

/** What a reader sees of inline content in a `white-space: normal` block: CSS's collapsing, `<br>` as a line break. */
function readerText(pieces: Piece[]): string {
  const flat = (p: Piece): string => (typeof p === "string" ? p : "br" in p ? BR : p.children.map(flat).join(""));
  return pieces
    .map(flat)
    .join("")
    .replace(/[ \t\n\r]+/g, " ")
    .split(BR)
    .map((line) => line.trim())
    .join("\n")
    .replace(/\u00a0/g, " ");
}

function find(pieces: Piece[], id: string): Piece[] | undefined {
  for (const p of pieces) {
    if (typeof p === "string" || "br" in p) continue;
    if (p.id === id) return p.children;
    const inner = find(p.children, id);
    if (inner) return inner;
  }
  return undefined;
}

const VOID = new Set(["br", "img", "input", "hr", "meta", "link"]);
const ENTITIES: Record<string, string> = {
  nbsp: "\u00a0",
  emsp: "\u2003",
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  "#39": "'",
};

/** HTML as a tree of pieces (enough for the written pages: no comments, no raw text but <style>/<script> skipped). */
function parseHtml(html: string): Piece[] {
  const root: { id: undefined; children: Piece[] } = { id: undefined, children: [] };
  const stack: { id: string | undefined; children: Piece[]; tag: string }[] = [{ ...root, tag: "" }];
  const body = html.replace(/<(style|script)[\s\S]*?<\/\1>/g, "").replace(/<!doctype[^>]*>/i, "");
  for (const m of body.matchAll(/<(\/?)([a-zA-Z0-9]+)((?:[^>"]|"[^"]*")*)>|([^<]+)/g)) {
    const top = stack[stack.length - 1]!;
    if (m[4] !== undefined) top.children.push(m[4].replace(/&(#?\w+);/g, (all, name: string) => ENTITIES[name] ?? all));
    else if (m[1] === "/") stack.pop();
    else if (m[2]!.toLowerCase() === "br") top.children.push({ br: true });
    else {
      const element = { id: /data-node-id="([^"]*)"/.exec(m[3]!)?.[1], children: [] as Piece[], tag: m[2]! };
      top.children.push(element);
      if (!VOID.has(element.tag.toLowerCase()) && !m[3]!.trim().endsWith("/")) stack.push(element);
    }
  }
  return stack[0]!.children;
}

/** A React screen as pieces: its TSX compiled by TypeScript (JSX's own whitespace rules), run with a stub React. */
function renderJsx(files: SourceFile[], path: string): Piece[] {
  const h = (type: unknown, props: Record<string, unknown> | null, ...children: unknown[]): Piece => {
    if (typeof type === "function") return (type as (p: unknown) => Piece)({ ...props, children });
    if (type === "br") return { br: true };
    const id = props?.["data-node-id"];
    return {
      id: typeof id === "string" ? id : undefined,
      children: children
        .flat(Infinity)
        .filter((c) => c !== null && c !== undefined && c !== false)
        .map((c) => (typeof c === "object" ? (c as Piece) : String(c))),
    };
  };
  const load = (from: string): Record<string, unknown> => {
    const file = files.find((f) => f.path === from) ?? files.find((f) => f.path === `${from}.tsx`);
    if (!file) throw new Error(`no ${from}`);
    const js = ts.transpileModule(file.content, {
      compilerOptions: {
        jsx: ts.JsxEmit.React,
        jsxFactory: "h",
        module: ts.ModuleKind.CommonJS,
        target: ts.ScriptTarget.ES2020,
      },
    }).outputText;
    const exports: Record<string, unknown> = {};
    const require = (spec: string): unknown => {
      if (spec.endsWith(".css")) return new Proxy({}, { get: (_, key) => String(key) });
      const dir = from.slice(0, from.lastIndexOf("/"));
      const resolved = spec.startsWith(".") ? new URL(spec, `file:///${dir}/`).pathname.slice(1) : spec;
      return load(resolved);
    };
    new Function("h", "exports", "require", js)(h, exports, require);
    return exports;
  };
  const screen = Object.values(load(path)).find((v) => typeof v === "function") as () => Piece;
  return [screen()];
}

const TARGETS: [string, CodeOptions][] = [
  ["HTML", { target: "html", styling: "css-modules", nodeIds: true }],
  ["React + CSS modules", { target: "react", styling: "css-modules", nodeIds: true }],
  ["React + Tailwind", { target: "react", styling: "tailwind", nodeIds: true }],
];

describe("a text's characters, as a reader gets them from the formatted code", () => {
  it.each(TARGETS)(
    "%s: runs gain and lose no whitespace (emoji, CJK, a run past the print width, a centred text)",
    async (_, options) => {
      const { files } = await generateCode(textSampleDesign(), options);
      const pieces =
        options.target === "html"
          ? parseHtml(files.find((f) => f.path === "index.html")!.content)
          : renderJsx(files, "src/screens/TextSample.tsx");
      const read = Object.fromEntries(SAMPLE_TEXTS.map((t) => [t.id, readerText(find(pieces, t.id) ?? [])]));
      expect(read).toEqual(Object.fromEntries(SAMPLE_TEXTS.map((t) => [t.id, t.chars])));
    },
  );

  it.each(TARGETS)(
    "%s: the reported text of a real file, three runs and no plain character, reads as drawn",
    async (_, options) => {
      // figma-differ's selfie screen: "Contact us to " / "get help" / "." — HTML read "Contact us to get help ." (issue
      // 38).
      const { files } = await generateCode(loadDesign(readFixture("figma-differ-selfie.nodes.json")).document, options);
      const id = "I33459:3758;825:14785";
      const pieces =
        options.target === "html"
          ? parseHtml(files.find((f) => f.path === "index.html")!.content)
          : renderJsx(files, files.find((f) => f.path.startsWith("src/screens/") && f.path.endsWith(".tsx"))!.path);
      expect(readerText(find(pieces, id) ?? [])).toBe("Contact us to get help.");
    },
  );
});
