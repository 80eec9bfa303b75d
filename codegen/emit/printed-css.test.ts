/**
 * The emitters print their stylesheets as the format pass would (EmittedFiles.printed, which generateCode then
 * skips): on every real, sample and corpus file, each stylesheet they vouch for is byte for byte what
 * `formatFiles(…, "emitters")` makes of it, and most of them are vouched for.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { emitFiles, loadDesign } from "../index.js";
import { formatFiles } from "../format/index.js";
import { inFormatterForm } from "../css/printed.js";
import { EMITTER_OUTPUTS } from "../../test/helpers/emitted-frames.js";
import { fixturesRoot } from "../../test/helpers/responsive-frames.js";

const DIRS = ["real", "figma", "corpus"];

/** Every fixture design; a file that is not one whole JSON document (a JSON-lines log) is left out. */
function designs(): [name: string, json: unknown][] {
  const out: [string, unknown][] = [];
  for (const dir of DIRS)
    for (const f of readdirSync(join(fixturesRoot(), dir))) {
      if (!f.endsWith(".json") || f.includes("reference")) continue;
      try {
        out.push([`${dir}/${f}`, JSON.parse(readFileSync(join(fixturesRoot(), dir, f), "utf8"))]);
      } catch {
        // not a design
      }
    }
  return out;
}

describe("stylesheets printed in the format pass's form", () => {
  it("on every fixture file and output, each printed stylesheet is the formatter's, and most are printed", async () => {
    let stylesheets = 0;
    let printed = 0;
    const wrong: string[] = [];
    for (const [name, json] of designs()) {
      let document: ReturnType<typeof loadDesign>["document"];
      try {
        document = loadDesign(json).document;
      } catch {
        continue;
      }
      for (const options of EMITTER_OUTPUTS) {
        const emitted = emitFiles(document, options);
        const css = emitted.files.filter((f) => f.bytes === undefined && f.path.endsWith(".css"));
        const formatted = await formatFiles(css, "emitters");
        css.forEach((file, i) => {
          stylesheets++;
          const text = emitted.printed.get(file.path);
          if (text === undefined) return;
          printed++;
          if (text !== formatted.files[i]!.content)
            wrong.push(`${name} ${options.target}/${options.styling} ${file.path}`);
        });
      }
    }
    expect(wrong).toEqual([]);
    expect(stylesheets).toBeGreaterThan(600);
    // Every one since long values are wrapped as malva wraps them (545 of 650 on ae7d0b5, 520 on f409625).
    expect(printed / stylesheets).toBeGreaterThan(0.99);
  }, 600_000);
});

describe("inFormatterForm", () => {
  it("vouches for rules, indented @media blocks and a list broken one item a line", () => {
    const css =
      ".a {\n  color: #ffffff;\n}\n\n@media (width < 600px) {\n  .a {\n    width: 100%;\n  }\n}\n\n" +
      '@font-face {\n  font-family: "X";\n  src:\n    local("Arial"),\n    local("Arimo");\n}\n';
    expect(inFormatterForm(css)).toBe(true);
    // fonts.css's commented block for a family Google does not serve, last in the sheet.
    expect(
      inFormatterForm(`${css}\n/* Helvetica is not on Google Fonts.\n@font-face {\n  font-weight: 400;\n}\n*/\n`),
    ).toBe(true);
  });

  it("refuses what the formatter would rewrite", () => {
    expect(inFormatterForm(".a {\n  color: #FFFFFF;\n}\n")).toBe(false);
    expect(inFormatterForm(".a {\n  width: .5px;\n}\n")).toBe(false);
    expect(inFormatterForm("@media (width < 600px) {\n.a {\n  width: 100%;\n}\n}\n")).toBe(false);
    expect(inFormatterForm('.a {\n  src: local("Arial"), local("Arimo");\n}\n')).toBe(false);
    expect(inFormatterForm(`.a {\n  font-family: ${"A, ".repeat(40)}B;\n}\n`)).toBe(false);
    expect(inFormatterForm(".a {\n\n  color: red;\n}\n")).toBe(false);
    expect(inFormatterForm(".a {\n  color: red;\n}\n/* open")).toBe(false);
  });
});
