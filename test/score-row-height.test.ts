/**
 * The score's row above the code keeps one height whatever it says in one line: measuring, failed, measured (and
 * measured leading with text a phone reader cannot read). The code under it must not move when the measurement
 * arrives (a 3 px jump, seen when the score finished after the draft was on screen on a busy machine:
 * test/plugin-perf-e2e.test.ts).
 */
import { describe, expect, it } from "vitest";
import { pageBundle, withComponentPage } from "./helpers/component-page.js";
import { runBrowser, useBrowser } from "./helpers/browser.js";

const PAGE_ENTRY = `
import { render } from "preact";
import { ScoreView } from "./ui/code/score/score-view.tsx";
import "./ui/styles.css";

const score = { frameId: "1:2", frameName: "Login", iouMatched: 0.99, meanIoU: 0.99, matched: 1, designWidth: 375,
  widths: [], worst: [] };
// Text a phone reader cannot read: the closed line leads with it, in its own layout (score-view.tsx).
const text = { visible: 0.3, missing: 0, clipped: 0.1, covered: 0.14, illegible: 0.09, "too-small": 0.37 };
const phone = { width: 390, textVisible: 0.3, text, overflow: false, overflowPx: 0, hiddenTexts: [] };
const STATES = {
  measuring: { status: "measuring" },
  failed: { status: "failed", message: "the preview did not load" },
  measured: { status: "done", score },
  unread: { status: "done", score: { ...score, widths: [phone] } },
};
render(
  <div style="width:420px;display:flex;flex-direction:column">
    {Object.entries(STATES).map(([name, state]) => (
      <div id={name} style="display:flex;flex-direction:column">
        <ScoreView state={state} selected={undefined} onSelect={() => {}} />
      </div>
    ))}
  </div>,
  document.getElementById("app"),
);
`;
const bundle = pageBundle(PAGE_ENTRY, { sourcefile: "score-row-page.tsx" });

describe.runIf(runBrowser)("the score's row", () => {
  const browser = useBrowser();
  it("is as tall measuring, failed and measured (the code below it does not move when the score lands)", async () => {
    await withComponentPage(
      browser,
      await bundle(),
      { ready: (page) => page.waitForSelector("#measured .score") },
      async (page) => {
        expect(await page.locator("#unread .score__unread").textContent()).toBe("Phone: 14 % covered, 9 % illegible");
        const heights = await page.evaluate(() =>
          ["measuring", "failed", "measured", "unread"].map(
            (id) => document.querySelector(`#${id} .score`)!.getBoundingClientRect().height,
          ),
        );
        expect(
          heights.every((h) => h === heights[2]),
          `heights ${heights.join(", ")}`,
        ).toBe(true);
      },
    );
  });
});
