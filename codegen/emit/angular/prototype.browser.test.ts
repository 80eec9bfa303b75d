/**
 * Angular's prototype in Chromium (issue 52): a BACK link whose screen a transition came to (transitions.ts's
 * reverse, played by the router's view transitions: view-transitions.browser.test.ts) is the component's back() over
 * the router's Location — Angular's compiler
 * (ngtsc, strict templates) takes the files as they are, and the preview goes Home → Page by the link and back by it.
 */
import { describe, expect, it } from "vitest";
import { withPage } from "../../../cli/measure/browser.js";
import { compileAngular } from "../../../cli/measure/angular-compile.js";
import { resultPage } from "../../../cli/measure/result-page.js";
import { loadDesign, type CodeOptions } from "../../index.js";
import { BACK_FILE } from "../../prototype/motion-design.js";
import { runBrowser, useBrowser } from "../../../test/helpers/browser.js";
import { cachedGenerateCode } from "../../../test/helpers/run-cache.js";

describe.runIf(runBrowser)("Angular's prototype in Chromium", () => {
  const browser = useBrowser();

  it("a BACK link after a transition compiles (strict templates) and goes back to the screen it came from", {
    timeout: 120_000,
  }, async () => {
    const options: CodeOptions = { target: "angular", styling: "css-modules", nodeIds: true };
    const code = await cachedGenerateCode(loadDesign(BACK_FILE, []).document, options);
    expect((await compileAngular(code.files)).problems).toEqual([]);
    const { files, entry } = await resultPage(code.files, "angular");
    await withPage(browser, files, entry, { width: 400, height: 600 }, async (page) => {
      const shown = (id: string) => page.locator(`[data-node-id="${id}"]`).first().waitFor();
      await shown("7:1");
      await page.locator('[data-node-id="7:2"]').click();
      await shown("8:1");
      await page.locator('[data-node-id="8:2"]').click();
      await shown("7:1");
      expect(await page.locator('[data-node-id="8:1"]').count()).toBe(0);
    });
  });
});
