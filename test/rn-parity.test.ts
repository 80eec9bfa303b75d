/**
 * React Native within 0.02 of React on every frame (issue 72): what a reader sees of the text at the design width,
 * React Native's page (react-native-web, as the CLI's score renders it) against React's, on every visible top-level
 * frame of the real files, the framework parity fixtures and the composed iOS settings screen (status bar, icons,
 * rows of switches). test/helpers/rn-parity.ts measures; the bench section `rn-parity` lists the figures per frame.
 * One check per file, run side by side on one browser context.
 */
import { describe, expect, it } from "vitest";
import { runBrowser, useBrowser, usePageContext } from "./helpers/browser.js";
import { type ParityFrame, rnParity, rnParityFrames, RN_PARITY_GOAL } from "./helpers/rn-parity.js";

const frames = rnParityFrames();
const byFile = new Map<string, ParityFrame[]>();
for (const f of frames) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);

describe.runIf(runBrowser)(
  "React Native and React: what a reader sees at the design width",
  { timeout: 1_800_000 },
  () => {
    const browser = useBrowser();
    const pages = usePageContext(browser);

    it("measures every real file's frames, the parity fixtures and the iOS screen", () => {
      expect(byFile.size).toBeGreaterThanOrEqual(15);
      expect(frames.length).toBeGreaterThan(100);
      expect(frames.some((f) => f.file === "composed/ios-settings.nodes.json")).toBe(true);
    });

    for (const [file, list] of byFile)
      it.concurrent(`${file}: ${list.length} frames within ${RN_PARITY_GOAL}`, async () => {
        const over: string[] = [];
        for (const f of list) {
          const figures = await rnParity(pages, f);
          // The page was measured (React's text is there to compare with).
          expect(figures.react, `${f.id} ${f.name}`).toBeGreaterThan(0);
          if (figures.gap > RN_PARITY_GOAL)
            over.push(
              `${f.id} ${f.name}: React ${figures.react.toFixed(3)}, React Native ${figures.native.toFixed(3)}` +
                ` (${figures.lost.slice(0, 3).join("; ")})`,
            );
        }
        expect(over).toEqual([]);
      });
  },
);
