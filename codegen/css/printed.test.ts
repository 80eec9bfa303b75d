/**
 * The stylesheet checks' own work on a real file (figmagic, 57 frames, 72 sheets): a declaration line is judged once
 * per emit however many sheets repeat it, and a sheet with nothing to wrap is returned as it is.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { emitFiles, loadDesign } from "../index.js";
import { fixturesRoot } from "../../test/helpers/responsive-frames.js";
import { declVerdict, inFormatterForm, wrapLongDeclarations } from "./printed.js";

const design = JSON.parse(readFileSync(join(fixturesRoot(), "figma", "figmagic-design-system.file.json"), "utf8"));
const sheets = emitFiles(loadDesign(design).document, { target: "react", styling: "css-modules", nodeIds: false })
  .files.filter((f) => f.path.endsWith(".css") && f.bytes === undefined)
  .map((f) => f.content);

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
