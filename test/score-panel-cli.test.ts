/**
 * The panel's score and `figment code --score` agree (issue 36): the real plugin (dist/code.js on the figma
 * simulator, dist/ui.html) generates the selected frame and measures it in its sandboxed preview; the CLI generates
 * the same frame from the same inputs — the JSON, and the SVGs the plugin exported, served by the Figma-REST test
 * server (--file-key) — and measures it in Chromium. Both are kept within 0.01: IoU×matched, and the text seen at
 * every width. (They differed because the panel draws icon groups as the SVGs Figma exports, and the score counted
 * the layers inside such a picture as missing: Log-In 66 % in the panel, 97 % in the CLI.) The bench's score-panel
 * section compares every fixture frame this way.
 */
import { describe, expect, it } from "vitest";
import { panelCliScores, PANEL_CLI_TOLERANCE } from "./helpers/panel-cli-score.js";
import { runBrowser, useBrowser, usePageContext } from "./helpers/browser.js";

/** Log-In and Selfie (the two users saw differ), an absolute form, a dialog and an auto-layout landing page. */
const FRAMES = [
  { fixture: "figmasharp-login.file.json", frame: "101:3" },
  { fixture: "figma-differ-selfie.nodes.json", frame: "33459:3746" },
  { fixture: "figmagic-design-system.file.json", frame: "3022:701" },
  { fixture: "figmasharp-bundler-dialog.file.json", frame: "25:0" },
  { fixture: "vincegx-hero-header.nodes.json", frame: "122:21049" },
];

describe.runIf(runBrowser)(
  "the panel's score equals figment code --score on the same inputs",
  { timeout: 240_000 },
  () => {
    const browser = useBrowser();
    const pages = usePageContext(browser);

    for (const { fixture, frame } of FRAMES) {
      it(`${fixture} ${frame}: within ${PANEL_CLI_TOLERANCE}`, async () => {
        const { panel, cli } = await panelCliScores(pages, { fixture, frame });
        expect(panel.frameId).toBe(frame);
        expect(panel.widths.map((w) => w.width)).toEqual(cli.widths.map((w) => w.width));
        expect(
          Math.abs(panel.iouMatched - cli.iouMatched),
          `IoU×matched: panel ${panel.iouMatched}, CLI ${cli.iouMatched}`,
        ).toBeLessThanOrEqual(PANEL_CLI_TOLERANCE);
        for (const [i, w] of panel.widths.entries()) {
          const c = cli.widths[i]!;
          expect(
            Math.abs(w.textVisible - c.textVisible),
            `text seen at ${w.width}: panel ${w.textVisible}, CLI ${c.textVisible}`,
          ).toBeLessThanOrEqual(PANEL_CLI_TOLERANCE);
        }
        // A real result on both sides, not two empty pages that agree.
        expect(panel.matched).toBeGreaterThan(0.9);
      });
    }
  },
);
