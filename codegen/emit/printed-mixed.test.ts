/**
 * The constructs the emitters once left to the format pass, now printed as it prints them (issue 50, speed): text
 * mixed with style runs and `<br />` line breaks (react/jsx-children.ts), strings holding double quotes
 * (react/js-quotes.ts), long CSS values malva wraps (css/printed.ts). On the real files that hold them, every .tsx
 * and .css is printed, and each printed file is byte for byte what `formatFiles(…, "emitters")` makes of it.
 */
import { describe, expect, it } from "vitest";
import { formatFiles } from "../format/index.js";
import { emitFiles, loadDesign, type CodeOptions } from "../index.js";
import { inFormatterForm } from "../css/printed.js";
import { readFixture } from "../../test/helpers/fixtures.js";

const REACT: CodeOptions = { target: "react", styling: "css-modules", nodeIds: false };

async function printedAndRight(name: string, options: CodeOptions): Promise<{ left: string[]; wrong: string[] }> {
  const emitted = emitFiles(loadDesign(readFixture(name)).document, options);
  const left: string[] = [];
  const wrong: string[] = [];
  for (const file of emitted.files) {
    if (file.bytes !== undefined || !/\.(tsx|css)$/.test(file.path)) continue;
    const printed = emitted.printed.get(file.path);
    if (printed !== file.content) {
      left.push(file.path);
      continue;
    }
    const formatted = (await formatFiles([file], "emitters")).files[0]!.content;
    if (formatted !== printed) wrong.push(file.path);
  }
  return { left, wrong };
}

describe("mixed text, quotes and long CSS values printed as the format pass prints them", () => {
  // On ae7d0b5: 12 .tsx (style runs, <br />) and Colors.module.css (a long linear-gradient) left to the pass.
  it("figmagic (the 57-frame file): every .tsx and .css printed", async () => {
    const { left, wrong } = await printedAndRight("figmagic-design-system.file.json", REACT);
    expect(wrong).toEqual([]);
    expect(left).toEqual([]);
  }, 120_000);

  // On ae7d0b5: 2 .tsx left (a `<br />` run, a text with quotes); the HTML page's styles.css too.
  it("figmasharp login: text with line breaks, in React and in HTML", async () => {
    for (const options of [REACT, { ...REACT, target: "html" } as CodeOptions]) {
      const { left, wrong } = await printedAndRight("figmasharp-login.file.json", options);
      expect(wrong, options.target).toEqual([]);
      expect(left, options.target).toEqual([]);
    }
  }, 120_000);
});

describe("inFormatterForm vouches for malva's wrapped values", () => {
  it("a filled value, a font list filled, a call with its arguments one a line, a list item expanded", () => {
    const fill =
      ".a {\n  border-image: linear-gradient(var(--muted-purpleish), var(--muted-purpleish)) 0 fill / 0 / 0\n" +
      "    max(0px, 50vw - 474px);\n}\n";
    expect(inFormatterForm(fill)).toBe(true);
    const fonts =
      ".a {\n  font-family:\n" +
      '    "IM FELL French Canon SC", "IM FELL French Canon SC Fallback", Georgia, "Times New Roman",\n' +
      "    serif;\n}\n";
    expect(inFormatterForm(fonts)).toBe(true);
    const call =
      ".a {\n  background: linear-gradient(\n    90deg,\n    rgba(63, 163, 195, 0.76) 9.4%,\n" +
      "    rgba(86, 204, 242, 0.016) 93.8%\n  );\n}\n";
    expect(inFormatterForm(call)).toBe(true);
    // Not malva's: the fill broken a word early, a call broken though it fits.
    expect(inFormatterForm(fill.replace(" 0 / 0\n    max", " 0 /\n    0 max"))).toBe(false);
    expect(inFormatterForm(".a {\n  background: linear-gradient(\n    90deg,\n    red\n  );\n}\n")).toBe(false);
  });
});
