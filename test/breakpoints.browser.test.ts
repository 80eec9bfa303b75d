/**
 * Issue 70 on real files, in Chromium: one responsive page from the designer's own breakpoint frames.
 */
import { describe, expect, it } from "vitest";
import { runBrowser, useBrowser, usePageContext } from "./helpers/browser.js";
import { BREAKPOINT_GROUPS, measureBreakpoints } from "./helpers/breakpoint-pages.js";

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
});
