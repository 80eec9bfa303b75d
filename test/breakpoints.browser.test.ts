/**
 * Issue 70 on real files, in Chromium: a page the designer drew at several widths is one page whose every drawn width
 * is that frame's drawing (IoU×matched within 0.01 of the frame's own --exact-layout output), which reads between the
 * drawn widths as the applying frame's own page does, and is not much larger than the larger frame's own output.
 * flora's Order Modal (1440, 768, 375) and fitma's Cart (1440, 411); the bench section breakpoints measures them all.
 */
import { describe, expect, it } from "vitest";
import { runBrowser, useBrowser, usePageContext } from "./helpers/browser.js";
import { BETWEEN, BREAKPOINT_GROUPS, measureBreakpoints, measureTargetWidths } from "./helpers/breakpoint-pages.js";

const GROUPS = ["flora Order Modal", "fitma Cart"];

describe.runIf(runBrowser)("one page from the designer's frames at several widths (issue 70)", () => {
  const browser = useBrowser();
  const context = usePageContext(browser);
  for (const key of GROUPS)
    it(`${key}: each drawn width is its drawing, the widths between read as the frame's own page`, async () => {
      const group = BREAKPOINT_GROUPS.find((g) => g.key === key)!;
      const row = await measureBreakpoints(context, group);
      expect(row.drawn).toHaveLength(group.ids.length);
      for (const d of row.drawn) expect(d.page, `${d.frame} at ${d.width}`).toBeGreaterThanOrEqual(d.exact - 0.01);
      for (const w of BETWEEN) {
        expect(row.seen[w], `text seen at ${w}`).toBeGreaterThanOrEqual(row.ownSeen[w]! - 0.001);
        expect(row.overflow[w], `sideways scroll at ${w}`).toBe(0);
      }
      expect(row.bytes).toBeLessThanOrEqual(1.3 * row.largerBytes);
      // flora draws its three frames of one structure: every layer is one element. fitma's phone frames are built of
      // other components than its desktop frames: what cannot be one element is written per drawing, and counted.
      if (key === "flora Order Modal") expect(row.perDrawing).toBe(0);
      else expect(row.perDrawing).toBeGreaterThan(0);
    });
  // Every target writes the one DOM: React's, Vue's, Svelte's and Angular's page of the Order Modal's drawings, at
  // each drawn width as the
  // target's own output of that frame.
  const modal = BREAKPOINT_GROUPS.find((g) => g.key === "flora Order Modal")!;
  for (const target of ["react", "vue", "svelte", "angular"] as const)
    it(`${modal.key} in ${target}: each drawn width is its drawing`, async () => {
      const rows = await measureTargetWidths(context, modal, target);
      expect(rows).toHaveLength(modal.ids.length);
      for (const row of rows) expect(row.page).toBeGreaterThanOrEqual(row.own - 0.01);
    }, 300_000);
});
