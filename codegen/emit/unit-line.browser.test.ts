/**
 * A text drawn on one line in a box that scales as a unit keeps it, as rendered with the stand-in font the panel
 * measures with (no web font served: "Poppins Fallback", Arial Bold size-adjusted, a few px wider than Poppins):
 * psykolog's "Heading L" (Font Sizes, test/fixtures/real), Poppins Bold 40 drawn on one line in a 212-px box, wrapped
 * its "L" onto a second line over "Heading M" below it at every width (React read 0.975 of the text).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { scoreCode } from "../../cli/measure/score.js";
import type { RestNode } from "../fidelity/design-nodes.js";
import { runBrowser, useBrowser, usePageContext } from "../../test/helpers/browser.js";
import { fixturesRoot } from "../../test/helpers/responsive-frames.js";
import { generateCode, loadDesign } from "../index.js";

describe.runIf(runBrowser)("a one-line text in a box that scales as a unit, rendered", () => {
  const browser = useBrowser();
  const pages = usePageContext(browser);

  it("psykolog's Heading L covers nothing at the design width and on a phone (CSS modules, Tailwind)", async () => {
    const json: unknown = JSON.parse(readFileSync(join(fixturesRoot(), "real/psykolog-jenny.file.json"), "utf8"));
    const design = loadDesign(json, ["29:44"]);
    for (const styling of ["css-modules", "tailwind"] as const) {
      const code = await generateCode(design.document, { target: "react", styling, nodeIds: true });
      const s = await scoreCode(pages, {
        frame: design.roots[0] as unknown as RestNode,
        files: code.files,
        target: "react",
        widths: [0, 390],
      });
      for (const w of s.widths)
        expect(w.textVisible, `${styling} at ${w.width}: ${JSON.stringify(w.hiddenTexts)}`).toBe(1);
    }
  }, 120000);
});
