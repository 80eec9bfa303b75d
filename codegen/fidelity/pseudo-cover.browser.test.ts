/**
 * Covers drawn by pseudo-elements (issue 49): hand-written code and models draw dark overlays as an ancestor's or a
 * sibling's `::before`/`::after`. The text probe (text-probe.ts, as `figment fidelity`, `figment score` and the panel
 * run it) reports a text under an opaque one as covered, named by its element; a see-through one as a veil it
 * measures the contrast through (illegible where it drops under the limit); and one the stacking order puts under the
 * text as nothing. The page: test/helpers/pseudo-cover-page.ts; the panel's side:
 * ui/code/score/measure.browser.test.ts.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { measureFrame } from "../../cli/measure/responsive-page.js";
import { run } from "../../cli/run.js";
import { runBrowser, useBrowser } from "../../test/helpers/browser.js";
import { captureIo } from "../../test/helpers/fixtures.js";
import { PSEUDO_COVER_FRAME, PSEUDO_COVER_PAGE, PSEUDO_COVER_VERDICTS } from "../../test/helpers/pseudo-cover-page.js";
import { tempDirs } from "../../test/helpers/temp-dirs.js";
import type { FidelityScore } from "./types.js";

const tempDir = tempDirs("figment-pseudo-cover-");

const expected = Object.fromEntries(
  Object.entries(PSEUDO_COVER_VERDICTS).map(([id, v]) => [
    id,
    { class: v.class, detail: expect.stringMatching(v.detail) },
  ]),
);

describe.runIf(runBrowser)("covers drawn by pseudo-elements", () => {
  const browser = useBrowser();

  it("an opaque one above covers (named), one under or below the text does not, a see-through one veils", async () => {
    const report = await measureFrame(browser, {
      frame: PSEUDO_COVER_FRAME,
      files: [{ path: "index.html", content: PSEUDO_COVER_PAGE }],
      entry: "index.html",
      widths: [400],
    });
    const [w] = report.widths;
    expect(Object.fromEntries(w!.problems.map((p) => [p.id, { class: p.class, detail: p.detail }]))).toEqual(expected);
    // Under (z-index -1), Raised (the text above it), Mist (light), Badge (beside it), Tinted (legible): seen.
    expect(w!.textVisible).toBeCloseTo(5 / 8, 6);
    expect(w!.textCovered).toBeCloseTo(1 / 8, 6);
    expect(w!.textIllegible).toBeCloseTo(2 / 8, 6);
  });

  it("figment score --dir on the hand-written page says the same", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "page"));
    writeFileSync(join(dir, "design.json"), JSON.stringify({ document: PSEUDO_COVER_FRAME }));
    writeFileSync(join(dir, "page", "index.html"), PSEUDO_COVER_PAGE);
    const io = captureIo();
    const code = await run(
      ["score", join(dir, "design.json"), "--dir", join(dir, "page"), "--widths", "design", "--json"],
      io,
    );
    expect(code, io.stderr()).toBe(0);
    const { score } = JSON.parse(io.stdout()) as { score: FidelityScore };
    const rows = score.widths[0]!.hiddenTexts;
    expect(Object.fromEntries(rows.map((t) => [t.nodeId, { class: t.problem, detail: t.detail }]))).toEqual(expected);
  });
});
