/**
 * The React emitters' printed files (EmittedFiles.printed) are what the format pass would write, byte for byte, on
 * every real, sample and corpus file and on random designs; and most of their .tsx/.ts is printed.
 */
import { readdirSync, readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildDesign, treeSpec } from "../../../test/arbitraries/tree.js";
import { formatFiles } from "../../format/index.js";
import { emitFiles, loadDesign, type CodeOptions, type LoadedDesign } from "../../index.js";
import type { EmittedFiles } from "../../types.js";
import { isFigmentError } from "../../../kernel/errors.js";

const DIRS = ["real", "figma", "corpus"].map((d) => new URL(`../../../test/fixtures/${d}/`, import.meta.url));
const STYLINGS: CodeOptions[] = [
  { target: "react", styling: "css-modules", nodeIds: false },
  { target: "react", styling: "tailwind", nodeIds: false },
];

function fixtures(): { name: string; loaded: LoadedDesign }[] {
  const out: { name: string; loaded: LoadedDesign }[] = [];
  for (const dir of DIRS)
    for (const name of readdirSync(dir).sort()) {
      if (!name.endsWith(".json") || name.includes("reference")) continue;
      let raw: unknown;
      try {
        raw = JSON.parse(readFileSync(new URL(name, dir), "utf8"));
      } catch {
        continue; // a fragment, not a reply
      }
      try {
        out.push({ name, loaded: loadDesign(raw) });
      } catch (error) {
        if (!isFigmentError(error, "input")) throw error;
      }
    }
  return out;
}

/** The printed files that differ from the format pass's text (path and first differing line). */
async function mismatches(emitted: EmittedFiles): Promise<string[]> {
  const out: string[] = [];
  for (const file of emitted.files) {
    const printed = emitted.printed.get(file.path);
    if (printed === undefined) continue;
    if (printed !== file.content) out.push(`${file.path}: printed text is not the file's`);
    const formatted = (await formatFiles([file], "emitters")).files[0]!.content;
    if (formatted !== printed) {
      const a = printed.split("\n");
      const b = formatted.split("\n");
      let k = 0;
      while (a[k] === b[k]) k++;
      out.push(`${file.path}:${k + 1}: ${JSON.stringify(a[k])} ≠ ${JSON.stringify(b[k])}`);
    }
  }
  return out;
}

describe("the React emitters print their scripts as the format pass would", () => {
  it("on every real, sample and corpus file, with CSS modules and Tailwind", async () => {
    const designs = fixtures();
    expect(designs.length).toBeGreaterThan(30);
    for (const options of STYLINGS) {
      let scripts = 0;
      let printed = 0;
      const wrong: string[] = [];
      for (const { name, loaded } of designs) {
        const emitted = emitFiles(loaded.document, options);
        for (const file of emitted.files)
          if (/\.tsx?$/.test(file.path)) {
            scripts++;
            if (emitted.printed.has(file.path)) printed++;
          }
        wrong.push(...(await mismatches(emitted)).map((m) => `${name} ${options.styling} ${m}`));
      }
      expect(wrong).toEqual([]);
      // 97 % of .tsx/.ts on these files (85 % on ae7d0b5, 0 % on fd5b2a3): text with line breaks and style runs is
      // printed; characters of uncertain width (icon fonts, emoji) are left to the pass.
      expect(printed / scripts, options.styling).toBeGreaterThan(0.95);
    }
  }, 120_000);

  it("on random designs", async () => {
    await fc.assert(
      fc.asyncProperty(treeSpec, fc.boolean(), fc.boolean(), async (spec, tailwind, nodeIds) => {
        const d = buildDesign(spec);
        let loaded: LoadedDesign;
        try {
          loaded = loadDesign(d.reply, d.nodeIds);
        } catch (error) {
          if (isFigmentError(error, "input")) return;
          throw error;
        }
        const emitted = emitFiles(loaded.document, {
          target: "react",
          styling: tailwind ? "tailwind" : "css-modules",
          nodeIds,
        });
        expect(await mismatches(emitted)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});

describe("the HTML emitter prints its pages as the format pass would", () => {
  const pages = (emitted: EmittedFiles): [number, number] => {
    const html = emitted.files.filter((f) => f.path.endsWith(".html"));
    return [html.filter((f) => emitted.printed.has(f.path)).length, html.length];
  };

  it("on every real, sample and corpus file, with and without layer ids", async () => {
    const designs = fixtures();
    for (const nodeIds of [false, true]) {
      let printed = 0;
      let total = 0;
      const wrong: string[] = [];
      for (const { name, loaded } of designs) {
        const emitted = emitFiles(loaded.document, { target: "html", styling: "css-modules", nodeIds });
        const [p, n] = pages(emitted);
        printed += p;
        total += n;
        wrong.push(...(await mismatches(emitted)).map((m) => `${name} ${m}`));
      }
      expect(wrong).toEqual([]);
      expect(total).toBeGreaterThan(150);
      // 200 of 201 pages without ids (0 on f409625); a character of uncertain width (an emoji) is left to the pass.
      expect(printed / total, `ids ${nodeIds}`).toBeGreaterThan(0.95);
    }
  }, 120_000);

  it("on random designs", async () => {
    let printed = 0;
    await fc.assert(
      fc.asyncProperty(treeSpec, fc.boolean(), async (spec, nodeIds) => {
        const d = buildDesign(spec);
        let loaded: LoadedDesign;
        try {
          loaded = loadDesign(d.reply, d.nodeIds);
        } catch (error) {
          if (isFigmentError(error, "input")) return;
          throw error;
        }
        const emitted = emitFiles(loaded.document, { target: "html", styling: "css-modules", nodeIds });
        printed += pages(emitted)[0];
        expect(await mismatches(emitted)).toEqual([]);
      }),
      { numRuns: 60 },
    );
    // About half: the rest hold random characters of uncertain width (CJK, emoji, controls), left to the pass.
    expect(printed).toBeGreaterThan(10);
  }, 120_000);
});
