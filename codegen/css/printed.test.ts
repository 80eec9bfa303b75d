/**
 * The stylesheet checks' own work on a real file (figmagic, 57 frames, 72 sheets): a declaration line is judged once
 * per emit however many sheets repeat it, and a sheet with nothing to wrap is returned as it is.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { emitFiles, loadDesign } from "../index.js";
import { fixturesRoot } from "../../test/helpers/responsive-frames.js";
import { Sheet } from "../emit/vnode.js";
import { declVerdict, inFormatterForm, LineChecks, printedStylesheets, wrapLongDeclarations } from "./printed.js";

const design = JSON.parse(readFileSync(join(fixturesRoot(), "figma", "figmagic-design-system.file.json"), "utf8"));
const emitted = emitFiles(loadDesign(design).document, { target: "react", styling: "css-modules", nodeIds: false });
const sheets = emitted.files.filter((f) => f.path.endsWith(".css") && f.bytes === undefined).map((f) => f.content);

const DECL = /^( +)(--[\w-]+|-?[a-z][a-z-]*): (.+);$/;
/** The sheet split into lines, each wrapped on its own, joined again (how wrapLongDeclarations was written). */
const splitAndJoin = (css: string): string =>
  css
    .split("\n")
    .map((line) => wrapLongDeclarations(line))
    .join("\n");

describe("the emitters' stylesheet checks on figmagic", () => {
  it("judge each distinct declaration line once across the sheets, with the verdicts of a fresh look", () => {
    const seen = new Map<string, number>();
    let declarations = 0;
    for (const css of sheets) {
      expect(inFormatterForm(css, seen)).toBe(inFormatterForm(css));
      declarations += css.split("\n").filter((line) => DECL.test(line)).length;
    }
    // 72 sheets repeat their declarations ("display: flex", "position: relative"): far fewer distinct lines.
    expect(sheets.length).toBeGreaterThan(50);
    expect(seen.size).toBeLessThan(declarations / 2);
    for (const [line, verdict] of seen) expect(declVerdict(line)).toBe(verdict);
  });

  it("return a sheet with nothing to wrap as the same string, and wrap the others as line by line", () => {
    const unchanged = sheets.filter((css) => wrapLongDeclarations(css) === css);
    expect(unchanged.length).toBeGreaterThan(0);
    for (const css of sheets) expect(wrapLongDeclarations(css)).toBe(splitAndJoin(css));
    const long = `.a {\n  font-family: ${Array.from({ length: 20 }, (_, i) => `Family${i}`).join(", ")};\n}\n`;
    expect(wrapLongDeclarations(long)).not.toBe(long);
    expect(wrapLongDeclarations(long)).toBe(splitAndJoin(long));
  });
});

/** What the whole check makes of a sheet's text: in the formatter's form as it is (wrapping changes nothing). */
const wholeCheck = (css: string): boolean => wrapLongDeclarations(css) === css && inFormatterForm(css);

describe("a sheet's own check (the lines it prints, judged without its text)", () => {
  const sheet = (fill: (s: Sheet) => void): Sheet => {
    const s = new Sheet();
    fill(s);
    return s;
  };
  const cases: [string, Sheet][] = [
    [
      "plain rules",
      sheet(
        (s) =>
          s.add("a", [
            ["display", "flex"],
            ["gap", "8px"],
          ]) && s.add("b", [["color", "red"]]),
      ),
    ],
    [
      "rules below widths and a pseudo-element",
      sheet((s) => {
        const a = s.add("a", [["display", "flex"]])!;
        s.addPseudo(a, "::after", [["content", '""']]);
        s.addBelow(a, 768, [["flex-direction", "column"]]);
        s.addBelow(a, 390, [["gap", "4px"]], ":popover-open");
      }),
    ],
    ["an upper-case hex colour", sheet((s) => s.add("a", [["color", "#FFF"]]))],
    ["a number with a leading dot", sheet((s) => s.add("a", [["opacity", ".5"]]))],
    [
      "a list that starts with a function",
      sheet((s) => s.add("a", [["background", "linear-gradient(red, blue), red"]])),
    ],
    [
      "a line too long",
      sheet((s) => s.add("a", [["font-family", Array.from({ length: 20 }, (_, i) => `F${i}`).join(", ")]])),
    ],
    ["a long selector", sheet((s) => s.add("a".repeat(120), [["display", "flex"]]))],
    ["rules below a width only", sheet((s) => s.addBelow(s.reserve("a"), 768, [["display", "none"]]))],
    ["an empty sheet", sheet((s) => s.reserve("a"))],
  ];

  it.each(cases)("says yes only where the whole check does: %s", (_, s) => {
    const own = s.inFormatterForm(new LineChecks());
    expect(own).toBe(wholeCheck(s.css()));
  });

  it("judges each declaration as declVerdict does, figmagic's and odd ones", () => {
    const odd = ["-.5", ".5px", "#FFF", "a  b", " a", "a ", "1px solid", "0.5", "1.5.3", "Flex", "a(b)", "a, b", ""];
    odd.push("rgba(0, 0, 0, 0.1)", "rgba(0,0,0)", "f( a)", "f(a )", "f(a , b)", "f(a))", "(a", "a)", "#fff", "#ffF");
    odd.push("linear-gradient(red, blue), red", "f(a), g(b)", "translate(-50%, -50%) rotate(45deg)", "f((a, b), c)");
    const lines = [
      ...sheets.flatMap((css) => css.split("\n").filter((line) => DECL.test(line))),
      ...odd.flatMap((v) => [`  color: ${v};`, `    --x: ${v};`, `  -webkit-x: ${v};`]),
      `  width: ${"1".repeat(95)}px;`,
    ];
    const checks = new LineChecks();
    for (const line of lines) {
      const [, indent, property, value] = /^( +)([^:]+): (.*);$/.exec(line)!;
      expect([line, checks.declHolds(indent!.length, property!, value!)]).toEqual([
        line,
        declVerdict(line) === indent!.length,
      ]);
    }
  });

  it("vouches for figmagic's sheets as the whole check would", () => {
    const css = emitted.files.filter((f) => f.path.endsWith(".css") && f.bytes === undefined);
    const fresh = printedStylesheets(css.map((f) => ({ ...f })));
    expect(css.length).toBeGreaterThan(50);
    for (const f of css) expect(emitted.printed.get(f.path)).toBe(fresh.get(f.path));
  });
});

describe("a sheet in the formatter's form", () => {
  const reduced =
    "a {\n  color: red;\n}\n\n@media (prefers-reduced-motion: reduce) {\n  ::view-transition-old(*),\n" +
    "  ::view-transition-new(*) {\n    animation: none !important;\n  }\n}\n";
  it("takes a selector list, one a line, inside an at-rule (the prototype's reduced motion)", () => {
    expect(inFormatterForm(reduced)).toBe(true);
  });
  it("does not take a declaration that ends in a comma inside a rule for a selector", () => {
    expect(inFormatterForm("a {\n  transition: opacity 0.2s,\n  color: red;\n}\n")).toBe(false);
  });
});
