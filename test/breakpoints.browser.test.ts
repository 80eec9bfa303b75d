/**
 * Issue 70 on real files, in Chromium: one responsive page from the designer's own breakpoint frames.
 */
import { describe, expect, it } from "vitest";
import { runBrowser, useBrowser, usePageContext } from "./helpers/browser.js";
import { BREAKPOINT_GROUPS, measureBreakpoints, measureTargetWidths } from "./helpers/breakpoint-pages.js";

describe.runIf(runBrowser)("one page from its drawings at several widths (issue 70)", () => {
  const browser = useBrowser();
  const context = usePageContext(browser);
  const only = process.env["BP_ONLY"];
  for (const group of BREAKPOINT_GROUPS.filter((g) => !only || g.key.includes(only)))
    it(`${group.key}: each drawn width is its drawing`, async () => {
      const row = await measureBreakpoints(context, group, process.env["BP_OUT"]);
      console.log(JSON.stringify(row));
      for (const d of row.drawn) expect(d.page).toBeGreaterThanOrEqual(d.exact - 0.01);
    }, 600_000);
  // Every target writes the one DOM: React's and Vue's page of the Order Modal's drawings, at each drawn width as the
  // target's own output of that frame.
  const modal = BREAKPOINT_GROUPS.find((g) => g.key === "flora Order Modal")!;
  for (const target of ["react", "vue", "svelte", "angular"] as const)
    it.skipIf(only && !modal.key.includes(only))(
      `${modal.key} in ${target}: each drawn width is its drawing`,
      async () => {
        const rows = await measureTargetWidths(context, modal, target);
        console.log(target, JSON.stringify(rows));
        for (const row of rows) expect(row.page).toBeGreaterThanOrEqual(row.own - 0.01);
      },
      600_000,
    );
});
