/**
 * The first step of the dev check test/harness/check-ui.ts, so its fake main thread (test/harness/fake-main.ts)
 * cannot drift from the panel unseen again: on main 18f401c its untyped script did not even parse (a `const` declared
 * twice in one switch) and check-ui waited 30 s for a thumbnail that never came. Real dist/ui.html and dist/code.js,
 * the Log-In screen of a real file (figmasharp-login): the thumbnail shows, Generate paints code, every message the
 * panel sent passes the contract's parser, and nothing was logged as an error.
 */
import { describe, expect, it } from "vitest";
import { LOGIN_SCENARIO, withFakeMain } from "./harness/fake-main-page.js";
import { runBrowser, useBrowser, usePageContext } from "./helpers/browser.js";

describe.runIf(runBrowser)("check-ui's fake main thread", { timeout: 120_000 }, () => {
  const pages = usePageContext(useBrowser());

  it("shows the selection's thumbnail, and Generate paints code with contract messages only", async () => {
    await withFakeMain(pages, LOGIN_SCENARIO, async ({ ui, sent, refused, errors }) => {
      await ui.locator(".selection__thumb img").waitFor();
      await ui.getByRole("button", { name: "Generate", exact: true }).click();
      await ui.locator(".code__line").first().waitFor({ timeout: 90_000 });
      const types = (await sent()).map((m) => m.type);
      expect(types[0]).toBe("ready");
      expect(types).toContain("get-thumbnail");
      expect(types).toContain("export-selection");
      expect(await refused()).toEqual([]);
      // The page may not reach the network (a web font the preview asks for is blocked): not the panel's error.
      expect(errors.filter((e) => !e.includes("ERR_BLOCKED_BY_CLIENT"))).toEqual([]);
    });
  });
});
