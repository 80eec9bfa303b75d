/**
 * `figment code --score`: the figures printed and in --json are scoreFrame's on the frame's own code (HTML and
 * React, rendered as the panel previews it), after the files are written; bad combinations are refused.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { generateCode, loadDesign } from "../../codegen/index.js";
import type { FidelityScore } from "../../codegen/fidelity/types.js";
import type { RestNode } from "../../codegen/fidelity/design-nodes.js";
import { captureIo, fixturePath, listFiles, readFixture } from "../../test/helpers/fixtures.js";
import { runBrowser, useBrowser } from "../../test/helpers/browser.js";
import { brokenBoxes, pascalCaseBoxes } from "../../test/helpers/resaved-boxes.js";
import { run } from "../run.js";
import { scoreCode } from "../measure/score.js";

const LOGIN = "figmasharp-login.file.json";
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "figment-score-"));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

async function figment(argv: string[]) {
  const io = captureIo();
  const code = await run(argv, io);
  return { code, stdout: io.stdout(), stderr: io.stderr() };
}

describe("figment code --score: usage", () => {
  it("is refused where there is nothing to measure against or nothing written yet", async () => {
    for (const [argv, message] of [
      [["fidelity", fixturePath(LOGIN), "--score"], /--score only applies to figment code/],
      [["code", "--from-hint", "hint.txt", "--score"], /--score needs the design's JSON/],
    ] as const) {
      const ran = await figment([...argv]);
      expect(ran.code).toBe(2);
      expect(ran.stderr).toMatch(message);
    }
  });
});

describe.runIf(runBrowser)("figment code --score", () => {
  const browser = useBrowser();

  for (const target of ["html", "react"] as const) {
    it(
      `${target}: --json carries each frame's score, equal to ` +
        `scoreFrame on the frame's code; the files are written`,
      async () => {
        const out = tempDir();
        const ran = await figment([
          "code",
          fixturePath(LOGIN),
          "--node",
          "101:3",
          "--target",
          target,
          "--out",
          out,
          "--score",
          "--json",
        ]);
        expect(ran.code, ran.stderr).toBe(0);
        const report = JSON.parse(ran.stdout) as { files: { path: string }[]; score: FidelityScore[] };
        expect(listFiles(out)).toEqual(report.files.map((f) => f.path).sort());
        expect(report.score).toHaveLength(1);
        const [score] = report.score as [FidelityScore];
        expect(score.frameId).toBe("101:3");
        expect(score.widths.map((w) => w.width)).toEqual([score.designWidth, 390, 768, 1920]);

        const design = loadDesign(readFixture(LOGIN), ["101:3"]);
        const code = await generateCode(design.document, { target, styling: "css-modules", nodeIds: true });
        const direct = await scoreCode(browser, {
          frame: design.roots[0] as unknown as RestNode,
          files: code.files,
          target,
        });
        expect(score.iouMatched).toBeCloseTo(direct.iouMatched, 6);
        expect(score.widths.map((w) => w.textVisible)).toEqual(direct.widths.map((w) => w.textVisible));
        // A real result, not an empty page: most layers found, close to the design.
        expect(score.matched).toBeGreaterThan(0.9);
        expect(score.iouMatched).toBeGreaterThan(0.9);
      },
    );
  }

  it(
    "scoreCode takes the widths to measure (0: the design width; " +
      "it is measured in any case), by default 390, 768 and 1920",
    async () => {
      const design = loadDesign(readFixture(LOGIN), ["101:3"]);
      const frame = design.roots[0] as unknown as RestNode;
      const code = await generateCode(design.document, { target: "html", styling: "css-modules", nodeIds: true });
      const given = await scoreCode(browser, { frame, files: code.files, target: "html", widths: [390, 768, 0, 1920] });
      expect(given.widths.map((w) => w.width)).toEqual([375, 390, 768, 1920]);
      const without = await scoreCode(browser, { frame, files: code.files, target: "html", widths: [1920] });
      expect(without.widths.map((w) => w.width)).toEqual([375, 1920]);
      const byDefault = await scoreCode(browser, { frame, files: code.files, target: "html" });
      expect(byDefault.widths.map((w) => w.width)).toEqual([375, 390, 768, 1920]);
      // The same page at the same widths: the same figures, and the same headline score.
      expect(given.iouMatched).toBe(byDefault.iouMatched);
      expect(given.widths).toEqual(byDefault.widths);
    },
  );

  it(
    "a file re-saved with PascalCase boxes scores as the original; one " +
      "whose boxes are missing or NaN scores in finite viewports (issue 38)",
    async () => {
      const dir = tempDir();
      const dialog = readFixture("figmasharp-bundler-dialog.file.json");
      const scoreOf = async (json: unknown, name: string) => {
        const path = join(dir, name);
        writeFileSync(path, JSON.stringify(json));
        const ran = await figment([
          "code",
          path,
          "--target",
          "html",
          "--out",
          join(dir, `out-${name}`),
          "--score",
          "--json",
        ]);
        expect(ran.code, ran.stderr).toBe(0);
        expect(ran.stderr).not.toContain("internal error");
        return (JSON.parse(ran.stdout) as { score: FidelityScore[] }).score;
      };
      const original = await scoreOf(dialog, "original.json");
      const pascal = await scoreOf(pascalCaseBoxes(dialog).json, "pascal.json");
      expect(pascal.map((s) => [s.frameId, s.iouMatched, s.widths])).toEqual(
        original.map((s) => [s.frameId, s.iouMatched, s.widths]),
      );
      expect(pascal[0]!.iouMatched).toBeGreaterThan(0.9);
      // The second frame's height is "NaN": skipped; the first lost two buttons and a label's width.
      const broken = await scoreOf(
        brokenBoxes(dialog, {
          "25:4": "missing",
          "25:5": "missing",
          "25:17": { nan: "width" },
          "160:199": { nan: "height" },
        }),
        "broken.json",
      );
      expect(broken.map((s) => [s.frameId, s.designWidth])).toEqual([["25:0", 514]]);
      for (const width of broken[0]!.widths)
        expect(Number.isInteger(width.width) && width.width >= 1, JSON.stringify(width)).toBe(true);
      // A real page, not an empty one (the layers inside the skipped buttons are counted as missing).
      expect(broken[0]!.iouMatched).toBeGreaterThan(0.8);
    },
  );

  it("plain output: the files, then the score line and the layers furthest off", async () => {
    const ran = await figment([
      "code",
      fixturePath("figma-differ-selfie.nodes.json"),
      "--target",
      "html",
      "--out",
      tempDir(),
      "--score",
    ]);
    expect(ran.code, ran.stderr).toBe(0);
    const lines = ran.stdout.split("\n");
    const wrote = lines.findIndex((l) => l.startsWith("wrote "));
    const scored = lines.findIndex((l) => /^Selfie \(33459:3746\): Matches the design \d+ % · Phone.*: .+$/.test(l));
    expect(wrote).toBeGreaterThanOrEqual(0);
    expect(scored).toBeGreaterThan(wrote);
    // Then the fonts the page could not load (if any), and the layers furthest off.
    const next = lines[scored + 1]?.startsWith("  Fonts not loaded: ") ? lines[scored + 2] : lines[scored + 1];
    expect(next).toMatch(/^ {2}.+ — (missing|hidden|\d+ px)/);
  });
});
